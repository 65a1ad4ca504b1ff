import type { IsoDate } from './dates'
import type { CaseKind } from './vocabulary'

/** The statutory steps a panel's decision settles, in the shape the case's milestones take. */
export interface DecisionMilestones {
  assessmentDecision?: 'agree' | 'refuse' | null
  planDecision?: 'issue' | 'not_issue' | null
  reviewDecision?: 'maintain' | 'amend' | 'cease' | null
}

/** The days the family was told, which is when each "tell the family" step is met. */
export interface FamilyToldMilestones {
  assessmentDecidedOn?: IsoDate | null
  planDecisionOn?: IsoDate | null
  reviewNoticeOn?: IsoDate | null
}

/**
 * Which way a decision went, for the clock's later steps: agreeing to assess leaves the 16- and
 * 20-week steps to come, refusing ends them; not issuing a plan ends the 20-week step; keeping or
 * ending a plan after a review leaves no amended plan to issue. A deferral settles nothing, and a
 * placement or alternative provision decision has no clock step of its own.
 */
export function decisionMilestones(kind: CaseKind, outcome: string): DecisionMilestones {
  if (outcome === 'defer') return {}
  switch (kind) {
    case 'assessment_request':
      return { assessmentDecision: outcome === 'agree_to_assess' ? 'agree' : 'refuse' }
    case 'issue_plan':
      return { planDecision: outcome === 'issue_plan' ? 'issue' : 'not_issue' }
    case 'annual_review':
    case 'phase_transfer':
      return outcome === 'maintain' || outcome === 'amend' || outcome === 'cease'
        ? { reviewDecision: outcome }
        : {}
    default:
      return {}
  }
}

/**
 * The steps met when the family is told of the decision, on the day they are told (the letter is
 * issued), not the day the panel sat: the law's duty is to notify the family. SEND Regulations 2014
 * reg 5(3) (whether to assess, 6 weeks), reg 10(1) (no plan, 16 weeks), reg 20(10) (after a review,
 * 4 weeks from the meeting).
 */
export function familyToldMilestones(kind: CaseKind, outcome: string, toldOn: IsoDate): FamilyToldMilestones {
  if (Object.keys(decisionMilestones(kind, outcome)).length === 0) return {}
  switch (kind) {
    case 'assessment_request':
      return { assessmentDecidedOn: toldOn }
    case 'issue_plan':
      return { planDecisionOn: toldOn }
    case 'annual_review':
    case 'phase_transfer':
      return { reviewNoticeOn: toldOn }
    default:
      return {}
  }
}

/**
 * The "tell the family" steps a letter of `toldOn` meets that are not met yet: a step already dated
 * (by an earlier letter, or by hand on the case) keeps its date, as the family was told then.
 */
export function stepsMetByLetter(
  kind: CaseKind,
  outcome: string,
  toldOn: IsoDate,
  current: FamilyToldMilestones,
): FamilyToldMilestones {
  const told = familyToldMilestones(kind, outcome, toldOn)
  return Object.fromEntries(
    (Object.keys(told) as (keyof FamilyToldMilestones)[])
      .filter((key) => !current[key])
      .map((key) => [key, told[key]]),
  )
}

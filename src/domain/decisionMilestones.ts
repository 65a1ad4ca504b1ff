import type { IsoDate } from './dates'
import type { CaseKind } from './vocabulary'

/** The statutory steps a panel's decision completes, in the shape the case's milestones take. */
export interface DecisionMilestones {
  assessmentDecidedOn?: IsoDate | null
  assessmentDecision?: 'agree' | 'refuse' | null
  planDecisionOn?: IsoDate | null
  planDecision?: 'issue' | 'not_issue' | null
  reviewNoticeOn?: IsoDate | null
  reviewDecision?: 'maintain' | 'amend' | 'cease' | null
}

/**
 * What a decision answers on the statutory clock: the 6-week assessment decision, the 16-week
 * decision whether to issue a plan, and the decision after a review. A deferral answers nothing,
 * and a placement or alternative provision decision has no clock step of its own.
 */
export function decisionMilestones(kind: CaseKind, outcome: string, decidedOn: IsoDate): DecisionMilestones {
  if (outcome === 'defer') return {}
  switch (kind) {
    case 'assessment_request':
      return {
        assessmentDecidedOn: decidedOn,
        assessmentDecision: outcome === 'agree_to_assess' ? 'agree' : 'refuse',
      }
    case 'issue_plan':
      return { planDecisionOn: decidedOn, planDecision: outcome === 'issue_plan' ? 'issue' : 'not_issue' }
    case 'annual_review':
    case 'phase_transfer':
      return outcome === 'maintain' || outcome === 'amend' || outcome === 'cease'
        ? { reviewNoticeOn: decidedOn, reviewDecision: outcome }
        : {}
    default:
      return {}
  }
}

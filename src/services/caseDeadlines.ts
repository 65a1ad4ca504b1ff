import type { IsoDate } from '../domain/dates'
import {
  deadlinesFor,
  deadlineState,
  hasStatutoryClock,
  type ClockRequest,
  type Deadline,
  type DeadlineStatus,
  type DeadlineStep,
} from '../domain/statutoryClock'
import type { CaseKind } from '../domain/vocabulary'
import type { BankHolidayLookup } from '../domain/workingDays'

/** What a case records that its clock depends on. */
export interface CaseClockFacts {
  kind: CaseKind
  receivedOn: IsoDate
  milestones: {
    assessmentDecidedOn?: IsoDate | null
    assessmentDecision?: 'agree' | 'refuse' | null
    /** The day the family was told whether an EHC plan will be issued, and which way it went. */
    planDecisionOn?: IsoDate | null
    planDecision?: 'issue' | 'not_issue' | null
    finalPlanIssuedOn?: IsoDate | null
    reviewMeetingOn?: IsoDate | null
    reviewNoticeOn?: IsoDate | null
    reviewDecision?: 'maintain' | 'amend' | 'cease' | null
    transferYear?: number | null
    transferType?: 'school' | 'post16' | null
  }
  exceptions: { step: string }[]
}

export interface CaseDeadline extends Deadline {
  completedOn: IsoDate | null
  hasException: boolean
  /** `plannedOn`: the sitting the queue found for this step, null when it found none (see deadlineState). */
  state(today: IsoDate, plannedOn?: IsoDate | null): DeadlineStatus
}

function clockRequest({ kind, receivedOn, milestones: m }: CaseClockFacts): ClockRequest | undefined {
  if (!hasStatutoryClock(kind)) return undefined
  switch (kind) {
    case 'assessment_request':
    case 'issue_plan':
      return { kind, received: receivedOn }
    case 'annual_review':
      return m.reviewMeetingOn
        ? { kind, meeting: m.reviewMeetingOn, notice: m.reviewNoticeOn ?? undefined }
        : undefined
    case 'phase_transfer':
      return m.transferYear && m.transferType
        ? { kind, transferYear: m.transferYear, transfer: m.transferType }
        : undefined
  }
}

/** The day each step was done, from the case's milestones. */
function completedOn(step: DeadlineStep, m: CaseClockFacts['milestones']): IsoDate | null {
  switch (step) {
    case 'decide_whether_to_assess':
      return m.assessmentDecidedOn ?? null
    // A decision either way answers the 16-week question, and so does issuing the plan.
    case 'notify_plan_not_issued':
      return m.planDecisionOn ?? m.finalPlanIssuedOn ?? null
    case 'issue_final_plan':
    case 'issue_amended_plan':
      return m.finalPlanIssuedOn ?? null
    // Holding the meeting shows the papers went out before it.
    case 'circulate_review_papers':
    case 'hold_review_meeting':
      return m.reviewMeetingOn ?? null
    case 'notify_review_decision':
      return m.reviewNoticeOn ?? null
  }
}

/** Steps that the decisions already made have taken away: no plan to issue, no amendment to make. */
function stepStillApplies(step: DeadlineStep, m: CaseClockFacts['milestones']): boolean {
  if (m.assessmentDecision === 'refuse')
    return step !== 'notify_plan_not_issued' && step !== 'issue_final_plan'
  if (m.planDecision === 'not_issue') return step !== 'issue_final_plan'
  if (m.reviewDecision === 'maintain' || m.reviewDecision === 'cease') return step !== 'issue_amended_plan'
  return true
}

/**
 * A case's statutory deadlines as known on `today`: what is done, and each step's state. A milestone dated
 * after today (a review meeting arranged for next week) is planned, not done. The bank holidays move its
 * derived dates to working days.
 */
export function caseDeadlines(
  facts: CaseClockFacts,
  today: IsoDate,
  holidays: BankHolidayLookup,
): CaseDeadline[] {
  const request = clockRequest(facts)
  if (!request) return []
  const m = facts.milestones
  return deadlinesFor(request, holidays)
    .filter((d) => stepStillApplies(d.step, m))
    .map((d) => {
      const recorded = completedOn(d.step, m)
      const done = recorded && recorded <= today ? recorded : null
      return {
        ...d,
        completedOn: done,
        hasException: facts.exceptions.some((e) => e.step === d.step),
        state: (today: IsoDate, plannedOn?: IsoDate | null) =>
          deadlineState({ due: d.due, today, completedOn: done, plannedOn }),
      }
    })
}

/** The nearest step not yet done: stored on the case so that lists sort by it. */
export function nextOpenDeadline(deadlines: CaseDeadline[]): { on: IsoDate; step: string } | null {
  const open = deadlines.filter((d) => !d.completedOn).sort((a, b) => a.due.localeCompare(b.due))
  return open[0] ? { on: open[0].due, step: open[0].step } : null
}

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

/** What a case records that its clock depends on. */
export interface CaseClockFacts {
  kind: CaseKind
  receivedOn: IsoDate
  milestones: {
    assessmentDecidedOn?: IsoDate | null
    assessmentDecision?: 'agree' | 'refuse' | null
    planDecisionOn?: IsoDate | null
    finalPlanIssuedOn?: IsoDate | null
    reviewMeetingOn?: IsoDate | null
    reviewNoticeOn?: IsoDate | null
    transferYear?: number | null
    transferType?: 'school' | 'post16' | null
  }
  exceptions: { step: string }[]
}

export interface CaseDeadline extends Deadline {
  completedOn: IsoDate | null
  hasException: boolean
  state(today: IsoDate): DeadlineStatus
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
    // Issuing the plan answers the 16-week question too: no "we will not issue" notice is then due.
    case 'notify_plan_not_issued':
      return m.planDecisionOn ?? m.finalPlanIssuedOn ?? null
    case 'issue_final_plan':
    case 'issue_amended_plan':
      return m.finalPlanIssuedOn ?? null
    case 'hold_review_meeting':
      return m.reviewMeetingOn ?? null
    case 'notify_review_decision':
      return m.reviewNoticeOn ?? null
    case 'circulate_review_papers':
      return null
  }
}

/** A case's statutory deadlines, with what is done and what each step's state is on a given day. */
export function caseDeadlines(facts: CaseClockFacts): CaseDeadline[] {
  const request = clockRequest(facts)
  if (!request) return []
  const m = facts.milestones
  // A refusal to assess ends the clock: there is no plan to decide on or issue.
  const refused = m.assessmentDecision === 'refuse'
  return deadlinesFor(request)
    .filter((d) => !(refused && (d.step === 'notify_plan_not_issued' || d.step === 'issue_final_plan')))
    .map((d) => {
      const done = completedOn(d.step, m)
      return {
        ...d,
        completedOn: done,
        hasException: facts.exceptions.some((e) => e.step === d.step),
        state: (today: IsoDate) => deadlineState({ due: d.due, today, completedOn: done }),
      }
    })
}

/** The nearest step not yet done: stored on the case so that lists sort by it. */
export function nextOpenDeadline(deadlines: CaseDeadline[]): { on: IsoDate; step: string } | null {
  const open = deadlines.filter((d) => !d.completedOn).sort((a, b) => a.due.localeCompare(b.due))
  return open[0] ? { on: open[0].due, step: open[0].step } : null
}

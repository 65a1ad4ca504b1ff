import type { IsoDate } from './dates'
import {
  commentPeriodState,
  deadlinesFor,
  deadlineState,
  FAMILY_PERIOD_STEPS,
  hasStatutoryClock,
  type ClockRequest,
  type Deadline,
  type DeadlineStatus,
  type DeadlineStep,
  type PhaseTransfer,
  type TribunalAppeal,
} from './statutoryClock'
import type { CaseKind } from './vocabulary'
import type { BankHolidayLookup } from './workingDays'

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
    draftPlanSentOn?: IsoDate | null
    finalPlanIssuedOn?: IsoDate | null
    reviewMeetingOn?: IsoDate | null
    reviewNoticeOn?: IsoDate | null
    reviewDecision?: 'maintain' | 'amend' | 'cease' | null
    transferYear?: number | null
    transferType?: PhaseTransfer | null
    /** The day of a move between post-16 institutions (reg 18(2)). */
    transferOn?: IsoDate | null
  }
  exceptions: { step: string }[]
  /** Tribunal appeals recorded on the case; the latest sets the clock's reg 44 or 45 dates. */
  appeals?: readonly TribunalAppeal[]
}

export interface CaseDeadline extends Deadline {
  completedOn: IsoDate | null
  hasException: boolean
  /** `plannedOn`: the sitting the queue found for this step, null when it found none (see deadlineState). */
  state(today: IsoDate, plannedOn?: IsoDate | null): DeadlineStatus
}

/** A date recorded on the case that has happened by `today`: one arranged for later starts no clock yet. */
function byToday(date: IsoDate | null | undefined, today: IsoDate): IsoDate | null {
  return date && date <= today ? date : null
}

/** The appeal that sets the clock: the latest recorded. */
export function latestAppeal(appeals: readonly TribunalAppeal[] | undefined): TribunalAppeal | null {
  return [...(appeals ?? [])].sort((a, b) => a.on.localeCompare(b.on)).at(-1) ?? null
}

/**
 * What the statutory clock is asked about a case on `today`: the one request both the case page and the
 * /api/deadlines calculator answer from, so that they agree on every date (see clockRequestQuery).
 */
export function clockRequest(facts: CaseClockFacts, today: IsoDate): ClockRequest | undefined {
  const { kind, receivedOn, milestones: m } = facts
  if (!hasStatutoryClock(kind)) return undefined
  const appeal = latestAppeal(facts.appeals)
  const extras = appeal ? { appeal } : {}
  // After a review, the notice of proposed amendments is the draft the family comments on (reg 22(2)(c)).
  const amending = m.reviewDecision !== 'maintain' && m.reviewDecision !== 'cease'
  const reviewNotice = byToday(m.reviewNoticeOn, today)
  const reviewDraft = amending && reviewNotice ? { draftSent: reviewNotice } : {}
  switch (kind) {
    case 'assessment_request':
    case 'issue_plan': {
      const draftSent = byToday(m.draftPlanSentOn, today)
      const finalPlanIssued = byToday(m.finalPlanIssuedOn, today)
      return {
        kind,
        received: receivedOn,
        ...(draftSent ? { draftSent } : {}),
        ...(finalPlanIssued ? { finalPlanIssued } : {}),
        ...extras,
      }
    }
    case 'annual_review':
      return m.reviewMeetingOn
        ? {
            kind,
            meeting: m.reviewMeetingOn,
            ...(reviewNotice ? { notice: reviewNotice } : {}),
            ...reviewDraft,
            ...extras,
          }
        : undefined
    case 'phase_transfer': {
      const meeting = byToday(m.reviewMeetingOn, today)
      const held = {
        ...(meeting ? { meeting } : {}),
        ...(reviewNotice ? { notice: reviewNotice } : {}),
        ...reviewDraft,
        ...extras,
      }
      if (m.transferType === 'post16_move')
        return m.transferOn ? { kind, transfer: 'post16_move', transferOn: m.transferOn, ...held } : undefined
      return m.transferYear && m.transferType
        ? { kind, transferYear: m.transferYear, transfer: m.transferType, ...held }
        : undefined
    }
  }
}

/**
 * The /api/deadlines query that asks the calculator for the same request: the case page's dates and the API's
 * come from one function (deadlinesFor), and this is how anyone checks they agree.
 */
export function clockRequestQuery(request: ClockRequest): URLSearchParams {
  const q = new URLSearchParams({ kind: request.kind })
  const set = (key: string, value: string | number | null | undefined) => {
    if (value !== undefined && value !== null) q.set(key, String(value))
  }
  switch (request.kind) {
    case 'assessment_request':
    case 'issue_plan':
      set('received', request.received)
      break
    case 'annual_review':
      set('meeting', request.meeting)
      set('notice', request.notice)
      break
    case 'phase_transfer':
      set('transfer', request.transfer)
      if (request.transfer === 'post16_move') set('transferOn', request.transferOn)
      else set('transferYear', request.transferYear)
      set('meeting', request.meeting)
      set('notice', request.notice)
      break
  }
  set('draftSent', request.draftSent)
  set('finalPlanIssued', request.finalPlanIssued)
  if (request.appeal) {
    set('appealRoute', request.appeal.route)
    set('appealOn', request.appeal.on)
    set('appealAbout', request.appeal.about)
  }
  return q
}

/** A milestone counts for a step after an appeal only when it came on or after the appeal. */
function sinceAppeal(date: IsoDate | null | undefined, appeal: TribunalAppeal | null): IsoDate | null {
  return date && appeal && date >= appeal.on ? date : null
}

/** The day each step was done, from the case's milestones. */
function completedOn(
  step: DeadlineStep,
  m: CaseClockFacts['milestones'],
  appeal: TribunalAppeal | null,
): IsoDate | null {
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
    // The family's period is not done by anyone; the next review is held on the next case.
    case 'family_comments_on_draft':
    case 'hold_next_annual_review':
      return null
    case 'appeal_notify_assessment':
      return sinceAppeal(m.assessmentDecidedOn, appeal)
    case 'appeal_notify_no_plan':
      return sinceAppeal(m.planDecisionOn ?? m.finalPlanIssuedOn, appeal)
    case 'appeal_issue_draft_plan':
      return sinceAppeal(m.draftPlanSentOn ?? m.reviewNoticeOn, appeal)
    case 'appeal_issue_final_plan':
    case 'appeal_issue_amended_plan':
      return sinceAppeal(m.finalPlanIssuedOn, appeal)
  }
}

/** Steps that the decisions already made have taken away: no plan to issue, no amendment to make. */
function stepStillApplies(step: DeadlineStep, m: CaseClockFacts['milestones']): boolean {
  if (m.assessmentDecision === 'refuse')
    return step !== 'notify_plan_not_issued' && step !== 'issue_final_plan'
  if (m.planDecision === 'not_issue') return step !== 'issue_final_plan'
  if (m.reviewDecision === 'cease') return !['issue_amended_plan', 'hold_next_annual_review'].includes(step)
  if (m.reviewDecision === 'maintain') return step !== 'issue_amended_plan'
  return true
}

/** The steps whose plan the family's comment period on the draft protects. */
const PLAN_ISSUES: readonly DeadlineStep[] = [
  'issue_final_plan',
  'issue_amended_plan',
  'appeal_issue_final_plan',
]

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
  const request = clockRequest(facts, today)
  if (!request) return []
  const m = facts.milestones
  const appeal = request.appeal ?? null
  const deadlines = deadlinesFor(request, holidays).filter((d) => stepStillApplies(d.step, m))
  const comments = deadlines.find((d) => d.step === 'family_comments_on_draft')
  const planIssued = byToday(m.finalPlanIssuedOn, today)
  // Only a plan issued after the draft was sent answers to that draft's comment period.
  const planAfterDraft =
    comments && request.draftSent && planIssued && planIssued >= request.draftSent ? planIssued : null
  return deadlines.map((d) => {
    const recorded = completedOn(d.step, m, appeal)
    const done = recorded && recorded <= today ? recorded : null
    const tooEarly =
      comments !== undefined &&
      PLAN_ISSUES.includes(d.step) &&
      done !== null &&
      done === planAfterDraft &&
      done <= comments.due
    return {
      ...d,
      completedOn: done,
      hasException: facts.exceptions.some((e) => e.step === d.step),
      state: (today: IsoDate, plannedOn?: IsoDate | null): DeadlineStatus =>
        d.step === 'family_comments_on_draft'
          ? commentPeriodState(d.due, today, planAfterDraft)
          : tooEarly
            ? { state: 'issued_too_early', daysLeft: null }
            : deadlineState({ due: d.due, today, completedOn: done, plannedOn }),
    }
  })
}

/**
 * A plan issued while the family could still comment on its draft (reg 13(1)(a); reg 22(2)(c) after a review):
 * the day it was issued and the family's last day, for the flag on the case.
 */
export function planIssuedInsideCommentPeriod(
  deadlines: readonly CaseDeadline[],
  today: IsoDate,
): { issuedOn: IsoDate; lastDay: IsoDate } | null {
  const comments = deadlines.find((d) => d.step === 'family_comments_on_draft')
  const early = deadlines.find(
    (d) => d.step !== 'family_comments_on_draft' && d.state(today).state === 'issued_too_early',
  )
  return comments && early?.completedOn ? { issuedOn: early.completedOn, lastDay: comments.due } : null
}

/** The nearest step not yet done: stored on the case so that lists sort by it. */
export function nextOpenDeadline(deadlines: CaseDeadline[]): { on: IsoDate; step: string } | null {
  // The family's comment period is theirs, not a step of ours: it is never the case's next deadline.
  const open = deadlines
    .filter((d) => !d.completedOn && !FAMILY_PERIOD_STEPS.includes(d.step))
    .sort((a, b) => a.due.localeCompare(b.due))
  return open[0] ? { on: open[0].due, step: open[0].step } : null
}

/**
 * The stored results of a case's statutory clock (next_deadline_on/_step, annual_review_due_on), which lists and
 * filters read instead of running the clock for every case. services/storedDeadlines.ts is the only writer.
 */
export interface StoredDeadlines {
  nextDeadline: { on: IsoDate; step: string } | null
  /** The next annual review's due date (CFA 2014 s.44(1)), as the case page shows it. */
  annualReviewDueOn: IsoDate | null
}

/**
 * What a case stores of its clock, from the same caseDeadlines the case page shows: the nearest open step (for
 * sorting and the "next deadline" filter) and the next annual review's due date (for the "annual review due"
 * filter). A case whose review the decisions have taken away (a plan ceased) has none.
 */
export function storedDeadlinesOf(
  facts: CaseClockFacts,
  today: IsoDate,
  holidays: BankHolidayLookup,
): StoredDeadlines {
  const deadlines = caseDeadlines(facts, today, holidays)
  return {
    nextDeadline: nextOpenDeadline(deadlines),
    annualReviewDueOn: deadlines.find((d) => d.step === 'hold_next_annual_review')?.due ?? null,
  }
}

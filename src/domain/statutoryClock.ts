import { addDays, daysBetween, type IsoDate } from './dates'
import type { CaseKind } from './vocabulary'
import { addMonths } from './appealDeadline'
import { addWorkingDays, workingDayOnOrBefore, yearsSpanned, type BankHolidayLookup } from './workingDays'
import {
  APPEAL_STEP_LABELS,
  APPEAL_STEPS,
  tribunalAppealDeadlines,
  type AppealStep,
  type TribunalAppeal,
} from './tribunalOrders'

/*
 * The statutory clock: pure functions, calendar dates only. A week is 7 calendar days and no week is paused
 * for school holidays (SEND Regulations 2014; SEND Code of Practice 0–25, 2015, chapter 9).
 */

const WEEK = 7

export const DEADLINE_STEPS = [
  'decide_whether_to_assess',
  'notify_plan_not_issued',
  'issue_final_plan',
  'circulate_review_papers',
  'hold_review_meeting',
  'notify_review_decision',
  'issue_amended_plan',
  'family_comments_on_draft',
  'hold_next_annual_review',
  ...APPEAL_STEPS,
] as const
export type DeadlineStep = (typeof DEADLINE_STEPS)[number]

export const DEADLINE_STEP_LABELS: Record<DeadlineStep, string> = {
  decide_whether_to_assess: 'Decide whether to carry out an EHC needs assessment, and tell the family',
  notify_plan_not_issued: 'Tell the family if we will not issue an EHC plan',
  issue_final_plan: 'Issue the final EHC plan',
  circulate_review_papers: 'Send the advice and reports to everyone invited to the review meeting',
  hold_review_meeting: 'Hold the review meeting',
  notify_review_decision: 'Tell the family whether we will keep, amend or end the EHC plan',
  issue_amended_plan: 'Issue the amended EHC plan',
  family_comments_on_draft:
    'The family’s 15 days to comment on the draft and ask for a school end (no final plan before the next day)',
  hold_next_annual_review: 'Review the EHC plan again: the next annual review',
  ...APPEAL_STEP_LABELS,
}

/**
 * Periods that are the family's, not steps the council must take by a date: they never count as the case's
 * next deadline, and nothing is "late" when one ends. The final plan must not be issued inside one.
 */
export const FAMILY_PERIOD_STEPS: readonly DeadlineStep[] = ['family_comments_on_draft']

/**
 * `statutory`: a time limit in the regulations, counted in calendar weeks or months. `latest_safe`: a date we
 * derive from the time limits (worked back from one, or the latest one could fall), so that they can still be
 * met; no regulation names it, so missing it is not late in law. `derived`: a date a regulation's period gives
 * only once we assume when something happened that the law does not date for us (the day a posted draft is
 * served), so it is ours, not the regulation's.
 */
export type DeadlineBasis = 'statutory' | 'latest_safe' | 'derived'

export interface Deadline {
  step: DeadlineStep
  due: IsoDate
  label: string
  basis: DeadlineBasis
  /**
   * A latest safe date is moved back to a working day: the calendar years whose bank holidays that took.
   * Absent on statutory dates, which are plain calendar counts that no bank holiday moves.
   */
  bankHolidayYears?: readonly number[]
  /** The paragraph that sets it, where the row says (after a tribunal appeal). */
  regulation?: string
  /** False where that paragraph's wording could not be read, so the period is unconfirmed: the page says so. */
  confirmed?: boolean
}

function deadline(step: DeadlineStep, due: IsoDate): Deadline {
  return { step, due, label: DEADLINE_STEP_LABELS[step], basis: 'statutory' }
}

/**
 * A derived date is the latest day the step can safely be done, so one that falls on a weekend or bank
 * holiday comes back to the working day before: the office is shut on the counted day. `dependsOn` carries
 * the years of the later dates this one was worked back from, as their moves moved this one too.
 */
function latestSafe(
  step: DeadlineStep,
  counted: IsoDate,
  holidays: BankHolidayLookup,
  dependsOn: readonly number[] = [],
): Deadline {
  const due = workingDayOnOrBefore(counted, holidays)
  const years = [...new Set([...dependsOn, ...yearsSpanned(due, counted)])].sort((a, b) => a - b)
  return { step, due, label: DEADLINE_STEP_LABELS[step], basis: 'latest_safe', bankHolidayYears: years }
}

/** Regs 5(1), 10(1) and 13(2): 6, 16 and 20 weeks from the day the request was received. */
export function assessmentDeadlines(received: IsoDate): Deadline[] {
  return [
    deadline('decide_whether_to_assess', addDays(received, 6 * WEEK)),
    deadline('notify_plan_not_issued', addDays(received, 16 * WEEK)),
    deadline('issue_final_plan', addDays(received, 20 * WEEK)),
  ]
}

/** After the assessment the 16- and 20-week limits still run from the day the original request was received. */
export function issuePlanDeadlines(received: IsoDate): Deadline[] {
  return assessmentDeadlines(received).filter((d) => d.step !== 'decide_whether_to_assess')
}

export interface DraftCommentPeriod {
  /** The day the draft is taken to be served: the second working day after it was sent. */
  servedOn: IsoDate
  /** The 15th day, counting the day of service as the first: the family's last day to comment. */
  lastDay: IsoDate
  /** The first day a final (or amended) plan may be issued without cutting the family's time short. */
  earliestFinalPlan: IsoDate
  /** The calendar years whose bank holidays the day of service depends on. */
  bankHolidayYears: number[]
}

/**
 * The family's time to comment on a draft plan and ask for a school: "at least 15 days, beginning with the day
 * on which the draft plan was served" (SEND Regulations 2014 reg 13(1)(a), under Children and Families Act 2014
 * s.38(2)(b); for a draft amended plan after a review, reg 22(2)(c) in the same words).
 *
 * The regulations do not say when a posted draft is served, and the law is not explicit for SEND drafts. We
 * take every draft as sent by first class post and served on the second working day after the day it was sent:
 * the rule for documents served by first class post in civil proceedings (Civil Procedure Rules 6.26), itself
 * the "ordinary course of post" of the Interpretation Act 1978 s.7. A draft e-mailed or handed over is served
 * sooner, so this never gives the family less than their 15 days, only sometimes a day or two more ("at least").
 * The day of service is the first of the 15, so the last is 14 days after it (calendar days: the period is not
 * in working days), and a plan issued on or before that day was issued inside the family's time.
 */
export function draftCommentPeriod(sentOn: IsoDate, holidays: BankHolidayLookup): DraftCommentPeriod {
  const servedOn = addWorkingDays(sentOn, 2, holidays)
  const lastDay = addDays(servedOn, 14)
  return {
    servedOn,
    lastDay,
    earliestFinalPlan: addDays(lastDay, 1),
    bankHolidayYears: yearsSpanned(sentOn, servedOn),
  }
}

/** The family's comment period as a row of the case's dates: derived, as the day of service is our assumption. */
export function draftCommentDeadline(sentOn: IsoDate, holidays: BankHolidayLookup): Deadline {
  const period = draftCommentPeriod(sentOn, holidays)
  return {
    step: 'family_comments_on_draft',
    due: period.lastDay,
    label: DEADLINE_STEP_LABELS.family_comments_on_draft,
    basis: 'derived',
    bankHolidayYears: period.bankHolidayYears,
  }
}

/**
 * The last day of "the period of N months starting with" a date: the day before the same date N months on,
 * or, where that month has no such date (29 February in a common year, 31 April), the last day of that month,
 * the corresponding date rule (Dodds v Walker [1981] 1 WLR 1441). So 12 months starting with 29 February 2028
 * run to 28 February 2029, and 12 months starting with 1 March 2027 to 29 February 2028.
 */
export function lastDayOfMonthsStartingWith(start: IsoDate, months: number): IsoDate {
  const same = addMonths(start, months)
  // addMonths clamps to the month's end: a clamped date means the month has no corresponding date.
  return same.slice(8) === start.slice(8) ? addDays(same, -1) : same
}

/**
 * Children and Families Act 2014 s.44(1): the local authority must review an EHC plan "in the period of 12
 * months starting with the date on which the plan was first made" and then "in each subsequent period of 12
 * months starting with the date on which the plan was last reviewed" (the SEND Code of Practice 9.166: within
 * 12 months of the plan or the last review). We date a review by its meeting, and an amended plan does not
 * restart the count. Statutory, in calendar months: no bank holiday moves it.
 */
export function nextAnnualReviewDue(planMadeOrLastReviewedOn: IsoDate): IsoDate {
  return lastDayOfMonthsStartingWith(planMadeOrLastReviewedOn, 12)
}

export interface AnnualReviewInput {
  meeting: IsoDate
  /** The day the notice of proposed amendments was sent, once known. */
  notice?: IsoDate | null
}

/**
 * Reg 20(10): the decision to keep, amend or end the plan within 4 weeks of the review meeting. Reg 22(3): the
 * amended plan within 8 weeks of the notice of proposed amendments (the copy of the plan sent under 22(2)(a)). The notice goes with the decision, so
 * until its date is known the plan's statutory date is not known either: 4 + 8 = 12 weeks after the meeting
 * is the latest it can safely be issued, a derived date rather than one the regulations set.
 */
export function annualReviewDeadlines(
  { meeting, notice }: AnnualReviewInput,
  holidays: BankHolidayLookup,
): Deadline[] {
  return [
    deadline('notify_review_decision', addDays(meeting, 4 * WEEK)),
    notice
      ? deadline('issue_amended_plan', addDays(notice, 8 * WEEK))
      : latestSafe('issue_amended_plan', addDays(meeting, 12 * WEEK), holidays),
  ]
}

/**
 * `school` and `post16` are dated by the year of transfer (reg 18(1)(a) and (b)); `post16_move`, a move from one
 * post-16 institution to another at any other time, by the day of the move (reg 18(2)).
 */
export const PHASE_TRANSFERS = ['school', 'post16', 'post16_move'] as const
export type PhaseTransfer = (typeof PHASE_TRANSFERS)[number]
export type YearlyPhaseTransfer = Exclude<PhaseTransfer, 'post16_move'>

export const PHASE_TRANSFER_LABELS: Record<PhaseTransfer, string> = {
  school: 'Between school phases',
  post16: 'From secondary school to post-16',
  post16_move: 'From one post-16 institution to another',
}

/**
 * Reg 18(1) and Code of Practice 9.179: the review, and any amendment, done by 15 February of the calendar
 * year of a transfer between school phases, or by 31 March for secondary school to a post-16 institution.
 */
export function phaseTransferDue(transferYear: number, transfer: YearlyPhaseTransfer): IsoDate {
  const year = String(transferYear).padStart(4, '0')
  return transfer === 'school' ? `${year}-02-15` : `${year}-03-31`
}

/**
 * The latest safe date for each step, worked back from the day the amended plan is due:
 * - issue_amended_plan: the statutory date (reg 18), left where the regulation puts it;
 * - notify_review_decision: 8 weeks before, because the plan may take 8 weeks from the notice of proposed
 *   amendments that goes with the decision (reg 22);
 * - hold_review_meeting: 4 more weeks before, the time allowed from the meeting to the decision (reg 20);
 * - circulate_review_papers: 2 more weeks before, as the advice goes out at least two weeks before the
 *   meeting (reg 20; Code of Practice 9.176).
 * Each comes back to a working day, and the next earlier step is counted from that working day rather than
 * from the plain count, so that every step keeps its whole allowance before the next one. For 15 February
 * the meeting falls about 12 weeks before, in the week of 23 November: the "late November" of 9.179.
 */
function backPlannedFrom(due: IsoDate, holidays: BankHolidayLookup): Deadline[] {
  const notice = latestSafe('notify_review_decision', addDays(due, -8 * WEEK), holidays)
  const meeting = latestSafe(
    'hold_review_meeting',
    addDays(notice.due, -4 * WEEK),
    holidays,
    notice.bankHolidayYears,
  )
  const papers = latestSafe(
    'circulate_review_papers',
    addDays(meeting.due, -2 * WEEK),
    holidays,
    meeting.bankHolidayYears,
  )
  return [papers, meeting, notice, deadline('issue_amended_plan', due)]
}

/** What has happened of a phase transfer's review: the meeting held, the notice of proposed amendments sent. */
export interface TransferReviewHeld {
  /** The day the review meeting was held; absent while it is not. */
  meeting?: IsoDate | null
  notice?: IsoDate | null
}

/**
 * Once the review has happened, the regulations date its steps from it rather than from the reg 18 date:
 * - notify_review_decision: within 4 weeks of the meeting held (reg 20(10)), a statutory date in place of the
 *   latest safe one;
 * - issue_amended_plan: within 8 weeks of the notice of proposed amendments (reg 22(3)) and by the reg 18 date,
 *   so the earlier of the two.
 */
function afterTheReview(planned: Deadline[], held: TransferReviewHeld): Deadline[] {
  return planned.map((d) => {
    if (d.step === 'notify_review_decision' && held.meeting)
      return deadline('notify_review_decision', addDays(held.meeting, 4 * WEEK))
    if (d.step === 'issue_amended_plan' && held.notice) {
      const afterNotice = addDays(held.notice, 8 * WEEK)
      return afterNotice < d.due ? deadline('issue_amended_plan', afterNotice) : d
    }
    return d
  })
}

export function phaseTransferDeadlines(
  transferYear: number,
  transfer: YearlyPhaseTransfer,
  holidays: BankHolidayLookup,
  held: TransferReviewHeld = {},
): Deadline[] {
  return afterTheReview(backPlannedFrom(phaseTransferDue(transferYear, transfer), holidays), held)
}

/**
 * Reg 18(2): a young person moving from one post-16 institution to another at any other time needs the plan
 * reviewed and amended "at least 5 months before that transfer takes place": by the date 5 calendar months
 * before the move (for a move on 31 July, 28 or 29 February: the month's end, so never less than 5 months).
 */
export function post16MoveDue(moveOn: IsoDate): IsoDate {
  return addMonths(moveOn, -5)
}

export function post16MoveDeadlines(
  moveOn: IsoDate,
  holidays: BankHolidayLookup,
  held: TransferReviewHeld = {},
): Deadline[] {
  return afterTheReview(backPlannedFrom(post16MoveDue(moveOn), holidays), held)
}

/** The kinds of case with a statutory clock; the others (placement, alternative provision) have none. */
export const KINDS_WITH_A_CLOCK = [
  'assessment_request',
  'issue_plan',
  'annual_review',
  'phase_transfer',
] as const satisfies readonly CaseKind[]
export type KindWithAClock = (typeof KINDS_WITH_A_CLOCK)[number]

export function hasStatutoryClock(kind: CaseKind): kind is KindWithAClock {
  return (KINDS_WITH_A_CLOCK as readonly CaseKind[]).includes(kind)
}

/** What every kind of clock may also know: the events that start the time limits after the main ones. */
export interface ClockExtras {
  /** The day a draft plan (or, after a review, the draft amended plan) was sent: the family's 15 days. */
  draftSent?: IsoDate | null
  /** The day the final plan was issued, which starts the 12 months to the first annual review. */
  finalPlanIssued?: IsoDate | null
  /** A tribunal appeal decided for the family, or not opposed: regs 44 and 45. */
  appeal?: TribunalAppeal | null
}

export type ClockRequest = ClockExtras &
  (
    | { kind: 'assessment_request' | 'issue_plan'; received: IsoDate }
    | ({ kind: 'annual_review' } & AnnualReviewInput)
    | ({ kind: 'phase_transfer'; transferYear: number; transfer: YearlyPhaseTransfer } & TransferReviewHeld)
    | ({ kind: 'phase_transfer'; transfer: 'post16_move'; transferOn: IsoDate } & TransferReviewHeld)
  )

function mainDeadlines(request: ClockRequest, holidays: BankHolidayLookup): Deadline[] {
  switch (request.kind) {
    case 'assessment_request':
      return assessmentDeadlines(request.received)
    case 'issue_plan':
      return issuePlanDeadlines(request.received)
    case 'annual_review':
      return annualReviewDeadlines(request, holidays)
    case 'phase_transfer':
      return request.transfer === 'post16_move'
        ? post16MoveDeadlines(request.transferOn, holidays, request)
        : phaseTransferDeadlines(request.transferYear, request.transfer, holidays, request)
  }
}

/**
 * When the next annual review falls due (CFA 2014 s.44(1)): 12 months from the final plan, for a case that made
 * one; 12 months from the review meeting, for a review.
 */
function nextReviewFrom(request: ClockRequest): IsoDate | null {
  if (request.kind === 'annual_review') return request.meeting
  if (request.kind === 'phase_transfer') return request.meeting ?? null
  return request.finalPlanIssued ?? null
}

/**
 * Every deadline of one case: the kind's own, then the family's comment period on a draft, the next annual
 * review and any tribunal appeal's. The bank holidays move the derived dates to working days. The case page and
 * the /api/deadlines calculator both call this, so they agree on every date.
 */
export function deadlinesFor(request: ClockRequest, holidays: BankHolidayLookup): Deadline[] {
  const deadlines = mainDeadlines(request, holidays)
  if (request.draftSent) deadlines.push(draftCommentDeadline(request.draftSent, holidays))
  const reviewFrom = nextReviewFrom(request)
  if (reviewFrom) deadlines.push(deadline('hold_next_annual_review', nextAnnualReviewDue(reviewFrom)))
  if (request.appeal) {
    for (const d of tribunalAppealDeadlines(request.appeal))
      deadlines.push({ ...deadline(d.step, d.due), regulation: d.rule, confirmed: d.confirmed })
  }
  return deadlines
}

export type { AppealStep, TribunalAppeal }

export const DEADLINE_STATES = [
  'on_track',
  'due_soon',
  'at_risk',
  'overdue',
  'met',
  'met_late',
  'issued_too_early',
  'running',
  'ended',
] as const
export type DeadlineState = (typeof DEADLINE_STATES)[number]

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  on_track: 'On track',
  due_soon: 'Due soon',
  at_risk: 'At risk',
  overdue: 'Overdue',
  met: 'Met',
  met_late: 'Met late',
  // The plan went out while the family could still comment on the draft (reg 13(1)(a), reg 22(2)(c)).
  issued_too_early: 'Issued inside the family’s 15 days',
  // A family's period: still running, or over.
  running: 'Running',
  ended: 'Ended',
}

/**
 * The family's comment period on a draft, on `today`: the plan issued on or before its last day cut it short;
 * otherwise it is running until its last day and has ended after.
 */
export function commentPeriodState(
  lastDay: IsoDate,
  today: IsoDate,
  planIssuedOn: IsoDate | null,
): DeadlineStatus {
  if (planIssuedOn && planIssuedOn <= lastDay) return { state: 'issued_too_early', daysLeft: null }
  const daysLeft = daysBetween(today, lastDay)
  return daysLeft >= 0 ? { state: 'running', daysLeft } : { state: 'ended', daysLeft: null }
}

export interface DeadlineStateInput {
  due: IsoDate
  today: IsoDate
  /** The day the step was done; null or absent while it is not. */
  completedOn?: IsoDate | null
  /** The sitting the scheduler found for the step: null when it found none, absent when the step needs no sitting. */
  plannedOn?: IsoDate | null
  dueSoonDays?: number
}

export interface DeadlineStatus {
  state: DeadlineState
  /** Days from today to the due date (negative once overdue); null once the step is done. */
  daysLeft: number | null
}

export function deadlineState({
  due,
  today,
  completedOn,
  plannedOn,
  dueSoonDays = 14,
}: DeadlineStateInput): DeadlineStatus {
  if (completedOn) return { state: completedOn <= due ? 'met' : 'met_late', daysLeft: null }
  const daysLeft = daysBetween(today, due)
  if (daysLeft < 0) return { state: 'overdue', daysLeft }
  // At risk comes before due soon: a chair can still add a sitting before the day.
  if (plannedOn === null || (plannedOn !== undefined && plannedOn > due))
    return { state: 'at_risk', daysLeft }
  if (daysLeft <= dueSoonDays) return { state: 'due_soon', daysLeft }
  return { state: 'on_track', daysLeft }
}

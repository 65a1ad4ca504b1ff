import { addDays, daysBetween, type IsoDate } from './dates'
import type { CaseKind } from './vocabulary'
import { addMonths } from './appealDeadline'
import { workingDayOnOrBefore, yearsSpanned, type BankHolidayLookup } from './workingDays'

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
}

/**
 * `statutory`: a time limit in the regulations, counted in calendar weeks or months. `latest_safe`: a date we
 * derive from the time limits (worked back from one, or the latest one could fall), so that they can still be
 * met; no regulation names it, so missing it is not late in law.
 */
export type DeadlineBasis = 'statutory' | 'latest_safe'

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

/**
 * Reg 13(1) (under Children and Families Act 2014 s.38): the family has at least 15 days, beginning with the
 * day the draft plan is served, to comment and ask for a school. Counting from the day after it is sent gives them
 * the whole 15 days even when it arrives a day late; "at least" allows the extra day.
 */
export function draftPlanCommentsBy(draftSentOn: IsoDate): IsoDate {
  return addDays(draftSentOn, 15)
}

export interface AnnualReviewInput {
  meeting: IsoDate
  /** The day the notice of proposed amendments was sent, once known. */
  notice?: IsoDate | null
}

/**
 * Reg 20: the decision to keep, amend or end the plan within 4 weeks of the review meeting. Reg 22: the
 * amended plan within 8 weeks of the notice of proposed amendments. The notice goes with the decision, so
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

export const PHASE_TRANSFERS = ['school', 'post16'] as const
export type PhaseTransfer = (typeof PHASE_TRANSFERS)[number]

/**
 * Reg 18 and Code of Practice 9.179: the review, and any amendment, done by 15 February of the calendar
 * year of a transfer between school phases, or by 31 March for secondary school to a post-16 institution.
 */
export function phaseTransferDue(transferYear: number, transfer: PhaseTransfer): IsoDate {
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

export function phaseTransferDeadlines(
  transferYear: number,
  transfer: PhaseTransfer,
  holidays: BankHolidayLookup,
): Deadline[] {
  return backPlannedFrom(phaseTransferDue(transferYear, transfer), holidays)
}

/** Reg 18: a move between post-16 institutions at any other time needs the amended plan at least 5 months before. */
export function post16MoveDeadlines(moveOn: IsoDate, holidays: BankHolidayLookup): Deadline[] {
  return backPlannedFrom(addMonths(moveOn, -5), holidays)
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

export type ClockRequest =
  | { kind: 'assessment_request' | 'issue_plan'; received: IsoDate }
  | ({ kind: 'annual_review' } & AnnualReviewInput)
  | { kind: 'phase_transfer'; transferYear: number; transfer: PhaseTransfer }

/** Every deadline of one case, earliest first. The bank holidays move the derived dates to working days. */
export function deadlinesFor(request: ClockRequest, holidays: BankHolidayLookup): Deadline[] {
  switch (request.kind) {
    case 'assessment_request':
      return assessmentDeadlines(request.received)
    case 'issue_plan':
      return issuePlanDeadlines(request.received)
    case 'annual_review':
      return annualReviewDeadlines(request, holidays)
    case 'phase_transfer':
      return phaseTransferDeadlines(request.transferYear, request.transfer, holidays)
  }
}

export const DEADLINE_STATES = ['on_track', 'due_soon', 'at_risk', 'overdue', 'met', 'met_late'] as const
export type DeadlineState = (typeof DEADLINE_STATES)[number]

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  on_track: 'On track',
  due_soon: 'Due soon',
  at_risk: 'At risk',
  overdue: 'Overdue',
  met: 'Met',
  met_late: 'Met late',
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

import { formatDate, type IsoDate } from '../domain/dates'
import type { CaseStatus, FamilyRelationship, LetterFormat } from '../domain/vocabulary'
import type { QueueReason, QueueState } from '../domain/scheduler'
import {
  DEADLINE_STATE_LABELS,
  DEADLINE_STEP_LABELS,
  PHASE_TRANSFER_LABELS,
  type DeadlineBasis,
  type DeadlineState,
  type PhaseTransfer,
} from '../domain/statutoryClock'
import {
  APPEAL_ORDER_LABELS,
  APPEAL_ROUTE_LABELS,
  tribunalAppealDeadlines,
  type TribunalAppeal,
} from '../domain/tribunalOrders'
import { EXCEPTION_REASON_LABELS } from '../domain/clockExceptions'
import { EVIDENCE_SOURCE_LABELS, type EvidenceSource } from '../domain/caseIntake'

const STATUS_TAG_CLASSES: Record<CaseStatus, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--yellow',
  scheduled: 'govuk-tag--blue',
  decided: 'govuk-tag--green',
  closed: 'govuk-tag--grey',
  withdrawn: 'govuk-tag--grey',
}

export function statusTagClass(status: CaseStatus): string {
  return STATUS_TAG_CLASSES[status]
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** ISO weekday (1 is Monday) to its name. */
export function weekdayName(isoWeekday: number): string {
  return WEEKDAYS[isoWeekday - 1] ?? ''
}

const DEADLINE_TAGS: Record<DeadlineState, string> = {
  on_track: 'govuk-tag--blue',
  due_soon: 'govuk-tag--yellow',
  at_risk: 'govuk-tag--orange',
  overdue: 'govuk-tag--red',
  met: 'govuk-tag--green',
  met_late: 'govuk-tag--pink',
  issued_too_early: 'govuk-tag--red',
  running: 'govuk-tag--grey',
  ended: 'govuk-tag--grey',
}

const DEADLINE_BASIS_LABELS: Record<DeadlineBasis, string> = {
  statutory: 'Statutory date',
  latest_safe: 'Latest safe date, derived from the time limits (not a statutory date)',
  derived:
    'Derived date: 15 days from the day a posted draft is taken to arrive, the second working day after it is sent (not a statutory date)',
}

/** What a date on the case is, said beside it: never a derived date called statutory. */
export function deadlineBasisLabel(basis: DeadlineBasis): string {
  return DEADLINE_BASIS_LABELS[basis]
}

export function phaseTransferText(m: {
  transferType: PhaseTransfer | null
  transferYear: number | null
  transferOn: IsoDate | null
}): string | null {
  if (m.transferType === 'post16_move')
    return m.transferOn ? `${PHASE_TRANSFER_LABELS.post16_move}, on ${formatDate(m.transferOn)}` : null
  return m.transferType && m.transferYear
    ? `${PHASE_TRANSFER_LABELS[m.transferType]}, ${m.transferYear}`
    : null
}

/** A tribunal appeal on the case, in words: how it ended, when, and what we must do. */
export function appealText(a: TribunalAppeal): {
  route: string
  on: string
  about: string
  caution: string | null
} {
  const unconfirmed = tribunalAppealDeadlines(a).filter((d) => !d.confirmed)
  return {
    route: APPEAL_ROUTE_LABELS[a.route],
    on: formatDate(a.on),
    about: APPEAL_ORDER_LABELS[a.about],
    caution: unconfirmed.length
      ? `Check these time limits against ${unconfirmed[0]!.rule}: we could not confirm its wording.`
      : null,
  }
}

export function deadlineTagClass(state: DeadlineState): string {
  return DEADLINE_TAGS[state]
}

export function deadlineStateLabel(state: DeadlineState): string {
  return DEADLINE_STATE_LABELS[state]
}

/** "12 days left", "Due today", "3 days overdue". */
export function daysLeftText(days: number): string {
  if (days === 0) return 'Due today'
  if (days < 0) return `${-days} ${days === -1 ? 'day' : 'days'} overdue`
  return `${days} ${days === 1 ? 'day' : 'days'} left`
}

const RELATIONSHIPS: Record<FamilyRelationship, string> = {
  parent: 'Parent',
  carer: 'Carer',
  young_person: 'The young person',
  other: 'Other',
}

export function relationshipLabel(relationship: FamilyRelationship): string {
  return RELATIONSHIPS[relationship]
}

const LETTER_FORMAT_LABELS: Record<LetterFormat, string> = {
  standard: 'Standard print',
  large_print: 'Large print',
  easy_read: 'Easy Read',
}

export function letterFormatLabel(format: LetterFormat): string {
  return LETTER_FORMAT_LABELS[format]
}

export function evidenceSourceLabel(source: EvidenceSource): string {
  return EVIDENCE_SOURCE_LABELS[source]
}

export function deadlineStepLabel(step: string): string {
  return (DEADLINE_STEP_LABELS as Record<string, string>)[step] ?? step
}

export function exceptionReasonLabel(reason: string): string {
  return (EXCEPTION_REASON_LABELS as Record<string, string>)[reason] ?? reason
}

const QUEUE_REASON_TEXT: Record<QueueReason, string> = {
  awaiting_papers: 'Waiting for advice: the papers are not complete yet',
  no_panel: 'No panel decides this kind of case. An administrator needs to add it to a panel.',
  no_sitting: 'There is no sitting before the deadline',
  papers_late: 'The papers were not complete by the cut-off of any sitting before the deadline',
  no_capacity: 'Every sitting before the deadline that the papers are ready for is full',
  deadline_passed: 'The deadline has passed',
  placed_after_deadline: 'A chair placed it on a sitting after the deadline',
  papers_due:
    'Papers late: chase the advice still awaited. It is needed soon for the last sitting before the deadline',
}

/**
 * Why a case is where it is in the queue. For papers still awaited as the last sitting that could meet
 * the deadline nears (issue 14 point 3), with the day they are needed by when the queue gave it.
 */
export function queueReasonText(reason: QueueReason, papersNeededBy: IsoDate | null = null): string {
  if (reason === 'papers_due' && papersNeededBy)
    return `Papers late: chase the advice still awaited. The papers must be complete by ${formatDate(papersNeededBy)} for the last sitting before the deadline`
  return QUEUE_REASON_TEXT[reason]
}

const QUEUE_STATE_TAGS: Record<QueueState, { text: string; classes: string }> = {
  placed: { text: 'On an agenda', classes: 'govuk-tag--blue' },
  unplaced: { text: 'Waiting', classes: 'govuk-tag--grey' },
  at_risk: { text: 'At risk', classes: 'govuk-tag--orange' },
}

export function queueStateTag(state: QueueState): { text: string; classes: string } {
  return QUEUE_STATE_TAGS[state]
}

/**
 * The intake's "received" date, said for what it is: for an assessment or a plan to issue, the day the original
 * request for an EHC needs assessment was received, as the 20 weeks to the final plan run from that day
 * (SEND Regulations 2014 reg 13(2)) even once the assessment is done. A later date would start the clock late.
 */
export function intakeReceivedField(kind: unknown): { legend: string; hint: string } {
  if (kind === 'issue_plan' || kind === 'assessment_request')
    return {
      legend: 'Date the original request for an EHC needs assessment was received',
      hint: 'Not the date the plan was agreed: the 20 weeks to the final plan run from the original request (SEND Regulations 2014, regulation 13(2)). For example, 3 9 2026',
    }
  return {
    legend:
      'Date the request was received (to issue a plan: the date the original request for an EHC needs assessment was received)',
    hint: 'The statutory clock starts on this day. To issue a plan, the 20 weeks run from the original request for an assessment, not from the decision to issue (SEND Regulations 2014, regulation 13(2)). For example, 3 9 2026',
  }
}

import type { CaseStatus, FamilyRelationship, LetterFormat } from '../domain/vocabulary'
import type { QueueReason, QueueState } from '../domain/scheduler'
import { DEADLINE_STATE_LABELS, DEADLINE_STEP_LABELS, type DeadlineState } from '../domain/statutoryClock'
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
}

export function queueReasonText(reason: QueueReason): string {
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

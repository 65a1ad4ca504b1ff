import type { CaseStatus } from '../domain/vocabulary'

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

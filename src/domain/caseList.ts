import { addDays, type IsoDate } from './dates'

export const CASES_PER_PAGE = 25

/** Filtering by the state of a case's next deadline, worked out from the stored date alone so that it can use an index. */
export const DEADLINE_FILTERS = ['at_risk', 'overdue', 'due_soon', 'on_track', 'none'] as const
export type DeadlineFilter = (typeof DEADLINE_FILTERS)[number]

export const DEADLINE_FILTER_LABELS: Record<DeadlineFilter, string> = {
  at_risk: 'At risk: no sitting can take it in time',
  overdue: 'Overdue',
  due_soon: 'Due in the next 14 days',
  on_track: 'Due later',
  none: 'No statutory deadline open',
}

export type DeadlineWindow =
  { kind: 'none' } | { kind: 'at_risk' } | { kind: 'range'; from?: IsoDate; before?: IsoDate }

export function deadlineWindow(filter: DeadlineFilter, today: IsoDate, dueSoonDays = 14): DeadlineWindow {
  switch (filter) {
    case 'overdue':
      return { kind: 'range', before: today }
    case 'due_soon':
      return { kind: 'range', from: today, before: addDays(today, dueSoonDays + 1) }
    case 'on_track':
      return { kind: 'range', from: addDays(today, dueSoonDays + 1) }
    case 'none':
      return { kind: 'none' }
    case 'at_risk':
      // The scheduler's latest flags decide this, not the date alone.
      return { kind: 'at_risk' }
  }
}

/**
 * Filtering by when the next annual review falls due (CFA 2014 s.44(1); SEND Regulations 2014 reg 2 and 20): the
 * date the case page shows, stored on the case (cases.annual_review_due_on) by the same function, so that the
 * filter can use an index. "Within N weeks" counts today and the N × 7 days after it, and includes the nearer
 * windows: a review due in 3 weeks is due within 12 weeks too.
 */
export const ANNUAL_REVIEW_FILTERS = ['overdue', 'within_4_weeks', 'within_12_weeks'] as const
export type AnnualReviewFilter = (typeof ANNUAL_REVIEW_FILTERS)[number]

export const ANNUAL_REVIEW_FILTER_LABELS: Record<AnnualReviewFilter, string> = {
  overdue: 'Overdue',
  within_4_weeks: 'Due within 4 weeks',
  within_12_weeks: 'Due within 12 weeks',
}

export interface DateWindow {
  from?: IsoDate
  before?: IsoDate
}

export function annualReviewWindow(filter: AnnualReviewFilter, today: IsoDate): DateWindow {
  switch (filter) {
    case 'overdue':
      return { before: today }
    case 'within_4_weeks':
      return { from: today, before: addDays(today, 4 * 7 + 1) }
    case 'within_12_weeks':
      return { from: today, before: addDays(today, 12 * 7 + 1) }
  }
}

export interface Page {
  number: number
  totalPages: number
  /** The page numbers to offer as links, with null for a gap ("…"), as the GOV.UK pagination component shows them. */
  links: (number | null)[]
}

export function paginate(total: number, requested: number, perPage = CASES_PER_PAGE): Page {
  const totalPages = Math.max(1, Math.ceil(total / perPage))
  const number = Math.min(Math.max(1, requested), totalPages)
  const shown = [...new Set([1, number - 1, number, number + 1, totalPages])]
    .filter((n) => n >= 1 && n <= totalPages)
    .sort((a, b) => a - b)
  const links: (number | null)[] = []
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1]! > 1) links.push(null)
    links.push(n)
  })
  return { number, totalPages, links }
}

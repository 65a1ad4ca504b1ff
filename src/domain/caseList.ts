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

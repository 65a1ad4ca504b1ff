import { addDays, type IsoDate } from './dates'
import type { CaseStatus } from './vocabulary'

/**
 * A case is on a caseworker's books until it is closed or withdrawn: a decided case still has a plan to issue
 * and reviews to hold (CFA 2014 s.44).
 */
export const OPEN_STATUSES: readonly CaseStatus[] = ['draft', 'submitted', 'scheduled', 'decided']

/** "Due soon" matches the case list's own filter (domain/caseList.ts), so a figure and its list agree. */
export const DUE_SOON_DAYS = 14

/** One caseworker's counts as the database returns them. */
export interface WorkloadCounts {
  caseworkerId: string
  name: string
  openCases: number
  dueSoon: number
  overdue: number
}

export interface WorkloadRow extends WorkloadCounts {
  /** Open cases as a whole-number percentage of the service's open cases: the basis for rebalancing. */
  shareOfOpen: number | null
}

export interface WorkloadReport {
  rows: WorkloadRow[]
  totals: { openCases: number; dueSoon: number; overdue: number }
}

/** The window a step counts as "due soon" in: today and the 14 days after it. */
export function dueSoonWindow(today: IsoDate): { from: IsoDate; before: IsoDate } {
  return { from: today, before: addDays(today, DUE_SOON_DAYS + 1) }
}

/** Most overdue first, then most due soon, then most open, so the caseloads needing help lead the table. */
export function workloadReport(counts: readonly WorkloadCounts[]): WorkloadReport {
  const totals = counts.reduce(
    (t, c) => ({
      openCases: t.openCases + c.openCases,
      dueSoon: t.dueSoon + c.dueSoon,
      overdue: t.overdue + c.overdue,
    }),
    { openCases: 0, dueSoon: 0, overdue: 0 },
  )
  const rows = counts
    .map((c) => ({
      ...c,
      shareOfOpen: totals.openCases === 0 ? null : Math.round((100 * c.openCases) / totals.openCases),
    }))
    .sort(
      (a, b) =>
        b.overdue - a.overdue ||
        b.dueSoon - a.dueSoon ||
        b.openCases - a.openCases ||
        a.name.localeCompare(b.name),
    )
  return { rows, totals }
}

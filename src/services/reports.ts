import type { DataLayer } from '../data'
import type { IsoDate } from '../domain/dates'
import { timelinessReport, type TimelinessRow } from '../domain/timelinessReport'
import { caseDeadlines } from '../domain/caseDeadlines'
import type { Clock } from './clock'

export interface TimelinessReport {
  /** The day the figures were counted to: a step due after it is not yet counted. */
  asOf: IsoDate
  rows: TimelinessRow[]
}

/** The manager's reports on the whole service. */
export function reportsService(data: DataLayer, clock: Clock) {
  return {
    /** Worked out afresh from every case on each request, so that it always matches the cases' own clocks. */
    async timeliness(): Promise<TimelinessReport> {
      const today = clock.today()
      const cases = await data.timeliness.listCaseClocks()
      const holidays = await data.calendar.loadBankHolidayCalendar()
      const rows = timelinessReport(
        cases.map((c) => ({ deadlines: caseDeadlines(c, today, holidays), exceptions: c.exceptions })),
        today,
      )
      return { asOf: today, rows }
    },
  }
}

export type ReportsService = ReturnType<typeof reportsService>

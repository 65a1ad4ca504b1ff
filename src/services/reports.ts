import type { DataLayer } from '../data'
import type { IsoDate } from '../domain/dates'
import { timelinessReport, type TimelinessRow } from '../domain/timelinessReport'
import { caseDeadlines } from '../domain/caseDeadlines'
import { dueSoonWindow, workloadReport, type WorkloadReport } from '../domain/workloadReport'
import { timelinessByMonth, type MonthFigures } from '../domain/timelinessByMonth'
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

    /** The timeliness figures month by month over a period (issue 18 point 2), by each step's due date. */
    async timelinessByMonth(period: {
      from: IsoDate
      to: IsoDate
    }): Promise<{ asOf: IsoDate; months: MonthFigures[] }> {
      const today = clock.today()
      const cases = await data.timeliness.listCaseClocks()
      const holidays = await data.calendar.loadBankHolidayCalendar()
      const reportCases = cases.map((c) => ({
        deadlines: caseDeadlines(c, today, holidays),
        exceptions: c.exceptions,
      }))
      return { asOf: today, months: timelinessByMonth(reportCases, period, today) }
    },

    /** Open cases, steps due soon and overdue per caseworker (issue 18 point 6), for balancing caseloads. */
    async workload(): Promise<WorkloadReport & { asOf: IsoDate }> {
      const today = clock.today()
      const counts = await data.workload.countByCaseworker(today, dueSoonWindow(today).before)
      return { asOf: today, ...workloadReport(counts) }
    },
  }
}

export type ReportsService = ReturnType<typeof reportsService>

import type { DataLayer } from '../data'
import type { IsoDate } from '../domain/dates'
import { caseDeadlines } from '../domain/caseDeadlines'
import { summerSittingsReport, type SummerSittingsReport } from '../domain/summerSittingsReport'
import type { Clock } from './clock'

/** What summer sittings achieved (issue 18 point 4), for a manager. Reads only. */
export function summerSittingsReportService(data: DataLayer, clock: Clock) {
  return {
    async report(): Promise<SummerSittingsReport & { asOf: IsoDate }> {
      const today = clock.today()
      const [records, terms, holidays] = await Promise.all([
        data.summerHearings.listSummerHearings(),
        data.calendar.listTerms(),
        data.calendar.loadBankHolidayCalendar(),
      ])
      const hearings = records.map((r) => ({
        ...r,
        // Exceptions change whether a late step is excused, never its due date, which is all this needs.
        deadlines: caseDeadlines(
          { kind: r.kind, receivedOn: r.receivedOn, milestones: r.milestones, exceptions: [] },
          today,
          holidays,
        ),
      }))
      return { asOf: today, ...summerSittingsReport(hearings, terms, holidays) }
    },
  }
}

export type SummerSittingsReportService = ReturnType<typeof summerSittingsReportService>

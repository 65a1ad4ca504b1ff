import type { DataLayer } from '../data'
import type { IsoDate } from '../domain/dates'
import {
  lastTwelveMonths,
  preferenceReport,
  selectDecisions,
  type Period,
  type PreferenceDecision,
  type PreferenceReport,
  type Selection,
} from '../domain/preferenceReport'
import type { Clock } from './clock'

/** Decisions against the family's preference (issue 18 point 3), for a manager. Reads only. */
export function preferenceReportService(data: DataLayer, clock: Clock) {
  return {
    /** The period the page shows before the manager chooses one. */
    defaultPeriod(): Period {
      return lastTwelveMonths(clock.today())
    },

    async report(period: Period): Promise<PreferenceReport & { asOf: IsoDate }> {
      const decisions = await data.preferenceDecisions.listDecidedBetween(period.from, period.to)
      return { asOf: clock.today(), ...preferenceReport(decisions, period) }
    },

    /** The decisions one figure counts, from the same read and the same rule as the figure itself. */
    async decisionsCounted(period: Period, selection: Selection): Promise<PreferenceDecision[]> {
      const decisions = await data.preferenceDecisions.listDecidedBetween(period.from, period.to)
      return selectDecisions(decisions, period, selection)
    },
  }
}

export type PreferenceReportService = ReturnType<typeof preferenceReportService>

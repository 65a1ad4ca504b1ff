import crypto from 'node:crypto'
import type { Transaction } from '../db'
import { loadBankHolidayCalendar } from '../calendar'
import { daysBetween, planWeeklySittings, summerHolidays, type DateRange, type IsoDate } from './dates'
import type { SeededPanel } from './panels'
import { SCHOOL_TERMS } from './terms'

/** At least this much history: the recent sittings carry the demo's decisions. */
export const WEEKS_BEFORE_TODAY = 8
export const WEEKS_AFTER_TODAY = 12

/**
 * From the start of the last summer holiday to the end of the next one, so that the demo shows
 * summer sittings held and summer sittings to come, whatever day it starts on.
 */
export function demoSittingWeeks(
  today: IsoDate,
  holidays: readonly DateRange[],
): { before: number; after: number } {
  const lastStart = holidays.filter((h) => h.startsOn <= today).at(-1)?.startsOn
  const nextEnd = holidays.find((h) => h.startsOn > today)?.endsOn
  const before = lastStart ? Math.ceil(daysBetween(lastStart, today) / 7) : 0
  const after = nextEnd ? Math.ceil(daysBetween(today, nextEnd) / 7) : 0
  return { before: Math.max(WEEKS_BEFORE_TODAY, before), after: Math.max(WEEKS_AFTER_TODAY, after) }
}

export interface SeededSitting {
  id: string
  panel: SeededPanel
  sittingOn: IsoDate
  isPast: boolean
}

/** Each panel's weekly sittings: the recent ones held, the coming ones scheduled. */
export async function insertSittings(
  trx: Transaction,
  panels: readonly SeededPanel[],
  today: IsoDate,
): Promise<SeededSitting[]> {
  const bankHolidays = await loadBankHolidayCalendar(trx)
  const holidays = summerHolidays(SCHOOL_TERMS)
  const weeks = demoSittingWeeks(today, holidays)
  const rows = panels.flatMap((panel) =>
    planWeeklySittings({
      today,
      weekday: panel.weekday,
      weeksBefore: weeks.before,
      weeksAfter: weeks.after,
      bankHolidays,
      summerHolidays: holidays,
    }).map((planned) => ({ id: crypto.randomUUID(), panel, ...planned })),
  )
  await trx('sittings').insert(
    rows.map((s) => ({
      id: s.id,
      panel_id: s.panel.id,
      sitting_on: s.sittingOn,
      starts_at: s.panel.startsAt,
      venue: s.panel.venue,
      online_link: s.panel.onlineLink,
      origin: 'weekly',
      is_summer: s.isSummer,
      status: s.isPast ? 'held' : 'scheduled',
    })),
  )
  return rows.map((s) => ({ id: s.id, panel: s.panel, sittingOn: s.sittingOn, isPast: s.isPast }))
}

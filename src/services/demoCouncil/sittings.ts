import crypto from 'node:crypto'
import type { Knex } from 'knex'
import { BANK_HOLIDAYS } from './bankHolidays'
import { planWeeklySittings, summerHolidays, type IsoDate } from './dates'
import type { SeededPanel } from './panels'
import { SCHOOL_TERMS } from './terms'

export const WEEKS_BEFORE_TODAY = 8
export const WEEKS_AFTER_TODAY = 12

export interface SeededSitting {
  id: string
  panel: SeededPanel
  sittingOn: IsoDate
  isPast: boolean
}

/** Each panel's weekly sittings: the recent ones held, the coming ones scheduled. */
export async function insertSittings(
  trx: Knex.Transaction,
  panels: readonly SeededPanel[],
  today: IsoDate,
): Promise<SeededSitting[]> {
  const bankHolidays = new Set(BANK_HOLIDAYS.map((h) => h.holidayOn))
  const holidays = summerHolidays(SCHOOL_TERMS)
  const rows = panels.flatMap((panel) =>
    planWeeklySittings({
      today,
      weekday: panel.weekday,
      weeksBefore: WEEKS_BEFORE_TODAY,
      weeksAfter: WEEKS_AFTER_TODAY,
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

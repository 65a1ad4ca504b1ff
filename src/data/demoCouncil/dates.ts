import { isoWeekday, isWithin, summerHolidays, weeklyDates } from '../../domain/sittingPlan'
import type { DateRange, SchoolTerm, TermName } from '../../domain/sittingPlan'
import type { BankHolidayLookup } from '../../domain/workingDays'

// The calendar rules the service itself uses: the demo plans its sittings with the same ones.
export { isoWeekday, isWithin, summerHolidays, weeklyDates, type DateRange, type SchoolTerm, type TermName }

/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings. Every step goes through UTC midnight, so the answer
 * never depends on the machine's time zone or on the clocks changing in March and October.
 */

export type IsoDate = string

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function parts(date: IsoDate): [year: number, month: number, day: number] {
  const match = ISO_DATE.exec(date)
  if (!match) throw new Error(`Not a YYYY-MM-DD date: "${date}"`)
  const result: [number, number, number] = [Number(match[1]), Number(match[2]), Number(match[3])]
  // Date.UTC quietly rolls 2026-02-30 over into March; a typo in seed data should fail instead.
  if (fromUtcMs(Date.UTC(result[0], result[1] - 1, result[2])) !== date)
    throw new Error(`Not a real date: "${date}"`)
  return result
}

export function isIsoDate(value: string): boolean {
  try {
    parts(value)
    return true
  } catch {
    return false
  }
}

function toUtcMs(date: IsoDate): number {
  const [year, month, day] = parts(date)
  return Date.UTC(year, month - 1, day)
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS)
}

/** The same day and month, `years` later (29 February becomes 1 March in a common year). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [year, month, day] = parts(date)
  return fromUtcMs(Date.UTC(year + years, month - 1, day))
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS)
}

/** The date itself from Monday to Friday; the Friday before for a Saturday or Sunday. */
export function weekdayOnOrBefore(date: IsoDate): IsoDate {
  const weekday = isoWeekday(date)
  return weekday <= 5 ? date : addDays(date, 5 - weekday)
}

/** Whole years between a date of birth and a later date, as people count their age. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [birthYear, birthMonth, birthDay] = parts(dateOfBirth)
  const [year, month, day] = parts(on)
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay)
  return year - birthYear - (hadBirthday ? 0 : 1)
}

/** The calendar date in England at an instant: the council's day, whatever the server's zone. */
export function londonDate(instant: Date): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(instant)
}

export interface PlannedSitting {
  sittingOn: IsoDate
  isSummer: boolean
  /** Before `today`: a sitting today has not necessarily happened yet. */
  isPast: boolean
}

export interface WeeklySittingPlan {
  today: IsoDate
  weekday: number
  weeksBefore: number
  weeksAfter: number
  bankHolidays: BankHolidayLookup
  summerHolidays: readonly DateRange[]
}

/** A panel's weekly sittings in a window around today, leaving out bank holidays. */
export function planWeeklySittings(plan: WeeklySittingPlan): PlannedSitting[] {
  const from = addDays(plan.today, -7 * plan.weeksBefore)
  const to = addDays(plan.today, 7 * plan.weeksAfter)
  return weeklyDates(from, to, plan.weekday)
    .filter((date) => !plan.bankHolidays.has(date))
    .map((sittingOn) => ({
      sittingOn,
      isSummer: isWithin(sittingOn, plan.summerHolidays),
      isPast: sittingOn < plan.today,
    }))
}

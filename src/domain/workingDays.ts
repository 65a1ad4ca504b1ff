import { addDays, type IsoDate } from './dates'

/**
 * The bank holidays, as the working-day rules need them: a question about one day. The calendar of rule
 * and council changes (bankHolidays.ts) answers it for any year; a Set of dates does too, in tests.
 */
export interface BankHolidayLookup {
  has(date: IsoDate): boolean
}

function isWeekend(date: IsoDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday === 0 || weekday === 6
}

/**
 * A working day in the HESC Rules' sense (rule 12): not a Saturday or Sunday, and not Christmas Day, Good
 * Friday or a bank holiday. Christmas Day and Good Friday are in England's bank holiday list, so the list is enough.
 */
export function isWorkingDay(date: IsoDate, bankHolidays: BankHolidayLookup): boolean {
  return !isWeekend(date) && !bankHolidays.has(date)
}

/** The date itself when it is a working day, otherwise the next working day. */
export function workingDayOnOrAfter(date: IsoDate, bankHolidays: BankHolidayLookup): IsoDate {
  let day = date
  while (!isWorkingDay(day, bankHolidays)) day = addDays(day, 1)
  return day
}

/** The date itself when it is a working day, otherwise the working day before it. */
export function workingDayOnOrBefore(date: IsoDate, bankHolidays: BankHolidayLookup): IsoDate {
  let day = date
  while (!isWorkingDay(day, bankHolidays)) day = addDays(day, -1)
  return day
}

/** The first working day strictly after the date. */
export function firstWorkingDayAfter(date: IsoDate, bankHolidays: BankHolidayLookup): IsoDate {
  return workingDayOnOrAfter(addDays(date, 1), bankHolidays)
}

/** Counts `days` working days on from a date (back, when negative); 0 days is the date itself. */
export function addWorkingDays(date: IsoDate, days: number, bankHolidays: BankHolidayLookup): IsoDate {
  const step = days < 0 ? -1 : 1
  let day = date
  for (let left = Math.abs(days); left > 0;) {
    day = addDays(day, step)
    if (isWorkingDay(day, bankHolidays)) left -= 1
  }
  return day
}

/** The calendar years from one date to another (either order): those whose bank holidays a count crossed. */
export function yearsSpanned(from: IsoDate, to: IsoDate): number[] {
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y) as [number, number]
  return Array.from({ length: b - a + 1 }, (_, i) => a + i)
}

import type { IsoDate } from './dates'
import {
  firstWorkingDayAfter,
  isWorkingDay,
  workingDayOnOrAfter,
  yearsSpanned,
  type BankHolidayLookup,
} from './workingDays'

export { firstWorkingDayAfter, isWorkingDay, workingDayOnOrAfter }

/**
 * Calendar months, clamped to the month's end: one month after 31 January is 28 (or 29) February. The
 * tribunal counts "2 months after" a letter this way, so a month never spills into the next one.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number)
  const monthIndex = year * 12 + (month - 1) + months
  const targetYear = Math.floor(monthIndex / 12)
  const targetMonth = monthIndex - targetYear * 12
  // Day 0 of the following month is the last day of this one.
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate()
  const target = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)))
  return target.toISOString().slice(0, 10)
}

export interface AppealDeadlineInput {
  /** The date of the decision letter. */
  letter: IsoDate
  /** The date of the mediation certificate, when the family has one. */
  mediationCertificate?: IsoDate | null
}

/** Why the last day is later than the counted date. */
export type AppealDeadlineMove = 'christmas' | 'august' | 'not_a_working_day'

export interface AppealDeadline {
  /** The last day the tribunal must receive the appeal. */
  lastDay: IsoDate
  /** The later of letter + 2 months and certificate + 1 month, before rule 12 moves it. */
  countedTo: IsoDate
  movedBecause: AppealDeadlineMove | null
}

/**
 * The family's last day to appeal to the First-tier Tribunal (SEND).
 *
 * HESC Rules 2008, rule 20: the later of 2 months after the decision letter and 1 month after the
 * mediation certificate (calendar months, so 31 December + 2 months is the end of February).
 * Rule 12(3): in a special educational needs case, a limit that ends from 25 December to 1 January
 * moves to the first working day after 1 January, and one that ends in August to the first working
 * day after 31 August. Rule 12(2): any other limit that ends on a day that is not a working day moves
 * to the next working day.
 */
export function appealDeadline(
  input: AppealDeadlineInput,
  bankHolidays: BankHolidayLookup | Iterable<IsoDate>,
): AppealDeadline {
  const holidays = 'has' in bankHolidays ? bankHolidays : new Set(bankHolidays)
  const afterLetter = addMonths(input.letter, 2)
  const afterCertificate = input.mediationCertificate ? addMonths(input.mediationCertificate, 1) : null
  const countedTo = afterCertificate && afterCertificate > afterLetter ? afterCertificate : afterLetter

  const year = countedTo.slice(0, 4)
  const monthDay = countedTo.slice(5)
  if (monthDay >= '12-25' || monthDay === '01-01') {
    const newYearsDay = monthDay === '01-01' ? countedTo : `${Number(year) + 1}-01-01`
    return { lastDay: firstWorkingDayAfter(newYearsDay, holidays), countedTo, movedBecause: 'christmas' }
  }
  if (monthDay.startsWith('08-')) {
    return { lastDay: firstWorkingDayAfter(`${year}-08-31`, holidays), countedTo, movedBecause: 'august' }
  }
  if (!isWorkingDay(countedTo, holidays)) {
    return {
      lastDay: workingDayOnOrAfter(countedTo, holidays),
      countedTo,
      movedBecause: 'not_a_working_day',
    }
  }
  return { lastDay: countedTo, countedTo, movedBecause: null }
}

/**
 * The calendar years whose bank holidays the last day depends on: from the counted date to the last day, as
 * every day between them was checked (a Christmas move reaches into January; even an unmoved day is a
 * working day only while no bank holiday is proclaimed on it).
 */
export function appealDeadlineYears(deadline: Pick<AppealDeadline, 'countedTo' | 'lastDay'>): number[] {
  return yearsSpanned(deadline.countedTo, deadline.lastDay)
}

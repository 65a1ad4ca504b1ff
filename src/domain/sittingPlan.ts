import { addDays, type IsoDate } from './dates'
import { addWorkingDays, workingDayOnOrAfter, type BankHolidayLookup } from './workingDays'

/** ISO weekday, as panels store it: 1 is Monday, 7 is Sunday. */
export function isoWeekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7
}

/** Every date on the given ISO weekday from `from` to `to`, both inclusive. */
export function weeklyDates(from: IsoDate, to: IsoDate, weekday: number): IsoDate[] {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7)
    throw new Error(`Not an ISO weekday: ${weekday}`)
  const dates: IsoDate[] = []
  for (let date = addDays(from, (weekday - isoWeekday(from) + 7) % 7); date <= to; date = addDays(date, 7)) {
    dates.push(date)
  }
  return dates
}

export type TermName = 'autumn' | 'spring' | 'summer'

export interface SchoolTerm {
  academicYear: string
  term: TermName
  startsOn: IsoDate
  endsOn: IsoDate
}

export interface DateRange {
  startsOn: IsoDate
  endsOn: IsoDate
}

/**
 * The summer holidays, each from the day after a summer term ends to the day before the next
 * autumn term starts. A summer term with no autumn term after it yields nothing: the holiday's
 * end is not known yet, and guessing would mark ordinary September sittings as summer ones.
 */
export function summerHolidays(terms: readonly SchoolTerm[]): DateRange[] {
  const autumnStarts = terms
    .filter((t) => t.term === 'autumn')
    .map((t) => t.startsOn)
    .sort()
  const holidays: DateRange[] = []
  for (const summer of terms.filter((t) => t.term === 'summer')) {
    const nextAutumn = autumnStarts.find((startsOn) => startsOn > summer.endsOn)
    if (nextAutumn) holidays.push({ startsOn: addDays(summer.endsOn, 1), endsOn: addDays(nextAutumn, -1) })
  }
  return holidays.sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1))
}

export function isWithin(date: IsoDate, ranges: readonly DateRange[]): boolean {
  return ranges.some((range) => range.startsOn <= date && date <= range.endsOn)
}

export interface WeeklySlot {
  weekday: number
  startsAt: string
}

export interface SittingPlanInput {
  slot: WeeklySlot
  from: IsoDate
  to: IsoDate
  bankHolidays: BankHolidayLookup
  summerHolidays: readonly DateRange[]
  /** Dates that already have a sitting at this time, whatever its status: a cancelled one is never recreated. */
  existing: ReadonlySet<IsoDate>
}

export interface PlannedSitting {
  sittingOn: IsoDate
  startsAt: string
  isSummer: boolean
}

/**
 * The weekly sittings still to be created between two dates. Bank holidays are skipped; the summer
 * holiday is not, because statutory deadlines keep running through August. Only missing dates come
 * back, so running it twice creates nothing the second time.
 */
export function sittingsToCreate(input: SittingPlanInput): PlannedSitting[] {
  return weeklyDates(input.from, input.to, input.slot.weekday)
    .filter((date) => !input.bankHolidays.has(date) && !input.existing.has(date))
    .map((sittingOn) => ({
      sittingOn,
      startsAt: input.slot.startsAt,
      isSummer: isWithin(sittingOn, input.summerHolidays),
    }))
}

/** The last day a case's papers can be complete for it to go on a sitting: `workingDays` working days before it. */
export function papersCutoff(
  sittingOn: IsoDate,
  workingDays: number,
  bankHolidays: BankHolidayLookup,
): IsoDate {
  return addWorkingDays(sittingOn, -workingDays, bankHolidays)
}

/** The earliest working day a sitting could be held for papers complete on `papersOn` to meet its cut-off. */
export function earliestSittingForPapers(
  papersOn: IsoDate,
  workingDays: number,
  bankHolidays: BankHolidayLookup,
): IsoDate {
  return addWorkingDays(workingDayOnOrAfter(papersOn, bankHolidays), workingDays, bankHolidays)
}

/** Weeks from today to the horizon's end, as the last date to generate sittings for. */
export function horizonEnd(today: IsoDate, weeks: number): IsoDate {
  return addDays(today, 7 * weeks)
}

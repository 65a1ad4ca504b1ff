import { addDays, type IsoDate } from './dates'
import type { BankHolidayLookup } from './workingDays'

/*
 * Bank holidays in England and Wales, worked out by rule for any year, with the council's own list on top.
 *
 * Where each day comes from in law:
 * - Easter Monday, the last Monday in May, the last Monday in August and 26 December (27 December when 25 or
 *   26 December is a Sunday) are bank holidays by statute: Banking and Financial Dealings Act 1971, s.1 and
 *   Schedule 1, para 1.
 * - New Year's Day (since 1974) and the early May bank holiday (the first Monday in May, since 1978) are not
 *   in the Act: they are appointed every year by royal proclamation under s.1(3). That they keep the same
 *   pattern is a convention, not law.
 * - Good Friday and Christmas Day are common law holidays, not bank holidays under the Act, but every
 *   published list includes them and no tribunal counts them as working days (HESC Rules 2008, rule 12).
 * - A weekend Christmas Day or New Year's Day moves to a weekday by proclamation (convention again); the
 *   Act itself only moves Boxing Day, and only off a Sunday. The published lists always move both, so
 *   the rule here does.
 *
 * A proclamation can move or add any day for one year: the early May bank holiday moved to 8 May in 1995 and
 * 2020 (VE Day), the spring one to June in 2002, 2012 and 2022 with an extra day for a jubilee, and there
 * were extra days for 31 December 1999, the royal wedding on 29 April 2011, the state funeral on
 * 19 September 2022 and the coronation on 8 May 2023. No rule can know those, which is why the council's
 * list overrides the rule: a day added, a day the rule gives that is not a holiday that year, a day renamed.
 *
 * The rule is the pattern in force since 1978; earlier years had other days (Whit Monday, no early May) and
 * are not worked out correctly by it.
 */

export interface BankHoliday {
  date: IsoDate
  title: string
}

function iso(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10)
}

function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

const isWeekend = (date: IsoDate) => weekday(date) === 0 || weekday(date) === 6

/**
 * Easter Sunday in the Gregorian calendar, by the "Anonymous Gregorian" algorithm (Meeus/Jones/Butcher:
 * Jean Meeus, Astronomical Algorithms, 1991, chapter 8), exact for every Gregorian year.
 */
export function easterSunday(year: number): IsoDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const n = h + l - 7 * m + 114
  return iso(year, Math.floor(n / 31), (n % 31) + 1)
}

function firstMonday(year: number, month: number): IsoDate {
  const first = iso(year, month, 1)
  return addDays(first, (8 - weekday(first)) % 7)
}

function lastMonday(year: number, month: number): IsoDate {
  const last = iso(year, month + 1, 0)
  return addDays(last, -((weekday(last) + 6) % 7))
}

/**
 * The substitute days for Christmas and Boxing Day. A day on a weekday keeps its date; one on a weekend takes
 * the next weekday not already taken, Christmas before Boxing Day. So a Sunday Christmas gives Boxing Day on
 * Monday 26 and Christmas (substitute) on Tuesday 27, as the published lists name them.
 */
function christmasDays(year: number): BankHoliday[] {
  const days = [
    { date: iso(year, 12, 25), title: 'Christmas Day' },
    { date: iso(year, 12, 26), title: 'Boxing Day' },
  ]
  const taken = new Set(days.filter((d) => !isWeekend(d.date)).map((d) => d.date))
  return days.map((d) => {
    if (!isWeekend(d.date)) return d
    let day = d.date
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1)
    taken.add(day)
    return { date: day, title: `${d.title} (substitute day)` }
  })
}

function newYearsDay(year: number): BankHoliday {
  const date = iso(year, 1, 1)
  if (!isWeekend(date)) return { date, title: "New Year's Day" }
  return { date: addDays(date, weekday(date) === 6 ? 2 : 1), title: "New Year's Day (substitute day)" }
}

/** The year's bank holidays by rule, earliest first: before the council's changes. */
export function bankHolidaysByRule(year: number): BankHoliday[] {
  const easter = easterSunday(year)
  return [
    newYearsDay(year),
    { date: addDays(easter, -2), title: 'Good Friday' },
    { date: addDays(easter, 1), title: 'Easter Monday' },
    { date: firstMonday(year, 5), title: 'Early May bank holiday' },
    { date: lastMonday(year, 5), title: 'Spring bank holiday' },
    { date: lastMonday(year, 8), title: 'Summer bank holiday' },
    ...christmasDays(year),
  ].sort((a, b) => a.date.localeCompare(b.date))
}

/**
 * One of the council's changes to the rule for one day: `observed` true, a bank holiday on that day (added,
 * or the rule's day under another name); false, no bank holiday on a day the rule gives one (removed, or
 * moved: then there is also an added day where it moved to).
 */
export interface BankHolidayOverride {
  date: IsoDate
  title: string
  observed: boolean
}

/** Where a day in the calendar comes from, for the admin's list. */
export type BankHolidaySource = 'rule' | 'added' | 'renamed' | 'removed'

export const BANK_HOLIDAY_SOURCE_LABELS: Record<BankHolidaySource, string> = {
  rule: 'By rule',
  added: 'Added by the council',
  renamed: 'Renamed by the council',
  removed: 'Not a bank holiday this year: deleted or moved by the council',
}

export interface CalendarDay extends BankHoliday {
  source: BankHolidaySource
  /** False only for a rule's day the council has said is not a bank holiday that year. */
  observed: boolean
}

export interface BankHolidayCalendar extends BankHolidayLookup {
  /** The bank holiday on a day, if there is one, with the council's changes. */
  on(date: IsoDate): BankHoliday | undefined
  /** Every day of the year the rule or the council has something to say about, removed days included. */
  daysIn(year: number): CalendarDay[]
  /** Whether the council has checked this year's days against the published list. */
  isConfirmed(year: number): boolean
  readonly confirmedYears: readonly number[]
}

/**
 * The rule and the council's changes to it, for any year. Each year is worked out the first time it is
 * asked for: working-day counts ask about the same few years again and again.
 */
export function bankHolidayCalendar(
  overrides: readonly BankHolidayOverride[],
  confirmedYears: readonly number[],
): BankHolidayCalendar {
  const years = new Map<number, Map<IsoDate, CalendarDay>>()
  const confirmed = new Set(confirmedYears)

  function year(y: number): Map<IsoDate, CalendarDay> {
    let days = years.get(y)
    if (days) return days
    days = new Map()
    const ruleDays = new Map(bankHolidaysByRule(y).map((d) => [d.date, d]))
    for (const d of ruleDays.values()) days.set(d.date, { ...d, source: 'rule', observed: true })
    for (const o of overrides.filter((o) => Number(o.date.slice(0, 4)) === y)) {
      const fromRule = ruleDays.get(o.date)
      const source: BankHolidaySource = !o.observed ? 'removed' : fromRule ? 'renamed' : 'added'
      // A removal of a day the rule does not give changes nothing, so it is not shown as one.
      if (!o.observed && !fromRule) continue
      days.set(o.date, { date: o.date, title: o.title, source, observed: o.observed })
    }
    years.set(y, days)
    return days
  }

  const on = (date: IsoDate): BankHoliday | undefined => {
    const day = year(Number(date.slice(0, 4))).get(date)
    return day?.observed ? { date: day.date, title: day.title } : undefined
  }

  return {
    has: (date) => on(date) !== undefined,
    on,
    daysIn: (y) => [...year(y).values()].sort((a, b) => a.date.localeCompare(b.date)),
    isConfirmed: (y) => confirmed.has(y),
    confirmedYears: [...confirmed].sort((a, b) => a - b),
  }
}

/**
 * The council's row for a day, given what it wants there (a bank holiday with a name, or none) and what the
 * rule gives: null when the rule already gives exactly that, so that the list holds only real changes.
 */
export function overrideFor(
  date: IsoDate,
  wanted: { title: string } | null,
  fromRule: BankHoliday | undefined,
): BankHolidayOverride | null {
  if (wanted) return fromRule?.title === wanted.title ? null : { date, title: wanted.title, observed: true }
  return fromRule ? { date, title: fromRule.title, observed: false } : null
}

/** The rule's bank holiday on a day, if any. */
export function ruleHolidayOn(date: IsoDate): BankHoliday | undefined {
  return bankHolidaysByRule(Number(date.slice(0, 4))).find((d) => d.date === date)
}

/** The years, earliest first, whose bank holidays a date depends on and the council has not confirmed. */
export function unconfirmedYears(
  years: Iterable<number>,
  calendar: Pick<BankHolidayCalendar, 'isConfirmed'>,
): number[] {
  return [...new Set(years)].filter((y) => !calendar.isConfirmed(y)).sort((a, b) => a - b)
}

/** The note shown beside a date that depends on bank holidays not yet confirmed; null when all are. */
export function unconfirmedNote(years: readonly number[]): string | null {
  if (years.length === 0) return null
  const list = years.length === 1 ? String(years[0]) : `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`
  return `Bank holidays for ${list} are not yet confirmed; this date may change.`
}

/**
 * The changes to the rule that make it give a published list for the years the list covers: the rows a
 * council would have to add to match it. None when the rule already gives the list exactly.
 */
export function overridesToMatch(list: readonly BankHoliday[]): BankHolidayOverride[] {
  const listed = new Map(list.map((d) => [d.date, d]))
  const years = [...new Set(list.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b)
  return years.flatMap((year) => {
    const rule = new Map(bankHolidaysByRule(year).map((d) => [d.date, d]))
    const dates = [
      ...new Set([...rule.keys(), ...list.filter((d) => d.date.startsWith(`${year}-`)).map((d) => d.date)]),
    ]
    return dates
      .sort()
      .map((date) => overrideFor(date, listed.get(date) ?? null, rule.get(date)))
      .filter((o): o is BankHolidayOverride => o !== null)
  })
}

/** A month laid out as a calendar, in whole weeks from Monday to Sunday, with each day's sittings. */

import { addDays, type IsoDate } from './dates'

/** 'YYYY-MM'. */
export type IsoMonth = string

export interface CalendarDay<T> {
  date: IsoDate
  dayOfMonth: number
  /** False for the days of the previous and next months that fill the first and last weeks. */
  inMonth: boolean
  isToday: boolean
  items: T[]
}

export interface MonthGrid<T> {
  month: IsoMonth
  /** 'August 2027'. */
  label: string
  previous: IsoMonth
  next: IsoMonth
  firstDay: IsoDate
  lastDay: IsoDate
  weeks: CalendarDay<T>[][]
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

const ISO_MONTH = /^(\d{4})-(\d{2})$/

/** The month, when the value is a real 'YYYY-MM' in a range a calendar could sensibly show; otherwise undefined. */
export function parseMonth(value: unknown): IsoMonth | undefined {
  if (typeof value !== 'string') return undefined
  const match = ISO_MONTH.exec(value)
  if (!match) return undefined
  const year = Number(match[1])
  const month = Number(match[2])
  if (year < 2000 || year > 2099 || month < 1 || month > 12) return undefined
  return value
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7)
}

function parts(month: IsoMonth): [year: number, month: number] {
  const valid = parseMonth(month)
  if (!valid) throw new Error(`Not a YYYY-MM month: "${month}"`)
  return [Number(valid.slice(0, 4)), Number(valid.slice(5, 7))]
}

function monthFromParts(year: number, month: number): IsoMonth {
  const d = new Date(Date.UTC(year, month - 1, 1))
  return d.toISOString().slice(0, 7)
}

export function addMonths(month: IsoMonth, count: number): IsoMonth {
  const [year, m] = parts(month)
  return monthFromParts(year, m + count)
}

/** The first and last days of the month. */
export function monthRange(month: IsoMonth): { firstDay: IsoDate; lastDay: IsoDate } {
  const [year, m] = parts(month)
  const lastDate = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return { firstDay: `${month}-01`, lastDay: `${month}-${String(lastDate).padStart(2, '0')}` }
}

export function monthLabel(month: IsoMonth): string {
  const [year, m] = parts(month)
  return `${MONTH_NAMES[m - 1]} ${year}`
}

/** ISO weekday: 1 is Monday, 7 is Sunday. */
function isoWeekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7
}

/**
 * The month's weeks, Monday to Sunday, each day holding the items dated on it. Items dated outside the
 * month are left out, even on the filling days, so that each item appears in one month only.
 */
export function buildMonthGrid<T extends { sittingOn: IsoDate }>(
  month: IsoMonth,
  items: readonly T[],
  today: IsoDate,
): MonthGrid<T> {
  const { firstDay, lastDay } = monthRange(month)
  const byDate = new Map<IsoDate, T[]>()
  for (const item of items) {
    if (item.sittingOn < firstDay || item.sittingOn > lastDay) continue
    const list = byDate.get(item.sittingOn) ?? []
    list.push(item)
    byDate.set(item.sittingOn, list)
  }
  const gridStart = addDays(firstDay, 1 - isoWeekday(firstDay))
  const gridEnd = addDays(lastDay, 7 - isoWeekday(lastDay))
  const weeks: CalendarDay<T>[][] = []
  for (let date = gridStart; date <= gridEnd; date = addDays(date, 1)) {
    if (isoWeekday(date) === 1) weeks.push([])
    weeks[weeks.length - 1]!.push({
      date,
      dayOfMonth: Number(date.slice(8, 10)),
      inMonth: date >= firstDay && date <= lastDay,
      isToday: date === today,
      items: byDate.get(date) ?? [],
    })
  }
  return {
    month,
    label: monthLabel(month),
    previous: addMonths(month, -1),
    next: addMonths(month, 1),
    firstDay,
    lastDay,
    weeks,
  }
}

import type { IsoDate } from './dates'
import { timelinessReport, type ReportCase, type TimelinessRow } from './timelinessReport'

/*
 * Issue 18 point 2: the timeliness figures for a period chosen by the manager, month by month. A step belongs
 * to the month its statutory due date falls in (the limits themselves are the statutory clock's:
 * SEND Regulations 2014 regs 5(4), 13(2), 20(10), 22; domain/statutoryClock.ts), so a case received before the
 * period whose step fell due inside it is counted, and one whose step falls due after it is not.
 */

export interface MonthFigures {
  /** yyyy-mm */
  month: string
  rows: TimelinessRow[]
}

export function monthOf(date: IsoDate): string {
  return date.slice(0, 7)
}

/** Every month from the one holding `from` to the one holding `to`, inclusive. */
export function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  const months: string[] = []
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))]
  const last = monthOf(to)
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`
    if (month > last) break
    months.push(month)
    m += 1
    if (m > 12) [y, m] = [y + 1, 1]
  }
  return months
}

export function timelinessByMonth(
  cases: readonly ReportCase[],
  period: { from: IsoDate; to: IsoDate },
  today: IsoDate,
): MonthFigures[] {
  return monthsBetween(period.from, period.to).map((month) => ({
    month,
    rows: timelinessReport(
      cases.map((c) => ({
        exceptions: c.exceptions,
        deadlines: c.deadlines.filter(
          (d) => monthOf(d.due) === month && d.due >= period.from && d.due <= period.to,
        ),
      })),
      today,
    ),
  }))
}

import { addDays, type IsoDate } from './dates'
import { earliestSittingForPapers } from './sittingPlan'
import { workingDayOnOrAfter, workingDayOnOrBefore, type BankHolidayLookup } from './workingDays'

export interface SuggestionRequest {
  caseId: string
  panel: { id: string; papersCutoffWorkingDays: number }
  deadline: IsoDate
  /** When the papers were complete, or today for papers still awaited (the soonest they could be). */
  papersReadyOn: IsoDate
}

/**
 * Extra sittings that would save at-risk cases. Each case can be saved by a sitting on a working day
 * from the first one its papers meet the cut-off for (and no earlier than tomorrow) to its deadline.
 * Taking those windows in order of their last day, and putting a sitting on the last day of the first
 * window not yet covered, covers them all with as few extra sittings as possible (interval stabbing).
 */
export function suggestExtraSittings(
  requests: readonly SuggestionRequest[],
  today: IsoDate,
  bankHolidays: BankHolidayLookup,
): Map<string, { panelId: string; sittingOn: IsoDate }> {
  const tomorrow = workingDayOnOrAfter(addDays(today, 1), bankHolidays)
  // Thousands of cases share a few hundred dates: each date's working-day sums are done once.
  const earliest = memo((key: string) => {
    const [from, days] = key.split('|') as [IsoDate, string]
    return earliestSittingForPapers(from, Number(days), bankHolidays)
  })
  const lastDay = memo((deadline: IsoDate) => workingDayOnOrBefore(deadline, bankHolidays))
  const windows = requests
    .map((r) => {
      const fromPapers = earliest(
        `${r.papersReadyOn > today ? r.papersReadyOn : today}|${r.panel.papersCutoffWorkingDays}`,
      )
      return {
        caseId: r.caseId,
        panelId: r.panel.id,
        first: fromPapers > tomorrow ? fromPapers : tomorrow,
        last: lastDay(r.deadline),
      }
    })
    .filter((w) => w.first <= w.last)
    .sort((a, b) => (a.last < b.last ? -1 : a.last > b.last ? 1 : a.caseId < b.caseId ? -1 : 1))

  const suggestions = new Map<string, { panelId: string; sittingOn: IsoDate }>()
  const chosen = new Map<string, IsoDate>()
  for (const w of windows) {
    let day = chosen.get(w.panelId)
    if (day === undefined || day < w.first) {
      day = w.last
      chosen.set(w.panelId, day)
    }
    suggestions.set(w.caseId, { panelId: w.panelId, sittingOn: day })
  }
  return suggestions
}

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>()
  return (key) => {
    let value = known.get(key)
    if (value === undefined) {
      value = compute(key)
      known.set(key, value)
    }
    return value
  }
}

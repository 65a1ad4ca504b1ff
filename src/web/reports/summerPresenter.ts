import { formatDate, type IsoDate } from '../../domain/dates'
import { DEADLINE_STEP_LABELS } from '../../domain/statutoryClock'
import type {
  SeptemberSource,
  SummerHearingFigures,
  SummerSittingsReport,
} from '../../domain/summerSittingsReport'
import { CASE_KIND_LABELS, OUTCOME_LABELS } from '../../domain/vocabulary'
import { barChart, type BarChartView } from './barChart'

/** What the summer sittings page shows, built here so that the template only loops and tests. */

export const SEPTEMBER_SOURCE_LABELS: Record<SeptemberSource, string> = {
  calendar: 'From the calendar',
  weekly_slot: 'The panel’s weekly day (the calendar holds no sitting yet)',
  no_autumn_term: 'Not known: no autumn term is recorded after this summer',
}

function hearingView(f: SummerHearingFigures) {
  const h = f.hearing
  return {
    sittingOn: formatDate(h.sittingOn),
    panel: h.panelName,
    reference: h.reference,
    caseHref: `/cases/${h.caseId}`,
    kind: CASE_KIND_LABELS[h.kind],
    outcome: OUTCOME_LABELS[h.outcome] ?? h.outcome,
    september: f.septemberSittingOn ? formatDate(f.septemberSittingOn) : 'Not known',
    septemberSource: SEPTEMBER_SOURCE_LABELS[f.septemberSource],
    daysSooner: f.daysSooner === null ? '–' : String(f.daysSooner),
    deadline: f.deadline
      ? `${DEADLINE_STEP_LABELS[f.deadline.step]}: due ${formatDate(f.deadline.due)}`
      : 'None',
    kept:
      f.deadline === null || !f.decided || f.septemberSittingOn === null
        ? '–'
        : f.deadlineKept
          ? 'Yes'
          : 'No',
  }
}

export interface SummerPageView {
  asOf: string
  chart: BarChartView | null
  summers: {
    summer: string
    anchor: string
    heard: number
    decided: number
    deferred: number
    totalDaysSooner: number
    averageDaysSooner: string
    deadlinesKept: number
    hearings: ReturnType<typeof hearingView>[]
  }[]
}

export function summerPageView(report: SummerSittingsReport & { asOf: IsoDate }): SummerPageView {
  const kept = report.summers.reduce((n, s) => n + s.deadlinesKept, 0)
  const decided = report.summers.reduce((n, s) => n + s.decided, 0)
  return {
    asOf: formatDate(report.asOf),
    chart: report.summers.length
      ? barChart({
          id: 'summer-sittings',
          title: 'Cases decided at summer sittings, and statutory deadlines that kept, by summer',
          description:
            `Over ${report.summers.length} ${report.summers.length === 1 ? 'summer' : 'summers'}, ${decided} cases ` +
            `were decided at summer sittings and ${kept} statutory deadlines were kept that the first September ` +
            'sitting would have missed. For each summer, one bar shows the cases decided and a hatched bar the ' +
            'deadlines kept, each labelled with its number. The table below gives the same figures.',
          series: [
            { label: 'Cases decided at a summer sitting', modifier: 'primary', hatched: false },
            { label: 'Statutory deadlines kept', modifier: 'kept', hatched: true },
          ],
          groups: report.summers.map((s) => ({
            label: s.summer,
            values: [s.decided, s.deadlinesKept],
          })),
        })
      : null,
    summers: report.summers.map((s) => ({
      summer: s.summer,
      anchor: `summer-${s.summer}`,
      heard: s.heard,
      decided: s.decided,
      deferred: s.deferred,
      totalDaysSooner: s.totalDaysSooner,
      averageDaysSooner: s.averageDaysSooner === null ? '–' : String(s.averageDaysSooner),
      deadlinesKept: s.deadlinesKept,
      hearings: report.hearings.filter((f) => f.summer === s.summer).map(hearingView),
    })),
  }
}

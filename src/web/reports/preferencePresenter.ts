import { formatDate, type IsoDate } from '../../domain/dates'
import { DISAGREEMENT_GROUND_LABELS } from '../../domain/decisionRules'
import {
  GROUND_KEY_LABELS,
  settingNamed,
  type CountRow,
  type Period,
  type PreferenceDecision,
  type PreferenceReport,
  type Selection,
} from '../../domain/preferenceReport'
import { CASE_KIND_LABELS, OUTCOME_LABELS } from '../../domain/vocabulary'
import { barChart, type BarChartView } from './barChart'
import { periodQueryString } from './period'

/** What the preference report's pages show, built here so that the templates only loop and test. */

const MONTHS = [
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

/** "2026-03" as "March 2026". */
export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`
}

export function periodText(period: Period): string {
  return `${formatDate(period.from)} to ${formatDate(period.to)}`
}

/** The address of the list of decisions a count counts. */
export function selectionHref(period: Period, selection: Selection): string {
  const group = selection.group
  const extra: Record<string, string> = { by: group.by }
  if (group.by !== 'all') extra.value = group.value
  if (group.by === 'refused' && group.ground) extra.ground = group.ground
  if (selection.differedOnly) extra.differed = '1'
  return `/reports/preference/decisions?${periodQueryString(period, extra)}`
}

const percentText = (p: number | null) => (p === null ? '–' : `${p}%`)

export interface CountCell {
  count: number
  /** Null for a count of nothing: there is nothing to list. */
  href: string | null
}

const cell = (period: Period, count: number, selection: Selection): CountCell => ({
  count,
  href: count > 0 ? selectionHref(period, selection) : null,
})

export interface CountRowView {
  key: string
  label: string
  decided: CountCell
  differed: CountCell
  percent: string
}

function countRowView(period: Period, row: CountRow, label = row.label): CountRowView {
  return {
    key: row.key,
    label,
    decided: cell(period, row.decided, row.decidedSelection),
    differed: cell(period, row.differed, row.differedSelection),
    percent: percentText(row.percentDiffered),
  }
}

export interface PreferencePageView {
  periodText: string
  asOf: string
  total: CountRowView
  chart: BarChartView
  byMonth: CountRowView[]
  byKind: CountRowView[]
  byPanel: CountRowView[]
  bySetting: CountRowView[]
  byGround: { key: string; label: string; differed: CountCell }[]
  refusedSettings: {
    label: string
    refused: CountCell
    grounds: { label: string; refused: CountCell }[]
  }[]
  explanations: {
    decidedOn: string
    reference: string
    caseHref: string
    kind: string
    panel: string
    outcome: string
    ground: string | null
    settingNamed: string | null
    preferredSetting: string | null
    explanation: string
  }[]
  csvHref: string
  explanationsCsvHref: string
  /** Said above the explanations when the page shows only the newest of them. */
  explanationsShown: string
}

/** The page shows the newest explanations; the CSV holds every one. */
export const EXPLANATIONS_ON_PAGE = 50

export function preferencePageView(report: PreferenceReport & { asOf: IsoDate }): PreferencePageView {
  const period = report.period
  const byMonth = report.byMonth.map((row) => countRowView(period, row, monthLabel(row.key)))
  const differedMonths = report.byMonth.filter((m) => m.differed > 0).length
  return {
    periodText: periodText(period),
    asOf: formatDate(report.asOf),
    total: countRowView(period, report.total),
    chart: barChart({
      id: 'preference-by-month',
      title: `Decisions against the family’s preference, by month, ${periodText(period)}`,
      description:
        `${report.total.differed} of ${report.total.decided} decisions differed from what the family asked for ` +
        `(${percentText(report.total.percentDiffered)}), in ${differedMonths} of ${report.byMonth.length} months. ` +
        'For each month, one bar shows the decisions that matched the preference and a hatched bar those that ' +
        'differed, each labelled with its number. The table below gives the same figures.',
      series: [
        { label: 'Matched the family’s preference', modifier: 'matched', hatched: false },
        { label: 'Differed from the preference', modifier: 'differed', hatched: true },
      ],
      groups: report.byMonth.map((m) => ({
        label: monthLabel(m.key).slice(0, 3),
        sublabel: m.key.slice(0, 4),
        values: [m.decided - m.differed, m.differed],
      })),
    }),
    byMonth,
    byKind: report.byKind.map((row) => countRowView(period, row)),
    byPanel: report.byPanel.map((row) => countRowView(period, row)),
    bySetting: report.bySetting.map((row) => countRowView(period, row)),
    byGround: report.byGround.map((row) => ({
      key: row.key,
      label: row.label,
      differed: cell(period, row.differed, row.selection),
    })),
    refusedSettings: report.refusedSettings.map((row) => ({
      label: row.label,
      refused: cell(period, row.refused, row.selection),
      grounds: row.grounds.map((g) => ({ label: g.label, refused: cell(period, g.refused, g.selection) })),
    })),
    explanationsShown:
      report.explanations.length > EXPLANATIONS_ON_PAGE
        ? `The ${EXPLANATIONS_ON_PAGE} newest of ${report.explanations.length}. Download the explanations to read them all.`
        : '',
    explanations: report.explanations.slice(0, EXPLANATIONS_ON_PAGE).map((e) => ({
      decidedOn: formatDate(e.decision.decidedOn),
      reference: e.decision.reference,
      caseHref: `/cases/${e.decision.caseId}`,
      kind: CASE_KIND_LABELS[e.decision.kind],
      panel: e.decision.panelName,
      outcome: OUTCOME_LABELS[e.decision.outcome] ?? e.decision.outcome,
      ground: e.groundLabel,
      settingNamed: e.settingNamed,
      preferredSetting: e.decision.preferredSetting,
      explanation: e.explanation,
    })),
    csvHref: `/reports/preference.csv?${periodQueryString(period)}`,
    explanationsCsvHref: `/reports/preference-explanations.csv?${periodQueryString(period)}`,
  }
}

/** What a list of counted decisions is of, in words: the heading of the drill-down page. */
export function selectionText(selection: Selection, decisions: readonly PreferenceDecision[]): string {
  const first = decisions[0]
  const group = selection.group
  const which = selection.differedOnly
    ? 'Decisions that differed from the family’s preference'
    : 'Decisions, whether or not they matched the family’s preference'
  switch (group.by) {
    case 'all':
      return which
    case 'kind':
      return `${which}: ${CASE_KIND_LABELS[group.value]}`
    case 'ground':
      return `${which}: ${GROUND_KEY_LABELS[group.value]}`
    case 'setting':
      return `${which}: naming ${(first && settingNamed(first)) ?? group.value}`
    case 'panel':
      return `${which}: ${first?.panelName ?? 'this panel'}`
    case 'month':
      return `${which}: ${monthLabel(group.value)}`
    case 'refused': {
      const setting =
        first?.preferredSetting?.trim() ||
        (group.value === '' ? 'no preferred setting recorded' : group.value)
      return `Preferred setting not named: ${setting}${group.ground ? `, on the ground “${DISAGREEMENT_GROUND_LABELS[group.ground]}”` : ''}`
    }
  }
}

export function decisionListView(decisions: readonly PreferenceDecision[]) {
  return decisions.map((d) => ({
    decidedOn: formatDate(d.decidedOn),
    reference: d.reference,
    caseHref: `/cases/${d.caseId}`,
    kind: CASE_KIND_LABELS[d.kind],
    panel: d.panelName,
    outcome: OUTCOME_LABELS[d.outcome] ?? d.outcome,
    matched: d.matchesPreference ? 'Yes' : 'No',
  }))
}

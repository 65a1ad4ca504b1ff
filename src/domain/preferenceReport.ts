import type { IsoDate } from './dates'
import { DISAGREEMENT_GROUNDS, DISAGREEMENT_GROUND_LABELS, type DisagreementGround } from './decisionRules'
import { monthsBetween, monthOf } from './timelinessByMonth'
import { wholePercent } from './timelinessReport'
import { CASE_KINDS, CASE_KIND_LABELS, type CaseKind, type CaseStatus } from './vocabulary'

/*
 * Issue 18 point 3: how often a panel's decision differed from what the family asked for. Councils
 * promised that "any disparity between the decision made and parental requests" is recorded and explained
 * (docs/design.md); the decision records it (decisions.matches_preference, with the explanation that
 * decisionRules.ts makes compulsory, and for a school not named the lawful ground: Children and Families
 * Act 2014 s.39(4), or s.33 where the family asked for mainstream).
 *
 * What is counted: every decision dated inside the period, one per agenda item, so a case decided twice
 * counts twice. A deferral decides nothing (its matches_preference is empty) and is never counted. A
 * decision on a case later withdrawn still counts: the family was told it, and it differed or not.
 *
 * Every count is defined by a Selection, and the same Selection gives the list of decisions behind it
 * (selectDecisions), so the figure on the page and the cases its link shows cannot disagree.
 */

export interface PreferenceDecision {
  decisionId: string
  caseId: string
  reference: string
  kind: CaseKind
  caseStatus: CaseStatus
  panelId: string
  panelName: string
  decidedOn: IsoDate
  outcome: string
  /** Null for a deferral, which decides nothing. */
  matchesPreference: boolean | null
  disagreementGround: DisagreementGround | null
  disagreementExplanation: string | null
  /** The setting the decision names, where it names one other than the family's (or, at a phase transfer, any). */
  namedSetting: string | null
  /** The family's preferred setting recorded on the case. */
  preferredSetting: string | null
}

export interface Period {
  from: IsoDate
  to: IsoDate
}

/** The period a manager sees first: the twelve calendar months to today, from the first of the month eleven back. */
export function lastTwelveMonths(today: IsoDate): Period {
  const months = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - 11
  const from = `${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}-01`
  return { from, to: today }
}

/** A lawful ground, or `none`: a decision against the preference that names no school needs an explanation only. */
export type GroundKey = DisagreementGround | 'none'
export const GROUND_KEYS: readonly GroundKey[] = [...DISAGREEMENT_GROUNDS, 'none']
export const GROUND_KEY_LABELS: Record<GroundKey, string> = {
  ...DISAGREEMENT_GROUND_LABELS,
  none: 'No lawful ground needed: the decision named no school (an explanation only)',
}

export type PreferenceGroup =
  | { by: 'all' }
  | { by: 'kind'; value: CaseKind }
  | { by: 'ground'; value: GroundKey }
  | { by: 'setting'; value: string }
  | { by: 'panel'; value: string }
  | { by: 'month'; value: string }
  /** A preferred setting not named, optionally on one ground. */
  | { by: 'refused'; value: string; ground?: DisagreementGround }

export interface Selection {
  group: PreferenceGroup
  /** Only the decisions that differed from the family's preference. */
  differedOnly: boolean
}

/** Names compared as people type them: case, and runs of spaces, do not make a different school. */
export function settingKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * The setting a decision names: the one recorded on it, or, when it names the family's preferred school,
 * that school (the decision does not record it again).
 */
export function settingNamed(d: PreferenceDecision): string | null {
  const named = d.namedSetting?.trim() || null
  if (named) return named
  return d.outcome === 'name_preference' ? d.preferredSetting?.trim() || null : null
}

export function isDecided(d: PreferenceDecision): boolean {
  return d.matchesPreference !== null
}

export function differed(d: PreferenceDecision): boolean {
  return d.matchesPreference === false
}

/** A preferred setting not named: a decision against the preference that rests on a lawful ground for it. */
export function refusedPreferredSetting(d: PreferenceDecision): boolean {
  return differed(d) && d.disagreementGround !== null
}

function inPeriod(d: PreferenceDecision, period: Period): boolean {
  return d.decidedOn >= period.from && d.decidedOn <= period.to
}

function groundKeyOf(d: PreferenceDecision): GroundKey {
  return d.disagreementGround ?? 'none'
}

function inGroup(d: PreferenceDecision, group: PreferenceGroup): boolean {
  switch (group.by) {
    case 'all':
      return true
    case 'kind':
      return d.kind === group.value
    case 'ground':
      return differed(d) && groundKeyOf(d) === group.value
    case 'setting': {
      const named = settingNamed(d)
      return named !== null && settingKey(named) === group.value
    }
    case 'panel':
      return d.panelId === group.value
    case 'month':
      return monthOf(d.decidedOn) === group.value
    case 'refused':
      return (
        refusedPreferredSetting(d) &&
        settingKey(d.preferredSetting ?? '') === group.value &&
        (group.ground === undefined || d.disagreementGround === group.ground)
      )
  }
}

/** The decisions a count counts, oldest first: what its link lists. */
export function selectDecisions(
  decisions: readonly PreferenceDecision[],
  period: Period,
  selection: Selection,
): PreferenceDecision[] {
  return decisions
    .filter(
      (d) =>
        isDecided(d) &&
        inPeriod(d, period) &&
        (!selection.differedOnly || differed(d)) &&
        inGroup(d, selection.group),
    )
    .sort(
      (a, b) =>
        a.decidedOn.localeCompare(b.decidedOn) ||
        a.reference.localeCompare(b.reference) ||
        a.decisionId.localeCompare(b.decisionId),
    )
}

export interface CountRow {
  key: string
  label: string
  decided: number
  differed: number
  /** Whole percentage of decisions that differed; null when there were none. */
  percentDiffered: number | null
  /** What the row's counts link to. */
  decidedSelection: Selection
  differedSelection: Selection
}

export interface GroundRow {
  key: GroundKey
  label: string
  differed: number
  selection: Selection
}

export interface RefusedSettingRow {
  key: string
  label: string
  refused: number
  selection: Selection
  /** The grounds used, most used first; only grounds used at least once. */
  grounds: { ground: DisagreementGround; label: string; refused: number; selection: Selection }[]
}

export interface ExplanationRow {
  decision: PreferenceDecision
  groundLabel: string | null
  settingNamed: string | null
  explanation: string
}

export interface PreferenceReport {
  period: Period
  total: CountRow
  byKind: CountRow[]
  byGround: GroundRow[]
  bySetting: CountRow[]
  byPanel: CountRow[]
  byMonth: CountRow[]
  refusedSettings: RefusedSettingRow[]
  /** Every decision that differed, newest first, with what the panel wrote to the family about it. */
  explanations: ExplanationRow[]
}

interface Tally {
  label: string
  decided: number
  differed: number
}

function countRow(key: string, tally: Tally, group: PreferenceGroup): CountRow {
  return {
    key,
    label: tally.label,
    decided: tally.decided,
    differed: tally.differed,
    percentDiffered: wholePercent(tally.differed, tally.decided),
    decidedSelection: { group, differedOnly: false },
    differedSelection: { group, differedOnly: true },
  }
}

function add(map: Map<string, Tally>, key: string, label: string, d: PreferenceDecision): void {
  const tally = map.get(key) ?? { label, decided: 0, differed: 0 }
  tally.decided += 1
  if (differed(d)) tally.differed += 1
  map.set(key, tally)
}

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'en-GB')

export function preferenceReport(decisions: readonly PreferenceDecision[], period: Period): PreferenceReport {
  const counted = selectDecisions(decisions, period, { group: { by: 'all' }, differedOnly: false })
  const total: Tally = { label: 'All decisions', decided: 0, differed: 0 }
  const kinds = new Map<string, Tally>(
    CASE_KINDS.map((k) => [k, { label: CASE_KIND_LABELS[k], decided: 0, differed: 0 }]),
  )
  const months = new Map<string, Tally>(
    monthsBetween(period.from, period.to).map((m) => [m, { label: m, decided: 0, differed: 0 }]),
  )
  const panels = new Map<string, Tally>()
  const settings = new Map<string, Tally>()
  const grounds = new Map<GroundKey, number>(GROUND_KEYS.map((g) => [g, 0]))
  const refused = new Map<
    string,
    { label: string; refused: number; grounds: Map<DisagreementGround, number> }
  >()

  for (const d of counted) {
    total.decided += 1
    if (differed(d)) total.differed += 1
    add(kinds, d.kind, CASE_KIND_LABELS[d.kind], d)
    add(months, monthOf(d.decidedOn), monthOf(d.decidedOn), d)
    add(panels, d.panelId, d.panelName, d)
    const named = settingNamed(d)
    // The first spelling met (the oldest decision) names the row.
    if (named !== null) add(settings, settingKey(named), named, d)
    if (differed(d)) grounds.set(groundKeyOf(d), (grounds.get(groundKeyOf(d)) ?? 0) + 1)
    if (refusedPreferredSetting(d) && d.disagreementGround) {
      const key = settingKey(d.preferredSetting ?? '')
      const row = refused.get(key) ?? {
        label: d.preferredSetting?.trim() || 'No preferred setting recorded',
        refused: 0,
        grounds: new Map<DisagreementGround, number>(),
      }
      row.refused += 1
      row.grounds.set(d.disagreementGround, (row.grounds.get(d.disagreementGround) ?? 0) + 1)
      refused.set(key, row)
    }
  }

  const rows = (map: Map<string, Tally>, by: 'kind' | 'setting' | 'panel' | 'month') =>
    [...map.entries()].map(([key, tally]) => countRow(key, tally, { by, value: key } as PreferenceGroup))

  return {
    period,
    total: countRow('all', total, { by: 'all' }),
    byKind: rows(kinds, 'kind'),
    byGround: GROUND_KEYS.map((key) => ({
      key,
      label: GROUND_KEY_LABELS[key],
      differed: grounds.get(key) ?? 0,
      selection: { group: { by: 'ground', value: key }, differedOnly: true },
    })),
    // Most differing first: the settings a manager would look into.
    bySetting: rows(settings, 'setting').sort(
      (a, b) => b.differed - a.differed || b.decided - a.decided || byLabel(a, b),
    ),
    byPanel: rows(panels, 'panel').sort(byLabel),
    byMonth: rows(months, 'month'),
    refusedSettings: [...refused.entries()]
      .map(([key, row]) => ({
        key,
        label: row.label,
        refused: row.refused,
        selection: { group: { by: 'refused', value: key } as PreferenceGroup, differedOnly: true },
        grounds: [...row.grounds.entries()]
          .map(([ground, n]) => ({
            ground,
            label: DISAGREEMENT_GROUND_LABELS[ground],
            refused: n,
            selection: {
              group: { by: 'refused', value: key, ground } as PreferenceGroup,
              differedOnly: true,
            },
          }))
          .sort(
            (a, b) =>
              b.refused - a.refused ||
              DISAGREEMENT_GROUNDS.indexOf(a.ground) - DISAGREEMENT_GROUNDS.indexOf(b.ground),
          ),
      }))
      .sort((a, b) => b.refused - a.refused || byLabel(a, b)),
    explanations: counted
      .filter(differed)
      .reverse()
      .map((d) => ({
        decision: d,
        groundLabel: d.disagreementGround ? DISAGREEMENT_GROUND_LABELS[d.disagreementGround] : null,
        settingNamed: settingNamed(d),
        explanation: d.disagreementExplanation ?? '',
      })),
  }
}

import { addDays, daysBetween, type IsoDate } from './dates'
import { weeklyDates, type SchoolTerm } from './sittingPlan'
import type { DeadlineBasis, DeadlineStep } from './statutoryClock'
import type { CaseKind, CaseStatus } from './vocabulary'
import type { BankHolidayLookup } from './workingDays'

/*
 * Issue 18 point 4: what summer sittings achieved. Panels used to stop for the summer holiday, so a case
 * ready at the end of the summer term waited for September (docs/design.md); a summer sitting is one held
 * inside the holiday (sittings.is_summer, set from the council's term dates by sittingPlan.ts).
 *
 * For every case heard at a summer sitting (an agenda item there with a decision recorded; a deferral is
 * heard but decides nothing) this works out the first September sitting the calendar would otherwise have
 * given it, how many days sooner it was decided, and whether that kept a statutory deadline.
 *
 * The rule, and where it had to choose (the issue does not say):
 * - "The first September sitting" is the first sitting of the same panel on or after the first day of the
 *   autumn term that follows the summer sitting, that is not itself a summer sitting and not cancelled. An
 *   extra sitting counts, as the calendar did give it. If the calendar holds no such sitting (it is made
 *   only a few weeks ahead), it is the panel's weekly day on or after the start of term that is not a bank
 *   holiday, as sittingPlan.ts would have made it. With no autumn term recorded after the summer sitting,
 *   there is no answer and the case is shown without one.
 * - The case is assumed to fit on that sitting: its capacity and the other cases waiting are not replayed
 *   (the capacity planner, issue 18 point 5, is for that), so the figure is the least the summer sitting saved.
 * - The deadline kept is the statutory "tell the family" step the decision meets (decisionMilestones.ts:
 *   6 weeks for whether to assess, reg 5(1); 16 weeks for not issuing a plan, reg 10(1); 4 weeks from a review
 *   meeting, reg 20(10)). The step is met when the letter goes, a little after either sitting alike, so the
 *   sittings' dates are compared: kept when due on or after the summer sitting and before the September one.
 *   Placements and alternative provision have no statutory step of their own and keep none; a deadline
 *   that is only a latest safe date (not statutory) is not counted.
 */

export interface SummerHearing {
  decisionId: string
  caseId: string
  reference: string
  kind: CaseKind
  caseStatus: CaseStatus
  panelId: string
  panelName: string
  /** ISO weekday of the panel's weekly sitting: 1 is Monday. */
  panelWeekday: number
  sittingOn: IsoDate
  decidedOn: IsoDate
  outcome: string
  /** The panel's later sittings that are neither summer sittings nor cancelled, in date order. */
  laterSittings: readonly IsoDate[]
  /** The case's deadlines as its clock gives them today. */
  deadlines: readonly { step: DeadlineStep; due: IsoDate; basis: DeadlineBasis }[]
}

export type SeptemberSource = 'calendar' | 'weekly_slot' | 'no_autumn_term'

export interface SummerHearingFigures {
  hearing: SummerHearing
  /** The calendar year of the summer holiday the sitting was in. */
  summer: string
  decided: boolean
  septemberSittingOn: IsoDate | null
  septemberSource: SeptemberSource
  /** Days from the summer decision to the September sitting; null for a deferral or with no September sitting. */
  daysSooner: number | null
  /** The statutory step the decision meets, if any, and its due date. */
  deadline: { step: DeadlineStep; due: IsoDate } | null
  deadlineKept: boolean
}

export interface SummerTotals {
  summer: string
  heard: number
  decided: number
  deferred: number
  /** Decisions whose September sitting is known: what the days are counted over. */
  compared: number
  totalDaysSooner: number
  /** Whole days; null when nothing was compared. */
  averageDaysSooner: number | null
  deadlinesKept: number
}

export interface SummerSittingsReport {
  hearings: SummerHearingFigures[]
  /** One row per summer, oldest first. */
  summers: SummerTotals[]
}

/** The statutory step a decision of this kind and outcome meets by telling the family (decisionMilestones.ts). */
export function stepMetByDecision(kind: CaseKind, outcome: string): DeadlineStep | null {
  if (outcome === 'defer') return null
  switch (kind) {
    case 'assessment_request':
      return 'decide_whether_to_assess'
    case 'issue_plan':
      return 'notify_plan_not_issued'
    case 'annual_review':
    case 'phase_transfer':
      return outcome === 'maintain' || outcome === 'amend' || outcome === 'cease'
        ? 'notify_review_decision'
        : null
    default:
      return null
  }
}

/** The first day of the first autumn term that starts after the date. */
export function autumnTermStartAfter(date: IsoDate, terms: readonly SchoolTerm[]): IsoDate | null {
  return (
    terms
      .filter((t) => t.term === 'autumn' && t.startsOn > date)
      .map((t) => t.startsOn)
      .sort()[0] ?? null
  )
}

export function septemberSitting(
  hearing: Pick<SummerHearing, 'sittingOn' | 'laterSittings' | 'panelWeekday'>,
  terms: readonly SchoolTerm[],
  holidays: BankHolidayLookup,
): { on: IsoDate | null; source: SeptemberSource } {
  const termStarts = autumnTermStartAfter(hearing.sittingOn, terms)
  if (!termStarts) return { on: null, source: 'no_autumn_term' }
  const fromCalendar = [...hearing.laterSittings].sort().find((d) => d >= termStarts)
  if (fromCalendar) return { on: fromCalendar, source: 'calendar' }
  // Eight weeks is more bank holidays in a row than England has ever had on one weekday.
  const weekly = weeklyDates(termStarts, addDays(termStarts, 8 * 7), hearing.panelWeekday).find(
    (d) => !holidays.has(d),
  )
  return { on: weekly ?? null, source: 'weekly_slot' }
}

export function summerHearingFigures(
  hearing: SummerHearing,
  terms: readonly SchoolTerm[],
  holidays: BankHolidayLookup,
): SummerHearingFigures {
  const decided = hearing.outcome !== 'defer'
  const september = septemberSitting(hearing, terms, holidays)
  const step = stepMetByDecision(hearing.kind, hearing.outcome)
  const due = step ? hearing.deadlines.find((d) => d.step === step && d.basis === 'statutory') : undefined
  const deadline = step && due ? { step, due: due.due } : null
  const daysSooner = decided && september.on ? daysBetween(hearing.decidedOn, september.on) : null
  return {
    hearing,
    summer: hearing.sittingOn.slice(0, 4),
    decided,
    septemberSittingOn: september.on,
    septemberSource: september.source,
    daysSooner,
    deadline,
    deadlineKept:
      decided &&
      deadline !== null &&
      september.on !== null &&
      hearing.decidedOn <= deadline.due &&
      deadline.due < september.on,
  }
}

export function summerSittingsReport(
  hearings: readonly SummerHearing[],
  terms: readonly SchoolTerm[],
  holidays: BankHolidayLookup,
): SummerSittingsReport {
  const figures = hearings
    .map((h) => summerHearingFigures(h, terms, holidays))
    .sort(
      (a, b) =>
        a.hearing.sittingOn.localeCompare(b.hearing.sittingOn) ||
        a.hearing.panelName.localeCompare(b.hearing.panelName) ||
        a.hearing.reference.localeCompare(b.hearing.reference),
    )
  const summers = new Map<string, SummerTotals>()
  for (const f of figures) {
    const t = summers.get(f.summer) ?? {
      summer: f.summer,
      heard: 0,
      decided: 0,
      deferred: 0,
      compared: 0,
      totalDaysSooner: 0,
      averageDaysSooner: null,
      deadlinesKept: 0,
    }
    t.heard += 1
    if (f.decided) t.decided += 1
    else t.deferred += 1
    if (f.daysSooner !== null) {
      t.compared += 1
      t.totalDaysSooner += f.daysSooner
    }
    if (f.deadlineKept) t.deadlinesKept += 1
    summers.set(f.summer, t)
  }
  return {
    hearings: figures,
    summers: [...summers.values()]
      .map((t) => ({
        ...t,
        averageDaysSooner: t.compared ? Math.round(t.totalDaysSooner / t.compared) : null,
      }))
      .sort((a, b) => a.summer.localeCompare(b.summer)),
  }
}

import { timeliness, type ClockException } from './clockExceptions'
import type { IsoDate } from './dates'
import { DEADLINE_STEP_LABELS, type Deadline, type DeadlineStep } from './statutoryClock'

/*
 * The timeliness report: pure counting over the cases' deadlines. Each figure is given both with and
 * without exceptions (docs/design.md, "The statutory clock"), so that an exception is always reported, never
 * folded silently into the "in time" figure.
 */

/**
 * The steps with a time limit set by the regulations, in the order a case meets them. The phase transfer's
 * worked-back dates (basis 'latest_safe') are our own planning aids: missing one breaks no law.
 */
export const REPORTED_STEPS = [
  'decide_whether_to_assess',
  'notify_plan_not_issued',
  'issue_final_plan',
  'notify_review_decision',
  'issue_amended_plan',
] as const satisfies readonly DeadlineStep[]
export type ReportedStep = (typeof REPORTED_STEPS)[number]

/** What the report needs of one deadline: a service's CaseDeadline fits as it is. */
export type ReportDeadline = Pick<Deadline, 'step' | 'due' | 'basis'> & { completedOn: IsoDate | null }

export interface ReportCase {
  deadlines: readonly ReportDeadline[]
  exceptions: readonly ClockException[]
}

export interface TimelinessRow {
  step: ReportedStep
  label: string
  /** Steps that have fallen due by today, or been done (early or not). */
  due: number
  doneInTime: number
  doneLate: number
  /** Not done, and the due date has passed. */
  openPastDue: number
  /** Late (done late or still open) while an allowed exception applied: in time only "with exceptions". */
  lateWithException: number
  /** Done in time, or late under an allowed exception. ("In time without exceptions" is just doneInTime.) */
  inTimeWithExceptions: number
  /** Whole percentages; null when nothing was due, as a rate of nothing means nothing. */
  percentWithoutExceptions: number | null
  percentWithExceptions: number | null
}

/**
 * A whole percentage that never rounds a late step away: 199 of 200 is 99%, not 100%, and 1 of 200 is 1%,
 * not 0%, so that "100%" and "0%" on a manager's screen are always literally true.
 */
export function wholePercent(part: number, whole: number): number | null {
  if (whole === 0) return null
  const rounded = Math.round((100 * part) / whole)
  if (rounded === 100 && part < whole) return 99
  if (rounded === 0 && part > 0) return 1
  return rounded
}

function isReported(step: DeadlineStep): step is ReportedStep {
  return (REPORTED_STEPS as readonly DeadlineStep[]).includes(step)
}

export function timelinessReport(cases: readonly ReportCase[], today: IsoDate): TimelinessRow[] {
  const rows = new Map(
    REPORTED_STEPS.map((step) => [
      step,
      {
        step,
        label: DEADLINE_STEP_LABELS[step],
        due: 0,
        doneInTime: 0,
        doneLate: 0,
        openPastDue: 0,
        lateWithException: 0,
        inTimeWithExceptions: 0,
      },
    ]),
  )
  for (const panelCase of cases) {
    for (const d of panelCase.deadlines) {
      const row = isReported(d.step) && d.basis === 'statutory' ? rows.get(d.step) : undefined
      if (!row) continue
      const t = timeliness({
        step: d.step,
        due: d.due,
        today,
        completedOn: d.completedOn,
        exceptions: panelCase.exceptions,
      })
      if (t.outcome === 'not_yet_due') continue
      row.due += 1
      if (t.outcome === 'in_time') row.doneInTime += 1
      else if (d.completedOn) row.doneLate += 1
      else row.openPastDue += 1
      if (t.outcome === 'late_with_exception') row.lateWithException += 1
      if (t.inTimeWithExceptions) row.inTimeWithExceptions += 1
    }
  }
  return [...rows.values()].map((row) => ({
    ...row,
    percentWithoutExceptions: wholePercent(row.doneInTime, row.due),
    percentWithExceptions: wholePercent(row.inTimeWithExceptions, row.due),
  }))
}

import type { IsoDate } from './dates'
import { takesNewCases, type QueueSitting } from './scheduler'

/**
 * When a deferred case can next be heard, and whether that is after its statutory deadline (issue 14:
 * a deferral whose first possible sitting falls after the deadline must warn the chair before saving).
 * The chair may still defer: the law sets the deadline, but sometimes the panel cannot decide without
 * what it is waiting for, and the apology letter then follows.
 */

/**
 * The earliest sitting that could take a case whose papers are due again on `papersOn`: open, still
 * to come, its cut-off not passed and on or after that date. Room is not counted: a full sitting can
 * still take an urgent case in place of a less urgent one.
 */
export function firstPossibleSitting(
  sittings: readonly QueueSitting[],
  papersOn: IsoDate,
  today: IsoDate,
): QueueSitting | null {
  let first: QueueSitting | null = null
  for (const s of sittings) {
    if (!takesNewCases(s, today) || s.cutoffOn < papersOn) continue
    if (
      !first ||
      s.sittingOn < first.sittingOn ||
      (s.sittingOn === first.sittingOn && s.startsAt < first.startsAt)
    )
      first = s
  }
  return first
}

export interface LateDeferral {
  deadline: IsoDate
  /** The first sitting the case could go to, or null when none in the calendar can take it. */
  firstSittingOn: IsoDate | null
}

/** The warning to give, or null when the case can still be heard by its deadline (or has none). */
export function lateDeferral(deadline: IsoDate | null, first: QueueSitting | null): LateDeferral | null {
  if (deadline === null) return null
  if (first && first.sittingOn <= deadline) return null
  return { deadline, firstSittingOn: first?.sittingOn ?? null }
}

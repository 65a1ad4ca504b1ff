import type { IsoDate } from './dates'

/**
 * Where a chair may move a case by hand (issue 14: the move page offered a sitting that had met that
 * morning, and listed 41 radios). Only sittings still to meet, by the clock's date and time; those
 * before the case's deadline first, then the later ones, each in date order; full ones set apart.
 */

export interface MoveTarget {
  id: string
  sittingOn: IsoDate
  /** 'HH:MM' in London. */
  startsAt: string
  capacity: number
  itemCount: number
}

export interface MoveChoices<T extends MoveTarget> {
  /** With room, by the deadline (all of them when the case has none). */
  inTime: T[]
  /** With room, after the deadline. */
  late: T[]
  /** Still to meet but with no place left. */
  full: T[]
}

/** Whether a sitting has yet to start at a moment given as London date and time. */
export function stillToMeet(
  sitting: { sittingOn: IsoDate; startsAt: string },
  nowOn: IsoDate,
  nowAt: string,
) {
  return sitting.sittingOn > nowOn || (sitting.sittingOn === nowOn && sitting.startsAt.slice(0, 5) > nowAt)
}

export function moveChoices<T extends MoveTarget>(
  sittings: readonly T[],
  options: { fromSittingId: string; deadline: IsoDate | null; nowOn: IsoDate; nowAt: string },
): MoveChoices<T> {
  const coming = sittings
    .filter((s) => s.id !== options.fromSittingId && stillToMeet(s, options.nowOn, options.nowAt))
    .sort((a, b) => a.sittingOn.localeCompare(b.sittingOn) || a.startsAt.localeCompare(b.startsAt))
  const open = coming.filter((s) => s.itemCount < s.capacity)
  const inTime = (s: T) => options.deadline === null || s.sittingOn <= options.deadline
  return {
    inTime: open.filter(inTime),
    late: open.filter((s) => !inTime(s)),
    full: coming.filter((s) => s.itemCount >= s.capacity),
  }
}

import type { Clock } from '../domain/clock'
import { londonToday, type IsoDate } from '../domain/dates'

export type { Clock }

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => londonToday(new Date()),
}

/**
 * Sessions end after real minutes and hours even when the service runs on a fixed "today" (tests, a
 * demo), because express-session dates its cookie by the real time: their store and checks use this.
 */
export const sessionClock: Clock = systemClock

/** Elapsed real time for logs and build output; a monotonic timer, not the date. */
export function elapsedMs(since: number): number {
  return performance.now() - since
}

export function startTimer(): number {
  return performance.now()
}

export function fixedClock(today: IsoDate): Clock {
  return { now: () => new Date(`${today}T09:00:00Z`), today: () => today }
}

import { londonToday, type IsoDate } from '../domain/dates'

/** The time, injected so that tests can fix "today" and the statutory clock can be checked against it. */
export interface Clock {
  now(): Date
  today(): IsoDate
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => londonToday(),
}

export function fixedClock(today: IsoDate): Clock {
  return { now: () => new Date(`${today}T09:00:00Z`), today: () => today }
}

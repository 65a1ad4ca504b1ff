import type { IsoDate } from './dates'

/**
 * The time, injected so that tests can fix "today" and the statutory clock can be checked against it.
 * Only the type lives here, so that any layer may take a clock; src/services/clock.ts reads the machine's time.
 */
export interface Clock {
  now(): Date
  today(): IsoDate
}

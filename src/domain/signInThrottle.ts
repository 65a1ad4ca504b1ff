/**
 * How long a sign-in waits after failed attempts. Failures slow an account (or an address) down rather
 * than lock it: up to `freeFailures` cost nothing, and from then on each failure doubles the wait, to a
 * cap. Following OWASP's guidance on blocking brute force attacks ("Slow down online guessing attacks
 * with device cookies", OWASP Authentication Cheat Sheet), the browser that signed in to the account
 * before has a counter of its own, so someone guessing from elsewhere never holds its owner back.
 */
export const FIRST_DELAY_SECONDS = 15
export const MAX_DELAY_SECONDS = 15 * 60
/** A counter with no failure for this long starts again from nothing, and may be deleted. */
export const FORGET_AFTER_MS = 24 * 60 * 60_000

/** The wait, in seconds, after `failures` failures in a row. */
export function delayAfter(failures: number, freeFailures: number): number {
  if (failures < freeFailures || failures <= 0) return 0
  const doublings = failures - freeFailures
  // 2^doublings overflows nothing below the cap: stop doubling once it is reached.
  return doublings >= 16
    ? MAX_DELAY_SECONDS
    : Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** doublings)
}

export interface FailureCounter {
  failures: number
  lastFailureAt: Date
}

/** Milliseconds left to wait before the next attempt is heard; 0 when it may go ahead. */
export function waitLeftMs(counter: FailureCounter | undefined, freeFailures: number, now: Date): number {
  if (!counter) return 0
  const since = now.getTime() - counter.lastFailureAt.getTime()
  if (since >= FORGET_AFTER_MS) return 0
  return Math.max(0, delayAfter(counter.failures, freeFailures) * 1000 - since)
}

/** The failures a counter holds once one more is added at `now`: an old counter starts again. */
export function failuresAfterOneMore(counter: FailureCounter | undefined, now: Date): number {
  if (!counter || now.getTime() - counter.lastFailureAt.getTime() >= FORGET_AFTER_MS) return 1
  return counter.failures + 1
}

/** "Wait 30 seconds" or "Wait 4 minutes": rounded up, so that trying at the time said always works. */
export function waitInWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 60) return `Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`
  const minutes = Math.ceil(seconds / 60)
  return `Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
}

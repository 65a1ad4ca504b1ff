/**
 * When a failed e-mail is tried again. Soon at first (a mail server restarting is back within
 * minutes), then every six hours, and after the last attempt not at all: the e-mail is marked failed.
 */

/** Attempts in all, the first included; after the last one fails the e-mail is given up on. */
export const EMAIL_MAX_ATTEMPTS = 10

/** The wait after the 1st, 2nd, 3rd and 4th failed attempt, in minutes; every later one waits LATER. */
const FIRST_DELAYS_MINUTES = [1, 5, 15, 60] as const
const LATER_DELAY_MINUTES = 6 * 60

/** At most this share of the delay is added, so that e-mails failed together are not retried together. */
export const MAX_JITTER = 0.1

/** Minutes to wait after the given number of failed attempts (1 or more). */
export function retryDelayMinutes(failedAttempts: number): number {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) {
    throw new Error(`failedAttempts must be a whole number from 1, not ${failedAttempts}`)
  }
  return FIRST_DELAYS_MINUTES[failedAttempts - 1] ?? LATER_DELAY_MINUTES
}

/** A share from 0 to MAX_JITTER, the same every time for the same key (an e-mail's id). */
export function jitterShare(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  // FNV-1a alone barely moves the high bits for keys differing only at the end (ids): mix them (murmur3's fmix32).
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return ((hash >>> 0) / 0x1_0000_0000) * MAX_JITTER
}

/**
 * When to try an e-mail again after its `failedAttempts`-th attempt failed at `failedAt`, or null
 * when that was the last attempt allowed. `key` (the e-mail's id) sets its jitter.
 */
export function nextAttemptAt(failedAttempts: number, failedAt: Date, key: string): Date | null {
  if (failedAttempts >= EMAIL_MAX_ATTEMPTS) return null
  const delayMs = retryDelayMinutes(failedAttempts) * 60_000
  return new Date(failedAt.getTime() + Math.round(delayMs * (1 + jitterShare(key))))
}

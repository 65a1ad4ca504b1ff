import crypto from 'node:crypto'
import type { DataLayer } from '../data'
import { addFailure, clearCounter, deleteOldCounters, readCounters } from '../data/signInThrottles'
import { FORGET_AFTER_MS, waitLeftMs } from '../domain/signInThrottle'
import type { Clock } from './clock'

export interface SignInThrottleSettings {
  /** Signs device cookies; the session secret. */
  secret: string
  /** Failures an account takes before its wait starts; an address takes five times as many. */
  freeFailuresPerAccount: number
}

/** One sign-in attempt, as the throttle sees it. */
export interface SignInAttempt {
  email: string
  /** The address the request came from (req.ip, through TRUST_PROXY). */
  address: string
  /** The device cookie the browser sent, if any. */
  deviceCookie: string | undefined
}

export type ThrottleCheck = { ok: true } | { ok: false; waitMs: number }

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex')

/**
 * Sign-in throttling, counted in the database (every instance shares the counts). A browser holding a
 * device cookie for the account, given when it signed in before, is counted on its own; every other
 * browser shares the account's counter; and each address has its own counter on top.
 */
export function signInThrottleService(data: DataLayer, clock: Clock, settings: SignInThrottleSettings) {
  const { db } = data
  const perAddress = settings.freeFailuresPerAccount * 5

  const mac = (nonce: string, email: string) =>
    crypto
      .createHmac('sha256', settings.secret)
      .update(`device:${nonce}:${email.trim().toLowerCase()}`)
      .digest('base64url')

  /** The nonce of a device cookie that this browser was given for this account; undefined otherwise. */
  function trustedNonce(cookie: string | undefined, email: string): string | undefined {
    const [nonce, given] = (cookie ?? '').split('.')
    if (!nonce || !given || nonce.length > 64) return undefined
    const expected = Buffer.from(mac(nonce, email))
    const actual = Buffer.from(given)
    return expected.length === actual.length && crypto.timingSafeEqual(expected, actual) ? nonce : undefined
  }

  function keysOf(attempt: SignInAttempt) {
    const nonce = trustedNonce(attempt.deviceCookie, attempt.email)
    return {
      nonce,
      // Hashes, so that the table holds no email address or IP address.
      account: nonce ? `device:${sha256(nonce)}` : `account:${sha256(attempt.email.trim().toLowerCase())}`,
      address: `address:${sha256(attempt.address)}`,
    }
  }

  return {
    /** Whether this attempt may be heard now; if not, how long to wait. Says nothing of whether the account exists. */
    async check(attempt: SignInAttempt): Promise<ThrottleCheck> {
      const keys = keysOf(attempt)
      const counters = await readCounters(db, [keys.account, keys.address])
      const now = clock.now()
      const waitMs = Math.max(
        waitLeftMs(counters.get(keys.account), settings.freeFailuresPerAccount, now),
        waitLeftMs(counters.get(keys.address), perAddress, now),
      )
      return waitMs > 0 ? { ok: false, waitMs } : { ok: true }
    },

    /** Counts a failure for the account (or this browser's own counter) and the address; old counters go. */
    async failed(attempt: SignInAttempt): Promise<void> {
      const keys = keysOf(attempt)
      const now = clock.now()
      const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS)
      await addFailure(db, keys.account, now, forgetBefore)
      await addFailure(db, keys.address, now, forgetBefore)
      await deleteOldCounters(db, forgetBefore)
    },

    /**
     * A sign-in that worked clears the counter it was counted on (not the address's, which one good
     * password must not wipe), and gives the device cookie to keep: the same one, or a new one.
     */
    async succeeded(attempt: SignInAttempt): Promise<string> {
      const keys = keysOf(attempt)
      await clearCounter(db, keys.account)
      const nonce = keys.nonce ?? crypto.randomBytes(18).toString('base64url')
      return `${nonce}.${mac(nonce, attempt.email)}`
    },
  }
}

export type SignInThrottleService = ReturnType<typeof signInThrottleService>

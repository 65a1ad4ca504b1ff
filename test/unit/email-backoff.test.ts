import { loadConfig } from '../../src/config'
import {
  EMAIL_MAX_ATTEMPTS,
  MAX_JITTER,
  jitterShare,
  nextAttemptAt,
  retryDelayMinutes,
} from '../../src/domain/emailBackoff'

const failedAt = new Date('2026-11-26T10:00:00Z')
const minutesAfter = (at: Date | null) => (at === null ? null : (at.getTime() - failedAt.getTime()) / 60_000)

describe('retryDelayMinutes', () => {
  test('waits 1, 5, 15 and 60 minutes after the first four failures, then 6 hours', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(retryDelayMinutes)).toEqual([1, 5, 15, 60, 360, 360, 360])
  })

  test('refuses a count of failures below 1 or not whole', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => retryDelayMinutes(bad)).toThrow('failedAttempts')
  })
})

describe('jitterShare', () => {
  test('is the same for the same key, from 0 to MAX_JITTER, and differs between keys', () => {
    const keys = Array.from(
      { length: 200 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    )
    const shares = keys.map(jitterShare)
    expect(keys.map(jitterShare)).toEqual(shares)
    for (const share of shares) {
      expect(share).toBeGreaterThanOrEqual(0)
      expect(share).toBeLessThan(MAX_JITTER)
    }
    expect(new Set(shares).size).toBeGreaterThan(190)
    // Spread out, not bunched at one end.
    expect(Math.min(...shares)).toBeLessThan(MAX_JITTER * 0.1)
    expect(Math.max(...shares)).toBeGreaterThan(MAX_JITTER * 0.9)
  })
})

describe('nextAttemptAt', () => {
  test('is the delay after the failure, plus at most a tenth of it, the same each time for one e-mail', () => {
    for (let failed = 1; failed < EMAIL_MAX_ATTEMPTS; failed++) {
      const delay = retryDelayMinutes(failed)
      const at = minutesAfter(nextAttemptAt(failed, failedAt, 'an-email-id'))!
      expect(at).toBeGreaterThanOrEqual(delay)
      expect(at).toBeLessThan(delay * (1 + MAX_JITTER))
      expect(minutesAfter(nextAttemptAt(failed, failedAt, 'an-email-id'))).toBe(at)
    }
  })

  test('adds exactly the e-mail’s jitter share of the delay', () => {
    const key = 'a1b2c3d4-0000-4000-8000-000000000001'
    expect(minutesAfter(nextAttemptAt(2, failedAt, key))).toBeCloseTo(5 * (1 + jitterShare(key)), 3)
  })

  test('gives up (null) after the last attempt allowed', () => {
    expect(EMAIL_MAX_ATTEMPTS).toBe(10)
    expect(nextAttemptAt(EMAIL_MAX_ATTEMPTS - 1, failedAt, 'k')).not.toBeNull()
    expect(nextAttemptAt(EMAIL_MAX_ATTEMPTS, failedAt, 'k')).toBeNull()
    expect(nextAttemptAt(EMAIL_MAX_ATTEMPTS + 1, failedAt, 'k')).toBeNull()
  })

  test('the schedule of one e-mail failing every time adds up to about a day and a half', () => {
    let at = failedAt
    let total = 0
    for (let failed = 1; failed < EMAIL_MAX_ATTEMPTS; failed++) {
      const next = nextAttemptAt(failed, at, 'k')!
      total += next.getTime() - at.getTime()
      at = next
    }
    // 1 + 5 + 15 + 60 + 5 × 360 minutes = 31h21m, plus up to 10%.
    expect(total / 60_000).toBeGreaterThanOrEqual(1881)
    expect(total / 60_000).toBeLessThan(1881 * 1.1)
  })
})

describe('mail settings', () => {
  test('no mail server unless SMTP_URL is set, and a From by default', () => {
    expect(loadConfig({}).mail).toEqual({
      smtpUrl: undefined,
      from: 'Panel <no-reply@northshire.example.org>',
    })
    expect(
      loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'SEND <send@example.org>' }).mail,
    ).toEqual({
      smtpUrl: 'smtp://127.0.0.1:2525',
      from: 'SEND <send@example.org>',
    })
  })

  test('an SMTP_URL that is not smtp:// or smtps:// stops start-up, without repeating it (it may hold a password)', () => {
    for (const bad of ['127.0.0.1:2525', 'http://mail.example.org', 'not a url']) {
      expect(() => loadConfig({ SMTP_URL: bad })).toThrow('SMTP_URL must be an smtp:// or smtps:// address')
    }
    expect(() => loadConfig({ SMTP_URL: 'https://user:secret@x' })).not.toThrow('secret')
  })
})

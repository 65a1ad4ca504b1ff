import fc from 'fast-check'
import {
  delayAfter,
  failuresAfterOneMore,
  FIRST_DELAY_SECONDS,
  FORGET_AFTER_MS,
  MAX_DELAY_SECONDS,
  waitInWords,
  waitLeftMs,
} from '../../src/domain/signInThrottle'

const failures = fc.integer({ min: 0, max: 10_000 })
const free = fc.integer({ min: 1, max: 100 })

describe('the wait after failed sign-ins', () => {
  test('nothing to wait for until the free failures are used up, then the first delay', () => {
    expect([0, 1, 4].map((n) => delayAfter(n, 5))).toEqual([0, 0, 0])
    expect(delayAfter(5, 5)).toBe(FIRST_DELAY_SECONDS)
    expect(delayAfter(6, 5)).toBe(FIRST_DELAY_SECONDS * 2)
    expect(delayAfter(7, 5)).toBe(FIRST_DELAY_SECONDS * 4)
    expect(delayAfter(1000, 5)).toBe(MAX_DELAY_SECONDS)
  })

  test('each further failure doubles the wait, up to the cap, and never shortens it', () => {
    fc.assert(
      fc.property(failures, free, (n, f) => {
        const now = delayAfter(n, f)
        const next = delayAfter(n + 1, f)
        return (
          next >= now &&
          next <= MAX_DELAY_SECONDS &&
          (now === 0 || next === Math.min(MAX_DELAY_SECONDS, now * 2))
        )
      }),
    )
  })

  test('the wait left runs down with time and is gone once the delay has passed', () => {
    fc.assert(
      fc.property(failures, free, fc.integer({ min: 0, max: 2 * FORGET_AFTER_MS }), (n, f, elapsed) => {
        fc.pre(n > 0)
        const last = new Date('2026-12-02T10:00:00Z')
        const left = waitLeftMs({ failures: n, lastFailureAt: last }, f, new Date(last.getTime() + elapsed))
        const delay = delayAfter(n, f) * 1000
        return left === Math.max(0, delay - elapsed) || (elapsed >= FORGET_AFTER_MS && left === 0)
      }),
    )
  })

  test('a counter left alone for a day starts again', () => {
    const last = new Date('2026-12-02T10:00:00Z')
    const counter = { failures: 40, lastFailureAt: last }
    expect(failuresAfterOneMore(counter, new Date(last.getTime() + 1000))).toBe(41)
    expect(failuresAfterOneMore(counter, new Date(last.getTime() + FORGET_AFTER_MS))).toBe(1)
    expect(failuresAfterOneMore(undefined, last)).toBe(1)
    expect(waitLeftMs(undefined, 5, last)).toBe(0)
  })

  test('the wait is said in whole seconds or minutes, rounded up', () => {
    expect(waitInWords(1)).toBe('Wait 1 second')
    expect(waitInWords(14_200)).toBe('Wait 15 seconds')
    expect(waitInWords(60_000)).toBe('Wait 1 minute')
    expect(waitInWords(61_000)).toBe('Wait 2 minutes')
    expect(waitInWords(MAX_DELAY_SECONDS * 1000)).toBe('Wait 15 minutes')
  })
})

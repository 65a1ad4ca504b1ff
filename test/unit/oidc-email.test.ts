import fc from 'fast-check'
import { verifiedEmailFrom } from '../../src/domain/oidcEmail'
import { openPending, sameState, sealPending } from '../../src/web/auth/oidcPendingCookie'

describe('which email an identity provider vouches for', () => {
  test('email_verified true (or the string "true" some providers send) vouches for the email', () => {
    expect(verifiedEmailFrom({ email: ' a@example.org ', email_verified: true }, false)).toEqual({
      ok: true,
      email: 'a@example.org',
    })
    expect(verifiedEmailFrom({ email: 'a@example.org', email_verified: 'true' }, false)).toMatchObject({
      ok: true,
    })
  })

  test('a missing email_verified (as Entra ID often sends) counts only when the council trusts the issuer', () => {
    expect(verifiedEmailFrom({ email: 'a@example.org' }, false)).toEqual({
      ok: false,
      reason: 'email_not_verified',
    })
    expect(verifiedEmailFrom({ email: 'a@example.org' }, true)).toEqual({ ok: true, email: 'a@example.org' })
  })

  test('no email, or not an address, is no email', () => {
    for (const email of [
      undefined,
      '',
      '   ',
      42,
      'not-an-address',
      'two words@example.org',
      `${'a'.repeat(251)}@x.y`,
    ])
      expect(verifiedEmailFrom({ email, email_verified: true }, true)).toEqual({
        ok: false,
        reason: 'no_email',
      })
  })

  test('property: an explicit false, or anything but true, is never verified, whatever the trust setting', () => {
    fc.assert(
      fc.property(
        fc.emailAddress(),
        fc.oneof(fc.constant(false), fc.constant('false'), fc.integer(), fc.constant(null), fc.string()),
        fc.boolean(),
        (email, claim, trust) => {
          fc.pre(claim !== 'true')
          const result = verifiedEmailFrom({ email, email_verified: claim }, trust)
          expect(result.ok).toBe(false)
        },
      ),
    )
  })

  test('property: when it vouches, it returns the address it was given, trimmed', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.boolean(), (email, trust) => {
        const result = verifiedEmailFrom({ email: ` ${email}`, email_verified: true }, trust)
        expect(result).toEqual(email.length <= 254 ? { ok: true, email } : { ok: false, reason: 'no_email' })
      }),
    )
  })
})

describe('the pending sign-in cookie', () => {
  const secret = 'test-secret'
  const pending = { codeVerifier: 'v'.repeat(43), state: 's'.repeat(43), nonce: 'n'.repeat(43) }
  const now = new Date('2026-11-23T09:00:00Z')
  const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000)

  test('opens with the secret it was sealed with, until it expires after 10 minutes', () => {
    const cookie = sealPending(secret, pending, now)
    expect(openPending(secret, cookie, later(9))).toEqual(pending)
    expect(openPending(secret, cookie, later(10))).toBeUndefined()
    expect(openPending('another-secret', cookie, now)).toBeUndefined()
    expect(openPending(secret, undefined, now)).toBeUndefined()
  })

  test('property: any change to the cookie is refused', () => {
    const cookie = sealPending(secret, pending, now)
    fc.assert(
      fc.property(
        fc.nat({ max: cookie.length - 1 }),
        fc.string({ minLength: 1, maxLength: 1 }),
        (at, char) => {
          fc.pre(cookie[at] !== char)
          const altered = cookie.slice(0, at) + char + cookie.slice(at + 1)
          expect(openPending(secret, altered, now)).toBeUndefined()
        },
      ),
    )
  })

  test('compares state exactly, refusing anything but the string sent', () => {
    expect(sameState('abc', 'abc')).toBe(true)
    expect(sameState('abd', 'abc')).toBe(false)
    expect(sameState(['abc'], 'abc')).toBe(false)
    expect(sameState(undefined, 'abc')).toBe(false)
  })
})

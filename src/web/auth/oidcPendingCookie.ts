import crypto from 'node:crypto'
import type { PendingSignIn } from '../../services/oidcClient'

import { OIDC_PENDING_COOKIE, OIDC_PENDING_LIFETIME_MS } from '../../domain/cookies'

export const PENDING_COOKIE = OIDC_PENDING_COOKIE
/** Sent only to the OpenID Connect routes, so no other page carries the PKCE verifier around. */
export const PENDING_COOKIE_PATH = '/sign-in/oidc'
export const PENDING_LIFETIME_MS = OIDC_PENDING_LIFETIME_MS

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/

function signature(secret: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(`oidc-pending:${payload}`).digest('base64url')
}

/**
 * The PKCE verifier, state and nonce, signed with the session secret, kept in the browser rather
 * than a session: a signed-out visitor costs no session row. The signature stops a cookie being
 * forged or altered; httpOnly keeps page scripts from reading the verifier.
 */
export function sealPending(secret: string, pending: PendingSignIn, now: Date): string {
  const payload = Buffer.from(
    JSON.stringify({
      v: pending.codeVerifier,
      s: pending.state,
      n: pending.nonce,
      e: now.getTime() + PENDING_LIFETIME_MS,
    }),
  ).toString('base64url')
  return `${payload}.${signature(secret, payload)}`
}

/** The pending sign-in in a cookie, if it is ours, unaltered and not expired. */
export function openPending(
  secret: string,
  cookie: string | undefined,
  now: Date,
): PendingSignIn | undefined {
  const [payload, given, ...rest] = (cookie ?? '').split('.')
  if (!payload || !given || rest.length > 0) return undefined
  const expected = Buffer.from(signature(secret, payload))
  const actual = Buffer.from(given)
  if (actual.length !== expected.length || !crypto.timingSafeEqual(actual, expected)) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  const { v, s, n, e } = (parsed ?? {}) as Record<string, unknown>
  if (typeof v !== 'string' || typeof s !== 'string' || typeof n !== 'string' || typeof e !== 'number')
    return undefined
  if (![v, s, n].every((value) => TOKEN.test(value)) || e <= now.getTime()) return undefined
  return { codeVerifier: v, state: s, nonce: n }
}

/** Whether the state that came back is the one this browser was sent with, compared in constant time. */
export function sameState(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false
  const a = crypto.createHash('sha256').update(given).digest()
  const b = crypto.createHash('sha256').update(expected).digest()
  return crypto.timingSafeEqual(a, b)
}

import crypto from 'node:crypto'
import type { Request, RequestHandler, Response } from 'express'
import { HttpError } from '../errors'
import { CSRF_COOKIE } from '../../domain/cookies'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export { CSRF_COOKIE }
const NONCE = /^[A-Za-z0-9_-]{43}$/

export interface CsrfOptions {
  /** The session secret: a token for a signed-out visitor is its cookie's nonce signed with it. */
  secret: string
  secure: boolean
}

/** One cookie's value from the request, without a cookie parser for the sake of one cookie. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const pair of (req.get('cookie') ?? '').split(';')) {
    const at = pair.indexOf('=')
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim()
  }
  return undefined
}

function sign(secret: string, nonce: string): string {
  return crypto.createHmac('sha256', secret).update(`csrf:${nonce}`).digest('base64url')
}

/**
 * Signed-in requests use the session's token (synchroniser token pattern). Signed-out ones have no
 * session, so that a visitor to the sign-in page costs no session row: their token is a random
 * nonce in a cookie, signed with the secret (signed double-submit). A cross-site page can neither
 * read the cookie nor sign a nonce of its own.
 */
function tokenFor(req: Request, res: Response, options: CsrfOptions): string {
  if (req.session.userId) {
    req.session.csrfToken ??= crypto.randomBytes(32).toString('base64url')
    return req.session.csrfToken
  }
  let nonce = readCookie(req, CSRF_COOKIE)
  if (!nonce || !NONCE.test(nonce)) {
    nonce = (res.locals.csrfNonce as string | undefined) ?? crypto.randomBytes(32).toString('base64url')
    if (res.locals.csrfNonce === undefined) {
      res.locals.csrfNonce = nonce
      res.cookie(CSRF_COOKIE, nonce, { httpOnly: true, sameSite: 'lax', secure: options.secure, path: '/' })
    }
  }
  return sign(options.secret, nonce)
}

/** The request's token, made on first use; forms carry it as `_csrf` and htmx as `X-CSRF-Token`. */
export function csrfTokenFor(req: Request): string {
  if (!req.csrfToken) throw new Error('csrfProtection must run before a CSRF token is asked for')
  return req.csrfToken()
}

function sameToken(given: unknown, expected: string | undefined): boolean {
  if (typeof given !== 'string' || !expected) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

function expectedToken(req: Request, options: CsrfOptions): string | undefined {
  if (req.session.userId) return req.session.csrfToken
  const nonce = readCookie(req, CSRF_COOKIE)
  return nonce && NONCE.test(nonce) ? sign(options.secret, nonce) : undefined
}

/** Refuses any state-changing request without its token, and gives handlers `csrfTokenFor`. */
export function csrfProtection(options: CsrfOptions): RequestHandler {
  return (req, res, next) => {
    req.csrfToken = () => tokenFor(req, res, options)
    if (SAFE_METHODS.has(req.method)) return next()
    const body = req.body as Record<string, unknown> | undefined
    const given = body?._csrf ?? req.get('x-csrf-token')
    if (!sameToken(given, expectedToken(req, options))) throw new HttpError(403, 'csrf')
    next()
  }
}

export const exposeCsrfToken: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = csrfTokenFor(req)
  next()
}

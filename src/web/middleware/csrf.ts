import crypto from 'node:crypto'
import type { Request, RequestHandler } from 'express'
import { HttpError } from '../errors'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The session's token, made on first use; forms carry it as `_csrf` and htmx as `X-CSRF-Token`. */
export function csrfTokenFor(req: Request): string {
  req.session.csrfToken ??= crypto.randomBytes(32).toString('base64url')
  return req.session.csrfToken
}

function sameToken(given: unknown, expected: string | undefined): boolean {
  if (typeof given !== 'string' || !expected) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

/** Refuses any state-changing request without the session's token (synchroniser token pattern). */
export const verifyCsrf: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next()
  const body = req.body as Record<string, unknown> | undefined
  const given = body?._csrf ?? req.get('x-csrf-token')
  if (!sameToken(given, req.session.csrfToken)) return next(new HttpError(403, 'csrf'))
  next()
}

export const exposeCsrfToken: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = csrfTokenFor(req)
  next()
}

import type { Request, RequestHandler, Response } from 'express'
import type { Config } from '../../config'
import type { AuthService } from '../../services/auth'
import { allowedRoles, navigationFor, permissionsFor, type Area } from '../../domain/permissions'
import { HttpError } from '../errors'
import { csrfTokenFor, readCookie } from './csrf'
import { sessionClock } from '../../services/clock'
import { RETURN_TO_COOKIE, RETURN_TO_MAX_AGE_MS } from '../../domain/cookies'

/** Puts the signed-in user (if any) on the request, and ends sessions past their absolute limit. */
export function loadSignedInUser(auth: AuthService, config: Config): RequestHandler {
  const maxMs = config.sessionMaxHours * 3_600_000
  return async (req, res, next) => {
    const { userId, signedInAt } = req.session
    if (!userId) return next()
    const user =
      signedInAt && sessionClock.now().getTime() - signedInAt < maxMs
        ? await auth.currentUser(userId)
        : undefined
    if (!user) {
      // A fresh, empty session: the old one is gone from the store, and the request carries on signed out.
      return req.session.regenerate((error) => next(error))
    }
    req.user = user
    res.locals.user = user
    res.locals.navigation = navigationFor(user.role)
    res.locals.may = permissionsFor(user.role)
    res.locals.csrfToken = csrfTokenFor(req)
    next()
  }
}

function isSameSitePath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\')
}

/** The page asked for before signing in, if any: kept in a cookie, as a signed-out visitor has no session row. */
export function returnToPath(req: Request): string | undefined {
  const raw = readCookie(req, RETURN_TO_COOKIE)
  if (!raw) return undefined
  try {
    return takeReturnTo(decodeURIComponent(raw))
  } catch {
    return undefined
  }
}

export function clearReturnTo(res: Response): void {
  res.clearCookie(RETURN_TO_COOKIE, { path: '/sign-in' })
}

/** Everything after this needs a signed-in user; a page asked for first is returned to after sign-in. */
export function requireSignedIn(secureCookies: boolean): RequestHandler {
  return (req, res, next) => {
    if (req.user) return next()
    if (req.method === 'GET' && isSameSitePath(req.originalUrl) && req.get('HX-Request') !== 'true') {
      // Sent only to /sign-in, where it is read.
      res.cookie(RETURN_TO_COOKIE, req.originalUrl, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        path: '/sign-in',
        maxAge: RETURN_TO_MAX_AGE_MS,
      })
    }
    if (req.get('HX-Request') === 'true') {
      res.set('HX-Redirect', '/sign-in')
      return res.status(401).end()
    }
    res.redirect(303, '/sign-in')
  }
}

/** The server-side check for each part of the service: roles outside the area get 403, whatever links they see. */
export function requireArea(area: Area): RequestHandler {
  const roles = allowedRoles(area)
  return (req, _res, next) => {
    if (req.user && roles.includes(req.user.role)) return next()
    throw new HttpError(403, 'forbidden')
  }
}

export function takeReturnTo(path: string | undefined): string | undefined {
  return path && isSameSitePath(path) && path !== '/sign-in' ? path : undefined
}

import type { RequestHandler } from 'express'
import type { Config } from '../../config'
import type { AuthService } from '../../services/auth'
import { allowedRoles, navigationFor, type Area } from '../../domain/permissions'
import { HttpError } from '../errors'
import { csrfTokenFor } from './csrf'
import { sessionClock } from '../../services/clock'

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
    res.locals.csrfToken = csrfTokenFor(req)
    next()
  }
}

function isSameSitePath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\')
}

/** Everything after this needs a signed-in user; a page asked for first is returned to after sign-in. */
export const requireSignedIn: RequestHandler = (req, res, next) => {
  if (req.user) return next()
  if (req.method === 'GET' && isSameSitePath(req.originalUrl) && req.get('HX-Request') !== 'true') {
    req.session.returnTo = req.originalUrl
  }
  if (req.get('HX-Request') === 'true') {
    res.set('HX-Redirect', '/sign-in')
    return res.status(401).end()
  }
  res.redirect(303, '/sign-in')
}

/** The server-side check for each part of the service: roles outside the area get 403, whatever links they see. */
export function requireArea(area: Area): RequestHandler {
  const roles = allowedRoles(area)
  return (req, _res, next) => {
    if (req.user && roles.includes(req.user.role)) return next()
    next(new HttpError(403, 'forbidden'))
  }
}

export function takeReturnTo(path: string | undefined): string | undefined {
  return path && isSameSitePath(path) && path !== '/sign-in' ? path : undefined
}

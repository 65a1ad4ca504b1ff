import { Router, type Request, type Response } from 'express'
import type { Config } from '../../config'
import type { Services } from '../../services'
import type { User } from '../../services/records'
import type { OidcRefusal } from '../../services/oidcSignIn'
import { sessionClock } from '../../services/clock'
import { homePath } from '../../domain/permissions'
import { csrfTokenFor, readCookie } from '../middleware/csrf'
import { clearReturnTo, returnToPath } from '../middleware/authentication'
import {
  openPending,
  PENDING_COOKIE,
  PENDING_COOKIE_PATH,
  PENDING_LIFETIME_MS,
  sameState,
  sealPending,
} from './oidcPendingCookie'
import { oidcRefusedPage, oidcRefusedStatus } from './oidcPresenter'

const START_PATH = PENDING_COOKIE_PATH
const CALLBACK_PATH = `${PENDING_COOKIE_PATH}/callback`

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((error) => (error ? reject(error) : resolve())),
  )
}

/**
 * Staff sign-in through the council's OpenID Connect provider: authorisation code with PKCE, state
 * and nonce. Nothing is mounted unless OIDC_* is set, so the sign-in page is then as it always was.
 * The start is a plain GET link and a redirect, which the CSP's form-action does not govern.
 */
export function oidcRouter(config: Config, services: Services): Router {
  const router = Router()
  const oidc = services.oidcSignIn
  if (!config.oidc || !oidc) return router
  const { redirectUri, providerName } = config.oidc
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const, // sent on the provider's top-level GET redirect back, not on cross-site posts
    secure: config.environment === 'production',
    path: PENDING_COOKIE_PATH,
  }

  const refused = (res: Response, reason: OidcRefusal) =>
    res.status(oidcRefusedStatus(reason)).render('pages/auth/oidc-refused', {
      page: oidcRefusedPage(reason, providerName),
      startHref: START_PATH,
    })

  // The sign-in page (and its re-rendering after a wrong password) offers the provider's button.
  router.use('/sign-in', (_req, res, next) => {
    res.locals.oidcSignIn = { providerName, href: START_PATH }
    next()
  })

  router.get(START_PATH, async (req, res) => {
    if (req.user) return res.redirect(303, homePath(req.user.role))
    const started = await oidc.start()
    if (!started.ok) return refused(res, started.reason)
    res.cookie(PENDING_COOKIE, sealPending(config.sessionSecret, started.pending, sessionClock.now()), {
      ...cookieOptions,
      maxAge: PENDING_LIFETIME_MS,
    })
    res.redirect(303, started.url.href)
  })

  router.get(CALLBACK_PATH, async (req, res) => {
    const pending = openPending(config.sessionSecret, readCookie(req, PENDING_COOKIE), sessionClock.now())
    // Single use: whatever happens next, this browser's pending sign-in is spent.
    res.clearCookie(PENDING_COOKIE, cookieOptions)
    if (!pending || !sameState(req.query['state'], pending.state)) {
      await oidc.refuseCallback('state_mismatch')
      return refused(res, 'state_mismatch')
    }
    // The address the provider was told to come back to, with the query it came back with; never the Host header.
    const callbackUrl = new URL(redirectUri)
    callbackUrl.search = new URL(req.originalUrl, 'http://callback.invalid').search
    const result = await oidc.finish(callbackUrl, pending)
    if (!result.ok) return refused(res, result.reason)
    await startSession(req, res, result.user)
  })

  /** As the password sign-in does: a new session id, so one planted before sign-in is worthless. */
  async function startSession(req: Request, res: Response, user: User): Promise<void> {
    const returnTo = returnToPath(req)
    clearReturnTo(res)
    await regenerate(req)
    req.session.userId = user.id
    req.session.signedInAt = sessionClock.now().getTime()
    csrfTokenFor(req)
    res.redirect(303, returnTo ?? homePath(user.role))
  }

  return router
}

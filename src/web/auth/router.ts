import { Router, type Request, type Response } from 'express'
import { sessionClock } from '../../services/clock'
import { z } from 'zod'
import type { Config } from '../../config'
import type { Services } from '../../services'
import { homePath } from '../../domain/permissions'
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, SESSION_COOKIE } from '../../domain/cookies'
import { csrfTokenFor, readCookie } from '../middleware/csrf'
import { waitInWords } from '../../domain/signInThrottle'
import { clearReturnTo, returnToPath } from '../middleware/authentication'
import { formErrors, noErrors, typedText, type FormErrors } from '../validation'

const signInForm = z.object({
  email: typedText('Your email address')
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email('Enter an email address in the correct format, like name@example.org')),
  password: typedText('Your password')
    .min(1, 'Enter your password')
    .max(1000, 'Password must be 1000 characters or fewer'),
})

const WRONG_DETAILS: FormErrors = {
  summary: [{ text: 'Enter a correct email address and password', href: '#email' }],
  byField: { email: 'Enter a correct email address and password' },
}

/** The same words whether or not the account exists: the counters are kept for any address typed. */
function throttled(waitMs: number): FormErrors {
  const text = `You have tried to sign in too many times. ${waitInWords(waitMs)}, then try again.`
  return { summary: [{ text, href: '#email' }], byField: {} }
}

function renderSignIn(req: Request, res: Response, status: number, errors: FormErrors, email = '') {
  res.status(status).render('pages/auth/sign-in', {
    errors,
    values: { email },
    csrfToken: csrfTokenFor(req),
    signedOut: req.method === 'GET' && req.query['signed-out'] === '1',
  })
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((error) => (error ? reject(error) : resolve())),
  )
}

export function authRouter(config: Config, services: Services): Router {
  const router = Router()

  const deviceCookie = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.environment === 'production',
    path: '/sign-in',
    maxAge: DEVICE_COOKIE_DAYS * 24 * 3_600_000,
  }

  router.get('/sign-in', (req, res) => {
    if (req.user) return res.redirect(303, homePath(req.user.role))
    renderSignIn(req, res, 200, noErrors())
  })

  router.post('/sign-in', async (req, res) => {
    const parsed = signInForm.safeParse(req.body)
    const email = typeof req.body?.email === 'string' ? req.body.email : ''
    if (!parsed.success) return renderSignIn(req, res, 400, formErrors(parsed.error), email)

    // Checked before the password, so that a guess made during the wait is neither heard nor counted.
    const attempt = {
      email: parsed.data.email,
      address: req.ip ?? '',
      deviceCookie: readCookie(req, DEVICE_COOKIE),
    }
    const throttle = await services.signInThrottle.check(attempt)
    if (!throttle.ok) {
      res.set('Retry-After', String(Math.ceil(throttle.waitMs / 1000)))
      return renderSignIn(req, res, 429, throttled(throttle.waitMs), email)
    }
    const result = await services.auth.signIn(parsed.data.email, parsed.data.password)
    if (!result.ok) {
      await services.signInThrottle.failed(attempt)
      return renderSignIn(req, res, 401, WRONG_DETAILS, email)
    }
    res.cookie(DEVICE_COOKIE, await services.signInThrottle.succeeded(attempt), deviceCookie)

    const returnTo = returnToPath(req)
    clearReturnTo(res)
    // A new session id on sign-in, so a session id planted before it (session fixation) is worthless.
    await regenerate(req)
    req.session.userId = result.user.id
    req.session.signedInAt = sessionClock.now().getTime()
    csrfTokenFor(req)
    res.redirect(303, returnTo ?? homePath(result.user.role))
  })

  router.post('/sign-out', async (req, res, next) => {
    const userId = req.session.userId
    if (userId) await services.auth.signedOut(userId)
    req.session.destroy((error) => {
      if (error) return next(error)
      res.clearCookie(SESSION_COOKIE)
      res.redirect(303, '/sign-in?signed-out=1')
    })
  })

  return router
}

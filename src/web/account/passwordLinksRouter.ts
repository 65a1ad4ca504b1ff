import { Router, type Request, type Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Services } from '../../services'
import type { LinkCheck } from '../../services/accountPasswords'
import type { PasswordLinkPurpose } from '../../domain/staffAccounts'
import { csrfTokenFor } from '../middleware/csrf'
import { fieldError, formErrors, noErrors, type FormErrors } from '../validation'
import { forgottenPasswordForm, linkToken, newPasswordForm } from './passwordForms'

const WINDOW_MS = 15 * 60_000
const PATHS: Record<PasswordLinkPurpose, string> = { set_up: '/set-up-account', reset: '/reset-password' }

function tooMany(_req: Request, res: Response) {
  res.status(429).render('pages/account/too-many')
}

/**
 * Pages for people who are not signed in: asking for a reset link, and choosing a password from a
 * set-up or reset link. None of them stores a session (their forms use the signed CSRF cookie).
 */
export function passwordLinksRouter(services: Services, attemptsPerWindow: number): Router {
  const router = Router()
  const passwords = services.accountPasswords

  // Every request counts, not only failures: each may send an e-mail. Per address, and per account
  // asked about so that one person's inbox cannot be flooded from many addresses.
  const perAddress = rateLimit({
    windowMs: WINDOW_MS,
    limit: attemptsPerWindow,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: tooMany,
  })
  const perAccount = rateLimit({
    windowMs: 60 * 60_000,
    limit: 3,
    standardHeaders: false,
    legacyHeaders: false,
    keyGenerator: (req) =>
      `reset:${String((req.body as Record<string, unknown> | undefined)?.email ?? '')
        .trim()
        .toLowerCase()}`,
    handler: tooMany,
  })
  // Only failed tries on a link count (unknown, used, refused): opening a good link is not a guess.
  // Set-up and reset links are counted apart, as invitations are.
  const linkLimiter = () =>
    rateLimit({
      windowMs: WINDOW_MS,
      limit: attemptsPerWindow,
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: tooMany,
    })

  function renderForgotten(req: Request, res: Response, status: number, errors: FormErrors, email = '') {
    res.status(status).render('pages/account/forgotten-password', {
      errors,
      values: { email },
      csrfToken: csrfTokenFor(req),
    })
  }

  router.get('/forgotten-password', (req, res) => renderForgotten(req, res, 200, noErrors()))

  router.post('/forgotten-password', perAddress, perAccount, async (req, res) => {
    const email = typeof req.body?.email === 'string' ? (req.body.email as string) : ''
    const parsed = forgottenPasswordForm.safeParse(req.body ?? {})
    if (!parsed.success) return renderForgotten(req, res, 400, formErrors(parsed.error), email)
    await passwords.requestReset(parsed.data.email)
    // The same page whether or not the address has an account.
    res.render('pages/account/forgotten-password-sent', { email: parsed.data.email })
  })

  for (const purpose of ['set_up', 'reset'] as const) {
    const path = PATHS[purpose]
    const limiter = linkLimiter()

    const render = (req: Request, res: Response, checked: LinkCheck, status = 200, errors = noErrors()) => {
      if (checked.state !== 'valid')
        return res
          .status(checked.state === 'unknown' ? 404 : 410)
          .render('pages/account/link-not-working', { purpose, state: checked.state })
      res.status(status).render('pages/account/choose-password', {
        purpose,
        action: `${path}/${String(req.params.token)}`,
        link: checked.link,
        errors,
        csrfToken: csrfTokenFor(req),
      })
    }

    router.get(`${path}/:token`, limiter, async (req, res) => {
      const token = linkToken.safeParse(req.params.token)
      render(req, res, token.success ? await passwords.check(purpose, token.data) : { state: 'unknown' })
    })

    router.post(`${path}/:token`, limiter, async (req, res, next) => {
      const token = linkToken.safeParse(req.params.token)
      if (!token.success) return render(req, res, { state: 'unknown' })
      const form = newPasswordForm.safeParse(req.body ?? {})
      if (!form.success)
        return render(req, res, await passwords.check(purpose, token.data), 400, formErrors(form.error))
      const result = await passwords.useLink(purpose, token.data, form.data)
      if (!result.ok && result.reason === 'invalid') {
        const checked = await passwords.check(purpose, token.data)
        return render(req, res, checked, 400, fieldError(result.field, result.message))
      }
      if (!result.ok) return render(req, res, { state: result.reason })
      const done = () => res.render('pages/account/password-set', { purpose })
      // Whoever was signed in as this person in this browser is signed out with the rest.
      if (req.session.userId === result.userId) return req.session.destroy((e) => (e ? next(e) : done()))
      done()
    })
  }

  return router
}

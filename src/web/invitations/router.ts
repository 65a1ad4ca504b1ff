import { Router, type Request, type Response } from 'express'
import { sessionClock } from '../../services/clock'
import { rateLimit } from 'express-rate-limit'
import { z } from 'zod'
import type { Services } from '../../services'
import type { InvitationState } from '../../services/invitations'
import { csrfTokenFor } from '../middleware/csrf'
import { fieldError, noErrors, typedText, type FormErrors } from '../validation'

// Lengths are the password rule's to judge (src/domain/passwordRules.ts), with its own messages.
const acceptForm = z.object({
  password: typedText('Your password', { missing: 'Enter a password' }).default(''),
  confirmPassword: typedText('The password entered again', {
    missing: 'Enter the same password again to confirm it',
  }).default(''),
})

const token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/)

const STATE_PAGES = {
  used: { status: 410, view: 'pages/invitations/used' },
  expired: { status: 410, view: 'pages/invitations/expired' },
  unknown: { status: 404, view: 'pages/invitations/expired' },
} as const

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((error) => (error ? reject(error) : resolve())),
  )
}

/**
 * Accepting an invitation: open to anyone holding the link, so every failed try is counted against the
 * address that makes it, which keeps guessing a token hopeless even before its 256 bits are counted.
 */
export function invitationsRouter(services: Services, attemptsPerWindow: number): Router {
  const router = Router()
  const limiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: attemptsPerWindow,
    // Only failures count (a wrong or used link, a refused password): opening a good link is not a guess.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => res.status(429).render('pages/invitations/too-many'),
  })

  function render(
    req: Request,
    res: Response,
    checked: InvitationState,
    status = 200,
    errors: FormErrors = noErrors(),
  ) {
    if (checked.state !== 'valid') {
      const page = STATE_PAGES[checked.state]
      return res.status(page.status).render(page.view, { state: checked.state })
    }
    res.status(status).render('pages/invitations/accept', {
      token: req.params.token,
      invitation: checked.invitation,
      hasAccount: checked.hasAccount,
      errors,
      csrfToken: csrfTokenFor(req),
    })
  }

  router.get('/:token', limiter, async (req, res) => {
    const parsed = token.safeParse(req.params.token)
    render(req, res, parsed.success ? await services.invitations.check(parsed.data) : { state: 'unknown' })
  })

  router.post('/:token', limiter, async (req, res) => {
    const parsed = token.safeParse(req.params.token)
    if (!parsed.success) return render(req, res, { state: 'unknown' })
    const form = acceptForm.safeParse(req.body ?? {})
    if (!form.success) {
      const issue = form.error.issues[0]!
      return render(
        req,
        res,
        await services.invitations.check(parsed.data),
        400,
        fieldError(String(issue.path[0]), issue.message),
      )
    }
    const result = await services.invitations.accept(parsed.data, form.data)
    if (!result.ok && result.reason === 'invalid')
      return render(
        req,
        res,
        await services.invitations.check(parsed.data),
        400,
        fieldError(result.field, result.message),
      )
    if (!result.ok) return render(req, res, { state: result.reason })
    // A new session id for the new account, as at sign-in.
    await regenerate(req)
    req.session.userId = result.user.id
    req.session.signedInAt = sessionClock.now().getTime()
    csrfTokenFor(req)
    res.redirect(303, '/portal?welcome=1')
  })

  return router
}

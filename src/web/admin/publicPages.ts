import { Router, type Response } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import type { PublicPageSettings } from '../../domain/publicPages/settings'
import { noErrors, type FormErrors } from '../validation'
import { formBody } from './forms'
import { PRIVACY_WORDING_FIELDS, parsePublicPagesForm, publicPagesFormValues } from './publicPagesForm'

const PATH = '/admin/public-pages'

/** The accessibility statement's and privacy notice's settings: contacts, dates, retention and wording. */
export function publicPagesSettingsRouter(services: Services): Router {
  const router = Router()
  const admin = services.publicPages

  function render(
    res: Response,
    status: number,
    locals: {
      values: Record<string, unknown>
      errors?: FormErrors
      saved?: PublicPageSettings
      done?: boolean
    },
  ) {
    res.status(status).render('pages/admin/public-pages', {
      errors: noErrors(),
      saved: undefined,
      done: false,
      wordingFields: PRIVACY_WORDING_FIELDS,
      ...locals,
    })
  }

  router.get('/public-pages', async (req, res) => {
    const stored = await admin.settings()
    render(res, 200, {
      values: publicPagesFormValues(stored.settings, stored.version),
      done: req.query.done === 'saved',
    })
  })

  router.post('/public-pages', async (req, res) => {
    const body = formBody(req)
    const parsed = parsePublicPagesForm(body)
    if (!parsed.ok) return render(res, 400, { values: body, errors: parsed.errors })
    const version = z.coerce.number().int().min(1).catch(0).parse(body.version)
    const result = await admin.save(req.user!, parsed.value, version)
    if (result.ok) return res.redirect(303, `${PATH}?done=saved`)
    // Stale: what was typed stays in the boxes, what is saved now is shown beside it, and the next
    // save is checked against the version now saved.
    const now = await admin.settings()
    render(res, 409, {
      values: { ...body, version: String(now.version) },
      errors: { byField: {}, summary: [{ text: result.message, href: '#saved-now' }] },
      saved: now.settings,
    })
  })

  return router
}

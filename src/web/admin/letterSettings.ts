import { Router, type Request, type RequestHandler, type Response } from 'express'
import multer from 'multer'
import { z } from 'zod'
import {
  SETTINGS_FIELDS,
  settingsFieldLabel,
  settingsFormFrom,
  settingsFormValues,
} from '../../domain/letters/settingsForm'
import { staleForm, type SavedValue } from './staleForm'
import { LOGO_MAX_BYTES } from '../../letters/logoImage'
import type { Services } from '../../services'
import type { LogoUpload } from '../../services/letterSettingsAdmin'
import { HttpError } from '../errors'
import { noErrors, type FormErrors } from '../validation'
import { doneParam, fieldError, formBody } from './forms'

export const LETTER_LOGO_PATH = '/admin/letters/logo'
const LETTERS = '/admin/letters'
const DONE = ['saved', 'logo-saved', 'logo-removed'] as const

const tooLarge = new WeakSet<Request>()

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: LOGO_MAX_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 200 },
}).single('logo')

/**
 * Reads the logo form before the CSRF check, which needs the form's _csrf field (app.ts mounts this
 * ahead of it). A file over the limit is not read, but remembered, so the page can say so by the field;
 * the _csrf field comes before the file in the form, so it has been read by then.
 */
export const readLogoUpload: RequestHandler = (req, res, next) => {
  upload(req, res, (error: unknown) => {
    if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
      tooLarge.add(req)
      return next()
    }
    next(error ? new HttpError(400, 'bad-request') : undefined)
  })
}

function logoUpload(req: Request): LogoUpload {
  if (tooLarge.has(req)) return 'too-large'
  return req.file ? { bytes: req.file.buffer } : 'none'
}

/** The council's details and the services a decision letter sends families to, and the logo on it. */
export function letterSettingsRouter(services: Services): Router {
  const router = Router()
  const admin = services.letterSettingsAdmin

  async function render(
    req: Request,
    res: Response,
    status: number,
    form?: { values: Record<string, unknown>; errors: FormErrors; savedValues?: SavedValue[] },
    logoErrors: FormErrors = noErrors(),
  ) {
    const page = await admin.page()
    const values = form?.values ?? { ...settingsFormValues(page.settings), version: String(page.version) }
    // Not `settings`: Express passes its own app settings to the view engine under that name.
    res.status(status).render('pages/admin/letter-settings', {
      hasLogo: page.hasLogo,
      issueProblems: page.issueProblems,
      values,
      errors: form?.errors ?? noErrors(),
      savedValues: form?.savedValues,
      logoErrors,
      done: doneParam(req, DONE),
    })
  }

  router.get('/letters', (req, res) => render(req, res, 200))

  router.post('/letters', async (req, res) => {
    const body = formBody(req)
    const version = z.coerce.number().int().min(1).catch(0).parse(body.version)
    const result = await admin.save(req.user!, settingsFormFrom(body), version)
    if (result.ok) return res.redirect(303, `${LETTERS}?done=saved`)
    if (result.reason === 'stale') {
      const saved = await admin.page()
      const stored = settingsFormValues(saved.settings)
      const values = SETTINGS_FIELDS.map((f) => ({
        label: settingsFieldLabel(f),
        value: stored[f] || 'None',
      }))
      const stale = staleForm(body, { version: String(saved.version), values }, 'the letter settings')
      return render(req, res, 409, stale)
    }
    const errors: FormErrors = {
      byField: Object.fromEntries(result.problems.map((p) => [p.field, p.message])),
      summary: result.problems.map((p) => ({ text: p.message, href: `#${p.field}` })),
    }
    render(req, res, 400, { values: body, errors })
  })

  router.get('/letters/logo', async (_req, res) => {
    const logo = await admin.logo()
    if (!logo) throw new HttpError(404, 'not-found')
    res.type(logo.type).send(logo.image)
  })

  router.post('/letters/logo', async (req, res) => {
    const result = await admin.replaceLogo(req.user!, logoUpload(req))
    if (result.ok) return res.redirect(303, `${LETTERS}?done=logo-saved#logo-heading`)
    render(req, res, 400, undefined, fieldError('logo', result.message))
  })

  router.post('/letters/logo/remove', async (req, res) => {
    await admin.removeLogo(req.user!)
    res.redirect(303, `${LETTERS}?done=logo-removed#logo-heading`)
  })

  return router
}

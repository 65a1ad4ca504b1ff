import { assertFound } from '../results'
import { Router, type NextFunction, type Request, type Response } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import { VIEWS_MAX_LENGTH } from '../../services/portal'
import { HttpError } from '../errors'
import { fieldError, noErrors, typedText } from '../validation'
import { sendExtract } from '../sittings/minutesRouter'
import { presentPortalCase } from './casePagePresenter'

const viewsForm = z.object({
  views: typedText('Your views', { multiLine: true, missing: 'Write your views before sending them' })
    .default('')
    .transform((s) => s.replace(/\r\n/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, 'Write your views before sending them')
        .max(
          VIEWS_MAX_LENGTH,
          `Your views must be ${VIEWS_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`,
        ),
    ),
})

/** Families: their own children's cases, and no one else's. Another family's case is not found, as if it did not exist. */
export function portalRouter(services: Services): Router {
  const router = Router()
  router.get('/', async (req, res) => {
    const children = await services.home.familyChildren(req.user!)
    res.render('pages/portal/home', { children, welcome: req.query.welcome === '1' })
  })

  async function renderCase(
    req: Request,
    res: Response,
    next: NextFunction,
    status = 200,
    errors = noErrors(),
    views = '',
  ) {
    const caseId = z.uuid().safeParse(req.params.caseId)
    const view = caseId.success ? await services.portal.familyCase(req.user!, caseId.data) : undefined
    if (!view) throw new HttpError(404, 'not-found')
    // Families' own reads are logged too: the officer can then show a family who opened what, them included.
    services.readLog.record(req.user!, caseId.data!, 'portal_case')
    res.status(status).render('pages/portal/case', {
      page: presentPortalCase(view, {
        viewsSent: req.query.sent === '1',
        errors,
        viewsMaxLength: VIEWS_MAX_LENGTH,
      }),
      errors,
      values: { views },
    })
  }

  router.get('/cases/:caseId', (req, res, next) => renderCase(req, res, next))

  router.post('/cases/:caseId/views', async (req, res, next) => {
    const caseId = z.uuid().safeParse(req.params.caseId)
    if (!caseId.success) throw new HttpError(404, 'not-found')
    const raw = typeof req.body?.views === 'string' ? (req.body.views as string) : ''
    const parsed = viewsForm.safeParse(req.body ?? {})
    if (!parsed.success)
      return renderCase(req, res, next, 400, fieldError('views', parsed.error.issues[0]!.message), raw)
    const result = await services.portal.sendViews(req.user!, caseId.data, parsed.data.views)
    if (result.ok) return res.redirect(303, `/portal/cases/${caseId.data}?sent=1#your-views`)
    assertFound(result)
    return renderCase(req, res, next, 409, fieldError('views', result.message), raw)
  })

  router.get('/cases/:caseId/minutes-extract.pdf', async (req, res) => {
    const caseId = z.uuid().safeParse(req.params.caseId)
    const extract = caseId.success ? await services.minutes.familyExtract(req.user!, caseId.data) : undefined
    if (!extract) throw new HttpError(404, 'not-found')
    services.readLog.record(req.user!, caseId.data!, 'portal_minutes_extract')
    await sendExtract(services, res, extract, extract.minutes.content.items[0]!.reference)
  })

  router.get('/cases/:caseId/letters/:letterId.pdf', async (req, res) => {
    const caseId = z.uuid().safeParse(req.params.caseId)
    const letterId = z.uuid().safeParse(req.params.letterId)
    const letter =
      caseId.success && letterId.success
        ? await services.letters.familyLetter(req.user!, caseId.data, letterId.data)
        : undefined
    if (!letter) throw new HttpError(404, 'not-found')
    services.readLog.record(req.user!, caseId.data!, 'portal_letter_pdf', letterId.data!)
    res.type('application/pdf')
    res.set(
      'Content-Disposition',
      `inline; filename="letter-${letter.reference}-version-${letter.version}.pdf"`,
    )
    res.send(letter.pdf)
  })
  return router
}

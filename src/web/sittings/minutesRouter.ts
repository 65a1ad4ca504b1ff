import type { NextFunction, Request, Response, Router } from 'express'
import { z } from 'zod'
import { formatLongDate } from '../../domain/dates'
import type { MinutesVersion } from '../../domain/minutes'
import type { Services } from '../../services'
import type { Extract } from '../../services/minutes'
import { HttpError } from '../errors'
import { noErrors, typedText, type FormErrors } from '../validation'
import { presentMinutesPage } from './minutesPagePresenter'
import { formRefusal } from '../results'
import { sittingIdOf, uuidParam } from './meetingRouter'

const correctionReason = typedText('The reason', {
  multiLine: true,
  missing: 'Enter why the minutes need correcting',
})
  .trim()
  .min(1, 'Enter why the minutes need correcting')
  .max(1000, 'The reason must be 1000 characters or fewer')

function minutesTitle(minutes: MinutesVersion): string {
  return `Minutes: ${minutes.content.panelName}, ${formatLongDate(minutes.content.sittingOn)}`
}

function sendPdf(res: Response, pdf: Buffer, filename: string): void {
  res.type('application/pdf')
  res.set('Content-Disposition', `inline; filename="${filename}"`)
  res.send(pdf)
}

/** Sends a child's extract as a PDF; its file name carries the case reference, not the child's name. */
export async function sendExtract(services: Services, res: Response, extract: Extract, reference: string) {
  const pdf = await services.minutes.pdf(
    extract.minutes,
    `Minutes extract for ${extract.childName}`,
    extract.childName,
  )
  sendPdf(res, pdf, `minutes-extract-${reference}.pdf`)
}

/** The minutes: the draft from the record, approval, corrections, each version and its PDF, and extracts. */
export function minutesRoutes(router: Router, services: Services): void {
  async function showMinutes(
    req: Request,
    res: Response,
    next: NextFunction,
    status = 200,
    extra: { errors?: FormErrors } = {},
  ) {
    const page = await services.minutes.page(req.user!, sittingIdOf(req))
    if (!page) throw new HttpError(404, 'not-found')
    const { errors = noErrors() } = extra
    res.status(status).render('pages/sittings/minutes', {
      page: presentMinutesPage({
        sitting: page.record.access.sitting,
        isChair: page.record.access.isChair,
        state: page.record.state,
        minutes: page.record.minutes,
        draft: page.draft,
        blockers: page.blockers,
        approved: req.query.approved === '1',
        errors,
      }),
      errors,
    })
  }

  router.get('/:id/minutes', (req, res, next) => showMinutes(req, res, next))

  router.post('/:id/minutes/approve', async (req, res, next) => {
    const sittingId = sittingIdOf(req)
    const version = z.coerce
      .number()
      .int()
      .safeParse((req.body as Record<string, unknown>).recordVersion)
    const result = await services.minutes.approve(req.user!, sittingId, version.success ? version.data : -1)
    if (result.ok) return res.redirect(303, `/sittings/${sittingId}/minutes?approved=1`)
    const { errors } = formRefusal(result, { order: ['minutes'] })
    // Minutes that cannot be approved yet are not a typing mistake: the record is not ready (409).
    showMinutes(req, res, next, 409, { errors })
  })

  router.get('/:id/minutes/correct', async (req, res) => {
    const page = await services.minutes.page(req.user!, sittingIdOf(req))
    if (!page) throw new HttpError(404, 'not-found')
    if (!page.record.access.isChair) throw new HttpError(403, 'forbidden')
    res.render('pages/sittings/minutes-correct', { ...page.record, errors: noErrors(), values: {} })
  })

  router.post('/:id/minutes/correct', async (req, res) => {
    const sittingId = sittingIdOf(req)
    const body = req.body as Record<string, unknown>
    const reason = correctionReason.safeParse(body.reason)
    const result = reason.success
      ? await services.minutes.correct(req.user!, sittingId, reason.data)
      : ({
          ok: false,
          reason: 'invalid',
          problems: [{ field: 'reason', message: reason.error.issues[0]!.message }],
        } as const)
    if (result.ok) return res.redirect(303, `/sittings/${sittingId}/meeting`)
    const { status, errors } = formRefusal(result, { order: ['reason'] })
    const page = await services.minutes.page(req.user!, sittingId)
    if (!page) throw new HttpError(404, 'not-found')
    res.status(status).render('pages/sittings/minutes-correct', {
      ...page.record,
      errors,
      values: body,
    })
  })

  router.get('/:id/minutes/draft.pdf', async (req, res) => {
    const page = await services.minutes.page(req.user!, sittingIdOf(req))
    if (!page?.draft) throw new HttpError(404, 'not-found')
    sendPdf(res, await services.minutes.pdf(page.draft, minutesTitle(page.draft)), 'minutes-draft.pdf')
  })

  router.get('/:id/minutes/versions/:version.pdf', async (req, res) => {
    const version = z.coerce.number().int().min(1).safeParse(req.params.version)
    if (!version.success) throw new HttpError(404, 'not-found')
    const found = await services.minutes.version(req.user!, sittingIdOf(req), version.data)
    if (!found) throw new HttpError(404, 'not-found')
    const title = minutesTitle(found.minutes)
    sendPdf(res, await services.minutes.pdf(found.minutes, title), `minutes-version-${version.data}.pdf`)
  })

  router.get('/:id/minutes/extracts/:caseId.pdf', async (req, res) => {
    const caseId = uuidParam(req, 'caseId')
    const extract = await services.minutes.staffExtract(req.user!, caseId, sittingIdOf(req))
    if (!extract) throw new HttpError(404, 'not-found')
    services.readLog.record(req.user!, caseId, 'minutes_extract', sittingIdOf(req))
    await sendExtract(services, res, extract, extract.minutes.content.items[0]!.reference)
  })
}

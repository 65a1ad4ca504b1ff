import { assertFound } from '../results'
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import { HttpError } from '../errors'
import { FormErrorCollector } from '../formErrors'
import { noErrors, type FormErrors, typedText } from '../validation'
import { presentLettersPage } from './lettersPagePresenter'

const id = z.uuid()
const format = z.enum(['standard', 'large_print', 'easy_read'])

function param(req: Request, name: string): string {
  const parsed = id.safeParse(req.params[name])
  if (!parsed.success) throw new HttpError(404, 'not-found')
  return parsed.data
}

function sendPdf(res: Response, pdf: Buffer, filename: string): void {
  res.type('application/pdf')
  res.set('Content-Disposition', `inline; filename="${filename}"`)
  res.send(pdf)
}

const issueShape = z.object({
  decisionId: z.uuid({ error: 'Choose the decision to write to the family about' }),
  format: format,
  issuedCount: z.coerce.number().int().min(0),
  correctionReason: typedText('The reason', { multiLine: true })
    .trim()
    .max(1000, 'The reason must be 1000 characters or fewer')
    .optional()
    .transform((v) => v || null),
})

/** Decision letters on the case: preview, issue (caseworkers), and every version issued. */
export function letterRoutes(router: Router, services: Services, caseWork: RequestHandler): void {
  async function showLetters(
    req: Request,
    res: Response,
    next: NextFunction,
    status = 200,
    errors: FormErrors = noErrors(),
    values: Record<string, unknown> = {},
  ) {
    const page = await services.letters.page(param(req, 'id'))
    if (!page) throw new HttpError(404, 'not-found')
    services.readLog.record(req.user!, param(req, 'id'), 'letters')
    res.status(status).render('pages/cases/letters', {
      page: presentLettersPage(page, {
        role: req.user!.role,
        errors,
        values,
        issued: req.query.issued === '1',
      }),
      errors,
    })
  }

  router.get('/:id/letters', (req, res, next) => showLetters(req, res, next))

  router.get('/:id/letters/preview/:decisionId', async (req, res, next) => {
    // "<id>.pdf" belongs to the PDF's route below.
    if (req.params.decisionId?.endsWith('.pdf')) return next()
    const preview = await services.letters.previewLetter(param(req, 'id'), param(req, 'decisionId'))
    if (!preview) throw new HttpError(404, 'not-found')
    res.render('pages/cases/letter-preview', { ...preview, decisionId: req.params.decisionId })
  })

  router.get('/:id/letters/preview/:decisionId.pdf', async (req, res) => {
    const chosen = format.safeParse(req.query.format)
    const preview = await services.letters.preview(
      param(req, 'id'),
      param(req, 'decisionId'),
      chosen.success ? chosen.data : undefined,
    )
    if (!preview) throw new HttpError(404, 'not-found')
    sendPdf(res, preview.pdf, 'letter-preview.pdf')
  })

  router.post('/:id/letters', caseWork, async (req, res, next) => {
    const caseId = param(req, 'id')
    const body = req.body as Record<string, unknown>
    const parsed = issueShape.safeParse(body)
    // Each decision has its own form, so a field is known on the page by its decision.
    const decisionId = typeof body.decisionId === 'string' ? body.decisionId : ''
    const refuse = (problems: readonly { field: string; message: string }[]) => {
      const byField: Record<string, string> = {}
      for (const p of problems) byField[`${p.field}-${decisionId}`] ??= p.message
      const summary = problems.map((p) => ({ text: p.message, href: `#${p.field}-${decisionId}` }))
      return showLetters(req, res, next, 400, { byField, summary }, body)
    }
    if (!parsed.success)
      return refuse(parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })))
    const result = await services.letters.issue(req.user!, caseId, parsed.data)
    if (result.ok) return res.redirect(303, `/cases/${caseId}/letters?issued=1`)
    assertFound(result)
    return refuse(result.problems)
  })

  router.post('/:id/letters/apologies/:letterId', caseWork, async (req, res, next) => {
    const caseId = param(req, 'id')
    const letterId = param(req, 'letterId')
    const body = req.body as Record<string, unknown>
    const form = new FormErrorCollector(body, ['reason', 'newExpectedOn'])
    const reason = typedText('The reason', { multiLine: true, missing: 'Enter the reason once' })
      .trim()
      .max(2000, 'The reason must be 2000 characters or fewer')
      .safeParse(body.reason ?? '')
    if (!reason.success) form.add('reason', reason.error.issues[0]!.message)
    const newExpectedOn = form.date('newExpectedOn', 'The new date', { required: false })
    const result = form.empty
      ? await services.apologies.issue(req.user!, caseId, letterId, {
          reason: reason.success ? reason.data : null,
          newExpectedOn,
        })
      : ({ ok: false, reason: 'invalid', problems: [] } as const)
    if (result.ok) return res.redirect(303, `/cases/${caseId}/letters?issued=1`)
    assertFound(result)
    for (const p of result.problems) form.add(p.field, p.message)
    // Each draft has its own form: its fields are known on the page by the letter's id.
    const errors = form.errors()
    const byField = Object.fromEntries(
      Object.entries(errors.byField).map(([f, m]) => [`${f}-${letterId}`, m]),
    )
    const summary = errors.summary.map((s) => ({
      text: s.text,
      href: s.href.replace(/^#(reason|newExpectedOn)/, `#$1-${letterId}`),
    }))
    showLetters(req, res, next, 400, { byField, summary }, { ...body, letterId })
  })

  router.get('/:id/letters/:letterId.pdf', async (req, res) => {
    const letter = await services.letters.download(param(req, 'id'), param(req, 'letterId'))
    if (!letter) throw new HttpError(404, 'not-found')
    services.readLog.record(req.user!, param(req, 'id'), 'letter_pdf', param(req, 'letterId'))
    sendPdf(res, letter.pdf, `letter-${letter.reference}-version-${letter.version}.pdf`)
  })
}

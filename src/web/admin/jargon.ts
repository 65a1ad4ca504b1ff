import { assertFound } from '../results'
import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { JargonRecord } from '../../services/records'
import type { JargonTerm } from '../../domain/readability'
import type { Services } from '../../services'
import {
  JARGON_MESSAGES,
  PLAINER_MAX_LENGTH,
  TERM_MAX_LENGTH,
  tidyJargonText,
} from '../../services/jargonAdmin'
import { HttpError } from '../errors'
import { FormErrorCollector } from '../formErrors'
import { noErrors, typedText, type FormErrors } from '../validation'
import { doneParam, fieldError, formBody, type ParsedForm } from './forms'
import { versionTag } from '../../domain/editVersion'
import { postedVersion, staleForm, type SavedValue } from './staleForm'

const DONE = ['added', 'updated', 'removed'] as const
const JARGON = '/admin/jargon'

const text = (label: string, max: number, missing: string, tooLong: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? tidyJargonText(v) : v),
    typedText(label, { missing }).min(1, missing).max(max, tooLong),
  )

const jargonSchema = z.object({
  term: text(
    'The word or phrase to avoid',
    TERM_MAX_LENGTH,
    JARGON_MESSAGES.termMissing,
    JARGON_MESSAGES.termTooLong,
  ),
  plainer: text(
    'The plainer word or phrase',
    PLAINER_MAX_LENGTH,
    JARGON_MESSAGES.plainerMissing,
    JARGON_MESSAGES.plainerTooLong,
  ),
})

export function parseJargonForm(body: Record<string, unknown>): ParsedForm<JargonTerm> {
  const parsed = jargonSchema.safeParse(body)
  if (parsed.success) return { ok: true, value: parsed.data }
  const form = new FormErrorCollector(body, ['term', 'plainer'])
  form.addZod(parsed.error)
  return { ok: false, errors: form.errors() }
}

/** The council's jargon list: the words the plain-language help points at, each with a plainer one. */
export function jargonRouter(services: Services): Router {
  const router = Router()
  const admin = services.jargonAdmin

  /** The term named in the address, or a 404: a malformed id is as unknown as a missing one. */
  async function loadTerm(req: Request): Promise<JargonRecord> {
    const id = z.uuid().safeParse(req.params.jargonId)
    const jargon = id.success ? await admin.find(id.data) : undefined
    if (!jargon) throw new HttpError(404, 'not-found')
    return jargon
  }

  const renderForm = (
    res: Response,
    status: number,
    jargon: JargonRecord | undefined,
    values: Record<string, unknown>,
    errors: FormErrors,
    savedValues?: SavedValue[],
  ) => res.status(status).render('pages/admin/jargon-form', { jargon, values, errors, savedValues })

  router.get('/jargon', async (req, res) => {
    res.render('pages/admin/jargon', { terms: await admin.list(), done: doneParam(req, DONE) })
  })

  router.get('/jargon/new', (_req, res) => renderForm(res, 200, undefined, {}, noErrors()))

  router.post('/jargon/new', async (req, res) => {
    const body = formBody(req)
    const parsed = parseJargonForm(body)
    if (!parsed.ok) return renderForm(res, 400, undefined, body, parsed.errors)
    const result = await admin.add(req.user!, parsed.value)
    if (result.ok) return res.redirect(303, `${JARGON}?done=added`)
    assertFound(result)
    renderForm(res, 400, undefined, body, fieldError(result.field, result.message))
  })

  router.get('/jargon/:jargonId/edit', async (req, res) => {
    const jargon = await loadTerm(req)
    const values = { term: jargon.term, plainer: jargon.plainer, version: versionTag(jargon) }
    renderForm(res, 200, jargon, values, noErrors())
  })

  router.post('/jargon/:jargonId/edit', async (req, res) => {
    const jargon = await loadTerm(req)
    const body = formBody(req)
    const parsed = parseJargonForm(body)
    if (!parsed.ok) return renderForm(res, 400, jargon, body, parsed.errors)
    const result = await admin.edit(req.user!, jargon.id, parsed.value, postedVersion(body))
    if (result.ok) return res.redirect(303, `${JARGON}?done=updated`)
    assertFound(result)
    if (result.reason === 'stale') {
      const saved = await loadTerm(req)
      const stale = staleForm(
        body,
        {
          version: versionTag(saved),
          values: [
            { label: 'Word or phrase to avoid', value: saved.term },
            { label: 'Plainer word or phrase', value: saved.plainer },
          ],
        },
        'this word',
      )
      return renderForm(res, 409, saved, stale.values, stale.errors, stale.savedValues)
    }
    renderForm(res, 400, jargon, body, fieldError(result.field, result.message))
  })

  router.get('/jargon/:jargonId/remove', async (req, res) => {
    const jargon = await loadTerm(req)
    res.render('pages/admin/confirm', {
      title: `Remove “${jargon.term}” from the words to avoid?`,
      caption: 'Words to avoid',
      lines: [
        `When a chair types reasons, the service will stop pointing at “${jargon.term}” and suggesting “${jargon.plainer}”.`,
        'Reasons already written are not changed.',
      ],
      action: `${JARGON}/${jargon.id}/remove`,
      buttonText: 'Remove word',
      backHref: JARGON,
    })
  })

  router.post('/jargon/:jargonId/remove', async (req, res) => {
    const jargon = await loadTerm(req)
    const result = await admin.remove(req.user!, jargon.id)
    if (!result.ok) throw new HttpError(404, 'not-found')
    res.redirect(303, `${JARGON}?done=removed`)
  })

  return router
}

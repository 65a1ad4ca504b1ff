import { assertFound } from '../results'
import { Router, type Response } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import type { CaseSen2 } from '../../services/sen2'
import type { Clock } from '../../services/clock'
import {
  CEASE_REASONS,
  ETHNICITIES,
  REQUEST_SOURCES,
  SEN_SETTINGS,
  SEN_TYPES,
  SEXES,
  UPN_UNKNOWN_REASONS,
} from '../../domain/sen2/codes'
import { requireArea } from '../middleware/authentication'
import { HttpError } from '../errors'
import { noErrors, type FormErrors } from '../validation'
import { parseSen2Form, sen2FormValues } from './sen2Form'

const caseId = z.uuid()

/** The lists as select items, with "Not known yet" first. */
function items(list: readonly { code: string; label: string }[]) {
  return [{ value: '', text: 'Not known yet' }, ...list.map((o) => ({ value: o.code, text: o.label }))]
}

const LISTS = {
  sexes: items(SEXES),
  ethnicities: items(ETHNICITIES),
  upnUnknownReasons: items(UPN_UNKNOWN_REASONS),
  senTypes: items(SEN_TYPES),
  settings: items(SEN_SETTINGS),
  requestSources: items(REQUEST_SOURCES),
  ceaseReasons: items(CEASE_REASONS),
}

/** Caseworkers: "Details for the DfE return" on a case (/cases/:id/sen2), issue 18. */
export function sen2CaseRouter(services: Services, clock: Clock): Router {
  const router = Router()
  const caseWork = requireArea('caseWork')

  function render(
    res: Response,
    c: CaseSen2,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) {
    res.status(status).render('pages/cases/sen2', {
      sen2Case: c,
      lists: LISTS,
      isRequest: c.kind === 'assessment_request',
      hasPlan: c.kind === 'assessment_request' || c.kind === 'issue_plan',
      values,
      errors,
    })
  }

  async function load(id: unknown) {
    const parsed = caseId.safeParse(id)
    return parsed.success ? services.sen2.caseDetails(parsed.data) : undefined
  }

  router.get('/:id/sen2', caseWork, async (req, res) => {
    const c = await load(req.params.id)
    if (!c) throw new HttpError(404, 'not-found')
    render(res, c, 200, { version: String(c.version), ...sen2FormValues(c.details) }, noErrors())
  })

  router.post('/:id/sen2', caseWork, async (req, res) => {
    const c = await load(req.params.id)
    if (!c) throw new HttpError(404, 'not-found')
    const body = (req.body ?? {}) as Record<string, unknown>
    const parsed = parseSen2Form(body, clock.today())
    if (!parsed.ok) return render(res, c, 400, body, parsed.errors)
    const version = z.coerce.number().int().min(1).catch(0).parse(body.version)
    const result = await services.sen2.saveDetails(req.user!, c.caseId, parsed.value, version)
    if (result.ok) return res.redirect(303, `/cases/${c.caseId}?changed=sen2`)
    assertFound(result)
    const message = result.reason === 'stale' || result.reason === 'invalid' ? result.message : ''
    render(res, c, 409, body, { byField: {}, summary: [{ text: message, href: `/cases/${c.caseId}` }] })
  })

  return router
}

import { assertFound } from '../results'
import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { PanelDetail } from '../../services/records'
import type { Services } from '../../services'
import { HttpError } from '../errors'
import { noErrors, type FormErrors } from '../validation'
import { doneParam, fieldError, formBody } from './forms'
import {
  newPanelValues,
  PANEL_WEEKDAYS,
  panelFormValues,
  panelSavedValues,
  parsePanelForm,
  quorumField,
} from './panelForm'
import { versionTag } from '../../domain/editVersion'
import { postedVersion, staleForm, type SavedValue } from './staleForm'
import { weekdayName } from '../presenters'

const PANEL_DONE = ['created', 'updated', 'member-added', 'member-updated', 'member-removed'] as const

/** The panel named in the address, or a 404: a malformed id is as unknown as a missing one. */
export function panelIdFrom(req: Request): string {
  const id = z.uuid().safeParse(req.params.panelId)
  if (!id.success) throw new HttpError(404, 'not-found')
  return id.data
}

const weekdays = PANEL_WEEKDAYS.map((d) => ({ value: d, text: weekdayName(Number(d)) }))

/** Creating and changing panels: the weekly slot, what they decide, capacity and quorum. */
export function panelsRouter(services: Services): Router {
  const router = Router()
  const admin = services.panelAdmin

  function renderForm(
    res: Response,
    status: number,
    panel: PanelDetail | undefined,
    values: Record<string, unknown>,
    errors: FormErrors,
    savedValues?: SavedValue[],
  ) {
    res
      .status(status)
      .render('pages/admin/panel-form', { panel, values, errors, weekdays, quorumField, savedValues })
  }

  router.get('/panels/new', (_req, res) => renderForm(res, 200, undefined, newPanelValues(), noErrors()))

  router.post('/panels/new', async (req, res) => {
    const body = formBody(req)
    const parsed = parsePanelForm(body)
    if (!parsed.ok) return renderForm(res, 400, undefined, body, parsed.errors)
    const result = await admin.createPanel(req.user!, parsed.value)
    if (result.ok) return res.redirect(303, `/admin/panels/${result.id}?done=created`)
    if (result.reason === 'invalid') {
      return renderForm(res, 400, undefined, body, fieldError(result.field, result.message))
    }
    throw new HttpError(404, 'not-found')
  })

  router.get('/panels/:panelId', async (req, res) => {
    const page = await admin.panelPage(panelIdFrom(req))
    if (!page) throw new HttpError(404, 'not-found')
    res.render('pages/admin/panel', { ...page, done: doneParam(req, PANEL_DONE) })
  })

  router.get('/panels/:panelId/edit', async (req, res) => {
    const panel = await admin.findPanel(panelIdFrom(req))
    if (!panel) throw new HttpError(404, 'not-found')
    renderForm(res, 200, panel, { ...panelFormValues(panel), version: versionTag(panel) }, noErrors())
  })

  router.post('/panels/:panelId/edit', async (req, res) => {
    const panel = await admin.findPanel(panelIdFrom(req))
    if (!panel) throw new HttpError(404, 'not-found')
    const body = formBody(req)
    const parsed = parsePanelForm(body)
    if (!parsed.ok) return renderForm(res, 400, panel, body, parsed.errors)
    const result = await admin.updatePanel(req.user!, panel.id, parsed.value, postedVersion(body))
    if (result.ok) return res.redirect(303, `/admin/panels/${panel.id}?done=updated`)
    assertFound(result)
    if (result.reason === 'stale') {
      const saved = await admin.findPanel(panel.id)
      if (!saved) throw new HttpError(404, 'not-found')
      const stale = staleForm(
        body,
        { version: versionTag(saved), values: panelSavedValues(saved) },
        'this panel',
      )
      return renderForm(res, 409, saved, stale.values, stale.errors, stale.savedValues)
    }
    renderForm(res, 400, panel, body, fieldError(result.field, result.message))
  })

  return router
}

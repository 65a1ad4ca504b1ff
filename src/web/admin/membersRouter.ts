import { assertFound } from '../results'
import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { PanelDetail } from '../../services/records'
import type { PanelMember } from '../../services/records'
import type { Services } from '../../services'
import { HttpError } from '../errors'
import { noErrors, type FormErrors } from '../validation'
import { fieldError, formBody } from './forms'
import {
  MEMBER_DATE_FIELDS,
  memberFormValues,
  memberSavedValues,
  newMemberValues,
  parseMemberForm,
} from './memberForm'
import { versionTag } from '../../domain/editVersion'
import { postedVersion, staleForm, type SavedValue } from './staleForm'
import { panelIdFrom } from './panelsRouter'

/** Who sits on a panel, from which agency, who chairs it, and which account (if any) sees its papers. */
export function membersRouter(services: Services): Router {
  const router = Router()
  const admin = services.panelAdmin

  async function loadPanel(req: Request): Promise<PanelDetail> {
    const panel = await admin.findPanel(panelIdFrom(req))
    if (!panel) throw new HttpError(404, 'not-found')
    return panel
  }

  async function loadMember(req: Request): Promise<{ panel: PanelDetail; member: PanelMember }> {
    const panel = await loadPanel(req)
    const memberId = z.uuid().safeParse(req.params.memberId)
    const member = memberId.success ? await admin.findMember(panel.id, memberId.data) : undefined
    if (!member) throw new HttpError(404, 'not-found')
    return { panel, member }
  }

  async function renderForm(
    res: Response,
    status: number,
    locals: {
      panel: PanelDetail
      member?: PanelMember
      values: Record<string, unknown>
      errors: FormErrors
      savedValues?: SavedValue[]
    },
  ) {
    const accounts: { id: string; fullName: string; email: string }[] = await admin.memberAccounts()
    const linked = locals.member
    // An account disabled or given another role since it was linked stays selectable, so that saving
    // the form for some other change does not quietly unlink it.
    if (linked?.userId && !accounts.some((a) => a.id === linked.userId)) {
      accounts.unshift({ id: linked.userId, fullName: 'Current account', email: linked.accountEmail ?? '' })
    }
    res.status(status).render('pages/admin/member-form', { member: undefined, ...locals, accounts })
  }

  const panelPath = (panel: PanelDetail) => `/admin/panels/${panel.id}`

  router.get('/panels/:panelId/members/new', async (req, res) => {
    await renderForm(res, 200, { panel: await loadPanel(req), values: newMemberValues(), errors: noErrors() })
  })

  router.post('/panels/:panelId/members/new', async (req, res) => {
    const panel = await loadPanel(req)
    const body = formBody(req)
    const parsed = parseMemberForm(body)
    if (!parsed.ok) return renderForm(res, 400, { panel, values: body, errors: parsed.errors })
    const result = await admin.addMember(req.user!, panel.id, parsed.value)
    if (result.ok) return res.redirect(303, `${panelPath(panel)}?done=member-added#members`)
    assertFound(result)
    await renderForm(res, 400, {
      panel,
      values: body,
      errors: fieldError(result.field, result.message, MEMBER_DATE_FIELDS),
    })
  })

  router.get('/panels/:panelId/members/:memberId/edit', async (req, res) => {
    const { panel, member } = await loadMember(req)
    const values = { ...memberFormValues(member), version: versionTag(member) }
    await renderForm(res, 200, { panel, member, values, errors: noErrors() })
  })

  router.post('/panels/:panelId/members/:memberId/edit', async (req, res) => {
    const { panel, member } = await loadMember(req)
    const body = formBody(req)
    const parsed = parseMemberForm(body)
    if (!parsed.ok) return renderForm(res, 400, { panel, member, values: body, errors: parsed.errors })
    const result = await admin.updateMember(req.user!, panel.id, member.id, parsed.value, postedVersion(body))
    if (result.ok) return res.redirect(303, `${panelPath(panel)}?done=member-updated#members`)
    assertFound(result)
    if (result.reason === 'stale') {
      const saved = await admin.findMember(panel.id, member.id)
      if (!saved) throw new HttpError(404, 'not-found')
      const stale = staleForm(
        body,
        { version: versionTag(saved), values: memberSavedValues(saved) },
        'this member',
      )
      return renderForm(res, 409, { panel, member: saved, ...stale })
    }
    await renderForm(res, 400, {
      panel,
      member,
      values: body,
      errors: fieldError(result.field, result.message, MEMBER_DATE_FIELDS),
    })
  })

  router.get('/panels/:panelId/members/:memberId/remove', async (req, res) => {
    const { panel, member } = await loadMember(req)
    res.render('pages/admin/confirm', {
      title: `Remove ${member.fullName} from the ${panel.name}?`,
      caption: panel.name,
      lines: member.userId
        ? [`Their account will no longer see this panel’s sittings or papers.`]
        : [`They will no longer be listed as a member of this panel.`],
      action: `${panelPath(panel)}/members/${member.id}/remove`,
      buttonText: 'Remove member',
      backHref: panelPath(panel),
    })
  })

  router.post('/panels/:panelId/members/:memberId/remove', async (req, res) => {
    const { panel, member } = await loadMember(req)
    const result = await admin.removeMember(req.user!, panel.id, member.id)
    if (!result.ok) throw new HttpError(404, 'not-found')
    res.redirect(303, `${panelPath(panel)}?done=member-removed#members`)
  })

  return router
}

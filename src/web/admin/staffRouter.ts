import { assertFound } from '../results'
import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { StaffAccount } from '../../services/records'
import type { Services } from '../../services'
import { STAFF_ROLES } from '../../domain/staffAccounts'
import { ROLE_LABELS } from '../../domain/vocabulary'
import { HttpError } from '../errors'
import { noErrors, type FormErrors } from '../validation'
import { doneParam, fieldError, formBody } from './forms'
import { parseStaffForm, ROLE_HINTS, staffFormValues } from './staffForm'

const STAFF = '/admin/staff'
const ACCOUNT_DONE = ['added', 'updated', 'disabled', 'enabled', 'resent', 'stale'] as const
const roleOptions = STAFF_ROLES.map((role) => ({
  value: role,
  text: ROLE_LABELS[role],
  hint: ROLE_HINTS[role],
}))

function userIdFrom(req: Request): string {
  const id = z.uuid().safeParse(req.params.userId)
  if (!id.success) throw new HttpError(404, 'not-found')
  return id.data
}

const versionFrom = (body: Record<string, unknown>) =>
  z.coerce.number().int().min(1).catch(0).parse(body.version)

/** Council staff accounts: who they are, their role, and whether they can sign in. Families are not listed. */
export function staffRouter(services: Services): Router {
  const router = Router()
  const staff = services.staffAccounts

  async function loadAccount(req: Request): Promise<StaffAccount> {
    const account = await staff.find(userIdFrom(req))
    if (!account) throw new HttpError(404, 'not-found')
    return account
  }

  function renderForm(
    res: Response,
    status: number,
    locals: {
      account?: StaffAccount
      values: Record<string, unknown>
      errors: FormErrors
      saved?: StaffAccount
    },
  ) {
    res
      .status(status)
      .render('pages/admin/staff-form', { saved: undefined, account: undefined, ...locals, roleOptions })
  }

  async function renderAccount(req: Request, res: Response, status = 200, errors: FormErrors = noErrors()) {
    const page = await staff.accountPage(userIdFrom(req))
    if (!page) throw new HttpError(404, 'not-found')
    res
      .status(status)
      .render('pages/admin/staff-account', { ...page, errors, done: doneParam(req, ACCOUNT_DONE) })
  }

  router.get('/staff', async (req, res) => {
    res.render('pages/admin/staff', {
      accounts: await staff.list(),
      done: doneParam(req, ['added'] as const),
    })
  })

  router.get('/staff/new', (_req, res) => renderForm(res, 200, { values: {}, errors: noErrors() }))

  router.post('/staff/new', async (req, res) => {
    const body = formBody(req)
    const parsed = parseStaffForm(body)
    if (!parsed.ok) return renderForm(res, 400, { values: body, errors: parsed.errors })
    const result = await staff.add(req.user!, parsed.value)
    if (result.ok) return res.redirect(303, `${STAFF}/${result.id}?done=added`)
    if (result.reason === 'invalid')
      return renderForm(res, 400, { values: body, errors: fieldError(result.field, result.message) })
    throw new Error(`Adding a staff account failed: ${result.reason}`)
  })

  router.get('/staff/:userId', (req, res) => renderAccount(req, res))

  router.get('/staff/:userId/edit', async (req, res) => {
    const account = await loadAccount(req)
    renderForm(res, 200, { account, values: staffFormValues(account), errors: noErrors() })
  })

  router.post('/staff/:userId/edit', async (req, res) => {
    const account = await loadAccount(req)
    const body = formBody(req)
    const parsed = parseStaffForm(body)
    if (!parsed.ok) return renderForm(res, 400, { account, values: body, errors: parsed.errors })
    const result = await staff.update(req.user!, account.id, parsed.value, versionFrom(body))
    if (result.ok) return res.redirect(303, `${STAFF}/${account.id}?done=updated`)
    assertFound(result)
    if (result.reason === 'stale') {
      // What was typed stays in the boxes; what was saved is shown beside it, and the form now
      // carries the saved version, so that saving again is a deliberate choice.
      const errors = { byField: {}, summary: [{ text: result.message, href: '#saved-details' }] }
      return renderForm(res, 409, {
        account: result.saved,
        saved: result.saved,
        values: { ...body, version: String(result.saved.version) },
        errors,
      })
    }
    renderForm(res, 400, { account, values: body, errors: fieldError(result.field, result.message) })
  })

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    router.post(`/staff/:userId/${action}`, async (req, res) => {
      const id = userIdFrom(req)
      const result = await staff.setDisabled(req.user!, id, disabled, versionFrom(formBody(req)))
      if (result.ok) return res.redirect(303, `${STAFF}/${id}?done=${disabled ? 'disabled' : 'enabled'}`)
      assertFound(result)
      if (result.reason === 'stale') return res.redirect(303, `${STAFF}/${id}?done=stale`)
      await renderAccount(req, res, 409, fieldError(result.field, result.message))
    })
  }

  router.post('/staff/:userId/resend', async (req, res) => {
    const id = userIdFrom(req)
    const result = await staff.resendSetUpLink(req.user!, id)
    if (result.ok) return res.redirect(303, `${STAFF}/${id}?done=resent`)
    assertFound(result)
    await renderAccount(
      req,
      res,
      409,
      result.reason === 'invalid' ? fieldError(result.field, result.message) : noErrors(),
    )
  })

  return router
}

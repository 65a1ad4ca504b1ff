import { Router } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import { HttpError } from '../errors'
import { doneParam } from './forms'

const FAMILY_ACCOUNTS = '/admin/family-accounts'

/** Admins: every family portal account, the children each sees, and closing one. */
export function familyAccountsRouter(services: Services): Router {
  const router = Router()
  const access = services.familyAccess

  async function loadAccount(raw: unknown) {
    const id = z.uuid().safeParse(raw)
    const account = id.success ? (await access.listAccounts()).find((a) => a.id === id.data) : undefined
    if (!account) throw new HttpError(404, 'not-found')
    return account
  }

  router.get('/family-accounts', async (req, res) => {
    res.render('pages/admin/family-accounts', {
      accounts: await access.listAccounts(),
      done: doneParam(req, ['closed'] as const),
    })
  })

  router.get('/family-accounts/:userId/close', async (req, res) => {
    const account = await loadAccount(req.params.userId)
    if (account.closed) return res.redirect(303, FAMILY_ACCOUNTS)
    res.render('pages/admin/confirm', {
      title: `Close the family account ${account.email}?`,
      caption: 'Family accounts',
      lines: [
        account.children.length > 0
          ? `It will no longer see the cases of ${account.children.map((c) => `${c.firstName} ${c.lastName}`).join(' and ')}.`
          : 'It sees no child’s case now.',
        'It is signed out everywhere at once and cannot sign in again. Invitations not yet used stop working.',
      ],
      action: `${FAMILY_ACCOUNTS}/${account.id}/close`,
      buttonText: 'Close account',
      backHref: FAMILY_ACCOUNTS,
    })
  })

  router.post('/family-accounts/:userId/close', async (req, res) => {
    const account = await loadAccount(req.params.userId)
    const result = await access.closeAccount(req.user!, account.id)
    if (!result.ok) throw new HttpError(404, 'not-found')
    res.redirect(303, `${FAMILY_ACCOUNTS}?done=closed`)
  })

  return router
}

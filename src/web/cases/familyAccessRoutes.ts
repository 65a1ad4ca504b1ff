import type { RequestHandler, Router } from 'express'
import { z } from 'zod'
import type { Services } from '../../services'
import { HttpError } from '../errors'

const ids = z.object({ id: z.uuid(), contactId: z.uuid() })

/**
 * A caseworker ends a contact's family portal access to this child: the account stops seeing the case,
 * its letters and its minutes at once. An account left with no child is closed.
 */
export function familyAccessRoutes(router: Router, services: Services, caseWork: RequestHandler): void {
  const parse = (params: unknown) => {
    const parsed = ids.safeParse(params)
    if (!parsed.success) throw new HttpError(404, 'not-found')
    return parsed.data
  }

  router.get('/:id/contacts/:contactId/end-access', caseWork, async (req, res) => {
    const { id, contactId } = parse(req.params)
    const account = await services.familyAccess.accountOnCase(id, contactId)
    if (!account) throw new HttpError(404, 'not-found')
    res.render('pages/admin/confirm', {
      title: `End ${account.contactName}’s family portal access?`,
      caption: 'Family contacts',
      lines: [
        `The account ${account.email} will no longer see this child’s case, letters or the panel’s notes, from now on.`,
        account.otherChildren > 0
          ? 'It still sees the other child it is linked to.'
          : 'It is linked to no other child, so it will be closed and signed out everywhere.',
        'The contact stays on the child’s record. You can invite them again later.',
      ],
      action: `/cases/${id}/contacts/${contactId}/end-access`,
      buttonText: 'End portal access',
      backHref: `/cases/${id}#family`,
    })
  })

  router.post('/:id/contacts/:contactId/end-access', caseWork, async (req, res) => {
    const { id, contactId } = parse(req.params)
    const result = await services.familyAccess.endAccessFromCase(req.user!, id, contactId)
    if (!result.ok) throw new HttpError(404, 'not-found')
    res.redirect(303, `/cases/${id}?changed=access-ended#family`)
  })
}

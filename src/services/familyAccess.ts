import type { NotFound, Result } from './result'
import type { DataLayer } from '../data'
import type { Transaction } from '../data/db'
import type { User } from '../data/users'
import { recordAuditEvent } from '../data/audit'
import {
  accountOnCase,
  childrenLeft,
  closeAccount,
  linkedContacts,
  listFamilyAccounts,
  lockFamilyAccount,
  unlinkContacts,
  withdrawOpenInvitations,
} from '../data/families'
import { deleteSessionsOfUser } from '../data/sessions'
import { lockCase, lockFamilyContacts } from '../data/caseRecords'
import type { AccessEndedReason } from '../domain/familyAccess'
import type { Clock } from './clock'

export interface EndedAccess {
  /** The account has no child left to see, so none of its sessions may go on. */
  signedOut: boolean
}

/**
 * Ends one account's access to one child, in the caller's transaction (the change that causes it): the
 * contacts lose their link, their unused invitations stop working, and the account is signed out
 * everywhere when it has no child left. The portal checks the link on every request, so from the commit
 * on it shows nothing of that child, whichever instance serves it.
 */
export async function endFamilyAccess(
  trx: Transaction,
  actor: User,
  access: {
    userId: string
    childId: string
    contactIds: string[]
    reason: AccessEndedReason
    caseId?: string
  },
  now: Date,
): Promise<EndedAccess> {
  await unlinkContacts(trx, access.contactIds)
  const invitationsWithdrawn = await withdrawOpenInvitations(trx, access.contactIds, now)
  const signedOut = (await childrenLeft(trx, access.userId)) === 0
  const sessionsEnded = signedOut ? await deleteSessionsOfUser(trx, access.userId) : 0
  // Ids and counts only, as everywhere in the audit trail.
  await recordAuditEvent(trx, {
    actorUserId: actor.id,
    action: 'family_access_ended',
    entityType: 'user',
    entityId: access.userId,
    details: {
      childId: access.childId,
      familyContactIds: access.contactIds.join(','),
      reason: access.reason,
      caseId: access.caseId ?? null,
      invitationsWithdrawn,
      sessionsEnded,
    },
  })
  return { signedOut }
}

export type AccessResult = Result<{ accountClosed: boolean }, NotFound>

/** Ending a family account's access: from the case (this child only) or by an admin (the whole account). */
export function familyAccessService(data: DataLayer, clock: Clock) {
  const { db } = data

  return {
    listAccounts: () => listFamilyAccounts(db),

    /** The account linked to a contact on a case, for the caseworker's confirmation page. */
    accountOnCase: (caseId: string, contactId: string) => accountOnCase(db, caseId, contactId),

    /**
     * From a case: the contact's account stops seeing this child. An account left with no child is closed,
     * as nothing is left for it; one that still sees another child keeps that.
     */
    endAccessFromCase(actor: User, caseId: string, contactId: string): Promise<AccessResult> {
      return db.transaction(async (trx): Promise<AccessResult> => {
        const current = await lockCase(trx, caseId)
        if (!current) return { ok: false, reason: 'not-found' }
        const contact = (await lockFamilyContacts(trx, current.childId)).find((c) => c.id === contactId)
        if (!contact?.userId) return { ok: false, reason: 'not-found' }
        const account = await lockFamilyAccount(trx, contact.userId)
        if (!account) return { ok: false, reason: 'not-found' }
        const now = clock.now()
        const contactIds = (await linkedContacts(trx, account.id, current.childId)).map((c) => c.id)
        const { signedOut } = await endFamilyAccess(
          trx,
          actor,
          { userId: account.id, childId: current.childId, contactIds, reason: 'ended_from_case', caseId },
          now,
        )
        if (signedOut && !account.closed) {
          await closeAccount(trx, account.id, now)
          await recordAuditEvent(trx, {
            actorUserId: actor.id,
            action: 'family_account_closed',
            entityType: 'user',
            entityId: account.id,
            details: { caseId, childrenLeft: 0 },
          })
        }
        return { ok: true, accountClosed: signedOut }
      })
    },

    /** An admin closes an account: it sees no child any more, cannot sign in, and its sessions end. */
    closeAccount(actor: User, userId: string): Promise<AccessResult> {
      return db.transaction(async (trx): Promise<AccessResult> => {
        const account = await lockFamilyAccount(trx, userId)
        if (!account) return { ok: false, reason: 'not-found' }
        const now = clock.now()
        const links = await linkedContacts(trx, account.id)
        for (const childId of [...new Set(links.map((l) => l.childId))]) {
          const contactIds = links.filter((l) => l.childId === childId).map((l) => l.id)
          await endFamilyAccess(trx, actor, { userId, childId, contactIds, reason: 'account_closed' }, now)
        }
        if (account.closed) return { ok: true, accountClosed: true }
        await closeAccount(trx, account.id, now)
        const sessionsEnded = await deleteSessionsOfUser(trx, account.id)
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'family_account_closed',
          entityType: 'user',
          entityId: account.id,
          details: { children: new Set(links.map((l) => l.childId)).size, sessionsEnded },
        })
        return { ok: true, accountClosed: true }
      })
    },
  }
}

export type FamilyAccessService = ReturnType<typeof familyAccessService>

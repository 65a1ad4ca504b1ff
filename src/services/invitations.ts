import type { Invalid, NotFound, Refused, Result } from './result'
import crypto from 'node:crypto'
import type { DataLayer } from '../data'
import { usersRepository, type User } from '../data/users'
import { recordAuditEvent } from '../data/audit'
import { enqueueEmail } from '../data/emailOutbox'
import { loadLetterSettings } from '../data/letterSettings'
import {
  findContactForCase,
  findInvitationByTokenHash,
  insertFamilyAccount,
  insertInvitation,
  latestInvitations,
  linkContactToAccount,
  markInvitationAccepted,
  type Invitation,
} from '../data/invitations'
import { addDays } from '../domain/dates'
import { INVITATION_VALID_DAYS, invitationProblem } from '../domain/familyPortal'
import { newPasswordProblem } from '../domain/passwordRules'
import { invitationEmail } from '../domain/invitationEmail'
import { privacyNoticeUrl } from '../domain/emails'
import { hashPassword, verifyPassword } from './passwords'
import type { Clock } from './clock'

/** `cannot-invite`: this contact cannot be invited as things are (no address, a closed or staff account). */
export type InviteResult = Result<
  { email: string; expiresOn: string },
  NotFound | (Refused<'cannot-invite'> & { message: string })
>

export type InvitationState =
  { state: 'valid'; invitation: Invitation; hasAccount: boolean } | { state: 'unknown' | 'used' | 'expired' }

export type AcceptResult = Result<{ user: User }, Refused<'unknown' | 'used' | 'expired'> | Invalid>

/** Only the hash is stored, so the token in the e-mail is the one copy of the key. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

/** Family accounts: a caseworker invites a contact, and the contact sets a password from the link. */
export function invitationsService(data: DataLayer, clock: Clock, portalUrl: string) {
  const db = data.db

  function stateOf(invitation: Invitation | undefined, now: Date): InvitationState['state'] {
    if (!invitation || invitation.withdrawnAt) return 'unknown'
    if (invitation.acceptedAt || invitation.contactUserId) return 'used'
    if (invitation.expiresAt <= now) return 'expired'
    return 'valid'
  }

  const familyAccountFor = (email: string) => data.users.findByEmail(email)

  return {
    latestInvitations: (contactIds: readonly string[]) => latestInvitations(db, contactIds),

    async invite(actor: User, caseId: string, contactId: string): Promise<InviteResult> {
      const found = await findContactForCase(db, caseId, contactId)
      if (!found) return { ok: false, reason: 'not-found' }
      const problem = invitationProblem(found.contact, found.child, clock.today())
      if (problem) return { ok: false, reason: 'cannot-invite', message: problem }
      const email = found.contact.email!
      const existing = await familyAccountFor(email)
      if (existing?.role === 'family' && existing.disabled)
        return {
          ok: false,
          reason: 'cannot-invite',
          message: `The family account for ${email} was closed. Ask ${found.contact.fullName} for another email address`,
        }
      if (existing && existing.role !== 'family')
        return {
          ok: false,
          reason: 'cannot-invite',
          message: `${email} belongs to a council staff account. Ask ${found.contact.fullName} for another email address`,
        }

      const token = crypto.randomBytes(32).toString('base64url')
      const now = clock.now()
      const expiresOn = addDays(clock.today(), INVITATION_VALID_DAYS)
      const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60_000)
      await db.transaction(async (trx) => {
        const invitationId = await insertInvitation(trx, {
          familyContactId: contactId,
          email,
          tokenHash: hashToken(token),
          invitedBy: actor.id,
          expiresAt,
          now,
        })
        const { settings } = await loadLetterSettings(trx)
        const message = invitationEmail({
          contactName: found.contact.fullName,
          childFirstName: found.child.firstName,
          isYoungPerson: found.contact.relationship === 'young_person',
          link: new URL(`/invitations/${token}`, portalUrl).toString(),
          expiresOn,
          caseworkerName: actor.fullName,
          councilName: settings.councilName,
          privacyUrl: privacyNoticeUrl(portalUrl),
        })
        await enqueueEmail(trx, { to: email, ...message, event: 'family_invited', caseId })
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'family_invited',
          entityType: 'case',
          entityId: caseId,
          details: { invitationId, familyContactId: contactId },
        })
      })
      return { ok: true, email, expiresOn }
    },

    async check(token: string): Promise<InvitationState> {
      const invitation = await findInvitationByTokenHash(db, hashToken(token))
      const state = stateOf(invitation, clock.now())
      if (state !== 'valid' || !invitation) return { state: state === 'valid' ? 'unknown' : state }
      const account = await familyAccountFor(invitation.email)
      return { state, invitation, hasAccount: account !== undefined }
    },

    /**
     * Sets up the account, or links the contact to the family's existing account when the same email
     * already has one (a parent of two children), once its password is given. The link then stops working.
     */
    async accept(token: string, form: { password: string; confirmPassword: string }): Promise<AcceptResult> {
      const tokenHash = hashToken(token)
      const first = await findInvitationByTokenHash(db, tokenHash)
      const firstState = stateOf(first, clock.now())
      if (firstState !== 'valid' || !first)
        return { ok: false, reason: firstState === 'valid' ? 'unknown' : firstState }
      const existing = await familyAccountFor(first.email)

      let passwordHash: string | null = null
      if (existing) {
        const valid =
          existing.role === 'family' &&
          !existing.disabled &&
          existing.passwordHash !== null &&
          (await verifyPassword(form.password, existing.passwordHash))
        if (!valid)
          return {
            ok: false,
            reason: 'invalid',
            field: 'password',
            message: 'Enter the password of your existing account',
          }
      } else {
        const problem = newPasswordProblem(form.password, form.confirmPassword, {
          email: first.email,
          fullName: first.contactName,
        })
        if (problem) return { ok: false, reason: 'invalid', ...problem }
        passwordHash = await hashPassword(form.password)
      }

      return db.transaction(async (trx): Promise<AcceptResult> => {
        const invitation = await findInvitationByTokenHash(trx, tokenHash, true)
        const state = stateOf(invitation, clock.now())
        if (state !== 'valid' || !invitation)
          return { ok: false, reason: state === 'valid' ? 'unknown' : state }
        const userId =
          existing?.id ??
          (await insertFamilyAccount(trx, {
            email: invitation.email,
            fullName: invitation.contactName,
            passwordHash: passwordHash!,
          }))
        await linkContactToAccount(trx, invitation.familyContactId, userId)
        await markInvitationAccepted(trx, invitation.id, userId, clock.now())
        await recordAuditEvent(trx, {
          actorUserId: userId,
          action: 'family_invitation_accepted',
          entityType: 'family_contact',
          entityId: invitation.familyContactId,
          details: { invitationId: invitation.id, newAccount: existing === undefined },
        })
        const user = await usersRepository(trx).findById(userId)
        return { ok: true, user: user! }
      })
    },
  }
}

export type InvitationsService = ReturnType<typeof invitationsService>

import { invalid, type Invalid, type Refused, type Result } from './result'
import crypto from 'node:crypto'
import type { DataLayer } from '../data'
import type { User } from '../data/users'
import { recordAuditEvent } from '../data/audit'
import { enqueueEmail } from '../data/emailOutbox'
import { loadLetterSettings } from '../data/letterSettings'
import { deleteSessionsOfUser } from '../data/sessions'
import { passwordHashOf, setPasswordHash } from '../data/staffAccounts'
import {
  findLinkByTokenHash,
  insertLink,
  markLinkUsed,
  voidOpenLinks,
  type PasswordLink,
} from '../data/passwordLinks'
import { newPasswordProblem } from '../domain/passwordRules'
import {
  linkLifetimeMs,
  passwordLinkState,
  resetEmail,
  type LinkState,
  type PasswordLinkPurpose,
} from '../domain/staffAccounts'
import { hashToken } from './invitations'
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords'
import type { Clock } from './clock'

export interface NewPassword {
  password: string
  confirmPassword: string
}

export type PasswordResult = Result<object, Invalid>

export type LinkCheck = { state: 'valid'; link: PasswordLink } | { state: Exclude<LinkState, 'valid'> }

export type UseLinkResult = Result<{ userId: string }, Refused<Exclude<LinkState, 'valid'>> | Invalid>

const AUDIT_ACTION: Record<PasswordLinkPurpose, string> = {
  set_up: 'password_set_up',
  reset: 'password_reset',
}

/** Changing a password when signed in, and setting one from an e-mailed set-up or reset link. */
export function accountPasswordsService(data: DataLayer, clock: Clock, publicUrl: string) {
  const db = data.db

  async function check(purpose: PasswordLinkPurpose, token: string): Promise<LinkCheck> {
    const link = await findLinkByTokenHash(db, purpose, hashToken(token))
    const state = passwordLinkState(link, clock.now())
    return state === 'valid' && link ? { state, link } : { state: state === 'valid' ? 'unknown' : state }
  }

  return {
    /** The current password must be given; the person's other sessions end, this one stays. */
    async change(
      user: User,
      currentSid: string,
      form: NewPassword & { currentPassword: string },
    ): Promise<PasswordResult> {
      const stored = await passwordHashOf(db, user.id)
      const valid = await verifyPassword(form.currentPassword, stored ?? (await decoyPasswordHash()))
      if (!stored || !valid) return invalid('currentPassword', 'The current password is not correct')
      const problem = newPasswordProblem(form.password, form.confirmPassword, user)
      if (problem) return { ok: false, reason: 'invalid', ...problem }
      const passwordHash = await hashPassword(form.password)
      await db.transaction(async (trx) => {
        const now = clock.now()
        await setPasswordHash(trx, user.id, passwordHash, now)
        await voidOpenLinks(trx, user.id, now)
        const sessionsEnded = await deleteSessionsOfUser(trx, user.id, currentSid)
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'password_changed',
          entityType: 'user',
          entityId: user.id,
          details: { sessionsEnded },
        })
      })
      return { ok: true }
    },

    /**
     * "Forgotten your password?": e-mails a reset link to an enabled account. The caller shows the
     * same answer whatever happened, and the same work (a token, a transaction, an audit row) is
     * done for an address without an account, so that neither the page nor its timing tells.
     */
    async requestReset(email: string): Promise<void> {
      const account = await data.users.findByEmail(email)
      const token = crypto.randomBytes(32).toString('base64url')
      const tokenHash = hashToken(token)
      const now = clock.now()
      const sends = account !== undefined && !account.disabled
      await db.transaction(async (trx) => {
        if (account && sends) {
          // Only the newest reset link works: a second request voids the first.
          await voidOpenLinks(trx, account.id, now, ['reset'])
          await insertLink(trx, {
            userId: account.id,
            purpose: 'reset',
            tokenHash,
            createdBy: null,
            now,
            expiresAt: new Date(now.getTime() + linkLifetimeMs('reset')),
          })
          const { settings } = await loadLetterSettings(trx)
          const message = resetEmail({
            fullName: account.fullName,
            link: new URL(`/reset-password/${token}`, publicUrl).toString(),
            councilName: settings.councilName,
          })
          await enqueueEmail(trx, { to: account.email, ...message, event: 'password_reset_requested' })
        }
        await recordAuditEvent(trx, {
          actorUserId: null,
          action: 'password_reset_requested',
          entityType: 'user',
          entityId: account?.id ?? 'unknown',
          details: { sent: sends },
        })
      })
    },

    check,

    /**
     * Sets the password from a link, once: every other open link of the account stops working and all
     * of its sessions end, so that whoever may have known the old password is signed out.
     */
    async useLink(purpose: PasswordLinkPurpose, token: string, form: NewPassword): Promise<UseLinkResult> {
      const first = await check(purpose, token)
      if (first.state !== 'valid') return { ok: false, reason: first.state }
      const problem = newPasswordProblem(form.password, form.confirmPassword, first.link)
      if (problem) return { ok: false, reason: 'invalid', ...problem }
      const passwordHash = await hashPassword(form.password)
      return db.transaction(async (trx): Promise<UseLinkResult> => {
        const link = await findLinkByTokenHash(trx, purpose, hashToken(token), true)
        const state = passwordLinkState(link, clock.now())
        if (state !== 'valid' || !link) return { ok: false, reason: state === 'valid' ? 'unknown' : state }
        const now = clock.now()
        await setPasswordHash(trx, link.userId, passwordHash, now)
        await markLinkUsed(trx, link.id, now)
        await voidOpenLinks(trx, link.userId, now)
        const sessionsEnded = await deleteSessionsOfUser(trx, link.userId)
        await recordAuditEvent(trx, {
          actorUserId: link.userId,
          action: AUDIT_ACTION[purpose],
          entityType: 'user',
          entityId: link.userId,
          details: { linkId: link.id, sessionsEnded },
        })
        return { ok: true, userId: link.userId }
      })
    },
  }
}

export type AccountPasswordsService = ReturnType<typeof accountPasswordsService>

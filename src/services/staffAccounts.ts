import { NOT_FOUND, type Invalid, type NotFound, type Result, type Stale } from './result'
import type { Transaction } from '../data/db'
import crypto from 'node:crypto'
import type { DataLayer } from '../data'
import type { User } from '../data/users'
import { recordAuditEvent } from '../data/audit'
import { enqueueEmail } from '../data/emailOutbox'
import { loadLetterSettings } from '../data/letterSettings'
import { deleteSessionsOfUser } from '../data/sessions'
import { LOCK_KEYS, transactionLock } from '../data/locks'
import {
  accountHistory,
  accountIdWithEmail,
  countActiveAdmins,
  findStaff,
  insertStaff,
  listStaff,
  setDisabled,
  updateStaff,
  type StaffAccount,
} from '../data/staffAccounts'
import { insertLink, openSetUpLink, voidOpenLinks } from '../data/passwordLinks'
import {
  ACCOUNT_FIELDS,
  describeAccountEvent,
  lastAdminProblem,
  linkLifetimeMs,
  setUpEmail,
  type StaffRole,
} from '../domain/staffAccounts'
import { ROLE_LABELS } from '../domain/vocabulary'
import { hashToken } from './invitations'
import type { Clock } from './clock'

export interface StaffForm {
  fullName: string
  email: string
  role: StaffRole
}

export type StaffResult<T extends object = object> = Result<
  T,
  NotFound | Invalid | (Stale & { saved: StaffAccount; message: string })
>
const EMAIL_TAKEN = 'There is already an account with this email address. Enter a different email address'
export const STALE_MESSAGE =
  'Someone else changed this account after you opened the page. Its saved details are shown; check them and save again if your change is still needed'

function invalid(field: string, message: string) {
  return { ok: false, reason: 'invalid', field, message } as const
}

function isEmailTaken(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string }
  return e?.code === '23505' && e.constraint === 'users_email_unique'
}

/**
 * Every change to a staff account's role or state waits for this lock, so that two admins each
 * demoting or disabling one of the last two administrators cannot both see the other still there.
 */
const lockAdminAccounts = (trx: Transaction) => transactionLock(trx, LOCK_KEYS.adminAccounts)

/** Admins add council staff, change their details and role, disable and re-enable them. */
export function staffAccountsService(data: DataLayer, clock: Clock, publicUrl: string) {
  const db = data.db

  /** A fresh set-up link for the account, e-mailed; earlier open set-up links stop working. */
  async function sendSetUpLink(trx: Transaction, actor: User, account: StaffForm & { id: string }) {
    const token = crypto.randomBytes(32).toString('base64url')
    const now = clock.now()
    const expiresAt = new Date(now.getTime() + linkLifetimeMs('set_up'))
    await voidOpenLinks(trx, account.id, now, ['set_up'])
    await insertLink(trx, {
      userId: account.id,
      purpose: 'set_up',
      tokenHash: hashToken(token),
      createdBy: actor.id,
      now,
      expiresAt,
    })
    const { settings } = await loadLetterSettings(trx)
    const message = setUpEmail({
      fullName: account.fullName,
      roleLabel: ROLE_LABELS[account.role],
      link: new URL(`/set-up-account/${token}`, publicUrl).toString(),
      expiresAt,
      adminName: actor.fullName,
      councilName: settings.councilName,
    })
    await enqueueEmail(trx, { to: account.email, ...message, event: 'staff_account_set_up' })
    return expiresAt
  }

  return {
    list: () => listStaff(db),

    find: (id: string) => findStaff(db, id),

    /** The account page: its details, its open set-up link if any, and its history in words. */
    async accountPage(id: string) {
      const account = await findStaff(db, id)
      if (!account) return undefined
      const [history, setUpLink] = await Promise.all([accountHistory(db, id), openSetUpLink(db, id)])
      return { account, setUpLink, history: history.map(describeAccountEvent) }
    },

    async add(actor: User, form: StaffForm): Promise<StaffResult<{ id: string }>> {
      try {
        return await db.transaction(async (trx) => {
          if (await accountIdWithEmail(trx, form.email)) return invalid('email', EMAIL_TAKEN)
          const id = await insertStaff(trx, { ...form, now: clock.now() })
          await sendSetUpLink(trx, actor, { id, ...form })
          await recordAuditEvent(trx, {
            actorUserId: actor.id,
            action: 'staff_account_added',
            entityType: 'user',
            entityId: id,
            details: { role: form.role },
          })
          return { ok: true as const, id }
        })
      } catch (error) {
        // Two admins adding the same address at once: the database's unique index decides.
        if (isEmailTaken(error)) return invalid('email', EMAIL_TAKEN)
        throw error
      }
    },

    async update(actor: User, id: string, form: StaffForm, version: number): Promise<StaffResult> {
      try {
        return await db.transaction(async (trx): Promise<StaffResult> => {
          await lockAdminAccounts(trx)
          const current = await findStaff(trx, id, true)
          if (!current) return NOT_FOUND
          if (current.version !== version)
            return { ok: false, reason: 'stale', saved: current, message: STALE_MESSAGE }
          if (await accountIdWithEmail(trx, form.email, id)) return invalid('email', EMAIL_TAKEN)
          const changed = ACCOUNT_FIELDS.filter((f) => current[f] !== form[f])
          if (changed.length === 0) return { ok: true }
          if (form.role !== current.role) {
            const problem = lastAdminProblem({
              role: current.role,
              disabled: current.disabled,
              newRole: form.role,
              newDisabled: current.disabled,
              activeAdmins: await countActiveAdmins(trx),
            })
            if (problem) return invalid('role', problem)
          }
          const now = clock.now()
          await updateStaff(trx, id, { ...form, now })
          // A set-up link sent to a mistyped address must not keep working once the address is corrected.
          if (current.email.toLowerCase() !== form.email.toLowerCase()) await voidOpenLinks(trx, id, now)
          await recordAuditEvent(trx, {
            actorUserId: actor.id,
            action: 'staff_account_changed',
            entityType: 'user',
            entityId: id,
            details: { changed: changed.join(','), fromRole: current.role, toRole: form.role },
          })
          return { ok: true }
        })
      } catch (error) {
        if (isEmailTaken(error)) return invalid('email', EMAIL_TAKEN)
        throw error
      }
    },

    /** Disabling ends the person's sessions in the same transaction, and voids their open links. */
    async setDisabled(actor: User, id: string, disabled: boolean, version: number): Promise<StaffResult> {
      return db.transaction(async (trx): Promise<StaffResult> => {
        await lockAdminAccounts(trx)
        const current = await findStaff(trx, id, true)
        if (!current) return NOT_FOUND
        if (current.version !== version)
          return { ok: false, reason: 'stale', saved: current, message: STALE_MESSAGE }
        if (current.disabled === disabled) return { ok: true }
        if (disabled) {
          const problem = lastAdminProblem({
            role: current.role,
            disabled: false,
            newRole: current.role,
            newDisabled: true,
            activeAdmins: await countActiveAdmins(trx),
          })
          if (problem) return invalid('disable', problem)
        }
        const now = clock.now()
        await setDisabled(trx, id, disabled ? now : null, now)
        let sessionsEnded = 0
        if (disabled) {
          sessionsEnded = await deleteSessionsOfUser(trx, id)
          await voidOpenLinks(trx, id, now)
        }
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: disabled ? 'staff_account_disabled' : 'staff_account_enabled',
          entityType: 'user',
          entityId: id,
          details: disabled ? { sessionsEnded } : {},
        })
        return { ok: true }
      })
    },

    /** A new set-up link for someone who has not chosen a password yet; the old link stops working. */
    async resendSetUpLink(actor: User, id: string): Promise<StaffResult> {
      return db.transaction(async (trx): Promise<StaffResult> => {
        const current = await findStaff(trx, id, true)
        if (!current) return NOT_FOUND
        if (current.disabled) return invalid('resend', 'Enable the account before sending a set-up link')
        if (current.hasPassword)
          return invalid(
            'resend',
            `${current.fullName} has already set a password. If they have forgotten it, they can reset it from the sign-in page`,
          )
        await sendSetUpLink(trx, actor, {
          id,
          fullName: current.fullName,
          email: current.email,
          role: current.role as StaffRole,
        })
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'password_set_up_link_sent',
          entityType: 'user',
          entityId: id,
        })
        return { ok: true }
      })
    },
  }
}

export type StaffAccountsService = ReturnType<typeof staffAccountsService>

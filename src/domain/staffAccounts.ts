import type { Email } from './emails'
import { formatDateTime } from './dates'
import { ROLE_LABELS, ROLES, type Role } from './vocabulary'

/** The roles an admin gives council staff; family accounts come only from a caseworker's invitation. */
export const STAFF_ROLES = ROLES.filter((role): role is Exclude<Role, 'family'> => role !== 'family')
export type StaffRole = (typeof STAFF_ROLES)[number]

/**
 * A new person's set-up link lasts a week: long enough to cover a few days' leave or a weekend
 * before their first day, short enough that an unread e-mail is not a standing key to the account.
 */
export const SET_UP_LINK_VALID_DAYS = 7
/** A reset link is asked for by someone waiting at the screen: an hour, as the issue asks. */
export const RESET_LINK_VALID_MINUTES = 60

export type PasswordLinkPurpose = 'set_up' | 'reset'

export function linkLifetimeMs(purpose: PasswordLinkPurpose): number {
  return purpose === 'set_up' ? SET_UP_LINK_VALID_DAYS * 24 * 60 * 60_000 : RESET_LINK_VALID_MINUTES * 60_000
}

export type LinkState = 'valid' | 'used' | 'expired' | 'unknown'

/** Whether a password link still works: once only, before it expires, for an account still enabled. */
export function passwordLinkState(
  link: { usedAt: Date | null; voidedAt: Date | null; expiresAt: Date; accountDisabled: boolean } | undefined,
  now: Date,
): LinkState {
  if (!link || link.voidedAt || link.accountDisabled) return 'unknown'
  if (link.usedAt) return 'used'
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'valid'
}

export interface AdminCheck {
  /** The account as it is before the change. */
  role: Role
  disabled: boolean
  /** Its role and state once changed. */
  newRole: Role
  newDisabled: boolean
  /** Enabled admin accounts now, this one included if it is one. */
  activeAdmins: number
}

export const LAST_ADMIN_MESSAGE =
  'This is the only administrator account still in use. Give another person the administrator role first'

/** The service always keeps one enabled administrator, or nobody could manage accounts again. */
export function lastAdminProblem(check: AdminCheck): string | null {
  const activeBefore = check.role === 'admin' && !check.disabled
  const activeAfter = check.newRole === 'admin' && !check.newDisabled
  return activeBefore && !activeAfter && check.activeAdmins <= 1 ? LAST_ADMIN_MESSAGE : null
}

/** The fields of the account form, for saying which changed without copying what they hold. */
export const ACCOUNT_FIELDS = ['fullName', 'email', 'role'] as const
export type AccountField = (typeof ACCOUNT_FIELDS)[number]
const FIELD_LABELS: Record<AccountField, string> = { fullName: 'name', email: 'email address', role: 'role' }

function listInWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}

export interface AccountEvent {
  action: string
  occurredAt: Date
  actorName: string | null
  details: Record<string, unknown>
}

function roleLabel(value: unknown): string {
  return typeof value === 'string' && value in ROLE_LABELS ? ROLE_LABELS[value as Role] : 'another role'
}

/** One line of an account's history, in words for the admin reading it. */
export function describeAccountEvent(event: AccountEvent): { when: string; who: string; what: string } {
  const d = event.details
  const what = ((): string => {
    switch (event.action) {
      case 'staff_account_added':
        return `Account added as ${roleLabel(d.role)}, and a set-up link e-mailed`
      case 'staff_account_changed': {
        const fields = String(d.changed ?? '')
          .split(',')
          .filter((f): f is AccountField => (ACCOUNT_FIELDS as readonly string[]).includes(f))
        const role = fields.includes('role')
          ? ` (from ${roleLabel(d.fromRole)} to ${roleLabel(d.toRole)})`
          : ''
        return `Changed the ${listInWords(fields.map((f) => FIELD_LABELS[f]))}${role}`
      }
      case 'staff_account_disabled':
        return 'Account disabled, and its sessions ended'
      case 'staff_account_enabled':
        return 'Account enabled again'
      case 'password_set_up_link_sent':
        return 'A new set-up link e-mailed (earlier links stopped working)'
      case 'password_set_up':
        return 'Password set from the set-up link'
      case 'password_reset_requested':
        return 'Password reset link asked for'
      case 'password_reset':
        return 'Password reset from the e-mailed link, and all sessions ended'
      case 'password_changed':
        return 'Password changed, and other sessions ended'
      case 'signed_in':
        return 'Signed in'
      case 'signed_out':
        return 'Signed out'
      case 'sign_in_failed':
        return 'A sign-in was refused'
      default:
        return event.action.replace(/_/g, ' ')
    }
  })()
  return {
    when: formatDateTime(event.occurredAt),
    who: event.actorName ?? 'Someone not signed in',
    what,
  }
}

/** The e-mail with a new person's link to choose their own password. */
export function setUpEmail(e: {
  fullName: string
  roleLabel: string
  link: string
  expiresAt: Date
  adminName: string
  councilName: string
}): Email {
  return {
    subject: 'Set up your Panel account',
    body:
      `Dear ${e.fullName},\n\n` +
      `${e.adminName} has given you an account on Panel, ${e.councilName}'s SEND panel service, as ${e.roleLabel.toLowerCase()}.\n\n` +
      `To choose your password, open this link before ${formatDateTime(e.expiresAt)}:\n${e.link}\n\n` +
      'The link works once. If it has stopped working, ask an administrator to send a new one.\n\n' +
      `If you were not expecting this e-mail, tell ${e.councilName}'s SEND team and do not open the link.`,
  }
}

/** The e-mail answering "Forgotten your password?". */
export function resetEmail(e: { fullName: string; link: string; councilName: string }): Email {
  return {
    subject: 'Reset your Panel password',
    body:
      `Dear ${e.fullName},\n\n` +
      'Someone asked to reset the password of your Panel account. If it was you, open this link within ' +
      `${RESET_LINK_VALID_MINUTES} minutes to choose a new password:\n${e.link}\n\n` +
      'The link works once. Choosing a new password signs your account out everywhere.\n\n' +
      'If you did not ask, you can ignore this e-mail: your password stays as it is.\n\n' +
      `This e-mail was sent by ${e.councilName}. Please do not reply to it.`,
  }
}

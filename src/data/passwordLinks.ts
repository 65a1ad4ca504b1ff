import type { PasswordLinkPurpose } from '../domain/staffAccounts'
import type { Executor, Transaction } from './db'
import type { PasswordLinkRow, UserRow } from './tables'

export interface PasswordLink {
  id: string
  userId: string
  purpose: PasswordLinkPurpose
  expiresAt: Date
  usedAt: Date | null
  voidedAt: Date | null
  email: string
  fullName: string
  accountDisabled: boolean
}

type LinkRow = Pick<PasswordLinkRow, 'id' | 'user_id' | 'purpose' | 'expires_at' | 'used_at' | 'voided_at'> &
  Pick<UserRow, 'email' | 'full_name' | 'disabled_at'>

/** Voids the account's open links of the given purposes (all when none given), so that none of them works. */
export async function voidOpenLinks(
  trx: Transaction,
  userId: string,
  now: Date,
  purposes?: readonly PasswordLinkPurpose[],
): Promise<void> {
  const query = trx<PasswordLinkRow>('password_links')
    .where({ user_id: userId })
    .whereNull('used_at')
    .whereNull('voided_at')
  if (purposes) query.whereIn('purpose', purposes)
  await query.update({ voided_at: now }).returning('id')
}

export async function insertLink(
  trx: Transaction,
  link: {
    userId: string
    purpose: PasswordLinkPurpose
    tokenHash: string
    createdBy: string | null
    now: Date
    expiresAt: Date
  },
): Promise<string> {
  const [row] = await trx<PasswordLinkRow>('password_links')
    .insert({
      user_id: link.userId,
      purpose: link.purpose,
      token_hash: link.tokenHash,
      created_by: link.createdBy,
      created_at: link.now,
      expires_at: link.expiresAt,
    })
    .returning('id')
  return row!.id
}

/** Locks the link (not the account) when `forUpdate`, so that two uses of one link cannot both succeed. */
export async function findLinkByTokenHash(
  q: Executor,
  purpose: PasswordLinkPurpose,
  tokenHash: string,
  forUpdate = false,
): Promise<PasswordLink | undefined> {
  const query = q('password_links as l')
    .join('users as u', 'u.id', 'l.user_id')
    .where({ 'l.token_hash': tokenHash, 'l.purpose': purpose })
    .first<LinkRow | undefined>(
      'l.id',
      'l.user_id',
      'l.purpose',
      'l.expires_at',
      'l.used_at',
      'l.voided_at',
      'u.email',
      'u.full_name',
      'u.disabled_at',
    )
  const row = await (forUpdate ? query.forUpdate('l') : query)
  return (
    row && {
      id: row.id,
      userId: row.user_id,
      purpose: row.purpose,
      expiresAt: row.expires_at,
      usedAt: row.used_at,
      voidedAt: row.voided_at,
      email: row.email,
      fullName: row.full_name,
      accountDisabled: row.disabled_at !== null,
    }
  )
}

export async function markLinkUsed(trx: Transaction, id: string, now: Date): Promise<void> {
  await trx<PasswordLinkRow>('password_links').where({ id }).update({ used_at: now }).returning('id')
}

/** The newest set-up link still open, for the account page to say until when it works. */
export async function openSetUpLink(
  q: Executor,
  userId: string,
): Promise<{ createdAt: Date; expiresAt: Date } | undefined> {
  const row = await q<PasswordLinkRow>('password_links')
    .where({ user_id: userId, purpose: 'set_up' })
    .whereNull('used_at')
    .whereNull('voided_at')
    .orderBy('created_at', 'desc')
    .first('created_at', 'expires_at')
  return row && { createdAt: row.created_at, expiresAt: row.expires_at }
}

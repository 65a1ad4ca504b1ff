import type { Role } from '../domain/vocabulary'
import type { AccountEvent } from '../domain/staffAccounts'
import type { Executor, Transaction } from './db'
import { parsedJson, type AuditEventRow, type UserRow } from './tables'

export interface StaffAccount {
  id: string
  email: string
  fullName: string
  role: Role
  disabled: boolean
  disabledAt: Date | null
  /** False until the person has chosen a password from their set-up link. */
  hasPassword: boolean
  lastSignedInAt: Date | null
  createdAt: Date
  version: number
}

const COLUMNS = [
  'id',
  'email',
  'full_name',
  'role',
  'disabled_at',
  'last_signed_in_at',
  'created_at',
  'version',
] as const

type StaffRow = Pick<UserRow, (typeof COLUMNS)[number]> & { has_password: boolean }

/** An audit event about the account, with the name of the person who did it. */
type AccountEventRow = Pick<AuditEventRow, 'action' | 'occurred_at' | 'details'> & {
  actor_name: string | null
}

function toAccount(row: StaffRow): StaffAccount {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    disabledAt: row.disabled_at,
    hasPassword: row.has_password,
    lastSignedInAt: row.last_signed_in_at,
    createdAt: row.created_at,
    version: Number(row.version),
  }
}

function staffQuery(q: Executor) {
  return q<UserRow>('users')
    .whereNot('role', 'family')
    .select<StaffRow[]>(...COLUMNS, q.raw('password_hash is not null as has_password'))
}

/** Council staff, not families: enabled accounts first, then by name. */
export async function listStaff(q: Executor): Promise<StaffAccount[]> {
  const rows = await staffQuery(q).orderByRaw('disabled_at is not null, lower(full_name), email')
  return rows.map(toAccount)
}

/** A staff account; locked for the rest of the transaction when `forUpdate`. */
export async function findStaff(
  q: Executor,
  id: string,
  forUpdate = false,
): Promise<StaffAccount | undefined> {
  const query = staffQuery(q).where({ id }).first()
  const row = await (forUpdate ? query.forUpdate() : query)
  return row && toAccount(row)
}

/** Any account (staff or family) already using this address, whatever its case. */
export async function accountIdWithEmail(
  q: Executor,
  email: string,
  exceptId?: string,
): Promise<string | undefined> {
  const query = q<UserRow>('users').whereRaw('lower(email) = lower(?)', [email])
  if (exceptId) query.whereNot({ id: exceptId })
  const row = await query.first('id')
  return row?.id
}

/** Enabled administrators, counted under a row lock so that two changes cannot both take the last one. */
export async function countActiveAdmins(trx: Transaction): Promise<number> {
  const rows = await trx<UserRow>('users')
    .where({ role: 'admin' })
    .whereNull('disabled_at')
    .orderBy('id')
    .forUpdate()
    .select('id')
  return rows.length
}

export async function insertStaff(
  trx: Transaction,
  account: { email: string; fullName: string; role: Role; now: Date },
): Promise<string> {
  const [row] = await trx<UserRow>('users')
    .insert({
      email: account.email,
      full_name: account.fullName,
      role: account.role,
      created_at: account.now,
      updated_at: account.now,
    })
    .returning('id')
  return row!.id
}

export async function updateStaff(
  trx: Transaction,
  id: string,
  change: { email: string; fullName: string; role: Role; now: Date },
): Promise<void> {
  await trx<UserRow>('users')
    .where({ id })
    .update({
      email: change.email,
      full_name: change.fullName,
      role: change.role,
      updated_at: change.now,
      version: trx.raw('version + 1'),
    })
    .returning('id')
}

export async function setDisabled(
  trx: Transaction,
  id: string,
  disabledAt: Date | null,
  now: Date,
): Promise<void> {
  await trx<UserRow>('users')
    .where({ id })
    .update({ disabled_at: disabledAt, updated_at: now, version: trx.raw('version + 1') })
    .returning('id')
}

export async function setPasswordHash(
  trx: Transaction,
  id: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await trx<UserRow>('users')
    .where({ id })
    .update({ password_hash: passwordHash, updated_at: now })
    .returning('id')
}

/** The account's password hash, to check the current password before it is changed. */
export async function passwordHashOf(q: Executor, id: string): Promise<string | null> {
  const row = await q<UserRow>('users').where({ id }).first('password_hash')
  return row?.password_hash ?? null
}

/** What happened to the account, newest first, with who did it. */
export async function accountHistory(q: Executor, id: string, limit = 200): Promise<AccountEvent[]> {
  const rows = await q('audit_events as a')
    .leftJoin('users as actor', 'actor.id', 'a.actor_user_id')
    .where({ 'a.entity_type': 'user', 'a.entity_id': id })
    .orderBy([
      { column: 'a.occurred_at', order: 'desc' },
      { column: 'a.id', order: 'desc' },
    ])
    .limit(limit)
    .select<AccountEventRow[]>('a.action', 'a.occurred_at', 'a.details', 'actor.full_name as actor_name')
  return rows.map((r) => ({
    action: r.action,
    occurredAt: r.occurred_at,
    actorName: r.actor_name,
    details: parsedJson(r.details),
  }))
}

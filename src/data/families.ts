import type { Db, Executor, Transaction } from './db'
import type { ChildRow, FamilyContactRow, FamilyInvitationRow, UserRow } from './tables'

type ChildNameRow = Pick<ChildRow, 'id' | 'first_name' | 'last_name'>

export interface FamilyChild {
  id: string
  firstName: string
  lastName: string
}

export function familiesRepository(db: Db) {
  return {
    /** The children a family account is linked to: the only children that account may ever see. */
    async listChildrenForAccount(userId: string): Promise<FamilyChild[]> {
      const rows = await db('children as ch')
        .join('family_contacts as fc', 'fc.child_id', 'ch.id')
        .where('fc.user_id', userId)
        .distinct<ChildNameRow[]>('ch.id', 'ch.first_name', 'ch.last_name')
        .orderBy('ch.first_name')
      return rows.map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name }))
    },
  }
}

export type FamiliesRepository = ReturnType<typeof familiesRepository>

/** The family's portal accounts for a case's child: who is told by e-mail that a letter is ready. */
export async function familyAccountsForCase(trx: Executor, caseId: string): Promise<{ email: string }[]> {
  return trx('cases as c')
    .join('family_contacts as fc', 'fc.child_id', 'c.child_id')
    .join('users as u', 'u.id', 'fc.user_id')
    .where('c.id', caseId)
    .whereNull('u.disabled_at')
    .distinct<Pick<UserRow, 'email'>[]>('u.email')
}

export interface FamilyAccount {
  id: string
  email: string
  fullName: string
  closed: boolean
  lastSignedInAt: Date | null
  children: FamilyChild[]
}

/** A child with the account linked to one of its contacts. */
type ContactChildRow = Pick<FamilyContactRow, 'user_id'> & ChildNameRow

/** Every family account with the children it sees, for the admin's list; closed accounts last. */
export async function listFamilyAccounts(q: Executor): Promise<FamilyAccount[]> {
  const users = await q<UserRow>('users')
    .where({ role: 'family' })
    .orderByRaw('disabled_at is not null, lower(full_name), lower(email)')
    .select('id', 'email', 'full_name', 'disabled_at', 'last_signed_in_at')
  const links: ContactChildRow[] = users.length
    ? await q('family_contacts as fc')
        .join('children as ch', 'ch.id', 'fc.child_id')
        .whereIn(
          'fc.user_id',
          users.map((u) => u.id),
        )
        .orderBy('ch.first_name')
        .select<ContactChildRow[]>('fc.user_id', 'ch.id', 'ch.first_name', 'ch.last_name')
    : []
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    fullName: u.full_name,
    closed: u.disabled_at !== null,
    lastSignedInAt: u.last_signed_in_at,
    children: links
      .filter((l) => l.user_id === u.id)
      .map((l) => ({ id: l.id, firstName: l.first_name, lastName: l.last_name })),
  }))
}

/** A family account, locked so that two people ending its access at once queue. */
export async function lockFamilyAccount(
  trx: Transaction,
  userId: string,
): Promise<{ id: string; email: string; fullName: string; closed: boolean } | undefined> {
  const row = await trx<UserRow>('users').where({ id: userId, role: 'family' }).forUpdate().first()
  return row && { id: row.id, email: row.email, fullName: row.full_name, closed: row.disabled_at !== null }
}

/** The contacts linked to an account, for one child or for all of them. */
export async function linkedContacts(
  trx: Transaction,
  userId: string,
  childId?: string,
): Promise<{ id: string; childId: string }[]> {
  const query = trx<FamilyContactRow>('family_contacts').where({ user_id: userId })
  if (childId) query.andWhere({ child_id: childId })
  const rows = await query.select('id', 'child_id')
  return rows.map((r) => ({ id: r.id, childId: r.child_id }))
}

/** Takes the contacts' link to their account away: the account no longer sees those children. */
export async function unlinkContacts(trx: Transaction, contactIds: readonly string[]): Promise<void> {
  if (contactIds.length === 0) return
  await trx<FamilyContactRow>('family_contacts')
    .whereIn('id', contactIds)
    .update({ user_id: null, updated_at: trx.fn.now() })
    .returning('id')
}

/** Voids the contacts' invitations not yet used, so that no link in an old e-mail opens the child's case. */
export async function withdrawOpenInvitations(
  trx: Transaction,
  contactIds: readonly string[],
  at: Date,
): Promise<number> {
  if (contactIds.length === 0) return 0
  const rows = await trx<FamilyInvitationRow>('family_invitations')
    .whereIn('family_contact_id', contactIds)
    .whereNull('accepted_at')
    .whereNull('withdrawn_at')
    .update({ withdrawn_at: at })
    .returning('id')
  return rows.length
}

/** How many children an account still sees. */
export async function childrenLeft(trx: Transaction, userId: string): Promise<number> {
  const row = await trx<FamilyContactRow>('family_contacts')
    .where({ user_id: userId })
    .countDistinct({ n: 'child_id' })
    .first()
  return Number(row?.n ?? 0)
}

export async function closeAccount(trx: Transaction, userId: string, at: Date): Promise<void> {
  await trx<UserRow>('users')
    .where({ id: userId })
    .update({ disabled_at: at, updated_at: at })
    .returning('id')
}

/** A contact on a case with the account linked to it. */
type ContactAccountRow = { contact_name: FamilyContactRow['full_name']; user_id: UserRow['id'] } & Pick<
  UserRow,
  'email'
> &
  Pick<FamilyContactRow, 'child_id'>

/** The account linked to a contact on a case, and how many other children it sees. */
export async function accountOnCase(
  q: Executor,
  caseId: string,
  contactId: string,
): Promise<{ contactName: string; email: string; otherChildren: number } | undefined> {
  const row = await q('family_contacts as fc')
    .join('cases as c', 'c.child_id', 'fc.child_id')
    .join('users as u', 'u.id', 'fc.user_id')
    .where({ 'c.id': caseId, 'fc.id': contactId })
    .first<ContactAccountRow | undefined>(
      'fc.full_name as contact_name',
      'u.id as user_id',
      'u.email',
      'fc.child_id',
    )
  if (!row) return undefined
  const others = await q<FamilyContactRow>('family_contacts')
    .where({ user_id: row.user_id })
    .whereNot({ child_id: row.child_id })
    .countDistinct({ n: 'child_id' })
    .first()
  return {
    contactName: row.contact_name,
    email: row.email,
    otherChildren: Number(others?.n ?? 0),
  }
}

import type { Executor, Transaction } from './db'
import type { CaseRow, ChildRow, FamilyContactRow, FamilyInvitationRow, UserRow } from './tables'

export interface Invitation {
  id: string
  familyContactId: string
  email: string
  expiresAt: Date
  acceptedAt: Date | null
  withdrawnAt: Date | null
  contactName: string
  relationship: string
  contactUserId: string | null
  childId: string
  childFirstName: string
}

type InvitationRow = Pick<
  FamilyInvitationRow,
  'id' | 'family_contact_id' | 'email' | 'expires_at' | 'accepted_at' | 'withdrawn_at'
> &
  Pick<FamilyContactRow, 'full_name' | 'relationship' | 'user_id' | 'child_id'> &
  Pick<ChildRow, 'first_name'>

/** A family contact with the child and the case reference, for the invitation pages. */
type ContactForCaseRow = Pick<FamilyContactRow, 'id' | 'full_name' | 'relationship' | 'email' | 'user_id'> &
  Pick<ChildRow, 'first_name' | 'date_of_birth'> &
  Pick<CaseRow, 'reference'>

function invitationQuery(q: Executor) {
  return q('family_invitations as i')
    .join('family_contacts as fc', 'fc.id', 'i.family_contact_id')
    .join('children as ch', 'ch.id', 'fc.child_id')
    .select<InvitationRow[]>(
      'i.id',
      'i.family_contact_id',
      'i.email',
      'i.expires_at',
      'i.accepted_at',
      'i.withdrawn_at',
      'fc.full_name',
      'fc.relationship',
      'fc.user_id',
      'fc.child_id',
      'ch.first_name',
    )
}

function toInvitation(r: InvitationRow): Invitation {
  return {
    id: r.id,
    familyContactId: r.family_contact_id,
    email: r.email,
    expiresAt: r.expires_at,
    acceptedAt: r.accepted_at,
    withdrawnAt: r.withdrawn_at,
    contactName: r.full_name,
    relationship: r.relationship,
    contactUserId: r.user_id,
    childId: r.child_id,
    childFirstName: r.first_name,
  }
}

/** Stores a new invitation and withdraws the contact's earlier ones, so only the newest link works. */
export async function insertInvitation(
  trx: Transaction,
  invitation: {
    familyContactId: string
    email: string
    tokenHash: string
    invitedBy: string
    expiresAt: Date
    now: Date
  },
): Promise<string> {
  await trx<FamilyInvitationRow>('family_invitations')
    .where({ family_contact_id: invitation.familyContactId })
    .whereNull('accepted_at')
    .whereNull('withdrawn_at')
    .update({ withdrawn_at: invitation.now })
    .returning('id')
  const [row] = await trx<FamilyInvitationRow>('family_invitations')
    .insert({
      family_contact_id: invitation.familyContactId,
      email: invitation.email,
      token_hash: invitation.tokenHash,
      invited_by: invitation.invitedBy,
      created_at: invitation.now,
      expires_at: invitation.expiresAt,
    })
    .returning('id')
  return row!.id
}

/** Locks the row when given a transaction, so two people using one link at once cannot both succeed. */
export async function findInvitationByTokenHash(q: Executor, tokenHash: string, forUpdate = false) {
  const query = invitationQuery(q).where('i.token_hash', tokenHash).first()
  const row = await (forUpdate ? query.forUpdate() : query)
  return row && toInvitation(row)
}

export async function markInvitationAccepted(
  trx: Transaction,
  id: string,
  userId: string,
  at: Date,
): Promise<void> {
  await trx<FamilyInvitationRow>('family_invitations')
    .where({ id })
    .update({ accepted_at: at, accepted_by: userId })
    .returning('id')
}

/** The newest invitation to each contact, for the case page to say who was invited and until when. */
export async function latestInvitations(
  q: Executor,
  contactIds: readonly string[],
): Promise<Map<string, { createdAt: Date; expiresAt: Date; acceptedAt: Date | null }>> {
  if (contactIds.length === 0) return new Map()
  const rows = await q<FamilyInvitationRow>('family_invitations')
    .whereIn('family_contact_id', contactIds)
    .whereNull('withdrawn_at')
    .orderBy('created_at', 'desc')
    .select('family_contact_id', 'created_at', 'expires_at', 'accepted_at')
  const latest = new Map<string, { createdAt: Date; expiresAt: Date; acceptedAt: Date | null }>()
  for (const r of rows)
    if (!latest.has(r.family_contact_id))
      latest.set(r.family_contact_id, {
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        acceptedAt: r.accepted_at,
      })
  return latest
}

/** Links a family contact to the account that accepted its invitation. */
export async function linkContactToAccount(
  trx: Transaction,
  familyContactId: string,
  userId: string,
): Promise<void> {
  await trx<FamilyContactRow>('family_contacts')
    .where({ id: familyContactId })
    .update({ user_id: userId, updated_at: trx.fn.now() })
    .returning('id')
}

export async function insertFamilyAccount(
  trx: Transaction,
  account: { email: string; fullName: string; passwordHash: string },
): Promise<string> {
  const [row] = await trx<UserRow>('users')
    .insert({
      email: account.email,
      full_name: account.fullName,
      role: 'family',
      password_hash: account.passwordHash,
    })
    .returning('id')
  return row!.id
}

/** The family contact, with whether the child already has another contact linked to this same account. */
export async function findContactForCase(q: Executor, caseId: string, contactId: string) {
  const row = await q('family_contacts as fc')
    .join('cases as c', 'c.child_id', 'fc.child_id')
    .join('children as ch', 'ch.id', 'fc.child_id')
    .where({ 'c.id': caseId, 'fc.id': contactId })
    .first<ContactForCaseRow | undefined>(
      'fc.id',
      'fc.full_name',
      'fc.relationship',
      'fc.email',
      'fc.user_id',
      'ch.first_name',
      'ch.date_of_birth',
      'c.reference',
    )
  return (
    row && {
      contact: {
        id: row.id,
        fullName: row.full_name,
        relationship: row.relationship,
        email: row.email,
        hasPortalAccount: row.user_id !== null,
      },
      child: { firstName: row.first_name, dateOfBirth: row.date_of_birth },
      reference: row.reference,
    }
  )
}

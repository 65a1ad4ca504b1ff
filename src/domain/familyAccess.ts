/**
 * When a family contact's portal account stops being the key to that child's case. A contact edited to
 * be someone else (another name, email address or relationship) is a new person: the account that was
 * linked belonged to the old one, so it must not go on reading the child's case and letters.
 */
export interface ContactIdentity {
  fullName: string
  email: string | null
  relationship: string
}

const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase()

const sameEmail = (a: string | null, b: string | null) =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase()

/** Whether an edit leaves the contact the same person; spacing and capitals alone do not change who it is. */
export function isSamePerson(before: ContactIdentity, after: ContactIdentity): boolean {
  return (
    sameName(before.fullName, after.fullName) &&
    sameEmail(before.email, after.email) &&
    before.relationship === after.relationship
  )
}

/** Why an account's access to a child ended, as recorded in the audit trail. */
export const ACCESS_ENDED_REASONS = [
  'contact_removed',
  'contact_changed',
  'ended_from_case',
  'account_closed',
] as const
export type AccessEndedReason = (typeof ACCESS_ENDED_REASONS)[number]

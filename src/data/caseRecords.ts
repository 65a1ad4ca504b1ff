import type { NewCase, NewFamilyContact } from '../domain/caseIntake'
import type { ExceptionReason } from '../domain/clockExceptions'
import type { IsoDate } from '../domain/dates'
import { papersCompleteOn } from '../domain/papers'
import type { CaseKind, CaseStatus } from '../domain/vocabulary'
import { storedDeadlineColumns, type StoredDeadlines } from './caseClocks'
import { MILESTONE_COLUMNS, toMilestones, type Milestones } from './caseMilestones'
import type { Transaction } from './db'
import type {
  CaseEvidenceRow,
  CaseExceptionRow,
  CaseRow,
  ChildRow,
  FamilyContactRow,
  FamilyInvitationRow,
} from './tables'

/**
 * Writes for opening and editing a case: every function takes the caller's transaction, so that the
 * child, the family, the case, its evidence and its audit event land together or not at all.
 */
export async function insertChild(trx: Transaction, child: NewCase['child']): Promise<string> {
  const [row] = await trx<ChildRow>('children')
    .insert({
      first_name: child.firstName,
      last_name: child.lastName,
      date_of_birth: child.dateOfBirth,
      current_setting: child.currentSetting,
      year_group: child.yearGroup,
      areas_of_need: child.areasOfNeed,
    })
    .returning('id')
  return row!.id
}

function contactColumns(c: NewFamilyContact, isMainContact: boolean) {
  return {
    full_name: c.fullName,
    relationship: c.relationship,
    address: c.address,
    email: c.email,
    phone: c.phone,
    preferred_language: c.preferredLanguage,
    needs_interpreter: c.needsInterpreter,
    letter_format: c.letterFormat,
    is_main_contact: isMainContact,
  }
}

export async function insertFamilyContacts(
  trx: Transaction,
  childId: string,
  contacts: NewCase['contacts'],
): Promise<void> {
  await trx<FamilyContactRow>('family_contacts').insert(
    contacts.map((c, i) => ({ child_id: childId, ...contactColumns(c, i === 0) })),
  )
}

export interface StoredContact extends NewFamilyContact {
  id: string
  isMainContact: boolean
  hasPortalAccount: boolean
  /** The family portal account linked to the contact, if any. */
  userId: string | null
}

/** The child's contacts, locked so that two edits of one family cannot interleave. */
export async function lockFamilyContacts(trx: Transaction, childId: string): Promise<StoredContact[]> {
  const rows = await trx<FamilyContactRow>('family_contacts')
    .where({ child_id: childId })
    .forUpdate()
    .select('*')
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    relationship: r.relationship,
    address: r.address,
    email: r.email,
    phone: r.phone,
    preferredLanguage: r.preferred_language,
    needsInterpreter: r.needs_interpreter,
    letterFormat: r.letter_format,
    isMainContact: r.is_main_contact,
    hasPortalAccount: r.user_id !== null,
    userId: r.user_id,
  }))
}

/**
 * Changes a contact's details; its link to a family portal account (user_id) is the caller's to end
 * (services/familyAccess.ts), and an invitation not yet accepted is withdrawn when the email address changes.
 */
export async function updateFamilyContact(
  trx: Transaction,
  id: string,
  contact: NewFamilyContact,
  isMainContact: boolean,
): Promise<void> {
  await trx<FamilyContactRow>('family_contacts')
    .where({ id })
    .update({ ...contactColumns(contact, isMainContact), updated_at: trx.fn.now() })
  // An invitation sent to an address since corrected may have gone to someone else: its link stops working.
  await trx<FamilyInvitationRow>('family_invitations')
    .where({ family_contact_id: id })
    .whereNull('accepted_at')
    .whereNull('withdrawn_at')
    .whereRaw('lower(email) <> lower(?)', [contact.email ?? ''])
    .update({ withdrawn_at: trx.fn.now() })
    .returning('id')
}

export async function addFamilyContact(
  trx: Transaction,
  childId: string,
  contact: NewFamilyContact,
  isMainContact: boolean,
): Promise<void> {
  await trx<FamilyContactRow>('family_contacts').insert({
    child_id: childId,
    ...contactColumns(contact, isMainContact),
  })
}

export async function deleteFamilyContacts(trx: Transaction, ids: string[]): Promise<void> {
  if (ids.length > 0) await trx<FamilyContactRow>('family_contacts').whereIn('id', ids).delete()
}

/** Case references run on within each year: NS-2026-0043. Two caseworkers saving at once queue on a lock. */
export async function nextCaseReference(trx: Transaction, prefix: string, year: number): Promise<string> {
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`case-reference:${prefix}:${year}`])
  const stem = `${prefix}-${year}-`
  // Compared as numbers: as text, 'NS-2026-9999' sorts after 'NS-2026-10000'.
  const row = await trx<CaseRow>('cases')
    .where('reference', 'like', `${stem}%`)
    .first<{ latest: number | null } | undefined>(
      trx.raw('max(substring(reference from ?::int)::int) as latest', [stem.length + 1]),
    )
  const last = row?.latest ?? 0
  return `${stem}${String(last + 1).padStart(4, '0')}`
}

export interface CaseRowInput {
  reference: string
  childId: string
  input: NewCase
  createdBy: string
  stored: StoredDeadlines
}

export async function insertCase(trx: Transaction, c: CaseRowInput): Promise<string> {
  const { input } = c
  const [row] = await trx<CaseRow>('cases')
    .insert({
      reference: c.reference,
      child_id: c.childId,
      kind: input.kind,
      status: 'draft',
      received_on: input.receivedOn,
      requested_by: input.requestedBy,
      preference: input.preference,
      preferred_setting: input.preferredSetting,
      preferred_setting_is_mainstream: input.preferredSettingIsMainstream,
      caseworker_id: input.caseworkerId,
      is_complex: input.isComplex,
      review_meeting_on: input.reviewMeetingOn,
      review_notice_on: input.reviewNoticeOn,
      transfer_year: input.transferYear,
      transfer_type: input.transferType,
      papers_complete_on: papersCompleteOn(input.evidence),
      ...storedDeadlineColumns(c.stored),
      created_by: c.createdBy,
    })
    .returning('id')
  return row!.id
}

export async function insertEvidence(
  trx: Transaction,
  caseId: string,
  evidence: NewCase['evidence'],
): Promise<void> {
  const rows = evidence
    .filter((e) => e.requestedOn || e.receivedOn)
    .map((e) => ({
      case_id: caseId,
      source: e.source,
      requested_on: e.requestedOn,
      received_on: e.receivedOn,
    }))
  if (rows.length > 0) await trx<CaseEvidenceRow>('case_evidence').insert(rows)
}

/** Locks the case row for the rest of the transaction and returns what an edit checks against. */
export interface LockedCase {
  version: number
  status: CaseStatus
  childId: string
  caseworkerId: string
  kind: CaseKind
  receivedOn: IsoDate
  milestones: Milestones
  preference: string | null
  preferredSetting: string | null
  preferredSettingIsMainstream: boolean | null
  noAdviceNeededOn: IsoDate | null
  /** Where an ended case was when it ended, for reopening it; null while it is open. */
  statusBeforeEnd: CaseStatus | null
}

export async function lockCase(trx: Transaction, caseId: string): Promise<LockedCase | undefined> {
  const row = await trx<CaseRow>('cases')
    .where({ id: caseId })
    .forUpdate()
    .first(
      'version',
      'status',
      'child_id',
      'caseworker_id',
      'kind',
      'received_on',
      'preference',
      'preferred_setting',
      'preferred_setting_is_mainstream',
      'no_advice_needed_on',
      'status_before_end',
      ...MILESTONE_COLUMNS,
    )
  return (
    row && {
      version: row.version,
      status: row.status,
      childId: row.child_id,
      caseworkerId: row.caseworker_id,
      kind: row.kind,
      receivedOn: row.received_on,
      milestones: toMilestones(row),
      preference: row.preference,
      preferredSetting: row.preferred_setting,
      preferredSettingIsMainstream: row.preferred_setting_is_mainstream,
      noAdviceNeededOn: row.no_advice_needed_on,
      statusBeforeEnd: row.status_before_end,
    }
  )
}

/** Every change to a case moves its version on, so that a form read before the change is refused. */
export async function updateCase(
  trx: Transaction,
  caseId: string,
  changes: Record<string, unknown>,
): Promise<void> {
  await trx<CaseRow>('cases')
    .where({ id: caseId })
    .update({ ...changes, version: trx.raw('version + 1'), updated_at: trx.fn.now() })
}

export interface ExceptionRowInput {
  step: string
  reasonCode: ExceptionReason
  startsOn: IsoDate
  endsOn: IsoDate | null
  adviceRequestedOn: IsoDate | null
  familyToldOn: IsoDate | null
  explanation: string
  recordedBy: string
}

export async function insertException(
  trx: Transaction,
  caseId: string,
  e: ExceptionRowInput,
): Promise<string> {
  const [row] = await trx<CaseExceptionRow>('case_exceptions')
    .insert({
      case_id: caseId,
      step: e.step,
      reason_code: e.reasonCode,
      starts_on: e.startsOn,
      ends_on: e.endsOn,
      advice_requested_on: e.adviceRequestedOn,
      family_told_on: e.familyToldOn,
      explanation: e.explanation,
      recorded_by: e.recordedBy,
    })
    .returning('id')
  return row!.id
}

/** The evidence as it now stands: a source with neither date is not kept. */
export async function replaceEvidence(
  trx: Transaction,
  caseId: string,
  evidence: NewCase['evidence'],
): Promise<void> {
  await trx<CaseEvidenceRow>('case_evidence').where({ case_id: caseId }).delete()
  await insertEvidence(trx, caseId, evidence)
}

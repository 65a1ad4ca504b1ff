import type { Executor } from './db'
import type { IsoDate } from '../domain/dates'
import type { AgendaItemRow, CaseRow, ChildRow, FamilyContactRow, LetterRow, SittingRow } from './tables'

/** A row as the database holds it: a subject access request shows what is held, column by column. */
export type HeldRow = Record<string, unknown>

export interface SubjectSearch {
  name?: string
  dateOfBirth?: IsoDate
  reference?: string
}

export interface SubjectMatch {
  childId: string
  firstName: string
  lastName: string
  dateOfBirth: IsoDate
  references: string[]
  /** The family members whose names matched the search, when it was by name. */
  matchedMembers: string[]
}

const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** Children matching every part given: a name (the child's or a family member's), a date of birth, a case reference. */
export async function searchSubjects(
  trx: Executor,
  search: SubjectSearch,
  limit = 50,
): Promise<SubjectMatch[]> {
  const query = trx('children as ch')
  if (search.name) {
    const pattern = likeText(search.name)
    query.where((q) =>
      q
        .whereRaw(`(ch.first_name || ' ' || ch.last_name) ILIKE ?`, [pattern])
        .orWhereExists(
          trx('family_contacts as fc').whereRaw('fc.child_id = ch.id').whereILike('fc.full_name', pattern),
        ),
    )
  }
  if (search.dateOfBirth) query.where('ch.date_of_birth', search.dateOfBirth)
  if (search.reference)
    query.whereExists(
      trx('cases as c')
        .whereRaw('c.child_id = ch.id')
        .whereRaw('lower(c.reference) = lower(?)', [search.reference]),
    )
  const children = await query
    .orderBy(['ch.last_name', 'ch.first_name', 'ch.id'])
    .limit(limit)
    .select<Pick<ChildRow, 'id' | 'first_name' | 'last_name' | 'date_of_birth'>[]>(
      'ch.id',
      'ch.first_name',
      'ch.last_name',
      'ch.date_of_birth',
    )
  if (children.length === 0) return []
  const ids = children.map((c) => c.id)
  const cases = await trx<CaseRow>('cases')
    .whereIn('child_id', ids)
    .orderBy('reference')
    .select('child_id', 'reference')
  const members = search.name
    ? await trx<FamilyContactRow>('family_contacts')
        .whereIn('child_id', ids)
        .whereILike('full_name', likeText(search.name))
        .orderBy('full_name')
        .select('child_id', 'full_name')
    : []
  return children.map((c) => ({
    childId: c.id,
    firstName: c.first_name,
    lastName: c.last_name,
    dateOfBirth: c.date_of_birth,
    references: cases.filter((k) => k.child_id === c.id).map((k) => k.reference),
    matchedMembers: members.filter((m) => m.child_id === c.id).map((m) => m.full_name),
  }))
}

/** Secrets and bytes kept out of the export's data: a token hash is not the family's data, a PDF is a file of its own. */
const NOT_EXPORTED = new Set(['token_hash', 'password_hash', 'pdf'])

function held(row: HeldRow): HeldRow {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !NOT_EXPORTED.has(key)))
}

export interface IssuedLetterFile {
  id: string
  caseId: string
  reference: string
  letterKind: string
  version: number
  format: string
  issuedOn: IsoDate | null
  pdf: Buffer
  sha256: string | null
}

export interface HeldRecord {
  child: HeldRow
  familyMembers: HeldRow[]
  familyInvitations: HeldRow[]
  cases: HeldRow[]
  evidence: HeldRow[]
  exceptions: HeldRow[]
  appeals: HeldRow[]
  agendaItems: HeldRow[]
  decisions: HeldRow[]
  letters: HeldRow[]
  familyViews: HeldRow[]
  emails: HeldRow[]
  auditEvents: HeldRow[]
  reads: HeldRow[]
}

/**
 * Everything held about one child, row by row, from the tables that hold it. Every query is keyed on
 * the child, the child's cases or the child's family members: nothing reaches another child's rows.
 * Minutes are not here: a sitting's minutes name other children, so only the child's extract is given.
 */
export async function heldRecord(trx: Executor, childId: string): Promise<HeldRecord | undefined> {
  const child = await trx<HeldRow>('children').where({ id: childId }).first()
  if (!child) return undefined
  const caseIds = await trx<CaseRow>('cases').where({ child_id: childId }).pluck('id')
  const familyMembers = await trx<HeldRow>('family_contacts')
    .where({ child_id: childId })
    .orderBy('created_at')
  const memberIds = familyMembers.map((m) => String(m.id))
  const memberEmails = familyMembers
    .map((m) => (typeof m.email === 'string' ? m.email.toLowerCase() : ''))
    .filter((e) => e.length > 0)
  const byCase = (table: string, order = 'created_at') =>
    trx<HeldRow>(table).whereIn('case_id', caseIds).orderBy(order)

  const [cases, evidence, exceptions, appeals, decisions, letters, familyViews] = await Promise.all([
    trx<HeldRow>('cases').whereIn('id', caseIds).orderBy('received_on'),
    byCase('case_evidence', 'case_id'),
    byCase('case_exceptions', 'case_id'),
    byCase('case_appeals'),
    byCase('decisions'),
    byCase('letters'),
    byCase('family_views', 'sent_at'),
  ])
  const agendaItems = await trx('agenda_items as ai')
    .join('sittings as s', 's.id', 'ai.sitting_id')
    .join('panels as p', 'p.id', 's.panel_id')
    .whereIn('ai.case_id', caseIds)
    .orderBy('s.sitting_on')
    .select<HeldRow[]>('ai.*', 's.sitting_on', 'p.name as panel_name')
  const familyInvitations = await trx<HeldRow>('family_invitations')
    .whereIn('family_contact_id', memberIds)
    .orderBy('created_at')
  // E-mails to the family: about one of the child's cases, or about none (an invitation); never a
  // brother's or sister's case, though it went to the same address.
  const emails = await trx<HeldRow>('email_outbox')
    .whereRaw(`lower(to_address) IN (${memberEmails.map(() => '?').join(', ') || 'NULL'})`, memberEmails)
    .where((q) => q.whereNull('case_id').orWhereIn('case_id', caseIds))
    .orderBy('created_at')
  const agendaItemIds = agendaItems.map((a) => String(a.id))
  const auditEvents = await trx('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .where((q) =>
      q
        .where((w) => w.where('a.entity_type', 'case').whereIn('a.entity_id', caseIds))
        .orWhere((w) => w.where('a.entity_type', 'child').where('a.entity_id', childId))
        .orWhere((w) => w.where('a.entity_type', 'family_contact').whereIn('a.entity_id', memberIds))
        .orWhere((w) => w.where('a.entity_type', 'agenda_item').whereIn('a.entity_id', agendaItemIds)),
    )
    .orderBy([{ column: 'a.occurred_at' }, { column: 'a.id' }])
    .select<HeldRow[]>('a.*', 'u.full_name as actor_name')
  const reads = await trx('record_reads as r')
    .join('users as u', 'u.id', 'r.user_id')
    .whereIn('r.case_id', caseIds)
    .orderBy([{ column: 'r.read_at' }, { column: 'r.id' }])
    .select<HeldRow[]>(
      'r.read_at',
      'r.case_id',
      'r.kind',
      'r.object_id',
      'u.full_name as reader_name',
      'u.role as reader_role',
    )

  return {
    child: held(child),
    familyMembers: familyMembers.map(held),
    familyInvitations: familyInvitations.map(held),
    cases: cases.map(held),
    evidence: evidence.map(held),
    exceptions: exceptions.map(held),
    appeals: appeals.map(held),
    agendaItems: agendaItems.map(held),
    decisions: decisions.map(held),
    letters: letters.map(held),
    familyViews: familyViews.map(held),
    emails: emails.map(held),
    auditEvents: auditEvents.map(held),
    reads: reads.map(held),
  }
}

type IssuedLetterRow = Pick<
  LetterRow,
  'id' | 'case_id' | 'letter_kind' | 'version' | 'format' | 'issued_on' | 'pdf' | 'sha256'
> &
  Pick<CaseRow, 'reference'>

/** Each issued letter of the child's cases with its stored bytes and the checksum taken at issue. */
export async function issuedLetterFiles(trx: Executor, childId: string): Promise<IssuedLetterFile[]> {
  const rows = await trx('letters as l')
    .join('cases as c', 'c.id', 'l.case_id')
    .where({ 'c.child_id': childId, 'l.status': 'issued' })
    .orderBy([{ column: 'c.reference' }, { column: 'l.issued_on' }, { column: 'l.version' }])
    .select<IssuedLetterRow[]>(
      'l.id',
      'l.case_id',
      'c.reference',
      'l.letter_kind',
      'l.version',
      'l.format',
      'l.issued_on',
      'l.pdf',
      'l.sha256',
    )
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    reference: r.reference,
    letterKind: r.letter_kind,
    version: r.version,
    format: r.format,
    issuedOn: r.issued_on,
    // PGlite gives a bytea as a Uint8Array, pg as a Buffer.
    pdf: r.pdf ? Buffer.from(r.pdf) : Buffer.alloc(0),
    sha256: r.sha256,
  }))
}

type SittingOfCaseRow = Pick<AgendaItemRow, 'case_id' | 'sitting_id'> &
  Pick<CaseRow, 'reference'> &
  Pick<SittingRow, 'sitting_on'>

/** The sittings each of the child's cases was on, for their minutes extracts. */
export async function sittingsOfChild(
  trx: Executor,
  childId: string,
): Promise<{ caseId: string; reference: string; sittingId: string; sittingOn: IsoDate }[]> {
  const rows = await trx('agenda_items as ai')
    .join('cases as c', 'c.id', 'ai.case_id')
    .join('sittings as s', 's.id', 'ai.sitting_id')
    .where('c.child_id', childId)
    .orderBy('s.sitting_on')
    .select<SittingOfCaseRow[]>('ai.case_id', 'c.reference', 'ai.sitting_id', 's.sitting_on')
  return rows.map((r) => ({
    caseId: r.case_id,
    reference: r.reference,
    sittingId: r.sitting_id,
    sittingOn: r.sitting_on,
  }))
}

import type { ClosureReason } from '../domain/caseClosure'
import { parsedJson, type AuditEventRow, type UserRow } from './tables'

/** An audit event about a case, with the name of the person who did it. */
type TimelineRow = Pick<AuditEventRow, 'occurred_at' | 'action' | 'details'> & {
  actor_name: UserRow['full_name'] | null
}
import type { Db, Executor, Transaction } from './db'
import { toMilestones, type Milestones } from './caseMilestones'
import type { AreaOfNeed, CaseKind, CaseStatus } from '../domain/vocabulary'
import type { EvidenceSource, NewFamilyContact } from '../domain/caseIntake'
import type { TribunalAppeal } from '../domain/tribunalOrders'

export interface CaseDetail {
  id: string
  reference: string
  kind: CaseKind
  status: CaseStatus
  version: number
  receivedOn: string
  requestedBy: string | null
  isComplex: boolean
  papersCompleteOn: string | null
  /** The day a caseworker said the papers need no advice; null when advice is needed. */
  noAdviceNeededOn: string | null
  /** How the case ended (closed or withdrawn); null while it is open. */
  ending: { on: string; reason: ClosureReason | null; note: string | null } | null
  preference: string | null
  preferredSetting: string | null
  preferredSettingIsMainstream: boolean | null
  milestones: Milestones
  child: {
    id: string
    firstName: string
    lastName: string
    dateOfBirth: string
    currentSetting: string | null
    yearGroup: string | null
    areasOfNeed: AreaOfNeed[]
  }
  /** A contact with a family portal account keeps it through edits; the account itself is not shown here. */
  contacts: (NewFamilyContact & { id: string; isMainContact: boolean; hasPortalAccount: boolean })[]
  evidence: { source: EvidenceSource; requestedOn: string | null; receivedOn: string | null }[]
  exceptions: {
    step: string
    reasonCode: string
    startsOn: string
    endsOn: string | null
    familyToldOn: string | null
    explanation: string
  }[]
  caseworker: { id: string; fullName: string; email: string; phone: string | null }
  /** Tribunal appeals decided for the family or not opposed, oldest first. */
  appeals: TribunalAppeal[]
}

export interface TimelineEntry {
  occurredAt: Date
  action: string
  actorName: string | null
  details: Record<string, unknown>
}

/** A case's tribunal appeals, oldest first: the latest sets the clock. */
export async function listCaseAppeals(db: Executor, caseId: string): Promise<TribunalAppeal[]> {
  const rows = await db('case_appeals').where({ case_id: caseId }).orderBy(['decided_on', 'created_at'])
  return rows.map((r) => ({ route: r.route, on: r.decided_on, about: r.about }))
}

export async function insertCaseAppeal(
  trx: Transaction,
  caseId: string,
  appeal: TribunalAppeal,
  recordedBy: string,
): Promise<string> {
  const [row] = await trx('case_appeals')
    .insert({
      case_id: caseId,
      route: appeal.route,
      decided_on: appeal.on,
      about: appeal.about,
      recorded_by: recordedBy,
    })
    .returning('id')
  return String(row.id)
}

export function caseDetailRepository(db: Db) {
  return {
    async find(id: string): Promise<CaseDetail | undefined> {
      const c = await db('cases as c')
        .join('children as ch', 'ch.id', 'c.child_id')
        .join('users as u', 'u.id', 'c.caseworker_id')
        .where('c.id', id)
        .first(
          'c.*',
          'ch.first_name',
          'ch.last_name',
          'ch.date_of_birth',
          'ch.current_setting',
          'ch.year_group',
          'ch.areas_of_need',
          'u.full_name as caseworker_name',
          'u.email as caseworker_email',
          'u.phone as caseworker_phone',
        )
      if (!c) return undefined
      // One after another: called with a transaction, they share one connection, where pg deprecates
      // overlapping queries (pg 9 refuses them).
      const contacts = await db('family_contacts')
        .where({ child_id: c.child_id })
        .orderBy([{ column: 'is_main_contact', order: 'desc' }, 'full_name', 'id'])
      const evidence = await db('case_evidence').where({ case_id: id }).orderBy('source')
      const exceptions = await db('case_exceptions').where({ case_id: id }).orderBy('starts_on')
      const appeals = await listCaseAppeals(db, id)
      return {
        id: c.id,
        reference: c.reference,
        kind: c.kind,
        status: c.status,
        version: c.version,
        receivedOn: c.received_on,
        requestedBy: c.requested_by,
        isComplex: c.is_complex,
        papersCompleteOn: c.papers_complete_on,
        noAdviceNeededOn: c.no_advice_needed_on,
        ending: c.ended_on ? { on: c.ended_on, reason: c.ended_reason, note: c.ended_note } : null,
        preference: c.preference,
        preferredSetting: c.preferred_setting,
        preferredSettingIsMainstream: c.preferred_setting_is_mainstream,
        milestones: toMilestones(c),
        child: {
          id: c.child_id,
          firstName: c.first_name,
          lastName: c.last_name,
          dateOfBirth: c.date_of_birth,
          currentSetting: c.current_setting,
          yearGroup: c.year_group,
          areasOfNeed: c.areas_of_need,
        },
        contacts: contacts.map((f) => ({
          id: f.id,
          fullName: f.full_name,
          relationship: f.relationship,
          address: f.address,
          email: f.email,
          phone: f.phone,
          preferredLanguage: f.preferred_language,
          needsInterpreter: f.needs_interpreter,
          letterFormat: f.letter_format,
          isMainContact: f.is_main_contact,
          hasPortalAccount: f.user_id !== null,
        })),
        evidence: evidence.map((e) => ({
          source: e.source,
          requestedOn: e.requested_on,
          receivedOn: e.received_on,
        })),
        exceptions: exceptions.map((e) => ({
          step: e.step,
          reasonCode: e.reason_code,
          startsOn: e.starts_on,
          endsOn: e.ends_on,
          familyToldOn: e.family_told_on,
          explanation: e.explanation,
        })),
        caseworker: {
          id: c.caseworker_id,
          fullName: c.caseworker_name,
          email: c.caseworker_email,
          phone: c.caseworker_phone,
        },
        appeals,
      }
    },

    /** Everything that happened to the case, oldest first, from its audit events. */
    async timeline(id: string): Promise<TimelineEntry[]> {
      const rows = await db('audit_events as a')
        .leftJoin('users as u', 'u.id', 'a.actor_user_id')
        .where({ 'a.entity_type': 'case', 'a.entity_id': id })
        .orderBy([{ column: 'a.occurred_at' }, { column: 'a.id' }])
        .select<TimelineRow[]>('a.occurred_at', 'a.action', 'u.full_name as actor_name', 'a.details')
      return rows.map((r) => ({
        occurredAt: r.occurred_at,
        action: r.action,
        actorName: r.actor_name,
        details: parsedJson(r.details),
      }))
    },

    async listCaseworkers(): Promise<{ id: string; fullName: string }[]> {
      const rows = await db<UserRow>('users')
        .where({ role: 'caseworker' })
        .whereNull('disabled_at')
        .orderBy('full_name')
        .select('id', 'full_name')
      return rows.map((r) => ({ id: r.id, fullName: r.full_name }))
    },
  }
}

export type CaseDetailRepository = ReturnType<typeof caseDetailRepository>

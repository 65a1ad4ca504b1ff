import type { Transaction, Executor } from './db'
import {
  parsedJson,
  type AgendaItemRow,
  type CaseRow,
  type ChildRow,
  type DecisionRow,
  type EmailOutboxRow,
  type FamilyContactRow,
  type FamilyViewRow,
  type LetterRow,
  type MinutesRow,
  type RecordReadRow,
  type RetentionRemovalRow,
  type RetentionRunRow,
} from './tables'
import { addDays, type IsoDate } from '../domain/dates'
import {
  addYears,
  anonymiseMinutesContent,
  CLOSED_STATUSES,
  retentionEndsOn,
  type RetentionInput,
} from '../domain/retention'

export interface RetentionCandidate {
  caseId: string
  childId: string
  reference: string
  kind: string
  status: string
  firstName: string
  lastName: string
  dateOfBirth: IsoDate
  closedOn: IsoDate
  retentionEndsOn: IsoDate
}

/** A closed case with its child; a closed case always has the day it ended (a CHECK on cases says so). */
type CandidateRow = Pick<CaseRow, 'id' | 'child_id' | 'reference' | 'kind' | 'status'> &
  Pick<ChildRow, 'first_name' | 'last_name' | 'date_of_birth'> & { ended_on: IsoDate }

const isoOf = (d: IsoDate | Date): IsoDate => (d instanceof Date ? d.toISOString().slice(0, 10) : d)

/**
 * Closed cases whose retention has ended by `today`. SQL narrows to children born long enough ago (a day's
 * margin for 29 February); the domain rule decides each case exactly, so the page and the job agree.
 */
export async function findPastRetention(
  trx: Executor,
  today: IsoDate,
  yearsAfter25: number,
  onlyCaseId?: string,
): Promise<RetentionCandidate[]> {
  const bornBy = addDays(addYears(today, -(25 + yearsAfter25)), 1)
  const query = trx('cases as c')
  if (onlyCaseId) query.where('c.id', onlyCaseId)
  const rows = await query
    .join('children as ch', 'ch.id', 'c.child_id')
    .whereIn('c.status', CLOSED_STATUSES)
    .where('ch.date_of_birth', '<=', bornBy)
    .orderBy('c.reference')
    .select<CandidateRow[]>(
      'c.id',
      'c.child_id',
      'c.reference',
      'c.kind',
      'c.status',
      'ch.first_name',
      'ch.last_name',
      'ch.date_of_birth',
      'c.ended_on',
    )
  const due: RetentionCandidate[] = []
  for (const r of rows) {
    const input: RetentionInput = {
      dateOfBirth: isoOf(r.date_of_birth),
      closedOn: isoOf(r.ended_on),
      yearsAfter25,
    }
    const ends = retentionEndsOn(input)
    if (ends === null || !(today > ends)) continue
    due.push({
      caseId: r.id,
      childId: r.child_id,
      reference: r.reference,
      kind: r.kind,
      status: r.status,
      firstName: r.first_name,
      lastName: r.last_name,
      dateOfBirth: input.dateOfBirth!,
      closedOn: input.closedOn!,
      retentionEndsOn: ends,
    })
  }
  return due
}

/** What an audit row about a removed record keeps: its action, time and actor; nothing that says who. */
const ANONYMISED_DETAILS = JSON.stringify({ removedUnderRetention: true })

async function anonymiseAudit(trx: Transaction, entityType: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0
  return trx('audit_events')
    .where('entity_type', entityType)
    .whereIn('entity_id', ids)
    .update({ entity_id: 'removed', details: ANONYMISED_DETAILS })
}

/** Rows about something else (a sitting, a letter batch) whose details name the removed case. */
async function anonymiseAuditMentions(trx: Transaction, ids: string[]): Promise<number> {
  let total = 0
  for (const id of ids) {
    total += await trx('audit_events')
      .whereRaw('details::text LIKE ?', [`%${id}%`])
      .update({ details: ANONYMISED_DETAILS })
  }
  return total
}

/**
 * Removes one case and everything that is its child's, in the caller's transaction. The minutes of a
 * sitting keep a placeholder for the item, so the other children's items and the order stay as approved.
 * The child, the family contacts and their invitations go with the child's last case; a family account
 * with no other child is anonymised and disabled rather than deleted, because other rows name its id.
 */
export async function removeCase(
  trx: Transaction,
  caseId: string,
  childId: string,
  now: Date,
): Promise<{ childRemoved: boolean; counts: Record<string, number> }> {
  const counts: Record<string, number> = {}
  const agendaItemIds = await trx<AgendaItemRow>('agenda_items').where({ case_id: caseId }).pluck('id')
  const sittingIds = await trx<AgendaItemRow>('agenda_items').where({ case_id: caseId }).pluck('sitting_id')
  const letterIds = await trx<LetterRow>('letters').where({ case_id: caseId }).pluck('id')
  const decisionIds = await trx<DecisionRow>('decisions').where({ case_id: caseId }).pluck('id')
  const viewIds = await trx<FamilyViewRow>('family_views').where({ case_id: caseId }).pluck('id')

  let minutesChanged = 0
  if (sittingIds.length) {
    const minutes = await trx<MinutesRow>('minutes').whereIn('sitting_id', sittingIds).select('id', 'content')
    for (const m of minutes) {
      const content = parsedJson(m.content)
      const changed = anonymiseMinutesContent(content, caseId)
      if (changed === content) continue
      await trx('minutes')
        .where({ id: m.id })
        .update({ content: JSON.stringify(changed) })
      minutesChanged += 1
    }
    // A post-room batch is one PDF of a sitting's letters, this child's among them; it is built again on request.
    counts.letterBatches = await trx('letter_batches').whereIn('sitting_id', sittingIds).delete()
  }
  counts.minutesItemsAnonymised = minutesChanged

  counts.letters = await trx('letters').where({ case_id: caseId }).delete()
  counts.familyViews = await trx('family_views').where({ case_id: caseId }).delete()
  const emailIds = await trx<EmailOutboxRow>('email_outbox').where({ case_id: caseId }).pluck('id')
  if (emailIds.length) await trx('email_attempts').whereIn('email_id', emailIds).delete()
  counts.emails = emailIds.length ? await trx('email_outbox').whereIn('id', emailIds).delete() : 0
  if (agendaItemIds.length) {
    await trx('declarations').whereIn('agenda_item_id', agendaItemIds).delete()
    await trx('item_records').whereIn('agenda_item_id', agendaItemIds).delete()
  }
  counts.decisions = await trx('decisions').where({ case_id: caseId }).delete()
  counts.agendaItems = await trx('agenda_items').where({ case_id: caseId }).delete()
  const reads = await trx<RecordReadRow>('record_reads').where({ case_id: caseId }).count({ n: '*' }).first()
  counts.readEvents = Number(reads?.n ?? 0)
  // Evidence, clock exceptions, queue place, exclusions, appeals and the read log go by ON DELETE CASCADE.
  await trx('cases').where({ id: caseId }).delete()

  let audit = 0
  audit += await anonymiseAudit(trx, 'case', [caseId])
  audit += await anonymiseAudit(trx, 'agenda_item', agendaItemIds)
  audit += await anonymiseAudit(trx, 'letter', letterIds)
  audit += await anonymiseAudit(trx, 'decision', decisionIds)
  audit += await anonymiseAudit(trx, 'family_view', viewIds)
  audit += await anonymiseAuditMentions(trx, [caseId, ...agendaItemIds, ...letterIds, ...decisionIds])

  const otherCases = await trx('cases').where({ child_id: childId }).first('id')
  let childRemoved = false
  if (!otherCases) {
    const contacts = await trx<FamilyContactRow>('family_contacts')
      .where({ child_id: childId })
      .select('id', 'user_id')
    const contactIds = contacts.map((c) => c.id)
    // Invitations and contacts go by ON DELETE CASCADE from the child.
    await trx('children').where({ id: childId }).delete()
    counts.familyContacts = contacts.length
    audit += await anonymiseAudit(trx, 'child', [childId])
    audit += await anonymiseAudit(trx, 'family_contact', contactIds)
    audit += await anonymiseAuditMentions(trx, [childId, ...contactIds])
    const userIds = [...new Set(contacts.map((c) => c.user_id).filter((u): u is string => u !== null))]
    let accounts = 0
    for (const userId of userIds) {
      if (await trx('family_contacts').where({ user_id: userId }).first('id')) continue
      // A signed-in family member's session names the account; it ends with the account.
      await trx('sessions')
        .whereRaw('sess::text LIKE ?', [`%${userId}%`])
        .delete()
      accounts += await trx('users')
        .where({ id: userId, role: 'family' })
        .update({
          email: `removed-${userId}@removed.invalid`,
          full_name: 'Removed',
          phone: null,
          password_hash: null,
          disabled_at: now,
        })
      audit += await anonymiseAudit(trx, 'user', [userId])
    }
    counts.familyAccountsAnonymised = accounts
    childRemoved = true
  }
  counts.auditRowsAnonymised = audit
  return { childRemoved, counts }
}

export async function startRun(
  trx: Executor,
  run: { runOn: IsoDate; yearsAfter25: number; runBy: string | null },
): Promise<string> {
  const [row] = await trx<RetentionRunRow>('retention_runs')
    .insert({ run_on: run.runOn, years_after_25: run.yearsAfter25, run_by: run.runBy })
    .returning('id')
  return String(row!.id)
}

export async function recordRemoval(
  trx: Transaction,
  removal: {
    runId: string
    kind: string
    status: string
    closedYear: number
    childRemoved: boolean
    counts: Record<string, number>
  },
): Promise<void> {
  await trx('retention_removals').insert({
    run_id: removal.runId,
    case_kind: removal.kind,
    case_status: removal.status,
    closed_year: removal.closedYear,
    child_removed: removal.childRemoved,
    counts: JSON.stringify(removal.counts),
  })
}

export async function finishRun(
  trx: Executor,
  runId: string,
  result: { removed: number; failed: number; finishedAt: Date },
): Promise<void> {
  await trx('retention_runs')
    .where({ id: runId })
    .update({ cases_removed: result.removed, cases_failed: result.failed, finished_at: result.finishedAt })
}

export interface RetentionRun {
  id: string
  startedAt: Date
  finishedAt: Date | null
  runOn: IsoDate
  yearsAfter25: number
  casesRemoved: number
  casesFailed: number
}

export async function recentRuns(trx: Executor, limit = 20): Promise<RetentionRun[]> {
  const rows = await trx<RetentionRunRow>('retention_runs').orderBy('id', 'desc').limit(limit).select('*')
  return rows.map((r) => ({
    id: String(r.id),
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    runOn: isoOf(r.run_on),
    yearsAfter25: r.years_after_25,
    casesRemoved: r.cases_removed,
    casesFailed: r.cases_failed,
  }))
}

/** The anonymous count of removed cases, by the year they closed and their kind, for reports. */
export async function removedTotals(
  trx: Executor,
): Promise<{ closedYear: number; kind: string; removed: number }[]> {
  const rows = await trx<RetentionRemovalRow>('retention_removals')
    .groupBy('closed_year', 'case_kind')
    .orderBy([
      { column: 'closed_year', order: 'desc' },
      { column: 'case_kind', order: 'asc' },
    ])
    .select('closed_year', 'case_kind')
    .count<(Pick<RetentionRemovalRow, 'closed_year' | 'case_kind'> & { n: number })[]>({ n: '*' })
  return rows.map((r) => ({ closedYear: Number(r.closed_year), kind: r.case_kind, removed: Number(r.n) }))
}

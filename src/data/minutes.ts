import { insertRow, type Transaction, type Executor } from './db'
import { parsedJson, type AgendaItemRow, type MinutesRow, type UserRow } from './tables'
import type { MinutesContent, MinutesVersion } from '../domain/minutes'

export interface StoredMinutes extends MinutesVersion {
  id: string
}

/** A version of the minutes with the name of the chair who approved it. */
type MinutesVersionRow = Pick<
  MinutesRow,
  'id' | 'version' | 'status' | 'content' | 'correction_reason' | 'approved_at'
> & { approved_by_name: UserRow['full_name'] | null }

const MINUTES_COLUMNS = [
  'm.id',
  'm.version',
  'm.status',
  'm.content',
  'm.correction_reason',
  'u.full_name as approved_by_name',
  'm.approved_at',
]

function toMinutes(r: MinutesVersionRow): StoredMinutes {
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    // jsonb comes back parsed from pg and PGlite alike; a string would mean a driver that does not.
    content: parsedJson(r.content),
    correctionReason: r.correction_reason,
    approvedByName: r.approved_by_name,
    approvedAt: r.approved_at ? r.approved_at.toISOString() : null,
  }
}

/** Every version of a sitting's minutes, newest first. */
export async function listMinutes(trx: Executor, sittingId: string): Promise<StoredMinutes[]> {
  const rows = await trx('minutes as m')
    .leftJoin('users as u', 'u.id', 'm.approved_by')
    .where('m.sitting_id', sittingId)
    .orderBy('m.version', 'desc')
    .select<MinutesVersionRow[]>(MINUTES_COLUMNS)
  return rows.map(toMinutes)
}

/** A new version opened for correction; it stays a draft until the chair approves it. */
export async function openDraft(
  trx: Transaction,
  sittingId: string,
  version: number,
  correctionReason: string | null,
): Promise<string> {
  return insertRow(trx, 'minutes', {
    sitting_id: sittingId,
    version,
    status: 'draft',
    correction_reason: correctionReason,
  })
}

/** Approves a draft, storing what it says; an approved version is never written again. */
export async function approveDraft(
  trx: Transaction,
  minutesId: string,
  content: MinutesContent,
  approvedBy: string,
): Promise<boolean> {
  const rows = await trx<MinutesRow>('minutes')
    .where({ id: minutesId, status: 'draft' })
    .update({
      status: 'approved',
      content: JSON.stringify(content),
      approved_by: approvedBy,
      approved_at: trx.fn.now(),
      updated_at: trx.fn.now(),
    })
    .returning('id')
  return rows.length > 0
}

/**
 * The latest approved minutes that have an item about the case, with the sitting they belong to.
 * An extract always comes from an approved version: a draft can still change.
 */
export async function latestApprovedMinutesForCase(
  trx: Executor,
  caseId: string,
): Promise<{ sittingId: string; minutes: StoredMinutes } | undefined> {
  const row = await trx('minutes as m')
    .join('agenda_items as ai', 'ai.sitting_id', 'm.sitting_id')
    .join('sittings as s', 's.id', 'm.sitting_id')
    .leftJoin('users as u', 'u.id', 'm.approved_by')
    .where({ 'ai.case_id': caseId, 'm.status': 'approved' })
    .orderBy([
      { column: 's.sitting_on', order: 'desc' },
      { column: 'm.version', order: 'desc' },
    ])
    .first<(MinutesVersionRow & Pick<MinutesRow, 'sitting_id'>) | undefined>([
      ...MINUTES_COLUMNS,
      'm.sitting_id',
    ])
  return row && { sittingId: row.sitting_id, minutes: toMinutes(row) }
}

/** Whether the account belongs to the family of the case's child. */
export async function isFamilyOfCase(trx: Executor, userId: string, caseId: string): Promise<boolean> {
  const row = await trx('cases as c')
    .join('family_contacts as fc', 'fc.child_id', 'c.child_id')
    .where({ 'c.id': caseId, 'fc.user_id': userId })
    .first('c.id')
  return row !== undefined
}

/** Which of these cases have an item in approved minutes, so that an extract can be offered. */
export async function casesWithApprovedMinutes(
  trx: Executor,
  caseIds: readonly string[],
): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set()
  const ids = await trx('agenda_items as ai')
    .whereIn('ai.case_id', caseIds)
    .whereExists(trx('minutes as m').whereRaw('m.sitting_id = ai.sitting_id').where('m.status', 'approved'))
    .distinct('ai.case_id')
    .pluck<AgendaItemRow['case_id'][]>('ai.case_id')
  return new Set(ids)
}

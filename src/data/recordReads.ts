import type { Executor } from './db'
import type { CaseRow, ChildRow, RecordReadRow, UserRow } from './tables'
import type { IsoDate } from '../domain/dates'
import type { ReadEvent, ReadKind } from '../domain/dataProtection'

export interface ReadLogFilter {
  childId?: string
  userId?: string
  /** Inclusive, as London dates. */
  from?: IsoDate
  to?: IsoDate
}

export interface ReadLogRow {
  id: number
  readAt: Date
  userId: string
  userName: string
  userRole: string
  caseId: string
  caseReference: string
  childId: string
  childName: string
  kind: ReadKind
  objectId: string | null
}

/** A batch of read events in one INSERT: the recorder's buffer, written in one round trip. */
export async function insertReads(trx: Executor, events: readonly ReadEvent[]): Promise<void> {
  if (events.length === 0) return
  // A read of a case the retention job removed while the read waited in the buffer would fail the whole
  // batch on its foreign key, again at every retry; such a read has nothing left to be a record of.
  const caseIds = [...new Set(events.map((e) => e.caseId))]
  const held = new Set(await trx<CaseRow>('cases').whereIn('id', caseIds).pluck('id'))
  const kept = events.filter((e) => held.has(e.caseId))
  if (kept.length === 0) return
  await trx('record_reads').insert(
    kept.map((e) => ({
      read_at: e.readAt,
      user_id: e.userId,
      case_id: e.caseId,
      kind: e.kind,
      object_id: e.objectId,
    })),
  )
}

function filtered(trx: Executor, filter: ReadLogFilter) {
  const query = trx('record_reads as r')
    .join('users as u', 'u.id', 'r.user_id')
    .join('cases as c', 'c.id', 'r.case_id')
    .join('children as ch', 'ch.id', 'c.child_id')
  if (filter.childId) query.where('c.child_id', filter.childId)
  if (filter.userId) query.where('r.user_id', filter.userId)
  // Bounds computed once from London midnights, so that the read_at index serves the range.
  if (filter.from)
    query.whereRaw(`r.read_at >= (?::date)::timestamp AT TIME ZONE 'Europe/London'`, [filter.from])
  if (filter.to)
    query.whereRaw(`r.read_at < ((?::date) + 1)::timestamp AT TIME ZONE 'Europe/London'`, [filter.to])
  return query
}

const COLUMNS = [
  'r.id',
  'r.read_at',
  'r.user_id',
  'u.full_name as user_name',
  'u.role as user_role',
  'r.case_id',
  'c.reference as case_reference',
  'c.child_id',
  'ch.first_name',
  'ch.last_name',
  'r.kind',
  'r.object_id',
]

/** A read with who read it and the case and child it was about. */
type Row = Pick<RecordReadRow, 'id' | 'read_at' | 'user_id' | 'case_id' | 'kind' | 'object_id'> & {
  user_name: UserRow['full_name']
  user_role: UserRow['role']
  case_reference: CaseRow['reference']
} & Pick<CaseRow, 'child_id'> &
  Pick<ChildRow, 'first_name' | 'last_name'>

const toRow = (r: Row): ReadLogRow => ({
  id: Number(r.id),
  readAt: r.read_at,
  userId: r.user_id,
  userName: r.user_name,
  userRole: r.user_role,
  caseId: r.case_id,
  caseReference: r.case_reference,
  childId: r.child_id,
  childName: `${r.first_name} ${r.last_name}`,
  kind: r.kind,
  objectId: r.object_id,
})

export async function countReads(trx: Executor, filter: ReadLogFilter): Promise<number> {
  const row = await filtered(trx, filter).count({ n: '*' }).first()
  // A bigint: a number on both drivers (data/db's type parsers).
  return Number(row?.n ?? 0)
}

/** Newest first; `limit` rows from `offset`. */
export async function listReads(
  trx: Executor,
  filter: ReadLogFilter,
  page: { limit: number; offset: number },
): Promise<ReadLogRow[]> {
  const rows = await filtered(trx, filter)
    .orderBy([
      { column: 'r.read_at', order: 'desc' },
      { column: 'r.id', order: 'desc' },
    ])
    .limit(page.limit)
    .offset(page.offset)
    .select<Row[]>(COLUMNS)
  return rows.map(toRow)
}

/** The people who have read any record, for the log's "who" filter. */
export async function listReaders(trx: Executor): Promise<{ id: string; fullName: string; role: string }[]> {
  const rows = await trx('users as u')
    .whereExists(trx('record_reads as r').whereRaw('r.user_id = u.id'))
    .orderBy('u.full_name')
    .select<Pick<UserRow, 'id' | 'full_name' | 'role'>[]>('u.id', 'u.full_name', 'u.role')
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, role: r.role }))
}

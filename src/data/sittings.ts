import type { Knex } from 'knex'
import type { PanelMemberRow, PanelRow, SchoolTermRow, SittingRow } from './tables'
import type { Db, Executor, Transaction } from './db'
import type { PanelType } from '../domain/vocabulary'

export interface SittingSummary {
  id: string
  sittingOn: string
  startsAt: string
  panelName: string
  panelType: PanelType
  isSummer: boolean
  status: 'scheduled' | 'held' | 'cancelled'
  itemCount: number
  capacity: number
  isChair: boolean
}

/** A sitting in a list, with its panel, how many items it has and whether the user chairs it. */
type SittingSummaryRow = Pick<SittingRow, 'id' | 'sitting_on' | 'starts_at' | 'is_summer' | 'status'> &
  Pick<PanelRow, 'panel_type' | 'capacity'> & {
    panel_name: PanelRow['name']
    item_count: number | string
    is_chair: boolean
  }

export function sittingsRepository(db: Db) {
  return {
    /** Sittings from `today` of the panels that this user sits on (as chair or member). */
    async listUpcomingForUser(userId: string, today: string, limit = 12): Promise<SittingSummary[]> {
      return summaries(userId, today, (q) => q.where('s.sitting_on', '>=', today), 'asc', limit)
    },

    /**
     * Sittings that have met but whose minutes are not approved (never, or a correction is open): the
     * record still to write up, most recent first. A sitting with no cases has nothing to minute.
     */
    async listToWriteUpForUser(userId: string, today: string, limit = 12): Promise<SittingSummary[]> {
      return summaries(
        userId,
        today,
        (q) =>
          q
            .where('s.sitting_on', '<=', today)
            .whereNot('s.status', 'cancelled')
            .whereExists(db('agenda_items as x').whereRaw('x.sitting_id = s.id'))
            .where((open) =>
              open
                .where('s.status', 'scheduled')
                .orWhereExists(
                  db('minutes as mn').whereRaw('mn.sitting_id = s.id').where('mn.status', 'draft'),
                ),
            ),
        'desc',
        limit,
      )
    },
  }

  async function summaries(
    userId: string,
    today: string,
    which: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
    order: 'asc' | 'desc',
    limit: number,
  ): Promise<SittingSummary[]> {
    const rows: SittingSummaryRow[] = await which(db('sittings as s'))
      .join('panels as p', 'p.id', 's.panel_id')
      .join('panel_members as m', function () {
        this.on('m.panel_id', '=', 'p.id').andOnVal('m.user_id', '=', userId)
      })
      .where((q) => q.whereNull('m.member_from').orWhere('m.member_from', '<=', today))
      .where((q) => q.whereNull('m.member_until').orWhere('m.member_until', '>=', today))
      .select(
        's.id',
        's.sitting_on',
        's.starts_at',
        's.is_summer',
        's.status',
        'p.name as panel_name',
        'p.panel_type',
        'p.capacity',
        'm.is_chair',
        db('agenda_items as ai').whereRaw('ai.sitting_id = s.id').count('*').as('item_count'),
      )
      .orderBy([
        { column: 's.sitting_on', order },
        { column: 's.starts_at', order },
      ])
      .limit(limit)
    return rows.map((row) => ({
      id: row.id,
      sittingOn: row.sitting_on,
      startsAt: row.starts_at.slice(0, 5),
      panelName: row.panel_name,
      panelType: row.panel_type,
      isSummer: row.is_summer,
      status: row.status,
      itemCount: Number(row.item_count),
      capacity: row.capacity,
      isChair: row.is_chair,
    }))
  }
}

export interface SittingDetail {
  id: string
  panelId: string
  panelName: string
  panelType: PanelType
  sittingOn: string
  startsAt: string
  durationMinutes: number
  venue: string | null
  onlineLink: string | null
  origin: 'weekly' | 'extra'
  isSummer: boolean
  status: 'scheduled' | 'held' | 'cancelled'
  cancelledReason: string | null
  agendaLockedAt: Date | null
  capacity: number
  papersCutoffWorkingDays: number
  /** As stored: read it with parseQuorumRule. */
  quorumRule: unknown
  /** Moves on with each change to the attendance, so a stale attendance form is refused. */
  recordVersion: number
}

/** A sitting with what its panel sets for it. */
type SittingDetailRow = Pick<
  SittingRow,
  | 'id'
  | 'panel_id'
  | 'sitting_on'
  | 'starts_at'
  | 'venue'
  | 'online_link'
  | 'origin'
  | 'is_summer'
  | 'status'
  | 'cancelled_reason'
  | 'agenda_locked_at'
  | 'record_version'
> &
  Pick<
    PanelRow,
    'panel_type' | 'duration_minutes' | 'capacity' | 'papers_cutoff_working_days' | 'quorum_rule'
  > & {
    panel_name: PanelRow['name']
  }

const SITTING_DETAIL_COLUMNS = [
  's.id',
  's.panel_id',
  'p.name as panel_name',
  'p.panel_type',
  's.sitting_on',
  's.starts_at',
  'p.duration_minutes',
  's.venue',
  's.online_link',
  's.origin',
  's.is_summer',
  's.status',
  's.cancelled_reason',
  's.agenda_locked_at',
  'p.capacity',
  'p.papers_cutoff_working_days',
  'p.quorum_rule',
  's.record_version',
]

function toSittingDetail(r: SittingDetailRow): SittingDetail {
  return {
    id: r.id,
    panelId: r.panel_id,
    panelName: r.panel_name,
    panelType: r.panel_type,
    sittingOn: r.sitting_on,
    startsAt: r.starts_at.slice(0, 5),
    durationMinutes: r.duration_minutes,
    venue: r.venue,
    onlineLink: r.online_link,
    origin: r.origin,
    isSummer: r.is_summer,
    status: r.status,
    cancelledReason: r.cancelled_reason,
    agendaLockedAt: r.agenda_locked_at,
    capacity: r.capacity,
    papersCutoffWorkingDays: r.papers_cutoff_working_days,
    quorumRule: r.quorum_rule,
    recordVersion: r.record_version,
  }
}

export async function findSitting(trx: Executor, sittingId: string): Promise<SittingDetail | undefined> {
  const row: SittingDetailRow | undefined = await trx('sittings as s')
    .join('panels as p', 'p.id', 's.panel_id')
    .where('s.id', sittingId)
    .first(SITTING_DETAIL_COLUMNS)
  return row && toSittingDetail(row)
}

/** Locks the sitting's row, so that two changes to one agenda take turns. */
export async function lockSitting(trx: Transaction, sittingId: string): Promise<SittingDetail | undefined> {
  await trx('sittings').where({ id: sittingId }).forUpdate().first('id')
  return findSitting(trx, sittingId)
}

/** The user's seat on the sitting's panel, if they have one. */
export async function membershipOf(
  trx: Executor,
  panelId: string,
  userId: string,
  today: string,
): Promise<{ isChair: boolean } | undefined> {
  // A member who has left the panel, or not yet joined it, does not see its papers.
  const row = await trx<PanelMemberRow>('panel_members')
    .where({ panel_id: panelId, user_id: userId })
    .where((q) => q.whereNull('member_from').orWhere('member_from', '<=', today))
    .where((q) => q.whereNull('member_until').orWhere('member_until', '>=', today))
    .first('is_chair')
  return row && { isChair: row.is_chair }
}

export interface ActivePanelSlot {
  id: string
  weekday: number
  startsAt: string
  venue: string | null
  onlineLink: string | null
}

export async function listActivePanelSlots(trx: Executor): Promise<ActivePanelSlot[]> {
  const rows = await trx<PanelRow>('panels')
    .where({ active: true })
    .select('id', 'weekday', 'starts_at', 'venue', 'online_link')
  return rows.map((r) => ({
    id: r.id,
    weekday: r.weekday,
    startsAt: r.starts_at.slice(0, 5),
    venue: r.venue,
    onlineLink: r.online_link,
  }))
}

/** Dates from `from` to `to` on which the panel already has a weekly sitting, at any time and in any status. */
export async function weeklySittingDates(
  trx: Executor,
  panelId: string,
  from: string,
  to: string,
): Promise<Set<string>> {
  const rows = await trx<SittingRow>('sittings')
    .where({ panel_id: panelId, origin: 'weekly' })
    .whereBetween('sitting_on', [from, to])
    .select('sitting_on')
  return new Set(rows.map((r) => r.sitting_on))
}

export interface NewSittingRow {
  panelId: string
  sittingOn: string
  startsAt: string
  venue: string | null
  onlineLink: string | null
  origin: 'weekly' | 'extra'
  isSummer: boolean
  createdBy: string | null
}

/** Inserts sittings; one that already exists at that date and time is left alone. Returns the new ids. */
export async function insertSittings(
  trx: Transaction,
  sittings: NewSittingRow[],
): Promise<{ id: string; isSummer: boolean }[]> {
  if (sittings.length === 0) return []
  const rows: { id: string; is_summer: boolean }[] = await trx('sittings')
    .insert(
      sittings.map((s) => ({
        panel_id: s.panelId,
        sitting_on: s.sittingOn,
        starts_at: s.startsAt,
        venue: s.venue,
        online_link: s.onlineLink,
        origin: s.origin,
        is_summer: s.isSummer,
        created_by: s.createdBy,
      })),
    )
    .onConflict(['panel_id', 'sitting_on', 'starts_at'])
    .ignore()
    .returning(['id', 'is_summer'])
  return rows.map((r) => ({ id: r.id, isSummer: r.is_summer }))
}

export async function loadSchoolTerms(trx: Executor) {
  const rows = await trx<SchoolTermRow>('school_terms').select(
    'academic_year',
    'term',
    'starts_on',
    'ends_on',
  )
  return rows.map((r) => ({
    academicYear: r.academic_year,
    term: r.term,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  }))
}

export async function cancelSittingRow(
  trx: Transaction,
  sittingId: string,
  reason: string,
  userId: string,
): Promise<void> {
  await trx('sittings').where({ id: sittingId }).update({
    status: 'cancelled',
    cancelled_reason: reason,
    cancelled_by: userId,
    cancelled_at: trx.fn.now(),
    updated_at: trx.fn.now(),
  })
}

/** Undoes a cancellation: the sitting is to be held again, its reason for being off forgotten. */
export async function reinstateSittingRow(trx: Transaction, sittingId: string): Promise<void> {
  await trx('sittings').where({ id: sittingId }).update({
    status: 'scheduled',
    cancelled_reason: null,
    cancelled_by: null,
    cancelled_at: null,
    updated_at: trx.fn.now(),
  })
}

/** The sitting took place: its minutes are approved. */
export async function markSittingHeld(trx: Transaction, sittingId: string): Promise<void> {
  await trx('sittings').where({ id: sittingId }).update({ status: 'held', updated_at: trx.fn.now() })
}

export async function setAgendaLocked(trx: Transaction, sittingId: string, locked: boolean): Promise<void> {
  await trx('sittings')
    .where({ id: sittingId })
    .update({ agenda_locked_at: locked ? trx.fn.now() : null, updated_at: trx.fn.now() })
}

/** Locks the agendas of scheduled sittings whose papers cut-off has passed. */
export async function sittingsToLock(trx: Executor, today: string) {
  const rows = await trx('sittings as s')
    .join('panels as p', 'p.id', 's.panel_id')
    .where('s.status', 'scheduled')
    .whereNull('s.agenda_locked_at')
    .where('s.sitting_on', '>=', today)
    .where('s.sitting_on', '<=', trx.raw("?::date + interval '40 days'", [today]))
    .select<(Pick<SittingRow, 'id' | 'sitting_on'> & Pick<PanelRow, 'papers_cutoff_working_days'>)[]>(
      's.id',
      's.sitting_on',
      'p.papers_cutoff_working_days',
    )
  return rows.map((r) => ({
    id: r.id,
    sittingOn: r.sitting_on,
    cutoffWorkingDays: r.papers_cutoff_working_days,
  }))
}

/** Open sittings a case could be moved to: coming, scheduled, unlocked, of panels that decide its kind. */
export async function sittingsTakingKind(trx: Executor, kind: string, today: string) {
  const rows: (SittingDetailRow & { item_count: number })[] = await trx('sittings as s')
    .join('panels as p', 'p.id', 's.panel_id')
    .join('panel_case_kinds as k', 'k.panel_id', 'p.id')
    .where('k.case_kind', kind)
    .where('p.active', true)
    .where('s.status', 'scheduled')
    .whereNull('s.agenda_locked_at')
    .where('s.sitting_on', '>=', today)
    .select(
      ...SITTING_DETAIL_COLUMNS,
      trx('agenda_items as ai').whereRaw('ai.sitting_id = s.id').count('*').as('item_count'),
    )
    .orderBy([{ column: 's.sitting_on' }, { column: 's.starts_at' }])
    .limit(60)
  return rows.map((r) => ({ ...toSittingDetail(r), itemCount: Number(r.item_count) }))
}

/** The active panels a user chairs, for the extra-sitting form. */
export async function panelsChairedBy(
  trx: Executor,
  userId: string,
): Promise<{ id: string; name: string; startsAt: string }[]> {
  const rows = await trx('panels as p')
    .join('panel_members as m', 'm.panel_id', 'p.id')
    .where({ 'm.user_id': userId, 'm.is_chair': true, 'p.active': true })
    .whereRaw('(m.member_until is null or m.member_until >= current_date)')
    .select<Pick<PanelRow, 'id' | 'name' | 'starts_at'>[]>('p.id', 'p.name', 'p.starts_at')
    .orderBy('p.name')
  return rows.map((r) => ({ id: r.id, name: r.name, startsAt: r.starts_at.slice(0, 5) }))
}

/** Summer sittings from today, cancelled ones included, for the admin who may turn them off. */
export async function listSummerSittings(
  trx: Executor,
  today: string,
): Promise<(SittingDetail & { itemCount: number })[]> {
  const rows: (SittingDetailRow & { item_count: number })[] = await trx('sittings as s')
    .join('panels as p', 'p.id', 's.panel_id')
    .where('s.is_summer', true)
    .where('s.sitting_on', '>=', today)
    .select(
      ...SITTING_DETAIL_COLUMNS,
      trx('agenda_items as ai').whereRaw('ai.sitting_id = s.id').count('*').as('item_count'),
    )
    .orderBy([{ column: 's.sitting_on' }, { column: 'p.name' }])
  return rows.map((r) => ({ ...toSittingDetail(r), itemCount: Number(r.item_count) }))
}

export type SittingsRepository = ReturnType<typeof sittingsRepository>

import type { ExplainedMove } from '../domain/queueMoves'
import type { Knex } from 'knex'
import type { Db, Executor } from './db'
import { loadBankHolidayCalendar } from './calendar'
import type { CaseKind } from '../domain/vocabulary'
import type { AgendaItem, QueueReason, QueueState } from '../domain/scheduler'

/** What the scheduler reads of a sitting and its panel, wherever it reads sittings. */
const SITTING_COLUMNS = [
  's.id',
  's.panel_id',
  's.sitting_on',
  's.starts_at',
  's.status',
  's.agenda_locked_at',
  'p.capacity',
  'p.papers_cutoff_working_days',
]

/** The statuses of a case that is waiting for a panel, on an agenda or not yet. */
export const WAITING_STATUSES = ['submitted', 'scheduled'] as const

export interface WaitingCaseRow {
  id: string
  reference: string
  kind: CaseKind
  deadline: string | null
  papersCompleteOn: string | null
  status: 'submitted' | 'scheduled'
}

export interface SittingRow {
  id: string
  panelId: string
  sittingOn: string
  startsAt: string
  capacity: number
  cutoffWorkingDays: number
  open: boolean
}

export interface PanelRow {
  id: string
  papersCutoffWorkingDays: number
  kinds: CaseKind[]
}

export interface SchedulerRows {
  cases: WaitingCaseRow[]
  panels: PanelRow[]
  sittings: SittingRow[]
  items: AgendaItem[]
  exclusions: { caseId: string; sittingId: string }[]
}

export interface QueueFlag {
  caseId: string
  state: QueueState
  reason: QueueReason | null
  sittingId: string | null
  suggestedPanelId: string | null
  suggestedSittingOn: string | null
  papersNeededBy: string | null
}

interface QueueFlagRow {
  case_id: string
  state: string
  reason: string | null
  sitting_id: string | null
  suggested_panel_id: string | null
  papers_needed_by: string | null
  checked_at: Date
}

/**
 * Everything the scheduler needs, read inside the transaction that will write its plan. With `onlyCaseId`,
 * what placing that one case needs: the case, and the sittings that could take it or hold it with every
 * item on them (the other cases' items then count as places taken, not as cases to place).
 */
export async function loadSchedulerRows(
  trx: Executor,
  today: string,
  onlyCaseId?: string,
): Promise<SchedulerRows> {
  const caseRows: {
    id: string
    reference: string
    kind: CaseKind
    next_deadline_on: string | null
    papers_complete_on: string | null
    status: 'submitted' | 'scheduled'
  }[] = await trx('cases')
    .whereIn('status', WAITING_STATUSES)
    .modify((q) => {
      if (onlyCaseId !== undefined) q.where('id', onlyCaseId)
    })
    .select('id', 'reference', 'kind', 'next_deadline_on', 'papers_complete_on', 'status')

  const panelRows: { id: string; papers_cutoff_working_days: number; kinds: CaseKind[] | null }[] = await trx(
    'panels as p',
  )
    .where('p.active', true)
    .select(
      'p.id',
      'p.papers_cutoff_working_days',
      trx.raw(
        'array(select k.case_kind from panel_case_kinds k where k.panel_id = p.id order by 1) as kinds',
      ),
    )

  // Coming sittings may take cases; past ones matter only where a waiting case already sits on them.
  const sittingRows: {
    id: string
    panel_id: string
    sitting_on: string
    starts_at: string
    status: string
    agenda_locked_at: Date | null
    capacity: number
    papers_cutoff_working_days: number
    active: boolean
  }[] = await trx('sittings as s')
    .join('panels as p', 'p.id', 's.panel_id')
    .where((q) => {
      q.where('s.sitting_on', '>=', today)
      if (onlyCaseId !== undefined)
        q.whereIn(
          's.panel_id',
          trx('panel_case_kinds as k')
            .join('cases as c', 'c.kind', 'k.case_kind')
            .where('c.id', onlyCaseId)
            .select('k.panel_id'),
        )
    })
    .orWhereIn(
      's.id',
      trx('agenda_items as ai')
        .join('cases as c', 'c.id', 'ai.case_id')
        .whereIn('c.status', WAITING_STATUSES)
        .modify((q) => {
          if (onlyCaseId !== undefined) q.where('c.id', onlyCaseId)
        })
        .select('ai.sitting_id'),
    )
    .select(...SITTING_COLUMNS, 'p.active')

  const sittingIds = sittingRows.map((s) => s.id)
  const itemRows: {
    case_id: string
    sitting_id: string
    position: number
    placed_by: 'scheduler' | 'chair'
  }[] =
    sittingIds.length === 0
      ? []
      : await trx('agenda_items as ai')
          .whereIn('ai.sitting_id', sittingIds)
          // An item with a decision is history (a deferred case waits again); it holds no place now.
          .whereNotExists(trx('decisions as d').whereRaw('d.agenda_item_id = ai.id'))
          .select('ai.case_id', 'ai.sitting_id', 'ai.position', 'ai.placed_by')
  const exclusionRows: { case_id: string; sitting_id: string }[] = await trx('agenda_exclusions as x')
    .join('cases as c', 'c.id', 'x.case_id')
    .whereIn('c.status', WAITING_STATUSES)
    .modify((q) => {
      if (onlyCaseId !== undefined) q.where('c.id', onlyCaseId)
    })
    .select('x.case_id', 'x.sitting_id')

  return {
    cases: caseRows.map((c) => ({
      id: c.id,
      reference: c.reference,
      kind: c.kind,
      deadline: c.next_deadline_on,
      papersCompleteOn: c.papers_complete_on,
      status: c.status,
    })),
    panels: panelRows.map((p) => ({
      id: p.id,
      papersCutoffWorkingDays: p.papers_cutoff_working_days,
      kinds: p.kinds ?? [],
    })),
    sittings: sittingRows.map((s) => ({
      id: s.id,
      panelId: s.panel_id,
      sittingOn: s.sitting_on,
      startsAt: s.starts_at.slice(0, 5),
      capacity: s.capacity,
      cutoffWorkingDays: s.papers_cutoff_working_days,
      open: s.status === 'scheduled' && s.agenda_locked_at === null && s.active,
    })),
    items: itemRows.map((i) => ({
      caseId: i.case_id,
      sittingId: i.sitting_id,
      position: i.position,
      placedBy: i.placed_by,
    })),
    exclusions: exclusionRows.map((x) => ({ caseId: x.case_id, sittingId: x.sitting_id })),
  }
}

/**
 * The coming sittings of the active panels that decide a kind, with each panel's cut-off: where a case
 * of that kind could go next. With the case's statutory deadline, for the deferral warning.
 */
export async function loadNextHearingFacts(
  trx: Executor,
  caseId: string,
  kind: CaseKind,
  today: string,
): Promise<{ deadline: string | null; sittings: SchedulerRows['sittings'] }> {
  const c = (await trx('cases').where({ id: caseId }).first('next_deadline_on')) as
    { next_deadline_on: string | null } | undefined
  const rows: {
    id: string
    panel_id: string
    sitting_on: string
    starts_at: string
    status: string
    agenda_locked_at: Date | null
    capacity: number
    papers_cutoff_working_days: number
  }[] = await trx('sittings as s')
    .join('panels as p', 'p.id', 's.panel_id')
    .join('panel_case_kinds as k', 'k.panel_id', 'p.id')
    .where({ 'p.active': true, 'k.case_kind': kind, 's.status': 'scheduled' })
    .where('s.sitting_on', '>', today)
    .select(...SITTING_COLUMNS)
  return {
    deadline: c?.next_deadline_on ?? null,
    sittings: rows.map((s) => ({
      id: s.id,
      panelId: s.panel_id,
      sittingOn: s.sitting_on,
      startsAt: s.starts_at.slice(0, 5),
      capacity: s.capacity,
      cutoffWorkingDays: s.papers_cutoff_working_days,
      open: s.agenda_locked_at === null,
    })),
  }
}

/** Rows per statement when a run writes many agenda items at once. */
const AGENDA_BATCH = 1000

/** Takes these cases off these sittings, a thousand in a statement rather than one each. */
export async function deleteAgendaItems(
  trx: Knex.Transaction,
  items: { caseId: string; sittingId: string }[],
) {
  for (let i = 0; i < items.length; i += AGENDA_BATCH)
    await trx('agenda_items')
      .whereIn(
        ['case_id', 'sitting_id'],
        items.slice(i, i + AGENDA_BATCH).map((item) => [item.caseId, item.sittingId]),
      )
      .delete()
}

export async function insertAgendaItems(
  trx: Knex.Transaction,
  items: { caseId: string; sittingId: string; position: number }[],
): Promise<void> {
  if (items.length === 0) return
  await trx('agenda_items').insert(
    items.map((i) => ({
      case_id: i.caseId,
      sitting_id: i.sittingId,
      position: i.position,
      placed_by: 'scheduler',
    })),
  )
}

/** Sets these items' positions, a thousand in a statement rather than one each. */
export async function updateAgendaPositions(
  trx: Knex.Transaction,
  items: { caseId: string; sittingId: string; position: number }[],
): Promise<void> {
  for (let i = 0; i < items.length; i += AGENDA_BATCH) {
    const chunk = items.slice(i, i + AGENDA_BATCH)
    await trx.raw(
      `UPDATE agenda_items AS ai SET position = v.position
         FROM (VALUES ${chunk.map(() => '(?::uuid, ?::uuid, ?::int)').join(', ')}) AS v(case_id, sitting_id, position)
        WHERE ai.case_id = v.case_id AND ai.sitting_id = v.sitting_id`,
      chunk.flatMap((item) => [item.caseId, item.sittingId, item.position]),
    )
  }
}

/**
 * Replaces the queue's flags with the latest run's: one row per waiting case and none for the rest.
 * Only rows that differ are written (a night's run changes few), though every row's checked_at is the
 * run's: the queue page says when the queue was last checked, and it was checked for all of them.
 */
export async function replaceQueueFlags(trx: Knex.Transaction, flags: QueueFlag[]): Promise<void> {
  const stored: (Omit<QueueFlagRow, 'checked_at'> & { suggested_sitting_on: string | null })[] = await trx(
    'case_queue',
  ).select(
    'case_id',
    'state',
    'reason',
    'sitting_id',
    'suggested_panel_id',
    'suggested_sitting_on',
    'papers_needed_by',
  )
  const byCase = new Map(stored.map((r) => [r.case_id, r]))
  const wanted = new Set(flags.map((f) => f.caseId))
  const gone = stored.filter((r) => !wanted.has(r.case_id)).map((r) => r.case_id)
  await deleteQueueFlags(trx, gone)
  const changed = flags.filter((f) => {
    const r = byCase.get(f.caseId)
    return (
      !r ||
      r.state !== f.state ||
      r.reason !== f.reason ||
      r.sitting_id !== f.sittingId ||
      r.suggested_panel_id !== f.suggestedPanelId ||
      r.suggested_sitting_on !== f.suggestedSittingOn ||
      r.papers_needed_by !== f.papersNeededBy
    )
  })
  await upsertQueueFlags(trx, changed)
  // The rows just written already carry the run's time (now() is the transaction's).
  await trx('case_queue').whereNot('checked_at', trx.fn.now()).update({ checked_at: trx.fn.now() })
}

export async function deleteQueueFlags(trx: Knex.Transaction, caseIds: string[]): Promise<void> {
  for (let i = 0; i < caseIds.length; i += 1000)
    await trx('case_queue')
      .whereIn('case_id', caseIds.slice(i, i + 1000))
      .delete()
}

/**
 * Whether a decision was saved since the last full run: the save placed only its own case, so the
 * queue may owe others a move (see placeOneCaseIn).
 */
export async function queueUnsettled(trx: Executor): Promise<boolean> {
  const row = await trx('decisions')
    .whereRaw('updated_at > coalesce((select max(ran_at) from queue_runs), ?)', ['-infinity'])
    .first(trx.raw('1 as unsettled'))
  return row !== undefined
}

/** Writes these cases' flags, leaving every other case's as it is. */
export async function upsertQueueFlags(trx: Knex.Transaction, flags: QueueFlag[]): Promise<void> {
  const rows = flags.map((f) => ({
    case_id: f.caseId,
    state: f.state,
    reason: f.reason,
    sitting_id: f.sittingId,
    suggested_panel_id: f.suggestedPanelId,
    suggested_sitting_on: f.suggestedSittingOn,
    papers_needed_by: f.papersNeededBy,
    checked_at: trx.fn.now(),
  }))
  for (let i = 0; i < rows.length; i += 500)
    await trx('case_queue')
      .insert(rows.slice(i, i + 500))
      .onConflict('case_id')
      .merge()
}

/** A waiting case is "scheduled" while it has a place on a sitting, and "submitted" while it has none. */
export async function setCaseStatus(
  trx: Knex.Transaction,
  caseIds: string[],
  status: 'submitted' | 'scheduled',
): Promise<void> {
  if (caseIds.length === 0) return
  await trx('cases')
    .whereIn('id', caseIds)
    .update({ status, version: trx.raw('version + 1'), updated_at: trx.fn.now() })
}

export interface QueueRunRecord {
  ranAt: Date
  byUser: boolean
  moves: ExplainedMove[]
}

/**
 * Keeps what a full run of the queue moved; only the latest is read, so older ones are dropped in the
 * same transaction (the audit trail keeps each case's own history).
 */
export async function recordQueueRun(
  trx: Knex.Transaction,
  runBy: string | null,
  moves: readonly ExplainedMove[],
): Promise<void> {
  await trx('queue_runs').delete()
  await trx('queue_runs').insert({ run_by: runBy, moves: JSON.stringify(moves) })
}

export async function lastQueueRun(q: Executor): Promise<QueueRunRecord | undefined> {
  const row = (await q('queue_runs').orderBy('id', 'desc').first('ran_at', 'run_by', 'moves')) as
    { ran_at: Date; run_by: string | null; moves: ExplainedMove[] | string } | undefined
  if (!row) return undefined
  return {
    ranAt: row.ran_at,
    byUser: row.run_by !== null,
    moves: typeof row.moves === 'string' ? (JSON.parse(row.moves) as ExplainedMove[]) : row.moves,
  }
}

export interface QueueEntry {
  caseId: string
  reference: string
  kind: CaseKind
  childName: string
  deadline: string | null
  deadlineStep: string | null
  papersCompleteOn: string | null
  state: QueueState
  reason: QueueReason | null
  sittingId: string | null
  sittingOn: string | null
  panelName: string | null
  suggestedPanelId: string | null
  suggestedPanelName: string | null
  suggestedSittingOn: string | null
  /** For papers still awaited: the last cut-off that could meet the deadline. */
  papersNeededBy: string | null
  checkedAt: Date
}

/** The queue page's two lists: cases at risk of missing a deadline, and the rest still waiting for a place. */
export type QueueList = 'at_risk' | 'waiting'

export interface ExtraSittingOffer {
  panelId: string
  panelName: string
  sittingOn: string
  cases: number
}

export interface CasePlacement {
  state: QueueState
  reason: QueueReason | null
  sittingId: string | null
  sittingOn: string | null
  panelName: string | null
  suggestedSittingOn: string | null
  suggestedPanelName: string | null
}

export function queueRepository(db: Db) {
  return {
    /** The cases the queue page shows: those not on a sitting in time, most urgent first. */
    async listUnplaced(list: QueueList, limit: number, offset: number): Promise<QueueEntry[]> {
      const rows: {
        case_id: string
        reference: string
        kind: CaseKind
        first_name: string
        last_name: string
        next_deadline_on: string | null
        next_deadline_step: string | null
        papers_complete_on: string | null
        state: QueueState
        reason: QueueReason | null
        sitting_id: string | null
        sitting_on: string | null
        panel_name: string | null
        suggested_panel_id: string | null
        suggested_panel_name: string | null
        suggested_sitting_on: string | null
        papers_needed_by: string | null
        checked_at: Date
      }[] = await db('case_queue as q')
        .join('cases as c', 'c.id', 'q.case_id')
        .join('children as ch', 'ch.id', 'c.child_id')
        .leftJoin('sittings as s', 's.id', 'q.sitting_id')
        .leftJoin('panels as p', 'p.id', 's.panel_id')
        .leftJoin('panels as sp', 'sp.id', 'q.suggested_panel_id')
        .modify((q) =>
          list === 'at_risk' ? q.where('q.state', 'at_risk') : q.whereNotIn('q.state', ['placed', 'at_risk']),
        )
        .select(
          'q.case_id',
          'c.reference',
          'c.kind',
          'ch.first_name',
          'ch.last_name',
          'c.next_deadline_on',
          'c.next_deadline_step',
          'c.papers_complete_on',
          'q.state',
          'q.reason',
          'q.sitting_id',
          's.sitting_on',
          'p.name as panel_name',
          'q.suggested_panel_id',
          'sp.name as suggested_panel_name',
          'q.suggested_sitting_on',
          'q.papers_needed_by',
          'q.checked_at',
        )
        .orderByRaw('c.next_deadline_on asc nulls last, c.reference, q.case_id')
        .limit(limit)
        .offset(offset)
      return rows.map((r) => ({
        caseId: r.case_id,
        reference: r.reference,
        kind: r.kind,
        childName: `${r.first_name} ${r.last_name}`,
        deadline: r.next_deadline_on,
        deadlineStep: r.next_deadline_step,
        papersCompleteOn: r.papers_complete_on,
        state: r.state,
        reason: r.reason,
        sittingId: r.sitting_id,
        sittingOn: r.sitting_on,
        panelName: r.panel_name,
        suggestedPanelId: r.suggested_panel_id,
        suggestedPanelName: r.suggested_panel_name,
        suggestedSittingOn: r.suggested_sitting_on,
        papersNeededBy: r.papers_needed_by,
        checkedAt: r.checked_at,
      }))
    },

    /** How many cases each list of the queue page holds, for its heading and its pages. */
    async countUnplaced(): Promise<Record<QueueList, number>> {
      const rows: { at_risk: boolean; n: string | number }[] = await db('case_queue')
        .whereNot('state', 'placed')
        .select(db.raw("state = 'at_risk' as at_risk"))
        .count('* as n')
        .groupByRaw("state = 'at_risk'")
      const count = (atRisk: boolean) => Number(rows.find((r) => r.at_risk === atRisk)?.n ?? 0)
      return { at_risk: count(true), waiting: count(false) }
    },

    /** The extra sittings that would save at-risk cases, each with how many it would save, soonest first. */
    async extraSittingOffers(): Promise<ExtraSittingOffer[]> {
      const rows: { panel_id: string; panel_name: string; sitting_on: string; n: string | number }[] =
        await db('case_queue as q')
          .join('panels as p', 'p.id', 'q.suggested_panel_id')
          .where('q.state', 'at_risk')
          .whereNotNull('q.suggested_sitting_on')
          .select(
            'q.suggested_panel_id as panel_id',
            'p.name as panel_name',
            'q.suggested_sitting_on as sitting_on',
            db.raw('count(*) as n'),
          )
          .groupBy('q.suggested_panel_id', 'p.name', 'q.suggested_sitting_on')
          .orderBy([{ column: 'q.suggested_sitting_on' }, { column: 'p.name' }])
      return rows.map((r) => ({
        panelId: r.panel_id,
        panelName: r.panel_name,
        sittingOn: r.sitting_on,
        cases: Number(r.n),
      }))
    },

    async lastChecked(): Promise<Date | null> {
      const row = (await db('case_queue').max('checked_at as checked_at').first()) as
        { checked_at: Date | null } | undefined
      return row?.checked_at ?? null
    },

    /** One case's place in the queue, for its case page. */
    async placementOf(caseId: string): Promise<CasePlacement | undefined> {
      const row:
        | {
            state: QueueState
            reason: QueueReason | null
            sitting_id: string | null
            sitting_on: string | null
            panel_name: string | null
            suggested_sitting_on: string | null
            suggested_panel_name: string | null
          }
        | undefined = await db('case_queue as q')
        .leftJoin('sittings as s', 's.id', 'q.sitting_id')
        .leftJoin('panels as p', 'p.id', 's.panel_id')
        .leftJoin('panels as sp', 'sp.id', 'q.suggested_panel_id')
        .where('q.case_id', caseId)
        .first(
          'q.state',
          'q.reason',
          'q.sitting_id',
          's.sitting_on',
          'p.name as panel_name',
          'q.suggested_sitting_on',
          'sp.name as suggested_panel_name',
        )
      return (
        row && {
          state: row.state,
          reason: row.reason,
          sittingId: row.sitting_id,
          sittingOn: row.sitting_on,
          panelName: row.panel_name,
          suggestedSittingOn: row.suggested_sitting_on,
          suggestedPanelName: row.suggested_panel_name,
        }
      )
    },
  }
}

export type QueueRepository = ReturnType<typeof queueRepository>

/** The bank holidays by rule with the council's changes, for any year (data/calendar.ts). */
export const loadBankHolidays = loadBankHolidayCalendar

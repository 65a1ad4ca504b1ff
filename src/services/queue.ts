import type { Transaction } from '../data/db'
import type { DataLayer } from '../data'
import { LOCK_KEYS, lockSittingWrites, tryTransactionLock } from '../data/locks'
import { recordAuditEvents, type AuditEvent } from '../data/audit'
import {
  deleteAgendaItems,
  deleteQueueFlags,
  insertAgendaItems,
  loadBankHolidays,
  lastQueueRun,
  loadSchedulerRows,
  recordQueueRun,
  queueUnsettled,
  replaceQueueFlags,
  setCaseStatus,
  updateAgendaPositions,
  upsertQueueFlags,
  type SchedulerRows,
} from '../data/queue'
import { casesForNotice, previousQueueStates, sittingsForNotice } from '../data/notifications'
import type { User } from '../data/users'
import { explainLatePlacement, explainMoves, explainWait, type ExplainedMove } from '../domain/queueMoves'
import { schedule, type CaseOutcome, type PlacementChange, type SchedulePlan } from '../domain/scheduler'
import { papersCutoff } from '../domain/sittingPlan'
import { paginate } from '../domain/caseList'
import type { JobResult } from '../jobs/types'
import type { Clock } from './clock'
import {
  tellCasesPlaced,
  tellDeadlinesAtRisk,
  type NotificationSettings,
  type Placement,
} from './notifications'

export interface PlacementCounts extends Record<string, number> {
  waiting: number
  placed: number
  atRisk: number
  unplaced: number
  added: number
  moved: number
  removed: number
}

/** What a run did: its counts, for the job log, and each case it moved with why, for the chair. */
export interface PlacementRun {
  counts: PlacementCounts
  moves: ExplainedMove[]
}

/**
 * Families, caseworkers and chairs are e-mailed about what a run changed, with links from `settings`.
 * Only the demo seed turns that off (`notify: false`): it places dozens of cases at once, for people who
 * are not real.
 */
export type PlacementOptions = {
  /**
   * Cases the caller took off a sitting just before this run, by the sitting they were on: placed again
   * elsewhere, they have moved, and the family is told the date changed rather than given a new one.
   */
  movedFrom?: ReadonlyMap<string, string>
  /**
   * Places only this case, into a free place: every other case stays where it is and holds its place.
   * For a save that sends one case back to the queue (a deferral), so that it is never unplaced while
   * the full run waits, without re-running the whole queue inside the save; see placeOneCaseIn.
   */
  onlyCaseId?: string
} & ({ notify: false } | { notify?: true; settings: NotificationSettings })

/**
 * Runs the scheduler and writes its plan: the agendas of sittings that still take cases, each waiting
 * case's flag, and an audit event for every case that gained, lost or changed its place. Runs inside the
 * caller's transaction, which must hold the queue's lock. Cases newly placed or moved, and cases that
 * have just become at risk, are e-mailed about in the same transaction.
 */
export async function placeCasesIn(
  trx: Transaction,
  today: string,
  actorUserId: string | null,
  options: PlacementOptions,
): Promise<PlacementRun> {
  const { counts, moves } = await runPlacement(trx, today, actorUserId, options)
  return { counts, moves }
}

/** placeCasesIn, with each waiting case's outcome as the scheduler left it. */
async function runPlacement(
  trx: Transaction,
  today: string,
  actorUserId: string | null,
  options: PlacementOptions,
): Promise<PlacementRun & { outcomes: readonly CaseOutcome[] }> {
  const notify = options.notify !== false
  const rows = await loadSchedulerRows(trx, today, options.onlyCaseId)
  if (options.onlyCaseId !== undefined && rows.cases.length === 0) {
    // Decided, so no longer waiting: its flag goes, as a full run's would; the places it left are the run's.
    await deleteQueueFlags(trx, [options.onlyCaseId])
    return {
      counts: { waiting: 0, placed: 0, atRisk: 0, unplaced: 0, added: 0, moved: 0, removed: 0 },
      moves: [],
      outcomes: [],
    }
  }
  const bankHolidays = await loadBankHolidays(trx)
  const plan = schedule({
    today,
    cases: rows.cases,
    panels: rows.panels,
    sittings: rows.sittings.map((s) => ({
      ...s,
      cutoffOn: papersCutoff(s.sittingOn, s.cutoffWorkingDays, bankHolidays),
    })),
    items: rows.items,
    exclusions: rows.exclusions,
    bankHolidays,
  })
  const why = new Map(plan.changes.map((c) => [c.caseId, c]))
  const changes = await writeAgendas(trx, rows, plan, actorUserId, why)
  // Read before the flags are replaced: a case is told about once, when it becomes at risk, not every night.
  const wasState = notify ? await previousQueueStates(trx) : new Map<string, string>()
  await (options.onlyCaseId === undefined ? replaceQueueFlags : upsertQueueFlags)(
    trx,
    plan.outcomes.map((o) => ({
      caseId: o.caseId,
      state: o.state,
      reason: o.reason,
      sittingId: o.sittingId,
      suggestedPanelId: o.suggestion?.panelId ?? null,
      suggestedSittingOn: o.suggestion?.sittingOn ?? null,
      papersNeededBy: o.papersNeededBy,
    })),
  )
  await updateStatuses(trx, rows, plan)
  if (options.notify !== false) {
    const placements = changes.placements.map((p) =>
      p.fromSittingId === null && options.movedFrom?.has(p.caseId)
        ? { ...p, fromSittingId: options.movedFrom.get(p.caseId)! }
        : p,
    )
    await tellCasesPlaced(trx, placements, today, options.settings)
    await tellDeadlinesAtRisk(
      trx,
      plan.outcomes
        .filter((o) => o.state === 'at_risk' && o.reason !== null && wasState.get(o.caseId) !== 'at_risk')
        .map((o) => ({
          caseId: o.caseId,
          reason: o.reason!,
          suggestedSittingOn: o.suggestion?.sittingOn ?? null,
        })),
      today,
      options.settings,
    )
  }
  const count = (state: string) => plan.outcomes.filter((o) => o.state === state).length
  return {
    counts: {
      waiting: rows.cases.length,
      placed: count('placed'),
      atRisk: count('at_risk'),
      unplaced: count('unplaced'),
      added: changes.added,
      moved: changes.moved,
      removed: changes.removed,
    },
    moves: await describeMoves(trx, plan.changes, options.movedFrom),
    outcomes: plan.outcomes,
  }
}

/** The run's changes in words; a case the caller took off a sitting just before is shown moving from it. */
async function describeMoves(
  trx: Transaction,
  changes: readonly PlacementChange[],
  movedFrom: ReadonlyMap<string, string> | undefined,
): Promise<ExplainedMove[]> {
  if (changes.length === 0) return []
  const shown = changes.map((c) =>
    c.fromSittingId === null && movedFrom?.has(c.caseId)
      ? { ...c, fromSittingId: movedFrom.get(c.caseId)! }
      : c,
  )
  const caseIds = [...new Set(shown.flatMap((c) => (c.forCaseId ? [c.caseId, c.forCaseId] : [c.caseId])))]
  const sittingIds = shown.flatMap((c) =>
    [c.fromSittingId, c.toSittingId].filter((id): id is string => id !== null),
  )
  const [cases, sittings] = await Promise.all([
    casesForNotice(trx, caseIds),
    sittingsForNotice(trx, sittingIds),
  ])
  return explainMoves(
    shown,
    {
      cases: new Map(
        [...cases.values()].map((c) => [
          c.id,
          {
            reference: c.reference,
            childName: `${c.childFirstName} ${c.childLastName}`,
            deadline: c.deadline,
          },
        ]),
      ),
      sittings,
    },
    new Set(movedFrom?.keys() ?? []),
  )
}

/**
 * Places one case that has just come back to the queue, inside the caller's transaction, without the
 * whole queue (issue 14: a decision save must not re-run it). The scheduler runs on that case alone,
 * with every other item counted as a place taken, so the rules hold for what this does:
 * - nobody is pushed back, moved or displaced: no other case's place changes at all;
 * - the case takes the earliest sitting with a free place before its deadline (else the earliest free
 *   one after it), never a met, cancelled or locked sitting, one past its cut-off, one the chair sent it
 *   back from, or one over capacity;
 * - a place it already holds that still fits is kept (no move, no e-mail).
 * What it cannot do is take a less urgent case's place, or let others move up into a place it freed:
 * those are the full run's, which the caller asks for by leaving the queue unsettled (decisions newer
 * than the last run), and the `settle-queue` job runs it within minutes, outside any save.
 */
export async function placeOneCaseIn(
  trx: Transaction,
  today: string,
  caseId: string,
  actorUserId: string | null,
  settings: NotificationSettings,
): Promise<OneCasePlacement> {
  const run = await runPlacement(trx, today, actorUserId, { settings, onlyCaseId: caseId })
  const outcome = run.outcomes.find((o) => o.caseId === caseId)
  if (!outcome) return { counts: run.counts, moves: run.moves, waits: null }
  const late = outcome.state === 'at_risk' && outcome.sittingId !== null
  if (!late && outcome.sittingId !== null) return { counts: run.counts, moves: run.moves, waits: null }
  const c = (await casesForNotice(trx, [caseId])).get(caseId)
  if (!c) return { counts: run.counts, moves: run.moves, waits: null }
  const deadline = c.deadline
  return {
    counts: run.counts,
    // Placed, but after its deadline: the move says so, as the queue page does.
    moves: run.moves.map((m) =>
      late && deadline !== null && m.caseId === caseId ? explainLatePlacement(m, deadline) : m,
    ),
    waits:
      outcome.sittingId === null && !run.moves.some((m) => m.caseId === caseId)
        ? explainWait(
            {
              caseId,
              reference: c.reference,
              childName: `${c.childFirstName} ${c.childLastName}`,
              deadline,
            },
            outcome.reason,
          )
        : null,
  }
}

/**
 * What placing one case did: its move, if it moved (with the deadline named when the place is after it),
 * and, when no sitting can take it and it did not move, that it waits in the queue and why; the caller
 * shows that when the case has just come back to the queue, not on every save.
 */
export interface OneCasePlacement extends PlacementRun {
  waits: ExplainedMove | null
}

async function writeAgendas(
  trx: Transaction,
  rows: SchedulerRows,
  plan: SchedulePlan,
  actorUserId: string | null,
  why: ReadonlyMap<string, PlacementChange>,
): Promise<{ added: number; moved: number; removed: number; placements: Placement[] }> {
  const changing = new Set(plan.agendas.map((a) => a.sittingId))
  const before = new Map<string, { sittingId: string; position: number }>()
  const existing = new Set<string>()
  for (const item of rows.items) {
    existing.add(`${item.caseId}|${item.sittingId}`)
    if (changing.has(item.sittingId)) before.set(item.caseId, item)
  }
  const desired = plan.agendas.flatMap((a) =>
    a.caseIds.map((caseId, i) => ({ caseId, sittingId: a.sittingId, position: i + 1 })),
  )
  const desiredKeys = new Set(desired.map((d) => `${d.caseId}|${d.sittingId}`))
  const removed = rows.items.filter(
    (i) => changing.has(i.sittingId) && !desiredKeys.has(`${i.caseId}|${i.sittingId}`),
  )
  await deleteAgendaItems(trx, removed)
  await insertAgendaItems(
    trx,
    desired.filter((d) => !existing.has(`${d.caseId}|${d.sittingId}`)),
  )
  await updateAgendaPositions(
    trx,
    desired.filter((d) => {
      const was = before.get(d.caseId)
      return was !== undefined && was.sittingId === d.sittingId && was.position !== d.position
    }),
  )

  let added = 0
  let moved = 0
  const placements: Placement[] = []
  const audits: AuditEvent[] = []
  const placedNow = new Map(desired.map((d) => [d.caseId, d.sittingId]))
  for (const d of desired) {
    const was = before.get(d.caseId)
    if (was?.sittingId === d.sittingId) continue
    if (was) moved += 1
    else added += 1
    placements.push({ caseId: d.caseId, sittingId: d.sittingId, fromSittingId: was?.sittingId ?? null })
    audits.push({
      actorUserId,
      action: was ? 'agenda_moved_by_queue' : 'agenda_placed_by_queue',
      entityType: 'case',
      entityId: d.caseId,
      details: {
        sittingId: d.sittingId,
        fromSittingId: was?.sittingId ?? null,
        because: why.get(d.caseId)?.because ?? null,
        forCaseId: why.get(d.caseId)?.forCaseId ?? null,
      },
    })
  }
  const dropped = removed.filter((r) => !placedNow.has(r.caseId))
  for (const r of dropped) {
    audits.push({
      actorUserId,
      action: 'agenda_removed_by_queue',
      entityType: 'case',
      entityId: r.caseId,
      details: {
        sittingId: r.sittingId,
        because: why.get(r.caseId)?.because ?? null,
        forCaseId: why.get(r.caseId)?.forCaseId ?? null,
      },
    })
  }
  await recordAuditEvents(trx, audits)
  return { added, moved, removed: dropped.length, placements }
}

async function updateStatuses(trx: Transaction, rows: SchedulerRows, plan: SchedulePlan): Promise<void> {
  const onASitting = new Set(plan.outcomes.filter((o) => o.sittingId !== null).map((o) => o.caseId))
  const toScheduled = rows.cases
    .filter((c) => c.status === 'submitted' && onASitting.has(c.id))
    .map((c) => c.id)
  const toSubmitted = rows.cases
    .filter((c) => c.status === 'scheduled' && !onASitting.has(c.id))
    .map((c) => c.id)
  await setCaseStatus(trx, toScheduled, 'scheduled')
  await setCaseStatus(trx, toSubmitted, 'submitted')
}

/** Rows per list on the queue page: enough to act on, few enough that 5,000 waiting cases stay a small page. */
export const QUEUE_ROWS_PER_PAGE = 50

/** The queue: the scheduler's runs and what it found. */
export function queueService(data: DataLayer, clock: Clock, settings: NotificationSettings) {
  return {
    /**
     * Places waiting cases and refreshes the at-risk flags. Cron runs it daily and the queue page on
     * demand; the advisory lock makes a second run at the same moment step aside rather than race.
     */
    async placeCases(actor?: User): Promise<JobResult> {
      return data.db.transaction(async (trx): Promise<JobResult> => {
        if (!(await tryTransactionLock(trx, LOCK_KEYS.placeCases))) return { ran: false }
        await lockSittingWrites(trx)
        const { counts, moves } = await placeCasesIn(trx, clock.today(), actor?.id ?? null, { settings })
        await recordQueueRun(trx, actor?.id ?? null, moves)
        return { ran: true, counts }
      })
    },

    /** The full run, when a decision saved since the last one may have left others a move to make. */
    async settle(): Promise<JobResult> {
      return data.db.transaction(async (trx): Promise<JobResult> => {
        if (!(await tryTransactionLock(trx, LOCK_KEYS.settleQueue))) return { ran: false }
        // Waits for a place-cases run under way; one that has just finished leaves nothing to settle.
        await lockSittingWrites(trx)
        if (!(await queueUnsettled(trx))) return { ran: true, counts: { runs: 0 } }
        const { counts, moves } = await placeCasesIn(trx, clock.today(), null, { settings })
        await recordQueueRun(trx, null, moves)
        return { ran: true, counts: { runs: 1, ...counts } }
      })
    },

    /** The queue page: each list a page at a time, so a large council's queue stays a small page. */
    async queuePage(pages: { atRisk: number; waiting: number } = { atRisk: 1, waiting: 1 }) {
      const [counts, offers, checkedAt, lastRun] = await Promise.all([
        data.queue.countUnplaced(),
        data.queue.extraSittingOffers(),
        data.queue.lastChecked(),
        lastQueueRun(data.db),
      ])
      const atRiskPage = paginate(counts.at_risk, pages.atRisk, QUEUE_ROWS_PER_PAGE)
      const waitingPage = paginate(counts.waiting, pages.waiting, QUEUE_ROWS_PER_PAGE)
      const [atRisk, waiting] = await Promise.all([
        data.queue.listUnplaced(
          'at_risk',
          QUEUE_ROWS_PER_PAGE,
          (atRiskPage.number - 1) * QUEUE_ROWS_PER_PAGE,
        ),
        data.queue.listUnplaced(
          'waiting',
          QUEUE_ROWS_PER_PAGE,
          (waitingPage.number - 1) * QUEUE_ROWS_PER_PAGE,
        ),
      ])
      return {
        atRisk: { entries: atRisk, total: counts.at_risk, page: atRiskPage },
        waiting: { entries: waiting, total: counts.waiting, page: waitingPage },
        offers,
        checkedAt,
        today: clock.today(),
        lastRun: lastRun ?? null,
      }
    },
  }
}

export type QueueService = ReturnType<typeof queueService>

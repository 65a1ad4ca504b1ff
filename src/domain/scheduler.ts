import { BinaryHeap } from './binaryHeap'
import type { IsoDate } from './dates'
import { arrangeAgenda } from './agendaOrder'
import { suggestExtraSittings, type SuggestionRequest } from './extraSittings'
import type { CaseKind } from './vocabulary'
import type { BankHolidayLookup } from './workingDays'

/**
 * The queue: which waiting case goes on which sitting. Pure and deterministic: the same input gives
 * the same plan whatever order it arrives in.
 *
 * The rules, from the panels issue: a case goes only to a panel that decides its kind, only once its
 * papers were complete by the sitting's cut-off, never over a sitting's capacity, earliest deadline
 * first, on the earliest sitting that meets its deadline; what a chair placed by hand stays put.
 *
 * For one panel a case's possible sittings form a run of dates (from the first cut-off its papers meet
 * to its deadline), and filling each sitting in date order with the ready cases of earliest deadline
 * is optimal (Glover, 1967): no other plan gets more cases decided in time. Where panels share a kind,
 * or a chair has kept a case off a sitting, that no longer holds, so augmenting paths (Kuhn's method)
 * then move cases between sittings until no further case can be fitted in before its deadline.
 */

export const QUEUE_REASONS = [
  'awaiting_papers',
  'no_panel',
  'no_sitting',
  'papers_late',
  'no_capacity',
  'deadline_passed',
  'placed_after_deadline',
] as const
export type QueueReason = (typeof QUEUE_REASONS)[number]

export const QUEUE_STATES = ['placed', 'unplaced', 'at_risk'] as const
export type QueueState = (typeof QUEUE_STATES)[number]

export interface QueueCase {
  id: string
  /** Breaks ties between equal deadlines, so that the order never depends on the input's. */
  reference: string
  kind: CaseKind
  /** The day the panel must decide by; null when the kind has no statutory clock. */
  deadline: IsoDate | null
  /** The day the last awaited advice arrived; null while some is still awaited. */
  papersCompleteOn: IsoDate | null
}

export interface QueuePanel {
  id: string
  kinds: readonly CaseKind[]
  papersCutoffWorkingDays: number
}

export interface QueueSitting {
  id: string
  panelId: string
  sittingOn: IsoDate
  startsAt: string
  /** The last day papers may be complete for a case to go on it. */
  cutoffOn: IsoDate
  capacity: number
  /** Scheduled and its agenda not locked. Cancelled, held and locked sittings take no new cases. */
  open: boolean
}

export interface AgendaItem {
  caseId: string
  sittingId: string
  position: number
  placedBy: 'scheduler' | 'chair'
}

export interface SchedulerInput {
  today: IsoDate
  cases: readonly QueueCase[]
  panels: readonly QueuePanel[]
  sittings: readonly QueueSitting[]
  /** Every item on these sittings, including those of cases no longer waiting (they still take a place). */
  items: readonly AgendaItem[]
  /** Sittings a chair sent a case back from. */
  exclusions: readonly { caseId: string; sittingId: string }[]
  bankHolidays: BankHolidayLookup
}

export interface ExtraSittingSuggestion {
  panelId: string
  sittingOn: IsoDate
}

export interface CaseOutcome {
  caseId: string
  state: QueueState
  reason: QueueReason | null
  /** Where the case is: on time when placed, after its deadline when at risk. */
  sittingId: string | null
  /** Placed by a chair, or on a sitting whose agenda can no longer change. */
  kept: boolean
  suggestion: ExtraSittingSuggestion | null
}

export interface SchedulePlan {
  /** One per waiting case, most urgent first. */
  outcomes: CaseOutcome[]
  /** The whole agenda, in order, of every sitting that still takes cases. */
  agendas: { sittingId: string; caseIds: string[] }[]
}

/** A sitting takes new cases while it is open, its cut-off has not passed and it has not happened. */
export function takesNewCases(sitting: QueueSitting, today: IsoDate): boolean {
  return sitting.open && sitting.cutoffOn >= today && sitting.sittingOn >= today
}

/** Earliest deadline first; cases with no statutory deadline after those with one. */
export function comesBefore(a: QueueCase, b: QueueCase): boolean {
  return compareCases(a, b) < 0
}

function compareCases(a: QueueCase, b: QueueCase): number {
  return (
    compareNullableLast(a.deadline, b.deadline) ||
    compareNullableLast(a.papersCompleteOn, b.papersCompleteOn) ||
    compareStrings(a.reference, b.reference) ||
    compareStrings(a.id, b.id)
  )
}

function compareNullableLast(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function compareSittings(a: QueueSitting, b: QueueSitting): number {
  return (
    compareStrings(a.sittingOn, b.sittingOn) ||
    compareStrings(a.startsAt, b.startsAt) ||
    compareStrings(a.id, b.id)
  )
}

export function schedule(input: SchedulerInput): SchedulePlan {
  return new Scheduler(input).run()
}

class Scheduler {
  private readonly cases: QueueCase[]
  private readonly sittings: QueueSitting[]
  private readonly sittingById: Map<string, QueueSitting>
  private readonly panelsByKind = new Map<CaseKind, QueuePanel[]>()
  private readonly kindsOfPanel = new Map<string, ReadonlySet<CaseKind>>()
  private readonly room = new Map<string, number>()
  private readonly kept = new Map<string, AgendaItem>()
  private readonly excluded: Set<string>
  /** Cases the scheduler itself placed, by sitting. */
  private readonly placedOn = new Map<string, string>()
  private readonly occupants = new Map<string, Set<string>>()
  private readonly late = new Set<string>()
  private readonly waiting: ReadonlySet<string>

  constructor(private readonly input: SchedulerInput) {
    this.cases = [...input.cases].sort(compareCases)
    this.sittings = [...input.sittings].sort(compareSittings)
    this.sittingById = new Map(this.sittings.map((s) => [s.id, s]))
    for (const panel of [...input.panels].sort((a, b) => compareStrings(a.id, b.id))) {
      this.kindsOfPanel.set(panel.id, new Set(panel.kinds))
      for (const kind of panel.kinds)
        this.panelsByKind.set(kind, [...(this.panelsByKind.get(kind) ?? []), panel])
    }
    this.excluded = new Set(input.exclusions.map((e) => `${e.caseId}|${e.sittingId}`))

    const waiting = new Set(this.cases.map((c) => c.id))
    this.waiting = waiting
    const taken = new Map<string, number>()
    for (const item of input.items) {
      taken.set(item.sittingId, (taken.get(item.sittingId) ?? 0) + 1)
      const sitting = this.sittingById.get(item.sittingId)
      const movable =
        waiting.has(item.caseId) && item.placedBy === 'scheduler' && sitting && this.takes(sitting)
      if (movable) taken.set(item.sittingId, taken.get(item.sittingId)! - 1)
      else if (waiting.has(item.caseId)) this.kept.set(item.caseId, item)
    }
    for (const sitting of this.sittings) {
      this.room.set(sitting.id, Math.max(0, sitting.capacity - (taken.get(sitting.id) ?? 0)))
      this.occupants.set(sitting.id, new Set())
    }
  }

  run(): SchedulePlan {
    const candidates = this.cases.filter((c) => !this.kept.has(c.id) && c.papersCompleteOn !== null)
    this.sweep(candidates, true)
    this.augment(candidates)
    const lateCandidates = candidates.filter((c) => !this.placedOn.has(c.id))
    this.sweep(lateCandidates, false)
    for (const c of lateCandidates) if (this.placedOn.has(c.id)) this.late.add(c.id)
    return { outcomes: this.outcomes(), agendas: this.agendas() }
  }

  private takes(sitting: QueueSitting): boolean {
    return takesNewCases(sitting, this.input.today)
  }

  private decides(sitting: QueueSitting, c: QueueCase): boolean {
    return this.kindsOfPanel.get(sitting.panelId)?.has(c.kind) ?? false
  }

  /** Whether the case could go on the sitting at all, capacity aside. */
  private fits(c: QueueCase, sitting: QueueSitting, inTime: boolean): boolean {
    return (
      this.takes(sitting) &&
      this.decides(sitting, c) &&
      c.papersCompleteOn !== null &&
      c.papersCompleteOn <= sitting.cutoffOn &&
      (!inTime || c.deadline === null || sitting.sittingOn <= c.deadline) &&
      !this.isExcluded(c.id, sitting.id)
    )
  }

  private isExcluded(caseId: string, sittingId: string): boolean {
    return this.excluded.size > 0 && this.excluded.has(`${caseId}|${sittingId}`)
  }

  private place(c: QueueCase, sittingId: string): void {
    this.placedOn.set(c.id, sittingId)
    this.occupants.get(sittingId)!.add(c.id)
    this.room.set(sittingId, this.room.get(sittingId)! - 1)
  }

  private unplace(caseId: string): void {
    const sittingId = this.placedOn.get(caseId)!
    this.placedOn.delete(caseId)
    this.occupants.get(sittingId)!.delete(caseId)
    this.room.set(sittingId, this.room.get(sittingId)! + 1)
  }

  /**
   * Walks the sittings in date order; as each one's cut-off passes, the cases whose papers were ready
   * join a queue per kind, and the sitting takes the most urgent of them that it can.
   */
  private sweep(cases: readonly QueueCase[], inTime: boolean): void {
    const byPapers = [...cases].sort(
      (a, b) => compareStrings(a.papersCompleteOn!, b.papersCompleteOn!) || compareCases(a, b),
    )
    const queues = new Map<CaseKind, BinaryHeap<QueueCase>>()
    let released = 0
    for (const sitting of this.sittings) {
      if (!this.takes(sitting)) continue
      while (released < byPapers.length && byPapers[released]!.papersCompleteOn! <= sitting.cutoffOn) {
        const c = byPapers[released++]!
        if (!queues.has(c.kind)) queues.set(c.kind, new BinaryHeap(comesBefore))
        queues.get(c.kind)!.push(c)
      }
      const kinds = [...(this.kindsOfPanel.get(sitting.panelId) ?? [])]
      const skipped: QueueCase[] = []
      while (this.room.get(sitting.id)! > 0) {
        const queue = mostUrgentQueue(kinds.map((k) => queues.get(k)))
        if (!queue) break
        const c = queue.pop()!
        // Sittings come in date order, so a case past its deadline here is past it at every later one.
        if (inTime && c.deadline !== null && c.deadline < sitting.sittingOn) continue
        if (this.fits(c, sitting, inTime)) this.place(c, sitting.id)
        else skipped.push(c)
      }
      for (const c of skipped) queues.get(c.kind)!.push(c)
    }
  }

  /** Fits in any case still unplaced that a chain of moves can make room for before its deadline. */
  private augment(candidates: readonly QueueCase[]): void {
    if (!this.needsAugmenting(candidates)) return
    const caseById = new Map(this.cases.map((c) => [c.id, c]))
    const sittingsFor = (c: QueueCase) => this.sittings.filter((s) => this.fits(c, s, true))
    // A search that fails leaves the plan as it was, so the sittings it saw stay hopeless until one succeeds.
    let seen = new Set<string>()
    const tryToPlace = (c: QueueCase): boolean => {
      const options = sittingsFor(c).filter((s) => !seen.has(s.id))
      const free = options.find((s) => this.room.get(s.id)! > 0)
      if (free) {
        this.place(c, free.id)
        return true
      }
      for (const sitting of options) {
        if (seen.has(sitting.id)) continue
        seen.add(sitting.id)
        for (const otherId of [...this.occupants.get(sitting.id)!]) {
          this.unplace(otherId)
          this.place(c, sitting.id)
          if (tryToPlace(caseById.get(otherId)!)) return true
          this.unplace(c.id)
          this.place(caseById.get(otherId)!, sitting.id)
        }
      }
      return false
    }
    for (const c of candidates) {
      if (this.placedOn.has(c.id)) continue
      if (tryToPlace(c)) seen = new Set()
    }
  }

  /**
   * The date-order sweep is already the best possible unless panels share a kind, a chair excluded a
   * case, or a panel's cut-offs do not keep the order of its sittings (which the papers rule never gives,
   * but the scheduler does not rely on it).
   */
  private needsAugmenting(candidates: readonly QueueCase[]): boolean {
    if (candidates.every((c) => this.placedOn.has(c.id))) return false
    const shared = [...this.panelsByKind.values()].some((panels) => panels.length > 1)
    return shared || this.excluded.size > 0 || !this.cutoffsFollowDates()
  }

  private cutoffsFollowDates(): boolean {
    const lastCutoff = new Map<string, string>()
    for (const sitting of this.sittings) {
      if (!this.takes(sitting)) continue
      const last = lastCutoff.get(sitting.panelId)
      if (last !== undefined && sitting.cutoffOn < last) return false
      lastCutoff.set(sitting.panelId, sitting.cutoffOn)
    }
    return true
  }

  private outcomes(): CaseOutcome[] {
    const outcomes = this.cases.map((c) => this.outcomeFor(c))
    const requests: SuggestionRequest[] = []
    this.cases.forEach((c, i) => {
      const outcome = outcomes[i]!
      const panel = this.panelsByKind.get(c.kind)?.[0]
      if (
        outcome.state !== 'at_risk' ||
        !panel ||
        c.deadline === null ||
        outcome.reason === 'deadline_passed'
      )
        return
      requests.push({
        caseId: c.id,
        panel,
        deadline: c.deadline,
        papersReadyOn: c.papersCompleteOn ?? this.input.today,
      })
    })
    const suggestions = suggestExtraSittings(requests, this.input.today, this.input.bankHolidays)
    return outcomes.map((o) => ({ ...o, suggestion: suggestions.get(o.caseId) ?? null }))
  }

  private outcomeFor(c: QueueCase): CaseOutcome {
    const kept = this.kept.get(c.id)
    if (kept) {
      const sitting = this.sittingById.get(kept.sittingId)
      const late = c.deadline !== null && sitting !== undefined && sitting.sittingOn > c.deadline
      return late
        ? outcome(c, 'at_risk', 'placed_after_deadline', kept.sittingId, true)
        : outcome(c, 'placed', null, kept.sittingId, true)
    }
    const sittingId = this.placedOn.get(c.id) ?? null
    if (sittingId && !this.late.has(c.id)) return outcome(c, 'placed', null, sittingId, false)
    const reason = this.reasonFor(c)
    const state = reason === 'awaiting_papers' || c.deadline === null ? 'unplaced' : 'at_risk'
    return outcome(c, state, reason, sittingId, false)
  }

  /** Why a case is not on a sitting before its deadline, judged on the plan as it now stands. */
  private reasonFor(c: QueueCase): QueueReason {
    const { today } = this.input
    if (!this.panelsByKind.has(c.kind)) return 'no_panel'
    if (c.deadline !== null && c.deadline < today) return 'deadline_passed'
    const inWindow = this.sittings.filter(
      (s) =>
        this.takes(s) &&
        this.decides(s, c) &&
        (c.deadline === null || s.sittingOn <= c.deadline) &&
        !this.isExcluded(c.id, s.id),
    )
    if (inWindow.length === 0) return 'no_sitting'
    // Papers still awaited could arrive today: only a cut-off already gone makes them late.
    const ready = inWindow.filter((s) => (c.papersCompleteOn ?? today) <= s.cutoffOn)
    if (ready.length === 0) return 'papers_late'
    if (c.papersCompleteOn === null && ready.some((s) => this.room.get(s.id)! > 0)) return 'awaiting_papers'
    return 'no_capacity'
  }

  private agendas(): SchedulePlan['agendas'] {
    const keptBySitting = new Map<string, AgendaItem[]>()
    for (const item of this.input.items) {
      if (this.placedOn.get(item.caseId) === undefined && !this.movedAway(item)) {
        const list = keptBySitting.get(item.sittingId)
        if (list) list.push(item)
        else keptBySitting.set(item.sittingId, [item])
      }
    }
    const placedBySitting = new Map<string, string[]>()
    for (const c of this.cases) {
      const sittingId = this.placedOn.get(c.id)
      if (!sittingId) continue
      const list = placedBySitting.get(sittingId)
      if (list) list.push(c.id)
      else placedBySitting.set(sittingId, [c.id])
    }
    return this.sittings
      .filter((s) => this.takes(s))
      .map((s) => ({
        sittingId: s.id,
        caseIds: arrangeAgenda(keptBySitting.get(s.id) ?? [], placedBySitting.get(s.id) ?? []),
      }))
  }

  /** A scheduler's item for a waiting case on a sitting that still changes: the plan decides afresh where it goes. */
  private movedAway(item: AgendaItem): boolean {
    return this.waiting.has(item.caseId) && !this.kept.has(item.caseId)
  }
}

function mostUrgentQueue(queues: (BinaryHeap<QueueCase> | undefined)[]): BinaryHeap<QueueCase> | undefined {
  let best: BinaryHeap<QueueCase> | undefined
  for (const queue of queues) {
    const head = queue?.peek()
    if (head && (!best || comesBefore(head, best.peek()!))) best = queue
  }
  return best
}

function outcome(
  c: QueueCase,
  state: QueueState,
  reason: QueueReason | null,
  sittingId: string | null,
  kept: boolean,
): CaseOutcome {
  return { caseId: c.id, state, reason, sittingId, kept, suggestion: null }
}

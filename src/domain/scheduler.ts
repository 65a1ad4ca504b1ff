import { BinaryHeap } from './binaryHeap'
import type { IsoDate } from './dates'
import { arrangeAgenda } from './agendaOrder'
import { suggestExtraSittings, type SuggestionRequest } from './extraSittings'
import { addWorkingDays } from './workingDays'
import type { CaseKind } from './vocabulary'
import type { BankHolidayLookup } from './workingDays'

/**
 * The queue: which waiting case goes on which sitting. Pure and deterministic: the same input gives
 * the same plan whatever order it arrives in.
 *
 * What it aims for, most important first (docs/design.md, "Scheduling"; issues 4 and 14):
 * 1. Urgent first. Cases are taken in deadline order: overdue first, no statutory deadline last. Each
 *    gets a sitting before its deadline if one can take it without making an earlier-deadline case
 *    late; a case that cannot be heard in time gets the earliest sitting that can take it.
 * 2. Nobody is pushed back for a less urgent case. A case already on an agenda goes to a later sitting
 *    only when a case with an earlier deadline needs its place, never for a later deadline or none.
 *    Cases with no statutory deadline take only the places the others leave.
 * 3. Stay put. A case already on an agenda stays there unless its place is needed (2), or moving it to
 *    an earlier sitting lets another case meet its deadline or be heard sooner. What a chair placed by
 *    hand never moves. Every move comes with its reason.
 * 4. Only where it may go: a panel that decides its kind, papers complete by the sitting's cut-off,
 *    room left, and never a sitting that is cancelled, locked, past its cut-off or already met.
 *
 * How: cases are taken one at a time in that order. Each keeps its place, or takes the earliest sitting
 * with room; failing that, augmenting paths (Kuhn's method) move cases already placed to other sittings
 * they may use, and only then does it take the place of a less urgent case that was on an agenda. With
 * one panel per kind and nothing yet on an agenda, taking each case in deadline order onto the earliest
 * sitting with room is already the best possible (an exchange argument, as in Jackson's rule, 1955), so
 * the paths are searched only where panels share a kind, a chair kept a case off a sitting, cut-offs
 * fall out of date order, or cases are already on agendas.
 */

/** Papers still awaited are chased once the last cut-off that could meet the deadline is this close. */
export const PAPERS_CHASE_WORKING_DAYS = 15

export const QUEUE_REASONS = [
  'awaiting_papers',
  'no_panel',
  'no_sitting',
  'papers_late',
  'no_capacity',
  'deadline_passed',
  'placed_after_deadline',
  'papers_due',
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
  /** For papers still awaited: the last cut-off that could meet the deadline; null when none could. */
  papersNeededBy: IsoDate | null
}

/**
 * Why a case left the sitting it was on, or came onto one:
 * - `new`: it was on no agenda;
 * - `displaced`: `forCaseId`, with an earlier deadline, needed its place;
 * - `made_room`: moved to an earlier sitting so that `forCaseId` could be heard in time (or sooner);
 * - `now_in_time`: it was on a sitting after its deadline, and one before has room;
 * - `heard_sooner`: it cannot be heard in time, and an earlier sitting can take it;
 * - `no_longer_fits`: it may no longer go on that sitting (papers, panel, a place fewer).
 */
export const MOVE_REASONS = [
  'new',
  'displaced',
  'made_room',
  'now_in_time',
  'heard_sooner',
  'no_longer_fits',
] as const
export type MoveReason = (typeof MOVE_REASONS)[number]

export interface PlacementChange {
  caseId: string
  fromSittingId: string | null
  toSittingId: string | null
  because: MoveReason
  /** The case the move was for, for `displaced` and `made_room`. */
  forCaseId: string | null
}

export interface SchedulePlan {
  /** One per waiting case, most urgent first. */
  outcomes: CaseOutcome[]
  /** The whole agenda, in order, of every sitting that still takes cases. */
  agendas: { sittingId: string; caseIds: string[] }[]
  /** Each waiting case whose sitting changed, with why: the chair is shown these. */
  changes: PlacementChange[]
}

/**
 * A sitting takes new cases while it is open, its cut-off has not passed and it is still to come. One
 * meeting today may already have met (the run has only the date), so only tomorrow's on are used.
 */
export function takesNewCases(sitting: QueueSitting, today: IsoDate): boolean {
  return sitting.open && sitting.cutoffOn >= today && sitting.sittingOn > today
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

/**
 * The cases in compareCases's order, sorted faster: the dates compared as day numbers, the references
 * and ids only to break ties. Any date not written YYYY-MM-DD is sorted by compareCases itself.
 */
function sortCases(cases: readonly QueueCase[]): QueueCase[] {
  const n = cases.length
  // One number per case orders it by deadline then papers date: the two day numbers side by side.
  const key = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const deadline = dayNumber(cases[i]!.deadline)
    const papers = dayNumber(cases[i]!.papersCompleteOn)
    if (Number.isNaN(deadline) || Number.isNaN(papers)) return [...cases].sort(compareCases)
    key[i] = deadline * DAY_SPAN + papers
  }
  const order = new Array<number>(n)
  for (let i = 0; i < n; i++) order[i] = i
  order.sort((a, b) => key[a]! - key[b]!)
  // Cases with the same two dates, in reference and id order: short runs, so the strings are compared rarely.
  const sorted = new Array<QueueCase>(n)
  let start = 0
  while (start < n) {
    let end = start + 1
    while (end < n && key[order[end]!] === key[order[start]!]) end++
    if (end - start > 1) {
      const run = order.slice(start, end).map((i) => cases[i]!)
      run.sort((a, b) => compareStrings(a.reference, b.reference) || compareStrings(a.id, b.id))
      for (let j = 0; j < run.length; j++) sorted[start + j] = run[j]!
    } else sorted[start] = cases[order[start]!]!
    start = end
  }
  return sorted
}

const HYPHEN = 45
const ZERO = 48

/** No date sorts after every date: above 9999-12-31 as a day number. */
const NO_DATE = 9999 * 512 + 12 * 32 + 32
/** Day numbers are at most NO_DATE, so deadline × DAY_SPAN + papers stays an exact integer (under 2^53). */
const DAY_SPAN = NO_DATE + 1

function digits(date: string, from: number, count: number): number {
  let n = 0
  for (let i = from; i < from + count; i++) {
    const digit = date.charCodeAt(i) - ZERO
    if (digit < 0 || digit > 9) return NaN
    n = n * 10 + digit
  }
  return n
}

/**
 * YYYY-MM-DD as year × 512 + month × 32 + day, which orders as the text does (not a count of days, only
 * an order); no date last; NaN if not written YYYY-MM-DD.
 */
function dayNumber(date: string | null): number {
  if (date === null) return NO_DATE
  if (date.length !== 10 || date.charCodeAt(4) !== HYPHEN || date.charCodeAt(7) !== HYPHEN) return NaN
  return digits(date, 0, 4) * 512 + digits(date, 5, 2) * 32 + digits(date, 8, 2)
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

function meetsBefore(a: QueueSitting, b: QueueSitting): boolean {
  return a.sittingOn < b.sittingOn || (a.sittingOn === b.sittingOn && a.startsAt < b.startsAt)
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

type Cause = { because: MoveReason; forCaseId: string | null }

/** A waiting case with its place in the order of urgency, which indexes the run's per-case arrays. */
interface Ranked extends QueueCase {
  readonly rank: number
}

class Scheduler {
  /** Most urgent first: the order cases are taken in. */
  private readonly cases: Ranked[]
  /** The rank of each waiting case that has an item on some sitting (other cases are found by rank). */
  private readonly itemRank = new Map<string, number>()
  private readonly sittings: QueueSitting[]
  private readonly sittingById: Map<string, QueueSitting>
  private readonly sittingRank = new Map<string, number>()
  /** The sittings that take new cases, by kind decided, in date order. */
  private readonly takingByKind = new Map<CaseKind, QueueSitting[]>()
  private readonly panelsByKind = new Map<CaseKind, QueuePanel[]>()
  private readonly kindsOfPanel = new Map<string, ReadonlySet<CaseKind>>()
  private readonly room = new Map<string, number>()
  // Per case, by rank: arrays rather than maps keyed by id, which at 100,000 cases cost more than the plan.
  /** The item of a case that stays where it is (a chair's, or on a sitting that no longer changes). */
  private readonly kept: (AgendaItem | undefined)[]
  private readonly excluded: Set<string>
  /** The sitting a case was on when the run began, where the run may move it. */
  private readonly was: (string | undefined)[]
  /** A case that was on an agenda may move only to a sitting no later than that one, unless displaced. */
  private readonly ceiling = new Map<number, QueueSitting>()
  /** Each sitting's cases by rank, least urgent on top; stale entries (cases since moved) are skipped when read. */
  private readonly leastUrgent = new Map<string, BinaryHeap<number>>()
  private readonly placedOn: (string | undefined)[]
  /** Each sitting's cases, by rank. */
  private readonly occupants = new Map<string, Set<number>>()
  /** Placed after its deadline: it stays where it is heard soonest, never moved to make room. */
  private readonly late: Uint8Array
  private readonly causes: (Cause | undefined)[]
  private readonly augmenting: boolean
  /** Sittings from which no augmenting path was found, since the plan last changed in a way that could open one. */
  private seenFree = new Set<string>()
  private seenAny = new Set<string>()
  /** Papers still awaited for a last cut-off by this day are chased. */
  private readonly chaseFrom: IsoDate
  /** The rank of the case being placed: only a case less urgent than it may lose its place. */
  private currentRank = -1

  constructor(private readonly input: SchedulerInput) {
    // Only the fields the plan reads, written out: a spread of each of 100,000 cases costs more.
    this.cases = sortCases(input.cases).map((c, rank) => ({
      id: c.id,
      reference: c.reference,
      kind: c.kind,
      deadline: c.deadline,
      papersCompleteOn: c.papersCompleteOn,
      rank,
    }))
    const n = this.cases.length
    this.kept = new Array<AgendaItem | undefined>(n)
    this.was = new Array<string | undefined>(n)
    this.placedOn = new Array<string | undefined>(n)
    this.causes = new Array<Cause | undefined>(n)
    this.late = new Uint8Array(n)
    const onAgenda = new Set(input.items.map((i) => i.caseId))
    if (onAgenda.size > 0) for (const c of this.cases) if (onAgenda.has(c.id)) this.itemRank.set(c.id, c.rank)
    this.sittings = [...input.sittings].sort(compareSittings)
    this.sittings.forEach((s, i) => this.sittingRank.set(s.id, i))
    this.sittingById = new Map(this.sittings.map((s) => [s.id, s]))
    for (const panel of [...input.panels].sort((a, b) => compareStrings(a.id, b.id))) {
      this.kindsOfPanel.set(panel.id, new Set(panel.kinds))
      for (const kind of panel.kinds)
        this.panelsByKind.set(kind, [...(this.panelsByKind.get(kind) ?? []), panel])
    }
    for (const sitting of this.sittings) {
      if (!this.takes(sitting)) continue
      for (const kind of this.kindsOfPanel.get(sitting.panelId) ?? []) {
        const list = this.takingByKind.get(kind)
        if (list) list.push(sitting)
        else this.takingByKind.set(kind, [sitting])
      }
    }
    this.excluded = new Set(input.exclusions.map((e) => `${e.caseId}|${e.sittingId}`))

    const taken = new Map<string, number>()
    for (const item of input.items) {
      const sitting = this.sittingById.get(item.sittingId)
      const rank = this.itemRank.get(item.caseId)
      const movable = rank !== undefined && item.placedBy === 'scheduler' && sitting && this.takes(sitting)
      if (movable) this.was[rank] = item.sittingId
      else {
        taken.set(item.sittingId, (taken.get(item.sittingId) ?? 0) + 1)
        if (rank !== undefined) this.kept[rank] = item
      }
    }
    for (const sitting of this.sittings) {
      this.room.set(sitting.id, Math.max(0, sitting.capacity - (taken.get(sitting.id) ?? 0)))
      this.occupants.set(sitting.id, new Set())
      this.leastUrgent.set(sitting.id, new BinaryHeap((a, b) => a > b))
    }
    // What the last run placed keeps its place while it still may go there, most urgent first if a
    // sitting now has fewer places.
    for (const c of this.cases) {
      const sittingId = this.was[c.rank]
      if (sittingId === undefined) continue
      const sitting = this.sittingById.get(sittingId)!
      if (!this.fits(c, sitting, false) || this.room.get(sittingId)! === 0) {
        this.causes[c.rank] = { because: 'no_longer_fits', forCaseId: null }
        continue
      }
      this.place(c, sitting)
      this.ceiling.set(c.rank, sitting)
      if (this.isLateOn(c, sitting)) this.late[c.rank] = 1
    }
    this.augmenting = this.needsAugmenting()
    this.chaseFrom = addWorkingDays(input.today, PAPERS_CHASE_WORKING_DAYS, input.bankHolidays)
  }

  run(): SchedulePlan {
    for (const c of this.cases) {
      if (this.kept[c.rank] !== undefined || c.papersCompleteOn === null) continue
      this.currentRank = c.rank
      const current = this.placedOn[c.rank]
      if (current !== undefined && this.late[c.rank] === 0) continue
      if (c.deadline === null) {
        const free = this.options(c, false).find((s) => this.room.get(s.id)! > 0)
        if (free) this.moveTo(c, free, { because: 'new', forCaseId: null })
        continue
      }
      if (this.placeInTime(c)) continue
      this.placeLate(c, current === undefined ? undefined : this.sittingById.get(current))
    }
    return { outcomes: this.outcomes(), agendas: this.agendas(), changes: this.changes() }
  }

  private takes(sitting: QueueSitting): boolean {
    return takesNewCases(sitting, this.input.today)
  }

  private decides(sitting: QueueSitting, c: QueueCase): boolean {
    return this.kindsOfPanel.get(sitting.panelId)?.has(c.kind) ?? false
  }

  private isLateOn(c: QueueCase, sitting: QueueSitting): boolean {
    return c.deadline !== null && sitting.sittingOn > c.deadline
  }

  /** Whether the case could go on the sitting at all, capacity aside. */
  private fits(c: QueueCase, sitting: QueueSitting, inTime: boolean): boolean {
    return (
      this.takes(sitting) &&
      this.decides(sitting, c) &&
      c.papersCompleteOn !== null &&
      c.papersCompleteOn <= sitting.cutoffOn &&
      (!inTime || !this.isLateOn(c, sitting)) &&
      !this.isExcluded(c.id, sitting.id)
    )
  }

  /** The sittings a case may go on, in date order. */
  private options(c: QueueCase, inTime: boolean): QueueSitting[] {
    const papers = c.papersCompleteOn
    const options: QueueSitting[] = []
    if (papers === null) return options
    const last = inTime ? c.deadline : null
    // The list holds only sittings that take cases and decide the kind, so what is left is the case's own.
    for (const s of this.takingByKind.get(c.kind) ?? []) {
      if (last !== null && s.sittingOn > last) break
      if (papers <= s.cutoffOn && !this.isExcluded(c.id, s.id)) options.push(s)
    }
    return options
  }

  private isExcluded(caseId: string, sittingId: string): boolean {
    return this.excluded.size > 0 && this.excluded.has(`${caseId}|${sittingId}`)
  }

  private place(c: Ranked, sitting: QueueSitting): void {
    this.placedOn[c.rank] = sitting.id
    this.occupants.get(sitting.id)!.add(c.rank)
    this.leastUrgent.get(sitting.id)!.push(c.rank)
    this.room.set(sitting.id, this.room.get(sitting.id)! - 1)
  }

  private unplace(rank: number): void {
    const sittingId = this.placedOn[rank]!
    this.placedOn[rank] = undefined
    this.occupants.get(sittingId)!.delete(rank)
    this.room.set(sittingId, this.room.get(sittingId)! + 1)
  }

  /** Puts a case on a sitting, noting why if it was on another; the first reason stands, unless it is later displaced. */
  private moveTo(c: Ranked, sitting: QueueSitting, cause: Cause): void {
    if (this.placedOn[c.rank] !== undefined) this.unplace(c.rank)
    this.place(c, sitting)
    this.late[c.rank] = this.isLateOn(c, sitting) ? 1 : 0
    if (this.was[c.rank] !== sitting.id && this.causes[c.rank] === undefined) this.causes[c.rank] = cause
  }

  /**
   * The least urgent case on the sitting, if it is less urgent than both the one moving in and the one
   * being placed. Cases are placed in order of urgency, so one less urgent than the case being placed
   * is one the last run put there, whose turn has not yet come.
   */
  private evictable(sitting: QueueSitting, mover: Ranked): number | undefined {
    const heap = this.leastUrgent.get(sitting.id)!
    while (heap.size > 0 && this.placedOn[heap.peek()!] !== sitting.id) heap.pop()
    const r = heap.peek()
    if (r === undefined) return undefined
    return r > this.currentRank && r > mover.rank ? r : undefined
  }

  private evict(rank: number, mover: Ranked): void {
    this.unplace(rank)
    this.ceiling.delete(rank)
    this.late[rank] = 0
    // Losing a place explains where the case ends up better than any move before it.
    if (this.causes[rank]?.because !== 'displaced')
      this.causes[rank] = { because: 'displaced', forCaseId: mover.id }
  }

  /** A plan changed by a path or by taking a place can open paths from sittings searched before. */
  private forgetSearches(): void {
    this.seenFree = new Set()
    this.seenAny = new Set()
  }

  /** Before the deadline: a free place, else one made by moving others, else a less urgent case's place. */
  private placeInTime(c: Ranked): boolean {
    const wasLate = this.placedOn[c.rank] !== undefined
    const options = this.options(c, true)
    if (options.length === 0) return false
    const cause: Cause = { because: wasLate ? 'now_in_time' : 'new', forCaseId: null }
    const free = options.find((s) => this.room.get(s.id)! > 0)
    if (free) {
      this.moveTo(c, free, cause)
      return true
    }
    const found = this.makeRoom(c, options)
    if (found) this.moveTo(c, found, cause)
    return found !== undefined
  }

  /** Each way of getting a place on one of `options`, least disruptive first. */
  private makeRoom(c: Ranked, options: readonly QueueSitting[]): QueueSitting | undefined {
    if (this.augmenting) {
      const viaPath = this.augment(c, options, false, c)
      if (viaPath) {
        this.forgetSearches()
        return viaPath
      }
    }
    let best: { sitting: QueueSitting; rank: number } | undefined
    for (const sitting of options) {
      const rank = this.evictable(sitting, c)
      if (rank !== undefined && (!best || rank > best.rank)) best = { sitting, rank }
    }
    if (best) {
      this.evict(best.rank, c)
      this.forgetSearches()
      return best.sitting
    }
    if (this.augmenting) {
      const viaPath = this.augment(c, options, true, c)
      if (viaPath) {
        this.forgetSearches()
        return viaPath
      }
    }
    return undefined
  }

  /** No sitting can take it in time: the earliest that can take it at all, never later than where it is. */
  private placeLate(c: Ranked, current: QueueSitting | undefined): void {
    const cause: Cause = { because: current ? 'heard_sooner' : 'new', forCaseId: null }
    for (const sitting of this.options(c, false)) {
      // Another sitting at the same hour would be a move for nothing.
      if (current && !meetsBefore(sitting, current)) return
      if (!this.isLateOn(c, sitting)) continue
      if (this.room.get(sitting.id)! > 0 || this.makeRoom(c, [sitting])) {
        this.moveTo(c, sitting, cause)
        return
      }
    }
  }

  /**
   * Kuhn's augmenting path: frees a place on one of `options` for `mover` by moving a case placed there
   * to another sitting it may use before its deadline (no later than where it was), and so on, ending at
   * a free place or, `withEvictions`, at the place of a less urgent case. Returns the sitting freed.
   */
  private augment(
    mover: Ranked,
    options: readonly QueueSitting[],
    withEvictions: boolean,
    root: Ranked,
  ): QueueSitting | undefined {
    const seen = withEvictions ? this.seenAny : this.seenFree
    const free = options.find((s) => this.room.get(s.id)! > 0)
    if (free) return free
    if (withEvictions && mover !== root) {
      for (const sitting of options) {
        const rank = this.evictable(sitting, mover)
        if (rank !== undefined) {
          this.evict(rank, mover)
          return sitting
        }
      }
    }
    for (const sitting of options) {
      if (seen.has(sitting.id)) continue
      seen.add(sitting.id)
      for (const otherRank of [...this.occupants.get(sitting.id)!]) {
        if (this.late[otherRank] === 1) continue
        const other = this.cases[otherRank]!
        const ceiling = this.ceiling.get(otherRank)
        const elsewhere = this.options(other, true).filter(
          (s) => s.id !== sitting.id && !(ceiling && meetsBefore(ceiling, s)),
        )
        if (elsewhere.length === 0) continue
        const to = this.augment(other, elsewhere, withEvictions, root)
        if (to) {
          this.moveTo(other, to, { because: 'made_room', forCaseId: root.id })
          return sitting
        }
      }
    }
    return undefined
  }

  /**
   * Taking each case in deadline order onto the earliest sitting with room is already the best possible
   * unless panels share a kind, a chair excluded a case, a panel's cut-offs do not keep the order of its
   * sittings (which the papers rule never gives, but the scheduler does not rely on it), or cases are
   * already on agendas (which may move to an earlier sitting to make room).
   */
  private needsAugmenting(): boolean {
    const shared = [...this.panelsByKind.values()].some((panels) => panels.length > 1)
    return shared || this.excluded.size > 0 || this.ceiling.size > 0 || !this.cutoffsFollowDates()
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
    /** The rank of each request's case, to write its suggestion into its outcome. */
    const requestRanks: number[] = []
    this.cases.forEach((c, i) => {
      const outcome = outcomes[i]!
      const panel = this.panelsByKind.get(c.kind)?.[0]
      if (
        outcome.state !== 'at_risk' ||
        !panel ||
        c.deadline === null ||
        outcome.reason === 'deadline_passed' ||
        // What saves it is the advice arriving, not another sitting.
        outcome.reason === 'papers_due'
      )
        return
      requests.push({
        caseId: c.id,
        panel,
        deadline: c.deadline,
        papersReadyOn: c.papersCompleteOn ?? this.input.today,
      })
      requestRanks.push(i)
    })
    const suggestions = suggestExtraSittings(requests, this.input.today, this.input.bankHolidays)
    // Each outcome is this run's own object, so the suggestions are written into it, not copied.
    if (suggestions.size > 0)
      requests.forEach((request, j) => {
        const suggestion = suggestions.get(request.caseId)
        if (suggestion) outcomes[requestRanks[j]!]!.suggestion = suggestion
      })
    return outcomes
  }

  private outcomeFor(c: Ranked): CaseOutcome {
    const kept = this.kept[c.rank]
    if (kept) {
      const sitting = this.sittingById.get(kept.sittingId)
      const late = sitting !== undefined && this.isLateOn(c, sitting)
      return late
        ? outcome(c, 'at_risk', 'placed_after_deadline', kept.sittingId, true, null)
        : outcome(c, 'placed', null, kept.sittingId, true, null)
    }
    const sittingId = this.placedOn[c.rank] ?? null
    if (sittingId && this.late[c.rank] === 0) return outcome(c, 'placed', null, sittingId, false, null)
    const { reason, papersNeededBy } = this.reasonFor(c)
    const state = reason === 'awaiting_papers' || c.deadline === null ? 'unplaced' : 'at_risk'
    return outcome(c, state, reason, sittingId, false, papersNeededBy)
  }

  /** Why a case is not on a sitting before its deadline, judged on the plan as it now stands. */
  private reasonFor(c: QueueCase): { reason: QueueReason; papersNeededBy: IsoDate | null } {
    const { today } = this.input
    const because = (reason: QueueReason, papersNeededBy: IsoDate | null = null) => ({
      reason,
      papersNeededBy,
    })
    if (!this.panelsByKind.has(c.kind)) return because('no_panel')
    if (c.deadline !== null && c.deadline < today) return because('deadline_passed')
    const inWindow = (this.takingByKind.get(c.kind) ?? []).filter(
      (s) => !this.isLateOn(c, s) && !this.isExcluded(c.id, s.id),
    )
    if (inWindow.length === 0) return because('no_sitting')
    // Papers still awaited could arrive today: only a cut-off already gone makes them late.
    const ready = inWindow.filter((s) => (c.papersCompleteOn ?? today) <= s.cutoffOn)
    if (ready.length === 0) return because('papers_late')
    if (c.papersCompleteOn === null) {
      const neededBy = ready.map((s) => s.cutoffOn).reduce((a, b) => (a > b ? a : b))
      // With a deadline, the last chance to meet it close, the advice must be chased now.
      if (c.deadline !== null && neededBy <= this.chaseFrom) return because('papers_due', neededBy)
      if (ready.some((s) => this.room.get(s.id)! > 0)) return because('awaiting_papers', neededBy)
      return because('no_capacity', neededBy)
    }
    return because('no_capacity')
  }

  private agendas(): SchedulePlan['agendas'] {
    const keptBySitting = new Map<string, AgendaItem[]>()
    for (const item of this.input.items) {
      const rank = this.itemRank.get(item.caseId)
      if ((rank === undefined || this.placedOn[rank] === undefined) && !this.movedAway(item)) {
        const list = keptBySitting.get(item.sittingId)
        if (list) list.push(item)
        else keptBySitting.set(item.sittingId, [item])
      }
    }
    const placedBySitting = new Map<string, string[]>()
    for (const c of this.cases) {
      const sittingId = this.placedOn[c.rank]
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
    const rank = this.itemRank.get(item.caseId)
    return rank !== undefined && this.kept[rank] === undefined
  }

  private changes(): PlacementChange[] {
    const changes: PlacementChange[] = []
    for (const c of this.cases) {
      if (this.kept[c.rank] !== undefined) continue
      const from = this.was[c.rank] ?? null
      const to = this.placedOn[c.rank] ?? null
      if (from === to) continue
      // A case new to the agendas is simply placed, whatever paths moved it on the way.
      const cause: Cause =
        from === null
          ? { because: 'new', forCaseId: null }
          : (this.causes[c.rank] ?? { because: 'no_longer_fits', forCaseId: null })
      changes.push({ caseId: c.id, fromSittingId: from, toSittingId: to, ...cause })
    }
    return changes
  }
}

function outcome(
  c: QueueCase,
  state: QueueState,
  reason: QueueReason | null,
  sittingId: string | null,
  kept: boolean,
  papersNeededBy: IsoDate | null,
): CaseOutcome {
  return { caseId: c.id, state, reason, sittingId, kept, suggestion: null, papersNeededBy }
}

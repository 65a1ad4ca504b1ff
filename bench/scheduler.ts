/**
 * Issue 4, item 7: the scheduler on a year of sittings of three panels, at 1,000, 10,000 and 100,000
 * open cases, beside a baseline measured in the same run (sorting the same cases by deadline). The
 * target is a 10,000-case run under 100 ms, growing no faster than n log n. Nothing here fails on
 * timing (machines are shared and noisy): it prints, and a reader compares.
 */
import { addDays, type IsoDate } from '../src/domain/dates'
import {
  schedule,
  type AgendaItem,
  type QueueCase,
  type QueuePanel,
  type QueueSitting,
  type SchedulePlan,
  type SchedulerInput,
} from '../src/domain/scheduler'
import { papersCutoff, weeklyDates } from '../src/domain/sittingPlan'
import type { CaseKind } from '../src/domain/vocabulary'
import { BANK_HOLIDAYS } from '../src/data/demoCouncil/bankHolidays'
import { createPrng, type Prng } from '../src/data/demoCouncil/prng'

const TARGET_MS = 100
const CUTOFF_WORKING_DAYS = 3
/** The share of the cases that the year's sittings can hold: the rest are at risk, as in real life. */
const CAPACITY_SHARE = 0.9

/** The demo council's three panels, each sitting weekly. */
const PANELS: readonly { id: string; kinds: readonly CaseKind[]; weekday: number; startsAt: string }[] = [
  {
    id: 'send-decision',
    kinds: ['assessment_request', 'issue_plan', 'annual_review', 'phase_transfer'],
    weekday: 2,
    startsAt: '10:00',
  },
  { id: 'placement', kinds: ['placement'], weekday: 3, startsAt: '14:00' },
  { id: 'alternative-provision', kinds: ['alternative_provision'], weekday: 4, startsAt: '10:00' },
]

/** Roughly how a council's open cases divide between the kinds. */
const KIND_WEIGHTS: readonly [CaseKind, number][] = [
  ['assessment_request', 0.4],
  ['annual_review', 0.3],
  ['issue_plan', 0.1],
  ['phase_transfer', 0.08],
  ['placement', 0.08],
  ['alternative_provision', 0.04],
]

function pickKind(prng: Prng): CaseKind {
  let r = prng.next()
  for (const [kind, weight] of KIND_WEIGHTS) {
    r -= weight
    if (r < 0) return kind
  }
  return KIND_WEIGHTS[0]![0]
}

/**
 * A council with `n` open cases and a year of weekly sittings from `today`, the same for the same seed.
 * Deadlines are spread over the year (about 1% already passed; a third of placements have no
 * statutory deadline); 85% of cases have papers complete, on a date from 3 to 90 days before the
 * deadline (dates after today stand for advice due by then, so the cut-off rule bites all year);
 * about 2% sit where a chair put them, on a sitting with room before their deadline.
 */
export function generateCouncil(n: number, today: IsoDate, seed = 20261123): SchedulerInput {
  const prng = createPrng(seed ^ n)
  const bankHolidays: ReadonlySet<IsoDate> = new Set(BANK_HOLIDAYS.map((h) => h.holidayOn))
  const yearEnd = addDays(today, 365)

  const cases: QueueCase[] = []
  for (let i = 1; i <= n; i++) {
    const kind = pickKind(prng)
    const hasClock = kind !== 'placement' || prng.next() < 2 / 3
    const deadline = !hasClock
      ? null
      : addDays(today, prng.next() < 0.01 ? prng.int(-30, -1) : prng.int(0, 365))
    const papersComplete = prng.next() < 0.85
    const papersCompleteOn = !papersComplete
      ? null
      : deadline === null
        ? addDays(today, prng.int(-60, 300))
        : addDays(deadline, -prng.int(3, 90))
    const serial = String(i).padStart(6, '0')
    cases.push({ id: `case-${serial}`, reference: `NS-${serial}`, kind, deadline, papersCompleteOn })
  }
  // The scheduler must not rely on the order cases arrive in.
  for (let i = cases.length - 1; i > 0; i--) {
    const j = prng.int(0, i)
    ;[cases[i], cases[j]] = [cases[j]!, cases[i]!]
  }

  const panels: QueuePanel[] = PANELS.map((p) => ({
    id: p.id,
    kinds: p.kinds,
    papersCutoffWorkingDays: CUTOFF_WORKING_DAYS,
  }))
  const sittings: QueueSitting[] = []
  for (const panel of PANELS) {
    const dates = weeklyDates(addDays(today, 1), yearEnd, panel.weekday).filter((d) => !bankHolidays.has(d))
    const decided = cases.filter((c) => panel.kinds.includes(c.kind)).length
    const capacity = Math.max(1, Math.round((CAPACITY_SHARE * decided) / dates.length))
    for (const sittingOn of dates) {
      sittings.push({
        id: `${panel.id}-${sittingOn}`,
        panelId: panel.id,
        sittingOn,
        startsAt: panel.startsAt,
        cutoffOn: papersCutoff(sittingOn, CUTOFF_WORKING_DAYS, bankHolidays),
        capacity,
        open: true,
      })
    }
  }

  // About 2% of cases already on an agenda by a chair's hand, never over a sitting's capacity.
  const items: AgendaItem[] = []
  const taken = new Map<string, number>()
  const sittingsOf = new Map(PANELS.map((p) => [p.id, sittings.filter((s) => s.panelId === p.id)]))
  for (const c of cases) {
    if (prng.next() >= 0.02 || c.papersCompleteOn === null) continue
    const panel = PANELS.find((p) => p.kinds.includes(c.kind))!
    const options = sittingsOf
      .get(panel.id)!
      .filter(
        (s) =>
          s.cutoffOn >= c.papersCompleteOn! &&
          (c.deadline === null || s.sittingOn <= c.deadline) &&
          (taken.get(s.id) ?? 0) < s.capacity,
      )
    if (options.length === 0) continue
    const sitting = options[prng.int(0, Math.min(3, options.length - 1))]!
    const position = (taken.get(sitting.id) ?? 0) + 1
    taken.set(sitting.id, position)
    items.push({ caseId: c.id, sittingId: sitting.id, position, placedBy: 'chair' })
  }

  return { today, cases, panels, sittings, items, exclusions: [], bankHolidays }
}

/** The baseline: the same cases copied and sorted by deadline (none last), then reference. */
export function sortByDeadline(cases: readonly QueueCase[]): QueueCase[] {
  return [...cases].sort((a, b) => {
    if (a.deadline !== b.deadline) {
      if (a.deadline === null) return 1
      if (b.deadline === null) return -1
      return a.deadline < b.deadline ? -1 : 1
    }
    return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0
  })
}

export interface Timing {
  /** Wall time, by process.hrtime.bigint(). */
  median: number
  fastest: number
  /** CPU time of the whole process (user and system, GC threads included): less swayed by other work on the machine. */
  cpuMedian: number
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!

/**
 * Times in ms of `runs` calls of each function after `warmups` unmeasured ones. The calls take turns,
 * so that both see the same load on a shared machine.
 */
export function timeTogether(warmups: number, runs: number, fns: readonly (() => unknown)[]): Timing[] {
  for (let i = 0; i < warmups; i++) for (const fn of fns) keep(fn())
  const wall = fns.map((): number[] => [])
  const cpu = fns.map((): number[] => [])
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, f) => {
      const cpuStarted = process.cpuUsage()
      const started = process.hrtime.bigint()
      keep(fn())
      wall[f]!.push(Number(process.hrtime.bigint() - started) / 1e6)
      const used = process.cpuUsage(cpuStarted)
      cpu[f]!.push((used.user + used.system) / 1e3)
    })
  }
  return fns.map((_, f) => ({
    median: median(wall[f]!),
    fastest: Math.min(...wall[f]!),
    cpuMedian: median(cpu[f]!),
  }))
}

/** Somewhere for results to go, so that no run can be optimised away. */
let sink = 0
function keep(result: unknown): void {
  if (Array.isArray(result)) sink += result.length
  else if (result && typeof result === 'object' && 'outcomes' in result)
    sink += (result as SchedulePlan).outcomes.length
}

function countOutcomes(plan: SchedulePlan) {
  const states = { placed: 0, at_risk: 0, unplaced: 0 }
  const reasons = new Map<string, number>()
  for (const o of plan.outcomes) {
    states[o.state] += 1
    if (o.state !== 'placed')
      reasons.set(`${o.state} ${o.reason}`, (reasons.get(`${o.state} ${o.reason}`) ?? 0) + 1)
  }
  return { states, reasons }
}

const nLogN = (n: number) => n * Math.log(n)
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const count = (n: number) => n.toLocaleString('en-GB')

const SIZES: readonly { n: number; warmups: number; runs: number }[] = [
  { n: 1_000, warmups: 20, runs: 31 },
  { n: 10_000, warmups: 5, runs: 15 },
  { n: 100_000, warmups: 1, runs: 5 },
]

/** How much faster than n log n a time grew from the previous size: 1 is exactly n log n, above 1 is faster. */
function growth(ms: number, n: number, previous: { n: number; ms: number } | undefined): string {
  return previous ? (ms / previous.ms / (nLogN(n) / nLogN(previous.n))).toFixed(2) : '—'
}

/** Memory of one 100,000-case run, done as its warm-up. */
function measureMemory(input: SchedulerInput): string {
  globalThis.gc?.()
  const rssBefore = process.resourceUsage().maxRSS * 1024
  const heapBefore = process.memoryUsage().heapUsed
  const plan = schedule(input)
  const heapAfter = process.memoryUsage().heapUsed
  const rssAfter = process.resourceUsage().maxRSS * 1024
  keep(plan)
  return (
    `memory, one ${count(input.cases.length)}-case run: heap +${mb(heapAfter - heapBefore)} ` +
    `(the plan held, plus garbage not yet collected${globalThis.gc ? '' : '; no GC forced before'}), ` +
    `peak RSS +${mb(rssAfter - rssBefore)} (to ${mb(rssAfter)})`
  )
}

export function runSchedulerBench(today: IsoDate): void {
  console.log(
    `Scheduler (issue 4): a year of weekly sittings of three panels from ${today}, against sorting the same ` +
      'cases by deadline. Run this section alone: `npm run bench -- scheduler`.',
  )
  const rows: string[] = []
  const facts: string[] = []
  let previous: { n: number; ms: number; baseline: number } | undefined
  let tenK: Timing | undefined
  let memory = ''
  for (const { n, warmups, runs } of SIZES) {
    const input = generateCouncil(n, today)
    if (n === 100_000) memory = measureMemory(input)
    const [scheduler, baseline] = timeTogether(n === 100_000 ? 0 : warmups, runs, [
      () => schedule(input),
      () => sortByDeadline(input.cases),
    ]) as [Timing, Timing]
    const { states, reasons } = countOutcomes(schedule(input))
    if (n === 10_000) tenK = scheduler
    rows.push(
      [
        count(n).padStart(7),
        scheduler.median.toFixed(2).padStart(10),
        scheduler.fastest.toFixed(2).padStart(8),
        scheduler.cpuMedian.toFixed(2).padStart(8),
        baseline.median.toFixed(2).padStart(10),
        `${(scheduler.median / baseline.median).toFixed(1)}×`.padStart(7),
        growth(scheduler.median, n, previous && { n: previous.n, ms: previous.ms }).padStart(10),
        growth(baseline.median, n, previous && { n: previous.n, ms: previous.baseline }).padStart(9),
        String(states.placed).padStart(7),
        String(states.at_risk).padStart(7),
        String(states.unplaced).padStart(8),
      ].join('  '),
    )
    const capacities = [...new Set(input.sittings.map((s) => `${s.panelId} ${s.capacity}`))].join(', ')
    facts.push(
      `  ${count(n)}: median of ${runs} runs; ${input.sittings.length} sittings (capacity ${capacities}); ` +
        `${input.items.length} placed by a chair; not placed: ` +
        [...reasons]
          .sort((a, b) => b[1] - a[1])
          .map(([reason, k]) => `${reason} ${k}`)
          .join(', '),
    )
    previous = { n, ms: scheduler.median, baseline: baseline.median }
  }
  console.log(
    [
      '      n  scheduler ms, wall      cpu    baseline ms    ratio  growth ÷ n log n  placed  at risk  unplaced',
      '             median   fastest   median    wall median        scheduler baseline',
      ...rows,
    ].join('\n'),
  )
  for (const line of facts) console.log(line)
  console.log(
    `target: 10,000 cases in ${tenK?.median.toFixed(1)} ms (median wall time), ` +
      `${tenK && tenK.median < TARGET_MS ? 'under' : 'NOT under'} ${TARGET_MS} ms ` +
      `(fastest ${tenK?.fastest.toFixed(1)} ms, median CPU ${tenK?.cpuMedian.toFixed(1)} ms)`,
  )
  console.log(memory)
  if (sink < 0) console.log(sink)
  console.log('')
}

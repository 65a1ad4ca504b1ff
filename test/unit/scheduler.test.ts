import fc from 'fast-check'
import { addDays } from '../../src/domain/dates'
import {
  schedule,
  type AgendaItem,
  type QueueCase,
  type QueuePanel,
  type QueueSitting,
  type SchedulerInput,
} from '../../src/domain/scheduler'
import { arrangeAgenda, moveWithinAgenda } from '../../src/domain/agendaOrder'
import type { CaseKind } from '../../src/domain/vocabulary'

const TODAY = '2026-11-23' // a Monday
const NO_HOLIDAYS: ReadonlySet<string> = new Set()

const SEND: QueuePanel = {
  id: 'p-send',
  kinds: ['assessment_request', 'annual_review'],
  papersCutoffWorkingDays: 3,
}
const PLACEMENT: QueuePanel = { id: 'p-place', kinds: ['placement'], papersCutoffWorkingDays: 3 }

function sitting(
  id: string,
  panelId: string,
  sittingOn: string,
  capacity = 2,
  extra: Partial<QueueSitting> = {},
) {
  return {
    id,
    panelId,
    sittingOn,
    startsAt: '10:00',
    cutoffOn: addDays(sittingOn, -5),
    capacity,
    open: true,
    ...extra,
  }
}

function queueCase(
  id: string,
  kind: CaseKind,
  deadline: string | null,
  papersCompleteOn: string | null,
): QueueCase {
  return { id, reference: id, kind, deadline, papersCompleteOn }
}

function input(overrides: Partial<SchedulerInput>): SchedulerInput {
  return {
    today: TODAY,
    cases: [],
    panels: [SEND, PLACEMENT],
    sittings: [],
    items: [],
    exclusions: [],
    bankHolidays: NO_HOLIDAYS,
    ...overrides,
  }
}

const outcomeOf = (plan: ReturnType<typeof schedule>, caseId: string) =>
  plan.outcomes.find((o) => o.caseId === caseId)!

describe('the scheduler, by example', () => {
  const dec1 = sitting('s1', 'p-send', '2026-12-01')
  const dec8 = sitting('s2', 'p-send', '2026-12-08')
  const dec15 = sitting('s3', 'p-send', '2026-12-15')

  test('places the most urgent cases first, each on the earliest sitting with room', () => {
    const cases = [
      queueCase('late-deadline', 'assessment_request', '2027-01-20', '2026-11-10'),
      queueCase('urgent', 'assessment_request', '2026-12-02', '2026-11-10'),
      queueCase('middle', 'assessment_request', '2026-12-20', '2026-11-10'),
    ]
    const plan = schedule(input({ cases, sittings: [dec8, dec1], panels: [SEND] }))
    expect(plan.agendas).toEqual([
      { sittingId: 's1', caseIds: ['urgent', 'middle'] },
      { sittingId: 's2', caseIds: ['late-deadline'] },
    ])
    expect(plan.outcomes.map((o) => [o.caseId, o.state])).toEqual([
      ['urgent', 'placed'],
      ['middle', 'placed'],
      ['late-deadline', 'placed'],
    ])
  })

  test('waits for the first sitting whose cut-off the papers met', () => {
    // The 1 December sitting's cut-off is 26 November; papers complete on the 27th miss it.
    const cases = [queueCase('a', 'assessment_request', '2026-12-20', '2026-11-27')]
    const plan = schedule(input({ cases, sittings: [dec1, dec8] }))
    expect(outcomeOf(plan, 'a')).toMatchObject({ state: 'placed', sittingId: 's2' })
  })

  test('only uses panels that decide the case’s kind', () => {
    const cases = [queueCase('p', 'placement', '2026-12-20', '2026-11-10')]
    const plan = schedule(input({ cases, sittings: [dec1, sitting('pl', 'p-place', '2026-12-09')] }))
    expect(outcomeOf(plan, 'p')).toMatchObject({ state: 'placed', sittingId: 'pl' })
  })

  test('a case no sitting can take before its deadline is at risk, placed late, with an extra sitting offered', () => {
    const cases = [
      queueCase('a', 'assessment_request', '2026-12-03', '2026-11-10'),
      queueCase('b', 'assessment_request', '2026-12-04', '2026-11-10'),
      queueCase('c', 'assessment_request', '2026-12-05', '2026-11-10'),
    ]
    const plan = schedule(input({ cases, sittings: [dec1, dec8] }))
    expect(outcomeOf(plan, 'c')).toEqual({
      caseId: 'c',
      state: 'at_risk',
      reason: 'no_capacity',
      sittingId: 's2',
      kept: false,
      // The deadline is a Saturday; the last working day before it is Friday 4 December.
      suggestion: { panelId: 'p-send', sittingOn: '2026-12-04' },
    })
  })

  test('explains each kind of risk', () => {
    const plan = schedule(
      input({
        cases: [
          queueCase('no-sitting', 'assessment_request', '2026-11-30', '2026-11-01'),
          queueCase('papers-late', 'assessment_request', '2026-12-02', '2026-11-27'),
          queueCase('passed', 'assessment_request', '2026-11-20', '2026-11-01'),
          queueCase('no-panel', 'alternative_provision', '2026-12-20', '2026-11-01'),
          queueCase('awaiting', 'assessment_request', '2026-12-20', null),
          queueCase('no-clock', 'placement', null, '2026-11-01'),
        ],
        sittings: [dec1, dec8],
      }),
    )
    const reasons = Object.fromEntries(plan.outcomes.map((o) => [o.caseId, [o.state, o.reason]]))
    expect(reasons).toEqual({
      'no-sitting': ['at_risk', 'no_sitting'],
      'papers-late': ['at_risk', 'papers_late'],
      passed: ['at_risk', 'deadline_passed'],
      'no-panel': ['at_risk', 'no_panel'],
      awaiting: ['unplaced', 'awaiting_papers'],
      'no-clock': ['unplaced', 'no_sitting'],
    })
    expect(outcomeOf(plan, 'passed').suggestion).toBeNull()
  })

  test('what a chair placed stays, and the scheduler fills around it', () => {
    const cases = [
      queueCase('urgent', 'assessment_request', '2026-12-02', '2026-11-10'),
      queueCase('by-hand', 'assessment_request', '2027-02-01', '2026-11-10'),
    ]
    const items: AgendaItem[] = [{ caseId: 'by-hand', sittingId: 's1', position: 1, placedBy: 'chair' }]
    const plan = schedule(input({ cases, items, sittings: [dec1, dec8] }))
    expect(plan.agendas[0]).toEqual({ sittingId: 's1', caseIds: ['by-hand', 'urgent'] })
    expect(outcomeOf(plan, 'by-hand')).toMatchObject({ state: 'placed', sittingId: 's1', kept: true })
  })

  test('moves its own earlier placements when a more urgent case arrives', () => {
    const cases = [
      queueCase('was-first', 'assessment_request', '2027-01-20', '2026-11-10'),
      queueCase('urgent', 'assessment_request', '2026-12-02', '2026-11-10'),
    ]
    const items: AgendaItem[] = [{ caseId: 'was-first', sittingId: 's1', position: 1, placedBy: 'scheduler' }]
    const plan = schedule(input({ cases, items, sittings: [sitting('s1', 'p-send', '2026-12-01', 1), dec8] }))
    expect(plan.agendas).toEqual([
      { sittingId: 's1', caseIds: ['urgent'] },
      { sittingId: 's2', caseIds: ['was-first'] },
    ])
  })

  test('a locked, cancelled or past sitting takes no new cases', () => {
    const cases = [queueCase('a', 'assessment_request', '2026-12-20', '2026-11-10')]
    const sittings = [
      sitting('locked', 'p-send', '2026-12-01', 2, { open: false }),
      sitting('cut-off-gone', 'p-send', '2026-11-25'),
      dec15,
    ]
    expect(outcomeOf(schedule(input({ cases, sittings })), 'a').sittingId).toBe('s3')
  })

  test('a case a chair sent back does not return to that sitting', () => {
    const cases = [queueCase('a', 'assessment_request', '2026-12-20', '2026-11-10')]
    const plan = schedule(
      input({ cases, sittings: [dec1, dec8], exclusions: [{ caseId: 'a', sittingId: 's1' }] }),
    )
    expect(outcomeOf(plan, 'a').sittingId).toBe('s2')
  })

  test('where two panels share a kind, cases are moved between them to save one that would miss', () => {
    const both: QueuePanel = {
      id: 'p-both',
      kinds: ['assessment_request', 'placement'],
      papersCutoffWorkingDays: 3,
    }
    // Greedy by date puts the assessment on the 1 December placement-capable sitting, leaving the
    // placement case nowhere; the plan must use the SEND sitting for the assessment instead.
    const cases = [
      queueCase('assessment', 'assessment_request', '2026-12-02', '2026-11-10'),
      queueCase('placement', 'placement', '2026-12-03', '2026-11-10'),
    ]
    const sittings = [sitting('both', 'p-both', '2026-12-01', 1), sitting('send', 'p-send', '2026-12-02', 1)]
    const plan = schedule(input({ cases, sittings, panels: [SEND, both] }))
    expect(plan.outcomes.every((o) => o.state === 'placed')).toBe(true)
    expect(outcomeOf(plan, 'placement').sittingId).toBe('both')
  })

  test('suggests one extra sitting for several cases that one date would save', () => {
    const cases = [
      queueCase('a', 'assessment_request', '2026-12-10', '2026-11-10'),
      queueCase('b', 'assessment_request', '2026-12-11', '2026-11-10'),
    ]
    const plan = schedule(input({ cases, sittings: [] }))
    expect(plan.outcomes.map((o) => o.suggestion)).toEqual([
      { panelId: 'p-send', sittingOn: '2026-12-10' },
      { panelId: 'p-send', sittingOn: '2026-12-10' },
    ])
  })
})

describe('agenda order', () => {
  test('kept items keep their places; the rest fill the gaps', () => {
    expect(
      arrangeAgenda(
        [
          { caseId: 'k3', position: 3 },
          { caseId: 'k1', position: 1 },
        ],
        ['a', 'b', 'c'],
      ),
    ).toEqual(['k1', 'a', 'k3', 'b', 'c'])
    expect(arrangeAgenda([{ caseId: 'k9', position: 9 }], ['a'])).toEqual(['a', 'k9'])
  })

  test('moving up and down, and not past either end', () => {
    expect(moveWithinAgenda(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c'])
    expect(moveWithinAgenda(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b'])
    expect(moveWithinAgenda(['a', 'b', 'c'], 'a', 'up')).toEqual(['a', 'b', 'c'])
    expect(moveWithinAgenda(['a', 'b', 'c'], 'c', 'down')).toEqual(['a', 'b', 'c'])
  })
})

// ---- Properties, on small random councils, against a brute-force search ----

const KINDS: CaseKind[] = ['assessment_request', 'annual_review', 'placement']
const day = (offset: number) => addDays(TODAY, offset)

interface Shape {
  kinds: CaseKind[]
  earliestSitting: number
  latestSitting: number
  maxCutoffGap: number
  maxSittings: number
  latestDeadline: number
  maxCases: number
  panelKinds?: fc.Arbitrary<CaseKind[][]>
}
/** Roomy councils exercise every rule; tight ones (two kinds, panels sharing them, one place a sitting) the choice of sitting. */
const ROOMY: Shape = {
  kinds: KINDS,
  earliestSitting: -2,
  latestSitting: 14,
  maxCutoffGap: 4,
  maxSittings: 5,
  latestDeadline: 16,
  maxCases: 7,
}
const TIGHT: Shape = {
  kinds: KINDS.slice(0, 2),
  earliestSitting: -2,
  latestSitting: 8,
  maxCutoffGap: 4,
  maxSittings: 6,
  latestDeadline: 9,
  maxCases: 7,
}
// One panel decides both kinds and another only one: where filling sittings in date order can go wrong.
const SHARED: Shape = {
  kinds: KINDS.slice(0, 2),
  earliestSitting: 1,
  latestSitting: 4,
  maxCutoffGap: 1,
  maxSittings: 4,
  latestDeadline: 5,
  maxCases: 4,
  panelKinds: fc.constant([KINDS.slice(0, 2), KINDS.slice(0, 1)]),
}

/** A value one time in five, null otherwise (fc.option gives null one time in `freq`, the other way round). */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary })

const councilShaped = (shape: Shape) =>
  fc
    .record({
      panelKinds:
        shape.panelKinds ??
        fc.array(fc.subarray(shape.kinds, { minLength: 1 }), { minLength: 1, maxLength: 3 }),
      sittings: fc.array(
        fc.record({
          panel: fc.nat(2),
          offset: fc.integer({ min: shape.earliestSitting, max: shape.latestSitting }),
          cutoffGap: fc.integer({ min: 0, max: shape.maxCutoffGap }),
          capacity: fc.constantFrom(0, 1, 1, 1, 2),
          open: fc.constantFrom(true, true, true, false),
        }),
        { maxLength: shape.maxSittings },
      ),
      cases: fc.array(
        fc.record({
          kind: fc.constantFrom(...shape.kinds),
          deadline: fc.option(fc.integer({ min: -1, max: shape.latestDeadline }), { freq: 5 }),
          papers: fc.option(fc.integer({ min: -10, max: 10 }), { freq: 5 }),
          handPlacedOn: rarely(fc.nat(4)),
          placedBy: fc.constantFrom<'chair' | 'scheduler'>('chair', 'scheduler'),
          excludedFrom: rarely(fc.nat(4)),
        }),
        { maxLength: shape.maxCases },
      ),
    })
    .map(({ panelKinds, sittings: rawSittings, cases: rawCases }): SchedulerInput => {
      const panels = panelKinds.map((kinds, i) => ({ id: `p${i}`, kinds, papersCutoffWorkingDays: 0 }))
      const sittings = rawSittings.map((s, i) => ({
        id: `s${i}`,
        panelId: panels[s.panel % panels.length]!.id,
        sittingOn: day(s.offset),
        startsAt: '10:00',
        cutoffOn: day(s.offset - s.cutoffGap),
        capacity: s.capacity,
        open: s.open,
      }))
      const cases = rawCases.map((c, i) => ({
        id: `c${i}`,
        reference: `NS-${i}`,
        kind: c.kind,
        deadline: c.deadline === null ? null : day(c.deadline),
        papersCompleteOn: c.papers === null ? null : day(c.papers),
      }))
      const items: AgendaItem[] = []
      const exclusions: { caseId: string; sittingId: string }[] = []
      rawCases.forEach((c, i) => {
        const on = c.handPlacedOn === null ? undefined : sittings[c.handPlacedOn]
        if (on)
          items.push({ caseId: `c${i}`, sittingId: on.id, position: items.length + 1, placedBy: c.placedBy })
        const off = c.excludedFrom === null ? undefined : sittings[c.excludedFrom]
        if (off && off !== on) exclusions.push({ caseId: `c${i}`, sittingId: off.id })
      })
      return { today: TODAY, panels, sittings, cases, items, exclusions, bankHolidays: NO_HOLIDAYS }
    })
const arbitraryInput = fc.oneof(councilShaped(ROOMY), councilShaped(TIGHT), councilShaped(SHARED))

/** The rules restated independently of the scheduler's code. */
function takes(s: QueueSitting): boolean {
  return s.open && s.cutoffOn >= TODAY && s.sittingOn >= TODAY
}
function keptItem(i: SchedulerInput, c: QueueCase): AgendaItem | undefined {
  const item = i.items.find((it) => it.caseId === c.id)
  const on = item && i.sittings.find((s) => s.id === item.sittingId)
  return item && on && (item.placedBy === 'chair' || !takes(on)) ? item : undefined
}
function fitsInTime(i: SchedulerInput, c: QueueCase, s: QueueSitting): boolean {
  const panel = i.panels.find((p) => p.id === s.panelId)!
  return (
    takes(s) &&
    panel.kinds.includes(c.kind) &&
    c.papersCompleteOn !== null &&
    c.papersCompleteOn <= s.cutoffOn &&
    (c.deadline === null || s.sittingOn <= c.deadline) &&
    !i.exclusions.some((e) => e.caseId === c.id && e.sittingId === s.id)
  )
}
function roomBeforeScheduling(i: SchedulerInput): Map<string, number> {
  const room = new Map(i.sittings.map((s) => [s.id, s.capacity]))
  for (const item of i.items) {
    const c = i.cases.find((x) => x.id === item.caseId)!
    if (keptItem(i, c)) room.set(item.sittingId, room.get(item.sittingId)! - 1)
  }
  return room
}
/** Whether all of `mustPlace` can be on sittings in time at once. */
function feasible(i: SchedulerInput, mustPlace: QueueCase[]): boolean {
  const room = roomBeforeScheduling(i)
  const go = (k: number): boolean => {
    if (k === mustPlace.length) return true
    for (const s of i.sittings) {
      if (room.get(s.id)! > 0 && fitsInTime(i, mustPlace[k]!, s)) {
        room.set(s.id, room.get(s.id)! - 1)
        if (go(k + 1)) return true
        room.set(s.id, room.get(s.id)! + 1)
      }
    }
    return false
  }
  return go(0)
}
function maxInTime(i: SchedulerInput, candidates: QueueCase[]): number {
  const room = roomBeforeScheduling(i)
  let best = 0
  const go = (k: number, count: number) => {
    if (count + (candidates.length - k) <= best) return
    if (k === candidates.length) {
      best = Math.max(best, count)
      return
    }
    for (const s of i.sittings) {
      if (room.get(s.id)! > 0 && fitsInTime(i, candidates[k]!, s)) {
        room.set(s.id, room.get(s.id)! - 1)
        go(k + 1, count + 1)
        room.set(s.id, room.get(s.id)! + 1)
      }
    }
    go(k + 1, count)
  }
  go(0, 0)
  return best
}

describe('the scheduler’s properties', () => {
  const runs = { numRuns: 1000 }

  test('never over capacity, never before the papers are ready, only on panels that decide the kind', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const plan = schedule(i)
        const room = roomBeforeScheduling(i)
        for (const agenda of plan.agendas) {
          const added = agenda.caseIds.filter(
            (id) =>
              !keptItem(
                i,
                i.cases.find((c) => c.id === id)!,
              ),
          )
          const otherItems = i.items.filter(
            (it) => it.sittingId === agenda.sittingId && !i.cases.some((c) => c.id === it.caseId),
          )
          expect(added.length).toBeLessThanOrEqual(
            Math.max(0, room.get(agenda.sittingId)! - otherItems.length),
          )
        }
        for (const o of plan.outcomes.filter((x) => x.sittingId && !x.kept)) {
          const c = i.cases.find((x) => x.id === o.caseId)!
          const s = i.sittings.find((x) => x.id === o.sittingId)!
          expect(takes(s)).toBe(true)
          expect(c.papersCompleteOn! <= s.cutoffOn).toBe(true)
          expect(i.panels.find((p) => p.id === s.panelId)!.kinds).toContain(c.kind)
          if (o.state === 'placed') expect(c.deadline === null || s.sittingOn <= c.deadline).toBe(true)
        }
      }),
      runs,
    )
  })

  test('items a chair placed, and items on sittings that no longer change, stay where they were', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const plan = schedule(i)
        for (const c of i.cases) {
          const kept = keptItem(i, c)
          if (!kept) continue
          const o = plan.outcomes.find((x) => x.caseId === c.id)!
          expect(o).toMatchObject({ sittingId: kept.sittingId, kept: true })
          const agenda = plan.agendas.find((a) => a.sittingId === kept.sittingId)
          if (agenda) expect(agenda.caseIds).toContain(c.id)
        }
      }),
      runs,
    )
  })

  test('as many cases are placed in time as any plan could manage, and no at-risk case could have been saved', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const plan = schedule(i)
        const candidates = i.cases.filter((c) => !keptItem(i, c) && c.papersCompleteOn !== null)
        const inTime = plan.outcomes.filter((o) => o.state === 'placed' && !o.kept).map((o) => o.caseId)
        expect(inTime.length).toBe(maxInTime(i, candidates))
        const placed = candidates.filter((c) => inTime.includes(c.id))
        for (const o of plan.outcomes.filter((x) => x.state === 'at_risk' && !x.kept)) {
          const c = i.cases.find((x) => x.id === o.caseId)!
          if (c.papersCompleteOn !== null) expect(feasible(i, [...placed, c])).toBe(false)
        }
      }),
      runs,
    )
  })

  test('no placed case could have gone on an earlier sitting that still has room', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const plan = schedule(i)
        const used = new Map<string, number>()
        for (const a of plan.agendas) used.set(a.sittingId, a.caseIds.length)
        const otherItems = (sittingId: string) =>
          i.items.filter((it) => it.sittingId === sittingId && !i.cases.some((c) => c.id === it.caseId))
            .length
        for (const o of plan.outcomes.filter((x) => x.state === 'placed' && !x.kept)) {
          const c = i.cases.find((x) => x.id === o.caseId)!
          const on = i.sittings.find((s) => s.id === o.sittingId)!
          const earlierWithRoom = i.sittings.filter(
            (s) =>
              s.sittingOn < on.sittingOn &&
              fitsInTime(i, c, s) &&
              (used.get(s.id) ?? 0) + otherItems(s.id) < s.capacity,
          )
          expect(earlierWithRoom).toEqual([])
        }
      }),
      runs,
    )
  })

  test('the same council in any order gives the same plan', () => {
    fc.assert(
      fc.property(arbitraryInput, fc.integer(), (i, seed) => {
        const shuffle = <T>(xs: readonly T[]) =>
          xs
            .map((x, k) => ({ x, key: Math.sin(seed + k) }))
            .sort((a, b) => a.key - b.key)
            .map((p) => p.x)
        const shuffled = {
          ...i,
          cases: shuffle(i.cases),
          sittings: shuffle(i.sittings),
          panels: shuffle(i.panels),
        }
        expect(schedule(shuffled)).toEqual(schedule(i))
      }),
      runs,
    )
  })
})

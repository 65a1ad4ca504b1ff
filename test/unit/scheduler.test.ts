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
      papersNeededBy: null,
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
          queueCase('awaiting-far', 'assessment_request', '2027-01-20', null),
          queueCase('no-clock', 'placement', null, '2026-11-01'),
        ],
        sittings: [dec1, dec8, sitting('jan', 'p-send', '2027-01-19')],
      }),
    )
    const reasons = Object.fromEntries(plan.outcomes.map((o) => [o.caseId, [o.state, o.reason]]))
    expect(reasons).toEqual({
      'no-sitting': ['at_risk', 'no_sitting'],
      'papers-late': ['at_risk', 'papers_late'],
      passed: ['at_risk', 'deadline_passed'],
      'no-panel': ['at_risk', 'no_panel'],
      // Issue 14: the last cut-off before its deadline (3 December) is 8 working days away: chase the advice.
      awaiting: ['at_risk', 'papers_due'],
      'awaiting-far': ['unplaced', 'awaiting_papers'],
      'no-clock': ['unplaced', 'no_sitting'],
    })
    expect(outcomeOf(plan, 'passed').suggestion).toBeNull()
    expect(outcomeOf(plan, 'awaiting')).toMatchObject({ papersNeededBy: '2026-12-03', suggestion: null })
    expect(outcomeOf(plan, 'awaiting-far').papersNeededBy).toBe('2027-01-14')
  })

  describe('issue 14: a chair sends a case back', () => {
    // Amara is at risk: nothing before her deadline (4 December) had room, so she is on 8 December.
    const dec22 = sitting('s4', 'p-send', '2026-12-22', 3)
    const sittings = [
      sitting('s2', 'p-send', '2026-12-08', 3),
      sitting('s3', 'p-send', '2026-12-15', 3),
      dec22,
    ]
    const cases = [
      queueCase('amara', 'assessment_request', '2026-12-04', '2026-11-10'),
      queueCase('ben', 'assessment_request', '2026-12-20', '2026-11-10'),
      queueCase('sent-back', 'assessment_request', '2026-12-30', '2026-11-10'),
      queueCase('no-clock-1', 'annual_review', null, '2026-11-10'),
      queueCase('no-clock-2', 'annual_review', null, '2026-11-10'),
      queueCase('cleo', 'assessment_request', '2026-12-31', '2026-11-10'),
    ]
    const on = (caseId: string, sittingId: string, position: number): AgendaItem => ({
      caseId,
      sittingId,
      position,
      placedBy: 'scheduler',
    })
    const before = [
      on('amara', 's2', 1),
      on('ben', 's2', 2),
      on('no-clock-1', 's3', 1),
      on('no-clock-2', 's3', 2),
      on('cleo', 's3', 3),
    ]

    test('nobody else moves: Amara keeps 8 December, and the case sent back goes to the next sitting with room', () => {
      const plan = schedule(
        input({
          cases,
          sittings,
          items: before,
          exclusions: [{ caseId: 'sent-back', sittingId: 's2' }],
        }),
      )
      expect(outcomeOf(plan, 'amara')).toMatchObject({ state: 'at_risk', sittingId: 's2' })
      expect(plan.changes).toEqual([
        { caseId: 'sent-back', fromSittingId: null, toSittingId: 's4', because: 'new', forCaseId: null },
      ])
    })

    test('an extra sitting before her deadline saves Amara and moves no one else', () => {
      const plan = schedule(
        input({ cases, sittings: [sitting('extra', 'p-send', '2026-12-03', 3), ...sittings], items: before }),
      )
      expect(plan.changes).toEqual([
        {
          caseId: 'amara',
          fromSittingId: 's2',
          toSittingId: 'extra',
          because: 'now_in_time',
          forCaseId: null,
        },
        { caseId: 'sent-back', fromSittingId: null, toSittingId: 'extra', because: 'new', forCaseId: null },
      ])
    })

    test('a more urgent case takes the place of one with a later deadline only when it must, and says so', () => {
      const full = [sitting('s2', 'p-send', '2026-12-08', 2), sitting('s3', 'p-send', '2026-12-15', 3)]
      const urgent = queueCase('urgent', 'assessment_request', '2026-12-10', '2026-11-10')
      const plan = schedule(input({ cases: [...cases, urgent], sittings: full, items: before }))
      // 8 December is full with Amara and Ben. Ben gives way (his deadline is later) and takes 15 December,
      // where the least urgent case there, with no deadline, gives way to him.
      expect(plan.changes).toEqual(
        expect.arrayContaining([
          {
            caseId: 'no-clock-2',
            fromSittingId: 's3',
            toSittingId: null,
            because: 'displaced',
            forCaseId: 'ben',
          },
        ]),
      )
      expect(outcomeOf(plan, 'urgent')).toMatchObject({ state: 'placed', sittingId: 's2' })
      expect(outcomeOf(plan, 'amara').sittingId).toBe('s2')
    })
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
  /** Most cases already on an agenda from the last run: what stability and "never pushed back" are about. */
  busy?: boolean
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
          handPlacedOn: shape.busy
            ? fc.option(fc.nat(shape.maxSittings - 1), { freq: 4 })
            : rarely(fc.nat(4)),
          placedBy: shape.busy
            ? fc.constantFrom<'chair' | 'scheduler'>(
                'chair',
                'scheduler',
                'scheduler',
                'scheduler',
                'scheduler',
              )
            : fc.constantFrom<'chair' | 'scheduler'>('chair', 'scheduler'),
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
// Last week's agendas, then a change: new cases, a sitting cancelled, papers later, a case sent back.
const BUSY: Shape = { ...TIGHT, maxCases: 8, busy: true }
const arbitraryInput = fc.oneof(
  councilShaped(ROOMY),
  councilShaped(TIGHT),
  councilShaped(SHARED),
  councilShaped(BUSY),
  councilShaped({ ...SHARED, busy: true }),
)

/** The rules restated independently of the scheduler's code. */
function takes(s: QueueSitting): boolean {
  return s.open && s.cutoffOn >= TODAY && s.sittingOn > TODAY
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
/** Date and time order, as a chair reads "later". */
function later(a: QueueSitting, b: QueueSitting): boolean {
  return a.sittingOn > b.sittingOn || (a.sittingOn === b.sittingOn && a.startsAt > b.startsAt)
}
/** Earliest deadline first, none last, then the scheduler's own tie-breaks. */
function moreUrgent(a: QueueCase, b: QueueCase): boolean {
  if (a.deadline !== b.deadline)
    return b.deadline === null || (a.deadline !== null && a.deadline < b.deadline)
  if (a.papersCompleteOn !== b.papersCompleteOn)
    return (
      b.papersCompleteOn === null || (a.papersCompleteOn !== null && a.papersCompleteOn < b.papersCompleteOn)
    )
  return a.reference !== b.reference ? a.reference < b.reference : a.id < b.id
}
/** Where the scheduler had a case before the run and may move it: its own item on a sitting that still takes cases. */
function wasOn(i: SchedulerInput, c: QueueCase): QueueSitting | undefined {
  const item = i.items.find((it) => it.caseId === c.id)
  const on = item && i.sittings.find((s) => s.id === item.sittingId)
  return item && on && item.placedBy === 'scheduler' && takes(on) ? on : undefined
}
function fitsAtAll(i: SchedulerInput, c: QueueCase, s: QueueSitting): boolean {
  return fitsInTime(i, { ...c, deadline: null }, s)
}
function itemsOn(i: SchedulerInput, sittingId: string): number {
  return i.items.filter((it) => it.sittingId === sittingId).length
}
function placedAt(
  plan: ReturnType<typeof schedule>,
  i: SchedulerInput,
  caseId: string,
): QueueSitting | undefined {
  const o = plan.outcomes.find((x) => x.caseId === caseId)!
  return o.sittingId === null ? undefined : i.sittings.find((s) => s.id === o.sittingId)
}
/** The plan's agendas as the next run's input: what the scheduler placed is the scheduler's, the rest as it was. */
function applied(i: SchedulerInput, plan: ReturnType<typeof schedule>): SchedulerInput {
  const replanned = new Set(plan.agendas.map((a) => a.sittingId))
  const chairs = new Set(i.items.filter((it) => it.placedBy === 'chair').map((it) => it.caseId))
  const items: AgendaItem[] = i.items.filter((it) => !replanned.has(it.sittingId))
  for (const a of plan.agendas)
    a.caseIds.forEach((caseId, k) =>
      items.push({
        caseId,
        sittingId: a.sittingId,
        position: k + 1,
        placedBy: chairs.has(caseId) ? 'chair' : 'scheduler',
      }),
    )
  return { ...i, items }
}

describe('the scheduler’s properties', () => {
  test('cases are taken most urgent first: earliest deadline, none last, then papers, reference and id', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const expected = [...i.cases]
          .sort((a, b) => (moreUrgent(a, b) ? -1 : moreUrgent(b, a) ? 1 : 0))
          .map((c) => c.id)
        expect(schedule(i).outcomes.map((o) => o.caseId)).toEqual(expected)
      }),
    )
  })

  const runs = { numRuns: 1000 }

  test('never over capacity, never before the papers are ready, only on panels that decide the kind, never on a sitting that has met, is cancelled or past its cut-off', () => {
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

  test('an automatic run never moves a case to a later sitting, or off its agenda, for a case whose deadline is later or which has none', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const plan = schedule(i)
        for (const c of i.cases) {
          const from = wasOn(i, c)
          // A place fewer than the cases already on it (capacity cut), or a case that may no longer go there, is another matter.
          if (!from || !fitsAtAll(i, c, from) || itemsOn(i, from.id) > from.capacity) continue
          const to = placedAt(plan, i, c.id)
          if (to && !later(to, from)) continue
          const agenda = plan.agendas.find((a) => a.sittingId === from.id)!
          const newcomers = agenda.caseIds
            .map((id) => i.cases.find((x) => x.id === id))
            .filter((x): x is QueueCase => x !== undefined && wasOn(i, x)?.id !== from.id)
          expect(newcomers.some((h) => h.deadline !== null && moreUrgent(h, c))).toBe(true)
        }
      }),
      runs,
    )
  })

  test('a case that cannot be heard in time is heard as soon as any sitting can take it: an earlier one has no room and no less urgent case', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const plan = schedule(i)
        const sizes = new Map(plan.agendas.map((a) => [a.sittingId, a.caseIds.length]))
        for (const o of plan.outcomes.filter((x) => x.state === 'at_risk' && !x.kept)) {
          const c = i.cases.find((x) => x.id === o.caseId)!
          if (c.papersCompleteOn === null) continue
          const on = placedAt(plan, i, c.id)
          for (const s of i.sittings.filter((x) => fitsAtAll(i, c, x) && (!on || later(on, x)))) {
            const used =
              (sizes.get(s.id) ?? 0) +
              i.items.filter((it) => it.sittingId === s.id && !i.cases.some((x) => x.id === it.caseId)).length
            expect(used).toBeGreaterThanOrEqual(s.capacity)
            const lessUrgent = plan.agendas
              .find((a) => a.sittingId === s.id)!
              .caseIds.map((id) => i.cases.find((x) => x.id === id)!)
              .filter((x) => !keptItem(i, x) && moreUrgent(c, x))
            expect(lessUrgent.map((x) => x.id)).toEqual([])
          }
        }
      }),
      runs,
    )
  })

  test('a case with no statutory deadline takes only a place that no deadline case needs', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const plan = schedule(i)
        const atRisk = plan.outcomes
          .filter((o) => o.state === 'at_risk' && !o.kept)
          .map((o) => i.cases.find((c) => c.id === o.caseId)!)
          .filter((c) => c.papersCompleteOn !== null)
        for (const o of plan.outcomes.filter((x) => x.sittingId && !x.kept)) {
          const n = i.cases.find((x) => x.id === o.caseId)!
          if (n.deadline !== null) continue
          const s = i.sittings.find((x) => x.id === o.sittingId)!
          for (const c of atRisk) {
            const cOn = placedAt(plan, i, c.id)
            expect(fitsAtAll(i, c, s) && (!cOn || later(cOn, s))).toBe(false)
          }
        }
      }),
      runs,
    )
  })

  test('stability: run again on its own plan, nothing moves', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const plan = schedule(i)
        const again = schedule(applied(i, plan))
        expect(again.changes).toEqual([])
        expect(again.agendas).toEqual(plan.agendas)
        expect(again.outcomes.map((o) => [o.caseId, o.state, o.sittingId])).toEqual(
          plan.outcomes.map((o) => [o.caseId, o.state, o.sittingId]),
        )
      }),
      runs,
    )
  })

  test('every change is reported with its reason, and only real changes', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const plan = schedule(i)
        const expected = i.cases
          .filter((c) => !keptItem(i, c))
          .map((c) => ({
            caseId: c.id,
            from: wasOn(i, c)?.id ?? null,
            to: placedAt(plan, i, c.id)?.id ?? null,
          }))
          .filter((x) => x.from !== x.to)
        expect(
          plan.changes.map((x) => ({ caseId: x.caseId, from: x.fromSittingId, to: x.toSittingId })),
        ).toEqual(expect.arrayContaining(expected))
        expect(plan.changes).toHaveLength(expected.length)
        for (const change of plan.changes) {
          if (change.because === 'displaced' || change.because === 'made_room') {
            const c = i.cases.find((x) => x.id === change.caseId)!
            const forCase = i.cases.find((x) => x.id === change.forCaseId)!
            if (change.because === 'displaced') expect(moreUrgent(forCase, c)).toBe(true)
            else
              expect(
                later(
                  i.sittings.find((s) => s.id === change.toSittingId)!,
                  wasOn(i, c)!,
                ),
              ).toBe(false)
          }
          if (change.fromSittingId === null) expect(change.because).toBe('new')
        }
      }),
      runs,
    )
  })

  test('stability: a case on an agenda where it may still go moves only for a more urgent case, to let another be heard in time or sooner, or to be heard sooner itself', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const plan = schedule(i)
        const changed = new Set(plan.changes.map((x) => x.caseId))
        for (const change of plan.changes) {
          const c = i.cases.find((x) => x.id === change.caseId)!
          const from = change.fromSittingId === null ? undefined : wasOn(i, c)
          if (!from || !fitsAtAll(i, c, from) || itemsOn(i, from.id) > from.capacity) continue
          const inTime = fitsInTime(i, c, from)
          const allowed = inTime ? ['displaced', 'made_room'] : ['displaced', 'now_in_time', 'heard_sooner']
          expect(allowed).toContain(change.because)
          // The case it made room for did gain: it came onto an agenda or moved.
          if (change.forCaseId !== null) expect(changed.has(change.forCaseId)).toBe(true)
          if (change.because === 'now_in_time') expect(fitsInTime(i, c, placedAt(plan, i, c.id)!)).toBe(true)
          if (change.because === 'heard_sooner') expect(later(from, placedAt(plan, i, c.id)!)).toBe(true)
        }
      }),
      runs,
    )
  })

  test('no case at risk could have been heard in time without making a more urgent case late or later, or moving a case on an agenda later for it', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const plan = schedule(i)
        for (const o of plan.outcomes.filter((x) => x.state === 'at_risk' && !x.kept)) {
          const c = i.cases.find((x) => x.id === o.caseId)!
          if (c.papersCompleteOn === null) continue
          const room = roomBeforeScheduling(i)
          const mustPlace: { c: QueueCase; allowed: QueueSitting[] }[] = [
            { c, allowed: i.sittings.filter((s) => fitsInTime(i, c, s)) },
          ]
          for (const h of i.cases.filter((x) => moreUrgent(x, c) && !keptItem(i, x))) {
            const ho = plan.outcomes.find((x) => x.caseId === h.id)!
            const hOn = placedAt(plan, i, h.id)
            if (!hOn) continue
            if (ho.state !== 'placed') {
              // A more urgent case heard late keeps its place: it is heard as soon as it can be.
              room.set(hOn.id, room.get(hOn.id)! - 1)
              continue
            }
            const from = wasOn(i, h)
            const ceiling = from && !later(hOn, from) ? from : hOn
            mustPlace.push({
              c: h,
              allowed: i.sittings.filter((s) => fitsInTime(i, h, s) && (!from || !later(s, ceiling))),
            })
          }
          const go = (k: number): boolean => {
            if (k === mustPlace.length) return true
            for (const s of mustPlace[k]!.allowed) {
              if (room.get(s.id)! > 0) {
                room.set(s.id, room.get(s.id)! - 1)
                const ok = go(k + 1)
                room.set(s.id, room.get(s.id)! + 1)
                if (ok) return true
              }
            }
            return false
          }
          expect(go(0)).toBe(false)
        }
      }),
      runs,
    )
  })

  test('no case newly placed, or heard after its deadline, could have gone on an earlier sitting that still has room', () => {
    fc.assert(
      fc.property(arbitraryInput, (i) => {
        const plan = schedule(i)
        const used = new Map<string, number>()
        for (const a of plan.agendas) used.set(a.sittingId, a.caseIds.length)
        const otherItems = (sittingId: string) =>
          i.items.filter((it) => it.sittingId === sittingId && !i.cases.some((c) => c.id === it.caseId))
            .length
        for (const o of plan.outcomes.filter((x) => x.sittingId && !x.kept)) {
          const c = i.cases.find((x) => x.id === o.caseId)!
          const on = i.sittings.find((s) => s.id === o.sittingId)!
          const stayed = wasOn(i, c)?.id === on.id && o.state === 'placed'
          if (stayed) continue
          const earlierWithRoom = i.sittings.filter(
            (s) =>
              later(on, s) &&
              (o.state === 'placed' ? fitsInTime(i, c, s) : fitsAtAll(i, c, s)) &&
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

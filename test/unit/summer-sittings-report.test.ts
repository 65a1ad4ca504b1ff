import fc from 'fast-check'
import { addDays, daysBetween } from '../../src/domain/dates'
import type { SchoolTerm } from '../../src/domain/sittingPlan'
import { assessmentDeadlines } from '../../src/domain/statutoryClock'
import {
  autumnTermStartAfter,
  septemberSitting,
  stepMetByDecision,
  summerSittingsReport,
  type SummerHearing,
} from '../../src/domain/summerSittingsReport'

const TERMS: SchoolTerm[] = [
  { academicYear: '2025/26', term: 'summer', startsOn: '2026-04-13', endsOn: '2026-07-22' },
  { academicYear: '2026/27', term: 'autumn', startsOn: '2026-09-03', endsOn: '2026-12-18' },
  { academicYear: '2026/27', term: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-21' },
  { academicYear: '2027/28', term: 'autumn', startsOn: '2027-09-02', endsOn: '2027-12-17' },
]
const NO_HOLIDAYS = { has: () => false }

let n = 0
/** A request to assess received on `receivedOn`, decided at a Wednesday summer sitting. */
function hearing(over: Partial<SummerHearing> & { receivedOn?: string } = {}): SummerHearing {
  n += 1
  const { receivedOn = '2026-06-24', ...rest } = over
  return {
    decisionId: `d${n}`,
    caseId: `c${n}`,
    reference: `NS-2026-${String(n).padStart(4, '0')}`,
    kind: 'assessment_request',
    caseStatus: 'decided',
    panelId: 'send',
    panelName: 'SEND decision-making panel',
    panelWeekday: 3,
    sittingOn: '2026-08-05',
    decidedOn: '2026-08-05',
    outcome: 'agree_to_assess',
    laterSittings: ['2026-09-09', '2026-09-16'],
    deadlines: assessmentDeadlines(receivedOn),
    ...rest,
  }
}

describe('summer sittings (issue 18 point 4)', () => {
  it('finds the first sitting of the panel on or after the start of the autumn term', () => {
    expect(autumnTermStartAfter('2026-08-05', TERMS)).toBe('2026-09-03')
    expect(septemberSitting(hearing(), TERMS, NO_HOLIDAYS)).toEqual({ on: '2026-09-09', source: 'calendar' })
    // a sitting left in the calendar before term starts (not a summer one) is not the September sitting
    expect(
      septemberSitting(hearing({ laterSittings: ['2026-09-02', '2026-09-09'] }), TERMS, NO_HOLIDAYS).on,
    ).toBe('2026-09-09')
  })

  it('falls back to the panel’s weekly day when the calendar holds no September sitting, skipping a bank holiday', () => {
    const h = hearing({ laterSittings: [], panelWeekday: 4 })
    expect(septemberSitting(h, TERMS, NO_HOLIDAYS)).toEqual({ on: '2026-09-03', source: 'weekly_slot' })
    expect(septemberSitting(h, TERMS, { has: (d: string) => d === '2026-09-03' })).toEqual({
      on: '2026-09-10',
      source: 'weekly_slot',
    })
  })

  it('gives no September sitting when no autumn term is recorded after the summer', () => {
    const r = summerSittingsReport(
      [hearing({ sittingOn: '2028-08-02', decidedOn: '2028-08-02' })],
      TERMS,
      NO_HOLIDAYS,
    )
    expect(r.hearings[0]).toMatchObject({
      septemberSource: 'no_autumn_term',
      daysSooner: null,
      deadlineKept: false,
    })
    expect(r.summers[0]).toMatchObject({
      summer: '2028',
      heard: 1,
      decided: 1,
      compared: 0,
      averageDaysSooner: null,
    })
  })

  it('counts the days sooner and a 6-week deadline the September sitting would have missed (reg 5(1))', () => {
    // received 24 June: due 5 August, met at the summer sitting that day; 9 September would have been late
    const kept = hearing({ receivedOn: '2026-06-24' })
    // received 1 August: due 12 September, after the September sitting: nothing kept, still 35 days sooner
    const notNeeded = hearing({ receivedOn: '2026-08-01' })
    // received 10 June: already late at the summer sitting (due 22 July): not kept either
    const alreadyLate = hearing({ receivedOn: '2026-06-10' })
    const r = summerSittingsReport([kept, notNeeded, alreadyLate], TERMS, NO_HOLIDAYS)
    expect(r.hearings.map((h) => [h.daysSooner, h.deadline?.due, h.deadlineKept])).toEqual([
      [35, '2026-08-05', true],
      [35, '2026-09-12', false],
      [35, '2026-07-22', false],
    ])
    expect(r.summers).toEqual([
      {
        summer: '2026',
        heard: 3,
        decided: 3,
        deferred: 0,
        compared: 3,
        totalDaysSooner: 105,
        averageDaysSooner: 35,
        deadlinesKept: 1,
      },
    ])
  })

  it('counts a deferral as heard but saving nothing, and a placement as keeping no statutory deadline', () => {
    const deferred = hearing({ outcome: 'defer' })
    const placement = hearing({ kind: 'placement', outcome: 'name_preference', deadlines: [] })
    const r = summerSittingsReport([deferred, placement], TERMS, NO_HOLIDAYS)
    expect(r.hearings.map((h) => [h.decided, h.daysSooner, h.deadlineKept])).toEqual([
      [false, null, false],
      [true, 35, false],
    ])
    expect(r.summers[0]).toMatchObject({
      heard: 2,
      decided: 1,
      deferred: 1,
      totalDaysSooner: 35,
      deadlinesKept: 0,
    })
    expect(stepMetByDecision('placement', 'name_preference')).toBeNull()
    expect(stepMetByDecision('annual_review', 'amend')).toBe('notify_review_decision')
  })

  it('still counts a case heard and decided in the summer that was withdrawn later', () => {
    const r = summerSittingsReport([hearing({ caseStatus: 'withdrawn' })], TERMS, NO_HOLIDAYS)
    expect(r.summers[0]).toMatchObject({ heard: 1, decided: 1, deadlinesKept: 1 })
  })

  it('reports nothing when no summer sitting heard a case, and totals each summer apart', () => {
    expect(summerSittingsReport([], TERMS, NO_HOLIDAYS)).toEqual({ hearings: [], summers: [] })
    const r = summerSittingsReport(
      [
        hearing(),
        hearing({
          sittingOn: '2027-08-04',
          decidedOn: '2027-08-04',
          laterSittings: ['2027-09-08'],
          receivedOn: '2027-07-01',
        }),
      ],
      TERMS,
      NO_HOLIDAYS,
    )
    expect(r.summers.map((s) => [s.summer, s.heard, s.totalDaysSooner])).toEqual([
      ['2026', 1, 35],
      ['2027', 1, 35],
    ])
  })

  it('does not count a deadline that is only a latest safe date', () => {
    const h = hearing({
      kind: 'phase_transfer',
      outcome: 'amend',
      deadlines: [{ step: 'notify_review_decision', due: '2026-08-20', basis: 'latest_safe' }],
    })
    expect(summerSittingsReport([h], TERMS, NO_HOLIDAYS).hearings[0]).toMatchObject({
      deadline: null,
      deadlineKept: false,
    })
  })
})

describe('summer sittings properties', () => {
  const hearingArb = fc
    .record({
      day: fc.integer({ min: 0, max: 40 }),
      received: fc.integer({ min: 0, max: 120 }),
      later: fc.array(fc.integer({ min: 1, max: 110 }), { maxLength: 6 }),
      weekday: fc.integer({ min: 1, max: 7 }),
      deferred: fc.boolean(),
    })
    .map((r) => {
      const sittingOn = addDays('2026-07-23', r.day)
      return hearing({
        sittingOn,
        decidedOn: sittingOn,
        outcome: r.deferred ? 'defer' : 'refuse_to_assess',
        laterSittings: r.later.map((d) => addDays(sittingOn, d)).sort(),
        panelWeekday: r.weekday,
        receivedOn: addDays(sittingOn, -r.received),
      })
    })

  it('the September sitting is on or after term starts, and a decision there is never sooner than one in summer', () => {
    fc.assert(
      fc.property(fc.array(hearingArb, { maxLength: 20 }), (hearings) => {
        const r = summerSittingsReport(hearings, TERMS, NO_HOLIDAYS)
        for (const f of r.hearings) {
          expect(f.septemberSittingOn).not.toBeNull()
          expect(f.septemberSittingOn! >= '2026-09-03').toBe(true)
          if (f.septemberSource === 'calendar') {
            expect(f.hearing.laterSittings).toContain(f.septemberSittingOn)
            // none of the panel's sittings from the start of term came before it
            expect(
              f.hearing.laterSittings.filter((d) => d >= '2026-09-03' && d < f.septemberSittingOn!),
            ).toEqual([])
          }
          if (f.decided) expect(f.daysSooner).toBe(daysBetween(f.hearing.decidedOn, f.septemberSittingOn!))
          if (f.daysSooner !== null) expect(f.daysSooner).toBeGreaterThan(0)
          if (f.deadlineKept) {
            expect(f.deadline!.due >= f.hearing.decidedOn).toBe(true)
            expect(f.deadline!.due < f.septemberSittingOn!).toBe(true)
          }
          if (!f.decided) expect([f.daysSooner, f.deadlineKept]).toEqual([null, false])
        }
        const total = r.summers.reduce((t, s) => t + s.heard, 0)
        expect(total).toBe(hearings.length)
        for (const s of r.summers) {
          const mine = r.hearings.filter((f) => f.summer === s.summer)
          expect(s.deadlinesKept).toBe(mine.filter((f) => f.deadlineKept).length)
          expect(s.totalDaysSooner).toBe(mine.reduce((t, f) => t + (f.daysSooner ?? 0), 0))
          expect(s.decided + s.deferred).toBe(s.heard)
        }
      }),
    )
  })
})

import fc from 'fast-check'
import { monthsBetween, timelinessByMonth } from '../../src/domain/timelinessByMonth'
import type { ReportCase } from '../../src/domain/timelinessReport'

const sixWeek = (due: string, completedOn: string | null): ReportCase['deadlines'][number] => ({
  step: 'decide_whether_to_assess',
  due,
  basis: 'statutory',
  completedOn,
})
const row = (months: ReturnType<typeof timelinessByMonth>, month: string) =>
  months.find((m) => m.month === month)?.rows.find((r) => r.step === 'decide_whether_to_assess')

describe('timeliness month by month (issue 18 point 2)', () => {
  const period = { from: '2026-09-01', to: '2026-10-31' }
  const today = '2026-12-01'

  it('counts each step in the month it fell due, leaving out steps due outside the period', () => {
    const cases: ReportCase[] = [
      // received in July, due in September: inside the period though the case began before it
      { deadlines: [sixWeek('2026-09-10', '2026-09-09')], exceptions: [] },
      { deadlines: [sixWeek('2026-10-05', '2026-10-20')], exceptions: [] },
      { deadlines: [sixWeek('2026-10-31', null)], exceptions: [] },
      // due after the period ends: not counted at all
      { deadlines: [sixWeek('2026-11-02', null)], exceptions: [] },
    ]
    const months = timelinessByMonth(cases, period, today)
    expect(months.map((m) => m.month)).toEqual(['2026-09', '2026-10'])
    expect(row(months, '2026-09')).toMatchObject({ due: 1, doneInTime: 1, percentWithoutExceptions: 100 })
    expect(row(months, '2026-10')).toMatchObject({
      due: 2,
      doneLate: 1,
      openPastDue: 1,
      percentWithoutExceptions: 0,
    })
  })

  it('reports a step late under an allowed exception in time only "with exceptions" (reg 5(4))', () => {
    const cases: ReportCase[] = [
      {
        deadlines: [sixWeek('2026-09-10', '2026-09-20')],
        exceptions: [
          {
            step: 'decide_whether_to_assess',
            reason: 'exceptional_personal_circumstances',
            startsOn: '2026-09-01',
            endsOn: '2026-09-15',
            adviceRequestedOn: null,
            explanation: 'In hospital',
          },
        ],
      },
    ]
    const r = row(timelinessByMonth(cases, period, today), '2026-09')
    expect(r).toMatchObject({
      due: 1,
      lateWithException: 1,
      percentWithoutExceptions: 0,
      percentWithExceptions: 100,
    })
  })

  it('lists every month of the period once, across a year end', () => {
    expect(monthsBetween('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
  })

  it('the months add up to the whole period', () => {
    const deadline = fc
      .record({ m: fc.constantFrom('09', '10'), d: fc.integer({ min: 1, max: 28 }), done: fc.boolean() })
      .map(({ m, d, done }) => {
        const due = `2026-${m}-${String(d).padStart(2, '0')}`
        return sixWeek(due, done ? due : null)
      })
    fc.assert(
      fc.property(fc.array(deadline), (ds) => {
        const months = timelinessByMonth(
          ds.map((d) => ({ deadlines: [d], exceptions: [] })),
          period,
          today,
        )
        const due = months.reduce(
          (t, m) => t + (m.rows.find((r) => r.step === 'decide_whether_to_assess')?.due ?? 0),
          0,
        )
        expect(due).toBe(ds.length)
      }),
    )
  })
})

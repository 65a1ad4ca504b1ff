import fc from 'fast-check'
import { dueSoonWindow, workloadReport, type WorkloadCounts } from '../../src/domain/workloadReport'

const caseworker = (name: string, openCases: number, dueSoon: number, overdue: number): WorkloadCounts => ({
  caseworkerId: name.toLowerCase(),
  name,
  openCases,
  dueSoon,
  overdue,
})

describe('workload per caseworker (issue 18 point 6)', () => {
  it('puts the caseload with most overdue steps first and totals the service', () => {
    const report = workloadReport([
      caseworker('Ann', 10, 4, 0),
      caseworker('Bo', 5, 1, 2),
      caseworker('Cy', 5, 3, 0),
    ])
    expect(report.rows.map((r) => r.name)).toEqual(['Bo', 'Ann', 'Cy'])
    expect(report.totals).toEqual({ openCases: 20, dueSoon: 8, overdue: 2 })
    expect(report.rows.find((r) => r.name === 'Ann')?.shareOfOpen).toBe(50)
  })

  it('gives no share when the service has no open cases', () => {
    expect(workloadReport([caseworker('Ann', 0, 0, 0)]).rows[0]?.shareOfOpen).toBeNull()
    expect(workloadReport([]).totals).toEqual({ openCases: 0, dueSoon: 0, overdue: 0 })
  })

  it('counts today and the 14 days after it as due soon, like the case list', () => {
    expect(dueSoonWindow('2026-12-02')).toEqual({ from: '2026-12-02', before: '2026-12-17' })
  })

  it('keeps every caseworker and the totals add up to the rows', () => {
    const counts = fc.array(
      fc.record({
        caseworkerId: fc.uuid(),
        name: fc.string(),
        openCases: fc.nat(500),
        dueSoon: fc.nat(500),
        overdue: fc.nat(500),
      }),
    )
    fc.assert(
      fc.property(counts, (input) => {
        const report = workloadReport(input)
        expect(report.rows).toHaveLength(input.length)
        const sum = (f: (r: WorkloadCounts) => number) => report.rows.reduce((t, r) => t + f(r), 0)
        expect(sum((r) => r.openCases)).toBe(report.totals.openCases)
        expect(sum((r) => r.dueSoon)).toBe(report.totals.dueSoon)
        expect(sum((r) => r.overdue)).toBe(report.totals.overdue)
        for (const r of report.rows) {
          if (r.shareOfOpen !== null) expect(r.shareOfOpen).toBeGreaterThanOrEqual(0)
          if (r.shareOfOpen !== null) expect(r.shareOfOpen).toBeLessThanOrEqual(100)
        }
      }),
    )
  })
})

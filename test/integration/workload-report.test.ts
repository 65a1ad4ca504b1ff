import { TEST_TODAY, createTestApp, signedInAgent, type TestApp } from '../support/app'
import { addDays } from '../../src/domain/dates'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

/** The page's cells for one caseworker, by the row's data attribute. */
function cellsFor(html: string, caseworker: string): string[] {
  const row = new RegExp(
    `<tr class="govuk-table__row" data-caseworker="${caseworker}">([\\s\\S]*?)</tr>`,
  ).exec(html)
  if (!row?.[1]) throw new Error(`No workload row for ${caseworker}`)
  return [...row[1].matchAll(/<td class="govuk-table__cell govuk-table__cell--numeric">([^<]*)<\/td>/g)].map(
    (c) => (c[1] ?? '').trim(),
  )
}

describe('GET /reports/workload', () => {
  it('shows each caseworker the counts the cases table gives, closed and withdrawn cases left out', async () => {
    const db = t.database.db
    const expected = (await db('cases')
      .whereNotIn('status', ['closed', 'withdrawn'])
      .groupBy('caseworker_id')
      .select(
        'caseworker_id',
        db.raw('count(*)::int AS open'),
        db.raw('count(*) FILTER (WHERE next_deadline_on BETWEEN ?::date AND ?::date)::int AS soon', [
          TEST_TODAY,
          addDays(TEST_TODAY, 14),
        ]),
        db.raw('count(*) FILTER (WHERE next_deadline_on < ?::date)::int AS overdue', [TEST_TODAY]),
      )) as { caseworker_id: string; open: number; soon: number; overdue: number }[]
    expect(expected.length).toBeGreaterThan(0)

    const agent = await signedInAgent(t.app, 'manager@example.org')
    const res = await agent.get('/reports/workload').expect(200)
    let open = 0
    for (const e of expected) {
      const [openCases, , dueSoon, overdue] = cellsFor(res.text, e.caseworker_id)
      expect([Number(openCases), Number(dueSoon), Number(overdue)]).toEqual([e.open, e.soon, e.overdue])
      open += e.open
    }
    expect(cellsFor(res.text, 'total')[0]).toBe(String(open))
    expect(res.text).toContain('href="/reports/workload"')
  })

  it.each(['caseworker@example.org', 'chair@example.org', 'member@example.org', 'parent@example.org'])(
    'is refused to %s',
    async (email) => {
      const agent = await signedInAgent(t.app, email)
      const res = await agent.get('/reports/workload')
      expect(res.status).toBe(403)
      expect(res.text).not.toContain('data-report="workload"')
    },
  )
})

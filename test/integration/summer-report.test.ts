import { daysBetween } from '../../src/domain/dates'
import { createTestApp, signedInAgent, type TestApp } from '../support/app'
import { hearCasesInSummer } from '../support/summerHearings'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const decisionsAtSummerSittings = async () =>
  Number(
    (
      (await t.database
        .db('decisions as d')
        .join('agenda_items as a', 'a.id', 'd.agenda_item_id')
        .join('sittings as s', 's.id', 'a.sitting_id')
        .where('s.is_summer', true)
        .count('* as n')
        .first()) as { n: number | string }
    ).n,
  )

/** The cells of the totals row for a summer; none when the summer has no row. */
function totalsFor(html: string, summer: string): string[] {
  const row = new RegExp(`<tr class="govuk-table__row" data-summer="${summer}">([\\s\\S]*?)</tr>`).exec(
    html,
  )?.[1]
  if (!row) return []
  return [...row.matchAll(/<td class="govuk-table__cell govuk-table__cell--numeric">([^<]*)<\/td>/g)].map(
    (m) => m[1]!.trim(),
  )
}

describe('GET /reports/summer', () => {
  it('says so when no case has been decided at a summer sitting', async () => {
    const db = t.database.db
    // Whatever the demo council decides in the summer, a calendar with no summer sittings has decided nothing there.
    const summers = (await db('sittings')
      .where({ is_summer: true })
      .update({ is_summer: false })
      .returning('id')) as {
      id: string
    }[]
    try {
      expect(await decisionsAtSummerSittings()).toBe(0)
      const agent = await signedInAgent(t.app, 'manager@example.org')
      const overview = await agent.get('/reports').expect(200)
      expect(overview.text).toContain('href="/reports/summer"')
      const res = await agent.get('/reports/summer').expect(200)
      expect(res.text).toContain('No case has been decided at a summer sitting yet.')
      expect(res.text).not.toContain('<svg')
      const csv = await agent.get('/reports/summer-totals.csv').expect(200)
      expect(csv.text.trim().split('\r\n')).toHaveLength(1)
    } finally {
      await db('sittings')
        .whereIn(
          'id',
          summers.map((r) => r.id),
        )
        .update({ is_summer: true })
    }
  })

  it('shows each case heard in the summer, the days it saved and the deadline it kept, with the summer’s totals', async () => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    // The demo council's own summer decisions, if it has any, are counted before the three added here.
    const before = totalsFor((await agent.get('/reports/summer').expect(200)).text, '2026')
    const { summerOn, septemberOn } = await hearCasesInSummer(t.database.db)
    const sooner = daysBetween(summerOn, septemberOn)
    expect(sooner).toBeGreaterThan(0)
    const res = await agent.get('/reports/summer').expect(200)
    // heard, decided, deferred, days sooner in all, average, deadlines kept
    const after = totalsFor(res.text, '2026')
    const added = [3, 2, 1, 2 * sooner, null, 1]
    expect(after).toHaveLength(added.length)
    after.forEach((cell, i) => {
      if (added[i] !== null) expect(Number(cell)).toBe(Number(before[i] ?? 0) + added[i]!)
    })
    if (before.length === 0) expect(after[4]).toBe(String(sooner))
    expect(res.text).toContain('NS-SUMMER-1')
    expect(res.text).toContain('NS-SUMMER-3')
    const svg = /<svg[\s\S]*?<\/svg>/.exec(res.text)?.[0] ?? ''
    expect(svg).toMatch(/role="img" aria-labelledby="summer-sittings-title summer-sittings-desc"/)

    const csv = await agent.get('/reports/summer.csv').expect(200)
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    const lines = csv.text.trim().split('\r\n')
    expect(lines[0]).toBe(
      'Summer,Summer sitting,Panel,Case reference,Kind,Decision,First September sitting,How the September sitting was found,Days sooner,Statutory step,Due,Deadline kept',
    )
    const line = (ref: string) => lines.find((l) => l.includes(`,${ref},`))!.split(',')
    const kept = line('NS-SUMMER-1')
    expect([kept[0], kept[1], kept[6], kept[7], kept[8], kept.at(-2), kept.at(-1)]).toEqual([
      '2026',
      summerOn,
      septemberOn,
      'From the calendar',
      String(sooner),
      summerOn,
      'Yes',
    ])
    const deferred = line('NS-SUMMER-2')
    expect(deferred[8]).toBe('')
    expect(deferred.at(-1)).toBe('')
    const totals = await agent.get('/reports/summer-totals.csv').expect(200)
    expect(totals.text.trim().split('\r\n')).toContain(`2026,${after.join(',')}`)
  })

  it.each(['caseworker@example.org', 'chair@example.org', 'parent@example.org'])(
    'is refused to %s',
    async (email) => {
      const agent = await signedInAgent(t.app, email)
      for (const url of ['/reports/summer', '/reports/summer.csv', '/reports/summer-totals.csv']) {
        const res = await agent.get(url)
        expect(res.status).toBe(403)
        expect(res.text).not.toMatch(/^Summer,/)
      }
    },
  )
})

import { createTestApp, signedInAgent, type TestApp } from '../support/app'
import { decode, inlineError, summaryLinks } from '../support/formPages'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

// TEST_TODAY is 23 November 2026: the page opens on the twelve months from 1 December 2025.
const DEFAULT_PERIOD = { from: '2025-12-01', to: '2026-11-23' }

/** The demo's decisions in the period, counted in SQL apart from the report's own code. */
async function countedInSql(period = DEFAULT_PERIOD) {
  const rows = (await t.database
    .db('decisions as d')
    .join('cases as c', 'c.id', 'd.case_id')
    .whereBetween('d.decided_on', [period.from, period.to])
    .whereNotNull('d.matches_preference')
    .select('c.id as case_id', 'c.reference', 'c.kind', 'd.matches_preference')) as {
    case_id: string
    reference: string
    kind: string
    matches_preference: boolean
  }[]
  return { decided: rows, differed: rows.filter((r) => !r.matches_preference) }
}

/** The count in a table row (data-key) of one of the report's tables (data-report), and its link. */
function countIn(html: string, report: string, key: string, column: 0 | 1) {
  const table = new RegExp(`data-report="${report}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? ''
  const row = new RegExp(`data-key="${key}">([\\s\\S]*?)</tr>`).exec(table)?.[1] ?? ''
  const cells = [
    ...row.matchAll(/<td class="govuk-table__cell govuk-table__cell--numeric">([\s\S]*?)<\/td>/g),
  ]
  const cell = cells[column]?.[1] ?? ''
  const link = /href="([^"]+)"/.exec(cell)?.[1]
  const text = cell
    .replace(/<span class="govuk-visually-hidden">[\s\S]*?<\/span>/g, '')
    .replace(/<[^>]+>/g, '')
  return { count: Number(text.trim()), href: link && decode(link) }
}

const caseLinks = (html: string) =>
  [...html.matchAll(/<a class="govuk-link" href="\/cases\/([0-9a-f-]{36})">/g)].map((m) => m[1]!)

describe('GET /reports/preference', () => {
  it('shows a manager the decisions against the preference, matching the cases, with a chart and its table', async () => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const overview = await agent.get('/reports').expect(200)
    expect(overview.text).toContain('href="/reports/preference"')

    const res = await agent.get('/reports/preference').expect(200)
    const sql = await countedInSql()
    // The demo council gives real figures here.
    expect(sql.decided.length).toBeGreaterThan(0)
    expect(sql.differed.length).toBeGreaterThan(0)
    expect(res.text).toContain('Decisions made from 1 December 2025 to 23 November 2026')
    const total = /data-figure="total">([\s\S]*?)<\/p>/.exec(res.text)?.[1] ?? ''
    expect(total.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')).toContain(
      `${sql.differed.length} decisions of ${sql.decided.length} differed`,
    )
    for (const kind of ['assessment_request', 'placement', 'alternative_provision']) {
      expect(countIn(res.text, 'preference-by-kind', kind, 0).count).toBe(
        sql.decided.filter((d) => d.kind === kind).length,
      )
    }
    // the chart: an image with a title and description, hatched for the series that differed, each bar labelled
    const svg = /<svg[\s\S]*?<\/svg>/.exec(res.text)?.[0] ?? ''
    expect(svg).toMatch(/role="img" aria-labelledby="preference-by-month-title preference-by-month-desc"/)
    expect(svg).toContain('<title id="preference-by-month-title">')
    expect(svg).toContain('<desc id="preference-by-month-desc">')
    expect(svg).toContain('fill="url(#preference-by-month-hatch)"')
    expect(svg).not.toMatch(/style=/)
    expect(res.text).toContain('data-report="preference-by-month"')
  })

  it('links each count to exactly the cases it counts', async () => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const page = await agent.get('/reports/preference').expect(200)
    const sql = await countedInSql()
    const placementsDiffered = countIn(page.text, 'preference-by-kind', 'placement', 1)
    expect(placementsDiffered.href).toBeTruthy()
    const list = await agent.get(placementsDiffered.href!).expect(200)
    const expected = sql.differed.filter((d) => d.kind === 'placement').map((d) => d.case_id)
    expect(placementsDiffered.count).toBe(expected.length)
    expect(caseLinks(list.text).sort()).toEqual([...expected].sort())
    // and the manager can open each of them
    await agent.get(`/cases/${expected[0]}`).expect(200)
  })

  it('shows each explanation given, escaped, and the CSV carries it formula-safe', async () => {
    const db = t.database.db
    const differing = (await db('decisions')
      .where({ matches_preference: false })
      .whereBetween('decided_on', [DEFAULT_PERIOD.from, DEFAULT_PERIOD.to])
      .first('id')) as { id: string }
    await db('decisions')
      .where({ id: differing.id })
      .update({ disagreement_explanation: '=HYPERLINK("http://evil.example") <script>alert(1)</script>' })
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const page = await agent.get('/reports/preference').expect(200)
    expect(page.text).not.toContain('<script>alert(1)</script>')
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')

    const csv = await agent
      .get(`/reports/preference-explanations.csv?from=${DEFAULT_PERIOD.from}&to=${DEFAULT_PERIOD.to}`)
      .expect(200)
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    const lines = csv.text.trim().split('\r\n')
    expect(lines[0]).toMatch(/^Decided on,Month,Case reference,Kind,Panel,Decision,/)
    expect(lines).toHaveLength(1 + (await countedInSql()).differed.length)
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"") <script>alert(1)</script>"`)
    expect(csv.text).not.toMatch(/(^|,)=HYPERLINK/m)
  })

  it('downloads the figures as CSV, one line per group', async () => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const res = await agent.get('/reports/preference.csv?from=2026-01-01&to=2026-11-23').expect(200)
    expect(res.headers['content-disposition']).toContain(
      'decisions-against-preference-2026-01-01-to-2026-11-23.csv',
    )
    const lines = res.text.trim().split('\r\n')
    expect(lines[0]).toBe(
      'Figure,Group,Lawful ground,Decisions,Differed from the family’s preference,Differed (%)',
    )
    const sql = await countedInSql({ from: '2026-01-01', to: '2026-11-23' })
    expect(lines[1]).toBe(
      `All decisions,All,,${sql.decided.length},${sql.differed.length},${Math.round((100 * sql.differed.length) / sql.decided.length)}`,
    )
    expect(lines.filter((l) => l.startsWith('By kind,'))).toHaveLength(6)
    expect(lines.filter((l) => l.startsWith('By month,'))).toHaveLength(11)
    expect(lines.filter((l) => l.startsWith('By lawful ground,'))).toHaveLength(5)
    expect(lines.some((l) => l.startsWith('Preferred setting not named,'))).toBe(true)
  })

  it.each([
    [
      '/reports/preference?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=3&to-year=2026',
      'from',
      '#from-day',
    ],
    [
      '/reports/preference?from-day=1&from-month=3&from-year=2026&to-day=1&to-month=2&to-year=2026',
      'to',
      '#to-day',
    ],
    ['/reports/preference?from-day=1&from-month=3&from-year=2026', 'to', '#to-day'],
    ['/reports/preference.csv?from=2026-02-30&to=2026-03-01', 'from', '#from'],
    ['/reports/preference/decisions?from=2026-03-01&to=2026-02-01&by=all', 'to', '#to'],
  ])(
    'refuses a bad period (%s) with the message by the field and in the summary',
    async (url, field, href) => {
      const agent = await signedInAgent(t.app, 'manager@example.org')
      const res = await agent.get(url).expect(400)
      expect(res.headers['content-type']).toContain('text/html')
      expect(res.text).toContain('<title>Error: Decisions against the family’s preference')
      const message = inlineError(res.text, field)
      expect(message).toBeTruthy()
      expect(summaryLinks(res.text)).toContainEqual([href, message])
    },
  )

  it('keeps the period chosen in the form', async () => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const res = await agent
      .get('/reports/preference?from-day=1&from-month=10&from-year=2026&to-day=31&to-month=10&to-year=2026')
      .expect(200)
    expect(res.text).toContain('Decisions made from 1 October 2026 to 31 October 2026')
    expect(res.text).toMatch(/name="from-month"[^>]*value="10"|value="10"[^>]*name="from-month"/)
  })

  it.each([
    '/reports/preference?from=2026-01-01&from=2026-02-01&to=2026-03-01',
    '/reports/preference?from-day=%00&from-month=1&from-year=2026&to-day=1&to-month=2&to-year=2026',
    '/reports/preference?from-day[]=1',
    '/reports/preference/decisions?from=2026-01-01&to=2026-03-01&by=setting&value[]=x',
    '/reports/preference/decisions?from=2026-01-01&to=2026-03-01&by=refused&value=' + 'x'.repeat(5000),
    '/reports/preference/decisions?from=2026-01-01&to=2026-03-01&by=all&page[]=2',
  ])('never answers odd input (%s) with a server error', async (url) => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const res = await agent.get(url)
    expect([200, 400, 404]).toContain(res.status)
  })

  it('answers a drill-down naming no figure with page not found', async () => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    await agent
      .get('/reports/preference/decisions?from=2026-01-01&to=2026-02-01&by=kind&value=nonsense')
      .expect(404)
    await agent.get('/reports/preference/decisions?from=2026-01-01&to=2026-02-01&by=everything').expect(404)
  })

  it.each(['caseworker@example.org', 'chair@example.org', 'parent@example.org'])(
    'is refused to %s',
    async (email) => {
      const agent = await signedInAgent(t.app, email)
      for (const url of [
        '/reports/preference',
        '/reports/preference.csv?from=2026-01-01&to=2026-11-23',
        '/reports/preference-explanations.csv?from=2026-01-01&to=2026-11-23',
        '/reports/preference/decisions?from=2026-01-01&to=2026-11-23&by=all',
      ]) {
        const res = await agent.get(url)
        expect(res.status).toBe(403)
        expect(res.text).not.toMatch(/^Figure,|^Decided on,/)
      }
    },
  )
})

describe('GET /reports/preference/decisions, paged', () => {
  it('lists 50 decisions a page, with GOV.UK pagination to the rest', async () => {
    const db = t.database.db
    const sitting = (await db('sittings').where('sitting_on', '<', '2026-11-23').first('id')) as {
      id: string
    }
    const caseworker = (await db('users').where({ email: 'caseworker@example.org' }).first('id')) as {
      id: string
    }
    const chair = (await db('users').where({ email: 'chair@example.org' }).first('id')) as { id: string }
    const [child] = (await db('children')
      .insert({ first_name: 'Paged', last_name: 'Test', date_of_birth: '2015-01-01' })
      .returning('id')) as { id: string }[]
    const cases = (await db('cases')
      .insert(
        Array.from({ length: 55 }, (_, i) => ({
          reference: `NS-PAGED-${String(i).padStart(2, '0')}`,
          child_id: child!.id,
          kind: 'alternative_provision',
          status: 'decided',
          received_on: '2026-05-01',
          caseworker_id: caseworker.id,
        })),
      )
      .returning('id')) as { id: string }[]
    const items = (await db('agenda_items')
      .insert(cases.map((c, i) => ({ sitting_id: sitting.id, case_id: c.id, position: 500 + i })))
      .returning(['id', 'case_id'])) as { id: string; case_id: string }[]
    await db('decisions').insert(
      items.map((item) => ({
        agenda_item_id: item.id,
        case_id: item.case_id,
        outcome: 'refuse',
        reasons: 'Reasons.',
        matches_preference: false,
        disagreement_explanation: 'We could not agree this.',
        decided_on: '2026-06-10',
        recorded_by: chair.id,
      })),
    )
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const url =
      '/reports/preference/decisions?from=2026-06-01&to=2026-06-30&by=month&value=2026-06&differed=1'
    const first = await agent.get(url).expect(200)
    expect(first.text).toContain('55 decisions')
    expect(caseLinks(first.text)).toHaveLength(50)
    expect(first.text).toContain('aria-label="Pages of decisions"')
    const second = await agent.get(`${url}&page=2`).expect(200)
    expect(caseLinks(second.text)).toHaveLength(5)
    const all = new Set([...caseLinks(first.text), ...caseLinks(second.text)])
    expect(all).toEqual(new Set(cases.map((c) => c.id)))
    // past the last page, the last page; nonsense, the first
    expect(caseLinks((await agent.get(`${url}&page=9`).expect(200)).text)).toHaveLength(5)
    expect(caseLinks((await agent.get(`${url}&page=x`).expect(200)).text)).toHaveLength(50)
    // the page says it shows only the newest explanations, and the CSV holds them all
    const page = await agent.get('/reports/preference?from=2026-06-01&to=2026-06-30').expect(200)
    expect(page.text).toContain('The 50 newest of 55.')
    const csv = await agent
      .get('/reports/preference-explanations.csv?from=2026-06-01&to=2026-06-30')
      .expect(200)
    expect(csv.text.trim().split('\r\n')).toHaveLength(56)
  })
})

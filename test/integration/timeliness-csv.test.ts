import { createTestApp, signedInAgent, type TestApp } from '../support/app'
import { inlineError, summaryLinks } from '../support/formPages'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('GET /reports/timeliness.csv', () => {
  it('gives a manager one line per month and step, with counts only', async () => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const res = await agent.get('/reports/timeliness.csv?from=2026-01-01&to=2026-03-31').expect(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    expect(res.headers['content-disposition']).toContain('timeliness-2026-01-01-to-2026-03-31.csv')
    const lines = res.text.trim().split('\r\n')
    expect(lines[0]).toMatch(/^Month,Step,Due,/)
    // 3 months × 5 reported steps
    expect(lines).toHaveLength(1 + 3 * 5)
    expect(lines.slice(1).every((l) => /^2026-0[123],/.test(l))).toBe(true)
    // No names or references: the figures are counts
    const names = (await t.database.db('children').select('first_name')) as { first_name: string }[]
    for (const n of names.slice(0, 20)) expect(res.text).not.toContain(n.first_name)
  })

  it.each([
    ['from=2026-02-30&to=2026-03-01', 'from', '#from'],
    ['from=2026-03-01&to=2026-02-01', 'to', '#to'],
    ['', 'from', '#from-day'],
    ['from-day=1&from-month=13&from-year=2026&to-day=1&to-month=3&to-year=2026', 'from', '#from-day'],
    ['from-day=1&from-month=3&from-year=2026&to-day=1&to-month=2&to-year=2026', 'to', '#to-day'],
  ])(
    'refuses a bad period (%s) on the overview, with the message by the field and in the summary',
    async (query, field, href) => {
      const agent = await signedInAgent(t.app, 'manager@example.org')
      const res = await agent.get(`/reports/timeliness.csv?${query}`).expect(400)
      expect(res.headers['content-type']).toContain('text/html')
      expect(res.text).toContain('<title>Error: Overview')
      const message = inlineError(res.text, field)
      expect(message).toBeTruthy()
      expect(summaryLinks(res.text)).toContainEqual([href, message])
    },
  )

  it('downloads the period the form’s date inputs give', async () => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const res = await agent
      .get('/reports/timeliness.csv?from-day=1&from-month=1&from-year=2026&to-day=31&to-month=3&to-year=2026')
      .expect(200)
    expect(res.headers['content-disposition']).toContain('timeliness-2026-01-01-to-2026-03-31.csv')
  })

  it.each(['caseworker@example.org', 'chair@example.org', 'parent@example.org'])(
    'is refused to %s',
    async (email) => {
      const agent = await signedInAgent(t.app, email)
      const res = await agent.get('/reports/timeliness.csv?from=2026-01-01&to=2026-03-31')
      expect(res.status).toBe(403)
      expect(res.text).not.toMatch(/^Month,/)
    },
  )
})

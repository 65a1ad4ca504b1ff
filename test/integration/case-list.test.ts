import { createTestApp, signedInAgent, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const rows = (html: string) => (html.match(/<tr class="govuk-table__row">/g) ?? []).length - 1
const references = (html: string) => [...html.matchAll(/NS-\d{4}-\d{4}/g)].map((m) => m[0])

test('a caseworker sees their own cases, nearest deadline first, and can ask for everyone’s', async () => {
  const agent = await signedInAgent(t.app, 'caseworker@example.org')
  const mine = await agent.get('/cases').expect(200)
  const me = await t.database.db('users').where({ email: 'caseworker@example.org' }).first('id')
  const expected = await t.database
    .db('cases')
    .where({ caseworker_id: me.id })
    .orderByRaw('next_deadline_on ASC NULLS LAST, received_on, reference')
    .pluck('reference')
  expect(references(mine.text)).toEqual(expected)
  const all = await agent.get('/cases?scope=all').expect(200)
  expect(all.text).toContain('All cases')
  expect(all.text).toMatch(/42 cases/)
})

test('a manager always sees every case', async () => {
  const agent = await signedInAgent(t.app, 'manager@example.org')
  const res = await agent.get('/cases?scope=mine').expect(200)
  expect(res.text).toContain('All cases')
  expect(res.text).toMatch(/42 cases/)
})

test('filters by kind and by the next deadline’s state', async () => {
  const agent = await signedInAgent(t.app, 'manager@example.org')
  const placements = await agent.get('/cases?kind=placement').expect(200)
  const count = await t.database.db('cases').where({ kind: 'placement' }).count('* as n').first()
  expect(rows(placements.text)).toBe(Number(count!.n))
  expect(placements.text).not.toContain('Request for an EHC needs assessment</td>')

  const overdue = await agent.get('/cases?deadline=overdue').set('HX-Request', 'true').expect(200)
  const overdueCount = await t.database
    .db('cases')
    .where('next_deadline_on', '<', '2026-11-23')
    .count('* as n')
    .first()
  expect(overdue.text).not.toContain('<html')
  if (Number(overdueCount!.n) === 0) expect(overdue.text).toContain('No cases match')
  else expect(rows(overdue.text)).toBe(Number(overdueCount!.n))
  expect(overdue.text).not.toContain('days left')

  const none = await agent.get('/cases?deadline=none').expect(200)
  expect(none.text).not.toContain('days left')
})

test('pages of 25, with links that keep the filters; a page past the end shows the last page', async () => {
  const agent = await signedInAgent(t.app, 'manager@example.org')
  const first = await agent.get('/cases?scope=all').expect(200)
  expect(rows(first.text)).toBe(25)
  expect(first.text).toContain('page 1 of 2')
  expect(first.text).toContain('href="/cases?scope=all&amp;page=2"')
  const second = await agent.get('/cases?scope=all&page=2').expect(200)
  expect(rows(second.text)).toBe(17)
  expect(references(first.text).filter((r) => references(second.text).includes(r))).toEqual([])
  const beyond = await agent.get('/cases?scope=all&page=99').expect(200)
  expect(beyond.text).toContain('page 2 of 2')
})

test('nonsense in the query is ignored, not an error', async () => {
  const agent = await signedInAgent(t.app, 'caseworker@example.org')
  await agent.get('/cases?kind=rocket&deadline=soon&page=-3&status[]=x&scope=everyone').expect(200)
})

test('filters by panel: the cases on that panel’s agendas', async () => {
  const agent = await signedInAgent(t.app, 'manager@example.org')
  const panel = await t.database.db('panels').where({ panel_type: 'placement' }).first('id')
  const expected = await t.database
    .db('cases as c')
    .whereExists(
      t.database
        .db('agenda_items as ai')
        .join('sittings as s', 's.id', 'ai.sitting_id')
        .whereRaw('ai.case_id = c.id')
        .where('s.panel_id', panel.id),
    )
    .pluck('c.reference')
  expect(expected.length).toBeGreaterThan(0)
  const res = await agent.get(`/cases?panel=${panel.id}`).expect(200)
  expect(references(res.text).sort()).toEqual([...expected].sort())
})

test('the at-risk filter lists exactly the cases the queue flagged, each tagged, and the case page says why', async () => {
  const agent = await signedInAgent(t.app, 'manager@example.org')
  const flagged = await t.database
    .db('case_queue as q')
    .join('cases as c', 'c.id', 'q.case_id')
    .where('q.state', 'at_risk')
    .select('c.id', 'c.reference', 'q.reason', 'q.suggested_sitting_on')
  expect(flagged.length).toBeGreaterThanOrEqual(1)
  const res = await agent.get('/cases?deadline=at_risk').expect(200)
  expect(new Set(references(res.text))).toEqual(new Set(flagged.map((f) => f.reference)))
  expect((res.text.match(/>\s*At risk\s*</g) ?? []).length).toBe(flagged.length)

  // The demo's case with a sitting to save it: its page names the reason and the date of that sitting.
  const savable = flagged.find((f) => f.suggested_sitting_on)
  expect(savable).toBeDefined()
  const page = await agent.get(`/cases/${savable!.id}`).expect(200)
  expect(page.text).toContain('id="panel"')
  expect(page.text).toContain('would save it')
  expect(page.text).toMatch(/<strong class="govuk-tag govuk-tag--orange">\s*At risk/)
})

import { createTestApp, csrfTokenIn, signedInAgent, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

async function recordAppeal(caseId: string, route: string, about: string) {
  const agent = await signedInAgent(t.app, 'caseworker@example.org')
  const form = await agent.get(`/cases/${caseId}/appeals/new`).expect(200)
  await agent
    .post(`/cases/${caseId}/appeals`)
    .type('form')
    .send({
      _csrf: csrfTokenIn(form.text),
      version: /name="version" value="(\d+)"/.exec(form.text)![1],
      route,
      'appealOn-day': '16',
      'appealOn-month': '11',
      'appealOn-year': '2026',
      about,
    })
    .expect(303)
  return agent
}

const NOTE = (reg: string) =>
  `Not confirmed: we could not read the words of SEND Regulations 2014 ${reg}. Check this date against it.`

test('a reg 45(5) time limit, whose substituted wording could not be read, is marked so on the page and in the API', async () => {
  const c = await t.database.db('cases').where({ kind: 'issue_plan' }).orderBy('reference').first('id')
  const agent = await recordAppeal(c.id, 'unopposed', 'name_school')
  const page = await agent.get(`/cases/${c.id}`).expect(200)
  expect(page.text).toContain('After the appeal: issue the amended EHC plan')
  expect(page.text).toContain(NOTE('reg 45(5)'))
  const stored = await t.database.db('cases').where({ id: c.id }).first('received_on')
  const api = await agent
    .get('/api/deadlines')
    .query({
      kind: 'issue_plan',
      received: stored.received_on,
      appealRoute: 'unopposed',
      appealOn: '2026-11-16',
      appealAbout: 'name_school',
    })
    .expect(200)
  expect(api.body.deadlines).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        step: 'appeal_issue_amended_plan',
        due: '2026-11-30',
        regulation: 'SEND Regulations 2014 reg 45(5)',
        confirmed: false,
      }),
    ]),
  )
})

test('a confirmed reg 44 time limit carries its paragraph and no warning', async () => {
  const c = await t.database
    .db('cases')
    .where({ kind: 'issue_plan' })
    .orderBy('reference', 'desc')
    .first('id')
  const agent = await recordAppeal(c.id, 'ordered', 'make_plan')
  const page = await agent.get(`/cases/${c.id}`).expect(200)
  expect(page.text).toContain('After the appeal: issue the draft EHC plan')
  expect(page.text).not.toContain('Not confirmed: we could not read')
  const api = await agent
    .get('/api/deadlines')
    .query({
      kind: 'assessment_request',
      received: '2026-09-01',
      appealRoute: 'ordered',
      appealOn: '2026-11-16',
      appealAbout: 'make_plan',
    })
    .expect(200)
  expect(api.body.deadlines).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        step: 'appeal_issue_draft_plan',
        due: '2026-12-21',
        regulation: 'SEND Regulations 2014 reg 44(2)(c)(i)',
        confirmed: true,
      }),
    ]),
  )
})

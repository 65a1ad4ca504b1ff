import type TestAgent from 'supertest/lib/agent'
import { caseDetailRepository } from '../../src/data/caseDetail'
import { formatDate } from '../../src/domain/dates'
import { clockRequest, clockRequestQuery } from '../../src/domain/caseDeadlines'
import { createTestApp, csrfTokenIn, signedInAgent, TEST_TODAY, type TestApp } from '../support/app'

let t: TestApp
let caseworker: TestAgent
beforeAll(async () => {
  t = await createTestApp()
  caseworker = await signedInAgent(t.app, 'caseworker@example.org')
})
afterAll(() => t.close())

interface Row {
  label: string
  due: string
  basis: string
}

/** The deadlines table of a case page: each row's label, date as shown and what it says the date is. */
function pageRows(html: string): Row[] {
  const table = /<table class="govuk-table" id="deadlines">([\s\S]*?)<\/table>/.exec(html)?.[1]
  if (!table) return []
  const rows = [
    ...table.matchAll(
      /<th scope="row" class="govuk-table__header">([^<]*)<br><span class="govuk-body-s">([^<]*)<\/span><\/th>\s*<td class="govuk-table__cell">([^<]*)/g,
    ),
  ]
  const text = (s: string) => s.replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim()
  return rows.map((m) => ({ label: text(m[1]!), basis: text(m[2]!), due: text(m[3]!) }))
}

interface ApiDeadline {
  step: string
  due: string
  label: string
  basis: string
}

/** The case page's dates, each beside the API's answer to the same question about the same case. */
async function compare(id: string): Promise<{ page: Row[]; api: ApiDeadline[] }> {
  const detail = (await caseDetailRepository(t.database.db).find(id))!
  const page = pageRows((await caseworker.get(`/cases/${id}`).expect(200)).text)
  const request = clockRequest({ ...detail, exceptions: detail.exceptions }, TEST_TODAY)
  if (!request) {
    expect(page).toEqual([])
    return { page, api: [] }
  }
  const res = await caseworker.get(`/api/deadlines?${clockRequestQuery(request).toString()}`).expect(200)
  const api = res.body.deadlines as ApiDeadline[]
  // Every date the page shows is the API's date for the same step, and labelled the same way.
  for (const row of page) {
    const match = api.find((d) => d.label === row.label)
    expect({ label: row.label, due: match && formatDate(match.due) }).toEqual({
      label: row.label,
      due: row.due,
    })
    expect(row.basis.startsWith('Statutory')).toBe(match!.basis === 'statutory')
  }
  // The API leaves out nothing the page shows, and the page only steps the case's decisions have taken away.
  expect(page.length).toBeGreaterThan(0)
  return { page, api }
}

test('the case page of every demo case shows the dates the API gives for the same case', async () => {
  const ids = (await t.database.db('cases').orderBy('reference').select('id')).map(
    (r: { id: string }) => r.id,
  )
  expect(ids.length).toBeGreaterThan(30)
  let compared = 0
  for (const id of ids) {
    const { api } = await compare(id)
    if (api.length) compared++
  }
  expect(compared).toBeGreaterThan(20)
})

test('a phase transfer whose review was held shows the statutory decision date, the same as the API', async () => {
  const held = await t.database
    .db('cases')
    .where({ kind: 'phase_transfer' })
    .whereNotNull('review_meeting_on')
    .where('review_meeting_on', '<=', TEST_TODAY)
    .whereNull('review_notice_on')
    .first('id', 'review_meeting_on')
  expect(held).toBeDefined()
  const { page } = await compare(held.id)
  const decision = page.find((r) => r.label.startsWith('Tell the family whether we will keep'))!
  expect(decision.basis).toBe('Statutory date')
})

test('after recording a draft, a final plan 3 days later and a tribunal appeal, page and API still agree', async () => {
  const c = await t.database.db('cases').where({ kind: 'issue_plan' }).whereNull('plan_decision').first('id')
  expect(c).toBeDefined()
  const steps = await caseworker.get(`/cases/${c.id}/steps`).expect(200)
  const version = /name="version" value="(\d+)"/.exec(steps.text)![1]
  await caseworker
    .post(`/cases/${c.id}/steps`)
    .type('form')
    .send({
      _csrf: csrfTokenIn(steps.text),
      version,
      'draftPlanSent-day': '2',
      'draftPlanSent-month': '11',
      'draftPlanSent-year': '2026',
      'finalPlanIssued-day': '5',
      'finalPlanIssued-month': '11',
      'finalPlanIssued-year': '2026',
    })
    .expect(303)
  const form = await caseworker.get(`/cases/${c.id}/appeals/new`).expect(200)
  await caseworker
    .post(`/cases/${c.id}/appeals`)
    .type('form')
    .send({
      _csrf: csrfTokenIn(form.text),
      version: /name="version" value="(\d+)"/.exec(form.text)![1],
      route: 'ordered',
      'appealOn-day': '16',
      'appealOn-month': '11',
      'appealOn-year': '2026',
      about: 'name_school',
    })
    .expect(303)
  const { page } = await compare(c.id)
  expect(page.map((r) => [r.label, r.due])).toEqual(
    expect.arrayContaining([
      [expect.stringContaining('15 days to comment'), '18 November 2026'],
      ['Review the EHC plan again: the next annual review', '4 November 2027'],
      ['After the appeal: issue the amended EHC plan', '30 November 2026'],
    ]),
  )
  const html = (await caseworker.get(`/cases/${c.id}`).expect(200)).text
  expect(html).toContain(
    'inside the family’s 15 days to comment on the draft, which ran until 18 November 2026',
  )
  expect(html).toContain('Issued inside the family’s 15 days')
  const audit = await t.database.db('audit_events').where({ entity_id: c.id, action: 'appeal_recorded' })
  expect(audit).toHaveLength(1)
})

test('an appeal form with a missing date and no choices says so next to each field', async () => {
  const c = await t.database.db('cases').where({ kind: 'issue_plan' }).first('id')
  const form = await caseworker.get(`/cases/${c.id}/appeals/new`).expect(200)
  const res = await caseworker
    .post(`/cases/${c.id}/appeals`)
    .type('form')
    .send({ _csrf: csrfTokenIn(form.text), version: '1', 'appealOn-day': '31', 'appealOn-month': '2' })
    .expect(400)
  expect(res.text).toContain('Select whether the tribunal ordered it or we chose not to oppose')
  expect(res.text).toContain('Select what the tribunal ordered, or what we agreed to')
  expect(res.text).toContain('href="#appealOn-')
})

test('the intake asks for the date the original request for an EHC needs assessment was received, and says why', async () => {
  const blank = await caseworker.get('/cases/new').expect(200)
  expect(blank.text).toContain(
    'Date the request was received (to issue a plan: the date the original request for an EHC needs assessment was received)',
  )
  expect(blank.text).toContain('the 20 weeks run from the original request for an assessment')
  // Sent back with an error for a plan to issue, the label speaks of that case alone.
  const res = await caseworker
    .post('/cases/new')
    .type('form')
    .send({ _csrf: csrfTokenIn(blank.text), kind: 'issue_plan' })
    .expect(400)
  expect(res.text).toContain('Date the original request for an EHC needs assessment was received')
  expect(res.text).toContain('SEND Regulations 2014, regulation 13(2)')
})

import { createTestApp, csrfTokenIn, signedInAgent, TEST_TODAY, type TestApp } from '../support/app'
import { dataLayer } from '../../src/data'
import { scheduledJobs } from '../../src/jobs'
import { testServices as buildServices } from '../support/services'
import { fixedClock } from '../../src/services/clock'

let t: TestApp
let services: ReturnType<typeof buildServices>
beforeAll(async () => {
  t = await createTestApp()
  services = buildServices(dataLayer(t.database.db), fixedClock(TEST_TODAY))
})
afterAll(() => t.close())

const references = (html: string) => [...html.matchAll(/NS-\d{4}-\d{4}/g)].map((m) => m[0])

/** Annual review cases whose plan goes on (a ceased plan has no next review), in reference order. */
async function reviewCases(n: number) {
  const rows = await t.database
    .db('cases')
    .where({ kind: 'annual_review' })
    .where((q) => q.whereNull('review_decision').orWhereNot('review_decision', 'cease'))
    .orderBy('reference')
    .limit(n)
    .select('id', 'reference', 'version')
  expect(rows).toHaveLength(n)
  return rows as { id: string; reference: string; version: number }[]
}

/** Records a held review meeting through the case's steps form, as a caseworker would. */
async function recordReviewMeeting(c: { id: string; version: number }, on: string) {
  const agent = await signedInAgent(t.app, 'caseworker@example.org')
  const form = await agent.get(`/cases/${c.id}/steps`).expect(200)
  const [year, month, day] = on.split('-')
  await agent
    .post(`/cases/${c.id}/steps`)
    .type('form')
    .send({
      _csrf: csrfTokenIn(form.text),
      version: c.version,
      'reviewMeeting-day': String(Number(day)),
      'reviewMeeting-month': String(Number(month)),
      'reviewMeeting-year': year,
    })
    .expect(303)
}

describe('the recompute-deadlines job', () => {
  test('is scheduled nightly, before the queue places cases by their stored deadline', () => {
    const schedules = Object.fromEntries(scheduledJobs(services).map((j) => [j.name, j.defaultSchedule]))
    expect(schedules['recompute-deadlines']).toBe('15 2 * * *')
    expect(schedules['place-cases']).toBe('30 2 * * *')
  })

  test('corrects a case whose stored dates are wrong, keeps its version, records it, and then has nothing to do', async () => {
    const c = await t.database
      .db('cases')
      .whereNotNull('next_deadline_on')
      .orderBy('reference')
      .first('id', 'version', 'next_deadline_on', 'next_deadline_step', 'annual_review_due_on')
    await t.database.db('cases').where({ id: c.id }).update({
      next_deadline_on: '2001-01-01',
      next_deadline_step: 'decide_whether_to_assess',
      annual_review_due_on: '2001-06-30',
    })
    const result = await services.storedDeadlines.recomputeAll()
    expect(result).toEqual({ ran: true, counts: { checked: 42, corrected: 1 } })
    const after = await t.database
      .db('cases')
      .where({ id: c.id })
      .first('version', 'next_deadline_on', 'next_deadline_step', 'annual_review_due_on')
    expect(after).toEqual({
      version: c.version,
      next_deadline_on: c.next_deadline_on,
      next_deadline_step: c.next_deadline_step,
      annual_review_due_on: c.annual_review_due_on,
    })
    const events = await t.database
      .db('audit_events')
      .where({ entity_id: c.id, action: 'stored_deadlines_corrected' })
      .select('actor_user_id', 'details')
    expect(events).toHaveLength(1)
    expect(events[0].actor_user_id).toBeNull()
    expect(events[0].details).toMatchObject({
      nextDeadlineWas: '2001-01-01',
      nextDeadlineOn: c.next_deadline_on,
    })
    expect(await services.storedDeadlines.recomputeAll()).toEqual({
      ran: true,
      counts: { checked: 42, corrected: 0 },
    })
  })

  test('fills the annual review date of a case stored before the column existed', async () => {
    const [c] = await reviewCases(1)
    const before = await t.database.db('cases').where({ id: c!.id }).first('annual_review_due_on')
    expect(before.annual_review_due_on).not.toBeNull()
    await t.database.db('cases').where({ id: c!.id }).update({ annual_review_due_on: null })
    expect(await services.storedDeadlines.recomputeAll()).toMatchObject({ counts: { corrected: 1 } })
    expect(await t.database.db('cases').where({ id: c!.id }).first('annual_review_due_on')).toEqual(before)
  })
})

test('every case stores the annual review date its case page shows', async () => {
  const rows: { id: string; annual_review_due_on: string | null }[] = await t.database
    .db('cases')
    .select('id', 'annual_review_due_on')
  let withReview = 0
  for (const row of rows) {
    const view = await services.cases.caseView(row.id)
    const shown = view!.deadlines.find((d) => d.step === 'hold_next_annual_review')?.due ?? null
    expect({ id: row.id, due: row.annual_review_due_on }).toEqual({ id: row.id, due: shown })
    if (shown) withReview += 1
  }
  expect(withReview).toBeGreaterThan(0)
})

describe('the case list’s annual review filter', () => {
  // Today is 23 November 2026. 12 months starting with the meeting (CFA 2014 s.44(1)):
  const OVERDUE = '2025-11-01' // due 31 October 2026, 23 days ago
  const IN_2_WEEKS = '2025-12-07' // due 6 December 2026, 13 days on
  const IN_8_WEEKS = '2026-01-18' // due 17 January 2027, 55 days on
  let cases: { id: string; reference: string; version: number }[]

  beforeAll(async () => {
    cases = await reviewCases(3)
    await recordReviewMeeting(cases[0]!, OVERDUE)
    await recordReviewMeeting(cases[1]!, IN_2_WEEKS)
    await recordReviewMeeting(cases[2]!, IN_8_WEEKS)
  })

  test('saving the review meeting stores the next review’s date', async () => {
    const stored = await t.database
      .db('cases')
      .whereIn(
        'id',
        cases.map((c) => c.id),
      )
      .orderBy('reference')
      .pluck('annual_review_due_on')
    expect(stored).toEqual(['2026-10-31', '2026-12-06', '2027-01-17'])
  })

  test.each([
    ['overdue', [0], { before: '2026-11-23' }],
    ['within_4_weeks', [1], { from: '2026-11-23', before: '2026-12-22' }],
    ['within_12_weeks', [1, 2], { from: '2026-11-23', before: '2027-02-16' }],
  ] as const)('%s lists exactly the cases whose review falls in it', async (filter, ours, window) => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const res = await agent.get(`/cases?review=${filter}`).expect(200)
    const q = t.database.db('cases').whereNotNull('annual_review_due_on')
    if ('from' in window) q.where('annual_review_due_on', '>=', window.from)
    q.where('annual_review_due_on', '<', window.before)
    const expected: string[] = await q.pluck('reference')
    const shown = [...new Set(references(res.text))]
    expect(shown.sort()).toEqual([...expected].sort())
    for (const i of ours) expect(shown).toContain(cases[i]!.reference)
    for (const i of [0, 1, 2].filter((i) => !(ours as readonly number[]).includes(i)))
      expect(shown).not.toContain(cases[i]!.reference)
    expect(res.text).toContain('<option value="' + filter + '" selected')
  })

  test('shows each listed case’s review date, the one its case page shows', async () => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const list = await agent.get('/cases?review=within_4_weeks').expect(200)
    expect(list.text).toContain('Annual review due 6 December 2026')
    const page = await agent.get(`/cases/${cases[1]!.id}`).expect(200)
    expect(page.text).toContain('6 December 2026')
  })

  test('an htmx request gets the results alone, and a bad value is ignored', async () => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const fragment = await agent.get('/cases?review=overdue').set('HX-Request', 'true').expect(200)
    expect(fragment.text).not.toContain('<html')
    expect(fragment.text).toContain(cases[0]!.reference)
    const all = await agent.get('/cases?review=soon%00').expect(200)
    expect(all.text).toMatch(/42 cases/)
  })
})

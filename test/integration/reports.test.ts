import { TEST_TODAY, createTestApp, signedInAgent, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

interface Figures {
  due: number
  doneInTime: number
  openPastDue: number
  lateWithException: number
  percentWithout: string
  percentWith: string
}

/** The timeliness table's cells for one step, read from the page as a manager sees them. */
function figuresFor(html: string, step: string): Figures {
  const row = new RegExp(`<tr class="govuk-table__row" data-step="${step}">([\\s\\S]*?)</tr>`).exec(html)
  if (!row?.[1]) throw new Error(`No timeliness row for ${step}`)
  const cells = [
    ...row[1].matchAll(/<td class="govuk-table__cell govuk-table__cell--numeric">([^<]*)<\/td>/g),
  ]
  const [due, doneInTime, openPastDue, lateWithException, percentWithout, percentWith] = cells.map((c) =>
    (c[1] ?? '').trim(),
  )
  return {
    due: Number(due),
    doneInTime: Number(doneInTime),
    openPastDue: Number(openPastDue),
    lateWithException: Number(lateWithException),
    percentWithout: percentWithout ?? '',
    percentWith: percentWith ?? '',
  }
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`)

/**
 * The 6-week and 16-week figures counted straight from the cases table in SQL, independently of the
 * statutory clock's code: due 42 and 112 days after the request; a step counts once done or overdue.
 */
async function countedInSql() {
  const db = t.database.db
  const count = async (dueDays: number, doneColumn: string, kinds: string[], refusalEnds = false) => {
    const row = (await db('cases')
      .whereIn('kind', kinds)
      .modify((q) => {
        // A refusal to assess leaves no plan to decide on.
        if (refusalEnds) q.whereRaw("assessment_decision IS DISTINCT FROM 'refuse'")
      })
      .first(
        db.raw(`count(*) FILTER (WHERE ${doneColumn} <= ?::date OR received_on + ?::int < ?::date) AS due`, [
          TEST_TODAY,
          dueDays,
          TEST_TODAY,
        ]),
        db.raw(`count(*) FILTER (WHERE ${doneColumn} <= received_on + ?::int) AS done_in_time`, [dueDays]),
        db.raw(
          `count(*) FILTER (WHERE ${doneColumn} IS NULL AND received_on + ?::int < ?::date) AS open_past_due`,
          [dueDays, TEST_TODAY],
        ),
      )) as { due: number | string; done_in_time: number | string; open_past_due: number | string }
    return {
      due: Number(row.due),
      doneInTime: Number(row.done_in_time),
      openPastDue: Number(row.open_past_due),
    }
  }
  return {
    decide: await count(42, 'assessment_decided_on', ['assessment_request']),
    notify: await count(
      112,
      'coalesce(plan_decision_on, final_plan_issued_on)',
      ['assessment_request', 'issue_plan'],
      true,
    ),
  }
}

test('the manager sees each statutory step’s timeliness, with and without exceptions, matching the cases', async () => {
  const agent = await signedInAgent(t.app, 'manager@example.org')
  const res = await agent.get('/reports').expect(200)
  expect(res.text).toContain('<h2 class="govuk-heading-m" id="timeliness">Timeliness</h2>')
  expect(res.text).toContain('regulations 5(4), 10(4) and 13(3)')
  expect(res.text).toContain('Statutory time limits, counted to 23 November 2026')
  expect(res.text).toContain('govuk-table__header govuk-table__header--numeric">In time with exceptions</th>')

  const sql = await countedInSql()
  expect(sql.decide.due).toBeGreaterThan(0)
  expect(sql.notify.openPastDue).toBeGreaterThan(0)
  for (const [step, expected] of [
    ['decide_whether_to_assess', sql.decide],
    ['notify_plan_not_issued', sql.notify],
  ] as const) {
    expect(figuresFor(res.text, step)).toEqual({
      ...expected,
      lateWithException: 0,
      percentWithout: percent(expected.doneInTime, expected.due),
      percentWith: percent(expected.doneInTime, expected.due),
    })
  }
  // Every statutory step has a row; one that nothing has fallen due for shows a dash, not 0%.
  for (const step of ['issue_final_plan', 'notify_review_decision', 'issue_amended_plan']) {
    const figures = figuresFor(res.text, step)
    if (figures.due === 0) expect(figures.percentWithout).toBe('–')
  }
})

test('an allowed exception on a late step raises the "with exceptions" figure, never the "without"', async () => {
  const db = t.database.db
  const agent = await signedInAgent(t.app, 'manager@example.org')
  const before = figuresFor((await agent.get('/reports').expect(200)).text, 'notify_plan_not_issued')

  // Poppy's 16-week notice is the demo's overdue step.
  const poppy = (await db('cases as c')
    .join('children as ch', 'ch.id', 'c.child_id')
    .where({ 'ch.first_name': 'Poppy', 'c.kind': 'issue_plan' })
    .first('c.id', 'c.received_on')) as { id: string; received_on: string }
  const manager = (await db('users').where({ email: 'manager@example.org' }).first('id')) as { id: string }
  const exception = {
    case_id: poppy.id,
    reason_code: 'away_from_area',
    starts_on: poppy.received_on,
    ends_on: db.raw('?::date + 42', [poppy.received_on]),
    explanation: 'The family were abroad for six weeks caring for a relative.',
    recorded_by: manager.id,
  }
  // The same excuse recorded against a different step, and one too short to be allowed: neither counts here.
  await db('case_exceptions').insert([
    { ...exception, step: 'issue_final_plan' },
    { ...exception, step: 'notify_plan_not_issued', ends_on: db.raw('?::date + 14', [poppy.received_on]) },
  ])
  const unchanged = figuresFor((await agent.get('/reports').expect(200)).text, 'notify_plan_not_issued')
  expect(unchanged).toEqual(before)

  await db('case_exceptions').insert({ ...exception, step: 'notify_plan_not_issued' })
  const after = figuresFor((await agent.get('/reports').expect(200)).text, 'notify_plan_not_issued')
  expect(after).toEqual({
    ...before,
    lateWithException: before.lateWithException + 1,
    percentWith: percent(before.doneInTime + 1, before.due),
  })
  expect(after.percentWithout).toBe(before.percentWithout)
  expect(Number.parseInt(after.percentWith)).toBeGreaterThan(Number.parseInt(before.percentWith))
})

test('a caseworker cannot see the reports', async () => {
  const agent = await signedInAgent(t.app, 'caseworker@example.org')
  await agent.get('/reports').expect(403)
})

import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { createTestApp, signedInAgent, type TestApp } from '../support/app'

let t: TestApp
let caseworker: TestAgent
beforeAll(async () => {
  t = await createTestApp()
  caseworker = await signedInAgent(t.app, 'caseworker@example.org')
})
afterAll(() => t.close())

describe('GET /api/deadlines', () => {
  test('an assessment request: 6, 16 and 20 weeks from the day it was received', async () => {
    const res = await caseworker
      .get('/api/deadlines?kind=assessment_request&received=2027-12-31')
      .expect(200)
      .expect('Content-Type', /application\/json/)
    expect(res.body).toEqual({
      kind: 'assessment_request',
      deadlines: [
        {
          step: 'decide_whether_to_assess',
          due: '2028-02-11',
          label: 'Decide whether to carry out an EHC needs assessment, and tell the family',
          basis: 'statutory',
        },
        {
          step: 'notify_plan_not_issued',
          due: '2028-04-21',
          label: 'Tell the family if we will not issue an EHC plan',
          basis: 'statutory',
        },
        {
          step: 'issue_final_plan',
          due: '2028-05-19',
          label: 'Issue the final EHC plan',
          basis: 'statutory',
        },
      ],
    })
  })

  test('an annual review without a notice date: the plan 12 weeks after the meeting', async () => {
    const res = await caseworker.get('/api/deadlines?kind=annual_review&meeting=2028-02-01').expect(200)
    expect(res.body.kind).toBe('annual_review')
    expect(res.body.deadlines.map((d: { step: string; due: string }) => [d.step, d.due])).toEqual([
      ['notify_review_decision', '2028-02-29'],
      ['issue_amended_plan', '2028-04-25'],
      // Added with the next annual review: the 12 months starting with the meeting (CFA 2014 s.44(1)).
      ['hold_next_annual_review', '2029-01-31'],
    ])
  })

  test('an annual review with a notice date: the plan 8 weeks after the notice', async () => {
    const res = await caseworker
      .get('/api/deadlines?kind=annual_review&meeting=2027-12-10&notice=2027-12-20')
      .expect(200)
    expect(res.body.deadlines.map((d: { step: string; due: string }) => [d.step, d.due])).toEqual([
      ['notify_review_decision', '2028-01-07'],
      ['issue_amended_plan', '2028-02-14'],
      ['hold_next_annual_review', '2028-12-09'],
    ])
  })

  test.each([
    ['2027', 'school', ['2026-11-09', '2026-11-23', '2026-12-21', '2027-02-15']],
    ['2028', 'post16', ['2027-12-24', '2028-01-07', '2028-02-04', '2028-03-31']],
  ])(
    'a phase transfer in %s (%s): the amended plan and the latest safe date of each earlier step',
    async (year, transfer, dates) => {
      const res = await caseworker
        .get(`/api/deadlines?kind=phase_transfer&transferYear=${year}&transfer=${transfer}`)
        .expect(200)
      expect(res.body.kind).toBe('phase_transfer')
      expect(
        res.body.deadlines.map((d: { step: string; due: string; basis: string }) => [d.step, d.due, d.basis]),
      ).toEqual([
        ['circulate_review_papers', dates[0], 'latest_safe'],
        ['hold_review_meeting', dates[1], 'latest_safe'],
        ['notify_review_decision', dates[2], 'latest_safe'],
        ['issue_amended_plan', dates[3], 'statutory'],
      ])
    },
  )

  test('a 2026 school phase transfer: the latest safe dates come back from Sundays to Fridays', async () => {
    const res = await caseworker
      .get('/api/deadlines?kind=phase_transfer&transferYear=2026&transfer=school')
      .expect(200)
    expect(res.body.deadlines.map((d: { due: string; basis: string }) => [d.due, d.basis])).toEqual([
      ['2025-11-07', 'latest_safe'],
      ['2025-11-21', 'latest_safe'],
      ['2025-12-19', 'latest_safe'],
      ['2026-02-15', 'statutory'],
    ])
    expect(res.body.deadlines.some((d: object) => 'note' in d)).toBe(false)
  })

  test('an annual review without a notice: the amended plan is labelled a latest safe date, not statutory', async () => {
    const res = await caseworker.get('/api/deadlines?kind=annual_review&meeting=2028-02-01').expect(200)
    expect(res.body.deadlines.map((d: { step: string; basis: string }) => [d.step, d.basis])).toEqual([
      ['notify_review_decision', 'statutory'],
      ['issue_amended_plan', 'latest_safe'],
      ['hold_next_annual_review', 'statutory'],
    ])
  })

  test('a derived date that depends on 2029’s bank holidays carries the note', async () => {
    // Meeting Monday 12 February 2029: + 12 weeks is the rule's early May bank holiday, back to Friday 4 May.
    const res = await caseworker.get('/api/deadlines?kind=annual_review&meeting=2029-02-12').expect(200)
    expect(res.body.deadlines).toEqual([
      expect.not.objectContaining({ note: expect.anything() }),
      expect.objectContaining({
        step: 'issue_amended_plan',
        due: '2029-05-04',
        basis: 'latest_safe',
        unconfirmedBankHolidayYears: [2029],
        note: 'Bank holidays for 2029 are not yet confirmed; this date may change.',
      }),
      // A statutory date in calendar months: no bank holiday moves it, so no note.
      { step: 'hold_next_annual_review', due: '2030-02-11', label: expect.any(String), basis: 'statutory' },
    ])
  })

  test('every staff role may use the calculator', async () => {
    for (const email of [
      'chair@example.org',
      'member@example.org',
      'manager@example.org',
      'admin@example.org',
    ]) {
      const agent = await signedInAgent(t.app, email)
      const res = await agent.get('/api/deadlines?kind=assessment_request&received=2026-01-05').expect(200)
      expect(res.body.deadlines[0].due).toBe('2026-02-16')
    }
  })

  test.each([
    ['kind=assessment_request', 'received', 'Enter the date the request was received'],
    ['kind=assessment_request&received=', 'received', 'Enter the date the request was received'],
    ['kind=assessment_request&received=31/12/2027', 'received', 'as YYYY-MM-DD'],
    ['kind=assessment_request&received=2027-1-5', 'received', 'as YYYY-MM-DD'],
    ['kind=assessment_request&received=2026-02-30', 'received', 'as a real date'],
    ['kind=assessment_request&received=2027-02-29', 'received', 'as a real date'], // 2027 is not a leap year
    ['kind=assessment_request&received=2026-01-05&received=2026-01-06', 'received', 'as YYYY-MM-DD'],
    ['received=2026-01-05', 'kind', 'Enter the kind of case'],
    ['kind=tribunal&received=2026-01-05', 'kind', 'Kind must be one of'],
    ['kind=placement&received=2026-01-05', 'kind', 'has no statutory clock'],
    ['kind=alternative_provision&received=2026-01-05', 'kind', 'has no statutory clock'],
    ['kind=annual_review', 'meeting', 'Enter the date of the review meeting'],
    ['kind=annual_review&meeting=2026-13-01', 'meeting', 'as a real date'],
    ['kind=annual_review&meeting=2026-11-23&notice=2026-11-31', 'notice', 'as a real date'],
    [
      'kind=annual_review&meeting=2026-11-23&notice=2026-11-20',
      'notice',
      'on or after the day of the review meeting',
    ],
    ['kind=phase_transfer&transfer=school', 'transferYear', 'Enter the year of transfer'],
    ['kind=phase_transfer&transferYear=27&transfer=school', 'transferYear', 'as 4 digits'],
    ['kind=phase_transfer&transferYear=1999&transfer=school', 'transferYear', 'between 2015 and 2099'],
    ['kind=phase_transfer&transferYear=2027', 'transfer', 'school'],
    ['kind=phase_transfer&transferYear=2027&transfer=college', 'transfer', 'post16'],
  ])('?%s is a 400 naming the field %s', async (query, field, message) => {
    const res = await caseworker
      .get(`/api/deadlines?${query}`)
      .expect(400)
      .expect('Content-Type', /application\/json/)
    expect(res.body.field).toBe(field)
    expect(res.body.error).toContain(message)
  })
})

describe('GET /api/appeal-deadline', () => {
  test.each([
    ['letter=2026-04-15', '2026-06-15'],
    ['letter=2026-12-31', '2027-03-01'], // 28 February 2027 is a Sunday
    ['letter=2027-12-31', '2028-02-29'],
    ['letter=2027-01-29', '2027-03-30'], // Easter Monday 2027
    ['letter=2027-10-27', '2028-01-04'], // Christmas, then the New Year substitute day
    ['letter=2027-06-01', '2027-09-01'], // August
    ['letter=2026-10-01&mediationCertificate=2026-11-29', '2027-01-04'],
    ['letter=2027-05-10&mediationCertificate=2027-05-20', '2027-07-12'],
  ])('?%s → last day %s', async (query, lastDay) => {
    const res = await caseworker.get(`/api/appeal-deadline?${query}`).expect(200)
    expect(res.body).toEqual({ lastDay })
  })

  test('a letter of 30 January 2029 no longer lands on Good Friday, and says 2029 is not yet confirmed', async () => {
    // 2 months is Friday 30 March 2029, Good Friday by the rule; then the weekend and Easter Monday 2 April.
    const res = await caseworker.get('/api/appeal-deadline?letter=2029-01-30').expect(200)
    expect(res.body).toEqual({
      lastDay: '2029-04-03',
      unconfirmedBankHolidayYears: [2029],
      note: 'Bank holidays for 2029 are not yet confirmed; this date may change.',
    })
  })

  test('a last day counted in confirmed 2028 that moves into 2029 carries the note too', async () => {
    const res = await caseworker.get('/api/appeal-deadline?letter=2028-10-31').expect(200)
    expect(res.body).toEqual({
      lastDay: '2029-01-02',
      unconfirmedBankHolidayYears: [2029],
      note: 'Bank holidays for 2029 are not yet confirmed; this date may change.',
    })
  })

  test('once the admin confirms 2029, the same date comes without the note', async () => {
    await t.database.db('bank_holiday_years').insert({ year: 2029 })
    try {
      const res = await caseworker.get('/api/appeal-deadline?letter=2029-01-30').expect(200)
      expect(res.body).toEqual({ lastDay: '2029-04-03' })
    } finally {
      await t.database.db('bank_holiday_years').where({ year: 2029 }).delete()
    }
  })

  test('a day the admin removes from the rule is a working day again', async () => {
    await t.database
      .db('bank_holidays')
      .insert({ holiday_on: '2029-03-30', title: 'Good Friday', observed: false })
    try {
      const res = await caseworker.get('/api/appeal-deadline?letter=2029-01-30').expect(200)
      expect(res.body.lastDay).toBe('2029-03-30')
    } finally {
      await t.database.db('bank_holidays').where({ holiday_on: '2029-03-30' }).delete()
    }
  })

  test('reads the bank holidays from the database on every call, so an admin’s change counts at once', async () => {
    // 20 June 2027 is a Sunday, so the last day is Monday 21 June until that day becomes a holiday.
    const before = await caseworker.get('/api/appeal-deadline?letter=2027-04-20').expect(200)
    expect(before.body).toEqual({ lastDay: '2027-06-21' })
    await t.database.db('bank_holidays').insert({ holiday_on: '2027-06-21', title: 'Extra bank holiday' })
    try {
      const after = await caseworker.get('/api/appeal-deadline?letter=2027-04-20').expect(200)
      expect(after.body).toEqual({ lastDay: '2027-06-22' })
    } finally {
      await t.database.db('bank_holidays').where({ holiday_on: '2027-06-21' }).delete()
    }
  })

  test.each([
    ['', 'letter', 'Enter the date of the decision letter'],
    ['letter=2026-1-5', 'letter', 'as YYYY-MM-DD'],
    ['letter=2026-02-30', 'letter', 'as a real date'],
    ['letter=2026-01-05&mediationCertificate=soon', 'mediationCertificate', 'as YYYY-MM-DD'],
    ['letter=2026-01-05&mediationCertificate=2026-04-31', 'mediationCertificate', 'as a real date'],
  ])('?%s is a 400 naming the field %s', async (query, field, message) => {
    const res = await caseworker.get(`/api/appeal-deadline?${query}`).expect(400)
    expect(res.body.field).toBe(field)
    expect(res.body.error).toContain(message)
  })
})

describe('who may use the calculator', () => {
  test.each([
    '/api/deadlines?kind=assessment_request&received=2026-01-05',
    '/api/appeal-deadline?letter=2026-04-15',
  ])('a family account gets 403 from %s', async (path) => {
    const parent = await signedInAgent(t.app, 'parent@example.org')
    const res = await parent.get(path).expect(403)
    expect(res.text).not.toContain('2026-02-16')
    expect(res.text).not.toContain('lastDay')
  })

  test.each([
    '/api/deadlines?kind=assessment_request&received=2026-01-05',
    '/api/appeal-deadline?letter=2026-04-15',
  ])('not signed in, %s redirects to sign in', async (path) => {
    await request(t.app).get(path).expect(303).expect('Location', '/sign-in')
  })
})

describe('GET /api/deadlines: the rest of the clock', () => {
  const dates = (body: { deadlines: { step: string; due: string; basis: string }[] }) =>
    body.deadlines.map((d) => [d.step, d.due, d.basis])

  test('NS-2026-0018: a phase transfer whose review meeting was held on 23 October 2026', async () => {
    const res = await caseworker
      .get('/api/deadlines?kind=phase_transfer&transferYear=2027&transfer=school&meeting=2026-10-23')
      .expect(200)
    expect(dates(res.body)).toEqual([
      ['circulate_review_papers', '2026-11-09', 'latest_safe'],
      ['hold_review_meeting', '2026-11-23', 'latest_safe'],
      ['notify_review_decision', '2026-11-20', 'statutory'], // reg 20(10), was the latest safe 21 December
      ['issue_amended_plan', '2027-02-15', 'statutory'],
      ['hold_next_annual_review', '2027-10-22', 'statutory'],
    ])
  })

  test('after the amendment notice, the amended plan 8 weeks later when that is earlier than 15 February', async () => {
    const res = await caseworker
      .get(
        '/api/deadlines?kind=phase_transfer&transferYear=2027&transfer=school&meeting=2026-10-23&notice=2026-11-13',
      )
      .expect(200)
    expect(res.body.deadlines.find((d: { step: string }) => d.step === 'issue_amended_plan').due).toBe(
      '2027-01-08',
    )
  })

  test('a move between post-16 institutions on 1 September 2027: the amended plan by 1 April', async () => {
    const res = await caseworker
      .get('/api/deadlines?kind=phase_transfer&transfer=post16_move&transferOn=2027-09-01')
      .expect(200)
    expect(dates(res.body)).toEqual([
      ['circulate_review_papers', '2026-12-24', 'latest_safe'],
      ['hold_review_meeting', '2027-01-07', 'latest_safe'],
      ['notify_review_decision', '2027-02-04', 'latest_safe'], // 8 weeks before 1 April
      ['issue_amended_plan', '2027-04-01', 'statutory'],
    ])
  })

  test('a draft, the final plan and an unopposed appeal on an issue-plan request', async () => {
    const res = await caseworker
      .get(
        '/api/deadlines?kind=issue_plan&received=2026-07-06&draftSent=2026-11-02&finalPlanIssued=2026-11-19&appealRoute=unopposed&appealOn=2026-11-16&appealAbout=amend_plan',
      )
      .expect(200)
    expect(dates(res.body)).toEqual([
      ['notify_plan_not_issued', '2026-10-26', 'statutory'],
      ['issue_final_plan', '2026-11-23', 'statutory'],
      ['family_comments_on_draft', '2026-11-18', 'derived'],
      ['hold_next_annual_review', '2027-11-18', 'statutory'],
      ['appeal_issue_amended_plan', '2026-12-21', 'statutory'],
    ])
  })

  test.each([
    ['kind=phase_transfer&transfer=post16_move', 'transferOn', 'Enter the date of the move'],
    ['kind=phase_transfer&transfer=post16_move&transferOn=2027-02-30', 'transferOn', 'as a real date'],
    [
      'kind=phase_transfer&transferYear=2027&transfer=school&meeting=2026-11-23&notice=2026-11-20',
      'notice',
      'on or after the day of the review meeting',
    ],
    ['kind=issue_plan&received=2026-07-06&draftSent=soon', 'draftSent', 'as YYYY-MM-DD'],
    ['kind=issue_plan&received=2026-07-06&appealRoute=ordered', 'appealOn', 'together'],
    [
      'kind=issue_plan&received=2026-07-06&appealRoute=won&appealOn=2026-11-16&appealAbout=assess',
      'appealRoute',
      'ordered or unopposed',
    ],
    [
      'kind=issue_plan&received=2026-07-06&appealRoute=ordered&appealOn=2026-11-16&appealAbout=everything',
      'appealAbout',
      'assess, make_plan',
    ],
  ])('?%s is a 400 naming the field %s', async (query, field, message) => {
    const res = await caseworker.get(`/api/deadlines?${query}`).expect(400)
    expect(res.body.field).toBe(field)
    expect(res.body.error).toContain(message)
  })
})

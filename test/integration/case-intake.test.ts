import { createTestApp, csrfTokenIn, signedInAgent, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

/** A complete, valid intake form for an assessment request received on 3 September 2026. */
function validForm(caseworkerId: string): Record<string, string | string[]> {
  return {
    childFirstName: 'Ada',
    childLastName: 'Okafor',
    'dateOfBirth-day': '14',
    'dateOfBirth-month': '5',
    'dateOfBirth-year': '2018',
    currentSetting: 'Hillside Primary School',
    yearGroup: 'Year 3',
    areasOfNeed: ['communication_and_interaction', 'sensory_and_physical'],
    contact1Name: 'Ngozi Okafor',
    contact1Relationship: 'parent',
    contact1Address: '4 Mill Lane, Northtown, NS1 2AB',
    contact1Email: 'ngozi@example.com',
    contact1Phone: '01632 960 123',
    contact1Language: 'English',
    contact1Interpreter: 'no',
    contact1LetterFormat: 'large_print',
    kind: 'assessment_request',
    'received-day': '3',
    'received-month': '9',
    'received-year': '2026',
    requestedBy: 'parent',
    preference: 'We would like Ada’s needs assessed so that she gets the right support.',
    'evidenceEpRequested-day': '10',
    'evidenceEpRequested-month': '9',
    'evidenceEpRequested-year': '2026',
    caseworkerId,
  }
}

async function caseworkerAgent() {
  const agent = await signedInAgent(t.app, 'caseworker@example.org')
  const page = await agent.get('/cases/new').expect(200)
  return { agent, token: csrfTokenIn(page.text) }
}

async function userId(email: string): Promise<string> {
  return (await t.database.db('users').where({ email }).first('id')).id
}

test('a caseworker opens a case and sees its statutory deadlines', async () => {
  const { agent, token } = await caseworkerAgent()
  const res = await agent
    .post('/cases/new')
    .type('form')
    .send({ ...validForm(await userId('caseworker@example.org')), _csrf: token })
    .expect(303)
  const location = res.headers.location as string
  expect(location).toMatch(/^\/cases\/[0-9a-f-]{36}\?opened=1$/)

  const page = await agent.get(location).expect(200)
  expect(page.text).toContain('Ada Okafor')
  expect(page.text).toMatch(/Case NS-2026-\d{4} opened/)
  // 3 September 2026 + 6, 16 and 20 weeks.
  expect(page.text).toContain('15 October 2026')
  expect(page.text).toContain('24 December 2026')
  expect(page.text).toContain('21 January 2027')
  expect(page.text).toContain('Overdue')
  expect(page.text).toContain('Large print')
  expect(page.text).toContain('Case opened')

  const id = location.split('/')[2]!.split('?')[0]!
  const stored = await t.database.db('cases').where({ id }).first()
  expect(stored.next_deadline_on).toBe('2026-10-15')
  expect(stored.next_deadline_step).toBe('decide_whether_to_assess')
  const audit = await t.database
    .db('audit_events')
    .where({ entity_type: 'case', entity_id: id, action: 'case_opened' })
  expect(audit).toHaveLength(1)
  const evidence = await t.database.db('case_evidence').where({ case_id: id })
  expect(evidence).toEqual([
    expect.objectContaining({ source: 'educational_psychology', requested_on: '2026-09-10' }),
  ])
})

test('a case can be opened for another caseworker, who is then named on it', async () => {
  const { agent, token } = await caseworkerAgent()
  const colleague = await userId('caseworker2@example.org')
  const res = await agent
    .post('/cases/new')
    .type('form')
    .send({ ...validForm(colleague), _csrf: token })
    .expect(303)
  const id = (res.headers.location as string).split('/')[2]!.split('?')[0]!
  expect((await t.database.db('cases').where({ id }).first()).caseworker_id).toBe(colleague)
})

test('an empty form is refused with every problem listed and shown by its field', async () => {
  const { agent, token } = await caseworkerAgent()
  const res = await agent.post('/cases/new').type('form').send({ _csrf: token }).expect(400)
  for (const message of [
    'There is a problem',
    'Enter the child’s first name',
    'Enter the date of birth',
    'Enter the name of the main family contact',
    'Select what the panel is asked to decide',
    'Enter the date the request was received',
    'Select who made the request',
  ]) {
    expect(res.text).toContain(message)
  }
  expect(res.text).toContain('href="#dateOfBirth-day"')
  expect(res.text).toContain('id="childFirstName-error"')
  expect(res.text).toContain('<title>Error: Open a case')
})

test.each([
  [{ 'dateOfBirth-day': '31', 'dateOfBirth-month': '2' }, 'Date of birth must be a real date'],
  [{ 'received-year': '2027' }, 'Date the request was received must be today or in the past'],
  [{ 'dateOfBirth-year': '1990' }, 'must be 25 or under'],
  [
    { contact1Email: 'not-an-email' },
    'Enter the email address of the main family contact in the correct format',
  ],
  [{ contact1Address: '', contact1Email: '' }, 'Enter an address or an email address'],
  [{ kind: 'placement' }, 'Enter the school or setting the family wants'],
  [{ kind: 'annual_review' }, 'Enter the date of the review meeting'],
  [{ kind: 'phase_transfer' }, 'Enter the year of transfer'],
  [{ contact2Name: 'Second Person' }, 'Select how the second family contact is related to the child'],
  [
    { 'evidenceEpReceived-day': '1', 'evidenceEpReceived-month': '9', 'evidenceEpReceived-year': '2026' },
    'must be on or after the date it was asked for',
  ],
])('%j is refused: %s, and what was typed is kept', async (change, message) => {
  const { agent, token } = await caseworkerAgent()
  const before = await t.database.db('cases').count('* as n').first()
  const res = await agent
    .post('/cases/new')
    .type('form')
    .send({ ...validForm(await userId('caseworker@example.org')), ...change, _csrf: token })
    .expect(400)
  expect(res.text).toContain(message)
  expect(res.text).toContain('value="Hillside Primary School"')
  expect(res.text).toContain('Ngozi Okafor')
  const after = await t.database.db('cases').count('* as n').first()
  expect(Number(after!.n)).toBe(Number(before!.n))
})

test('someone who is not a caseworker cannot be named as the caseworker', async () => {
  const { agent, token } = await caseworkerAgent()
  const res = await agent
    .post('/cases/new')
    .type('form')
    .send({ ...validForm(await userId('chair@example.org')), _csrf: token })
    .expect(400)
  expect(res.text).toContain('Select the named caseworker from the list')
})

test('the live preview shows the deadlines for what has been typed', async () => {
  const { agent } = await caseworkerAgent()
  const res = await agent
    .get('/cases/new/deadlines?kind=assessment_request&received-day=3&received-month=9&received-year=2026')
    .set('HX-Request', 'true')
    .expect(200)
  expect(res.text).not.toContain('<html')
  expect(res.text).toContain('15 October 2026')
  const none = await agent.get('/cases/new/deadlines?kind=placement').expect(200)
  expect(none.text).toContain('no statutory time limit')
})

describe('who may open and see cases', () => {
  test.each([
    'chair@example.org',
    'member@example.org',
    'manager@example.org',
    'admin@example.org',
    'parent@example.org',
  ])('%s cannot open a case', async (email) => {
    const agent = await signedInAgent(t.app, email)
    await agent.get('/cases/new').expect(403)
  })

  test('a family cannot see a case page, even its own child’s', async () => {
    const agent = await signedInAgent(t.app, 'parent@example.org')
    const own = await t.database
      .db('cases as c')
      .join('family_contacts as fc', 'fc.child_id', 'c.child_id')
      .join('users as u', 'u.id', 'fc.user_id')
      .where('u.email', 'parent@example.org')
      .first('c.id')
    await agent.get(`/cases/${own.id}`).expect(403)
  })

  test('any caseworker can see any case; a manager can too', async () => {
    const someoneElses = await t.database
      .db('cases')
      .whereNot('caseworker_id', await userId('caseworker@example.org'))
      .first('id')
    await (await signedInAgent(t.app, 'caseworker@example.org')).get(`/cases/${someoneElses.id}`).expect(200)
    await (await signedInAgent(t.app, 'manager@example.org')).get(`/cases/${someoneElses.id}`).expect(200)
  })

  test('an unknown or malformed case id is a 404', async () => {
    const agent = await signedInAgent(t.app, 'caseworker@example.org')
    await agent.get('/cases/00000000-0000-4000-8000-000000000000').expect(404)
    await agent.get('/cases/not-an-id').expect(404)
  })
})

describe('fixes from review', () => {
  test('references keep counting past 9999 in a year', async () => {
    const { agent, token } = await caseworkerAgent()
    const someCase = await t.database.db('cases').first('id')
    await t.database.db('cases').where({ id: someCase.id }).update({ reference: 'NS-2026-9999' })
    const res = await agent
      .post('/cases/new')
      .type('form')
      .send({ ...validForm(await userId('caseworker@example.org')), _csrf: token })
      .expect(303)
    const id = (res.headers.location as string).split('/')[2]!.split('?')[0]!
    expect((await t.database.db('cases').where({ id }).first()).reference).toBe('NS-2026-10000')
  })

  test('a year the database cannot hold is a form error, not a failure', async () => {
    const { agent, token } = await caseworkerAgent()
    const res = await agent
      .post('/cases/new')
      .type('form')
      .send({
        ...validForm(await userId('caseworker@example.org')),
        'evidenceHealthRequested-day': '1',
        'evidenceHealthRequested-month': '1',
        'evidenceHealthRequested-year': '0000',
        _csrf: token,
      })
      .expect(400)
    expect(res.text).toContain('Date health advice was asked for must be a real date')
    expect(res.text).toContain('href="#evidenceHealthRequested-day"')
  })

  test('a phase transfer can be opened before its review meeting, with the latest safe dates', async () => {
    const { agent, token } = await caseworkerAgent()
    const res = await agent
      .post('/cases/new')
      .type('form')
      .send({
        ...validForm(await userId('caseworker@example.org')),
        kind: 'phase_transfer',
        transferYear: '2027',
        transferType: 'school',
        _csrf: token,
      })
      .expect(303)
    const page = await agent.get(res.headers.location as string).expect(200)
    expect(page.text).toContain('Hold the review meeting')
    expect(page.text).toContain('23 November 2026')
    expect(page.text).toContain('15 February 2027')
  })

  test('the case page labels derived dates as such, and notes those that hang on unconfirmed bank holidays', async () => {
    const { agent, token } = await caseworkerAgent()
    const res = await agent
      .post('/cases/new')
      .type('form')
      .send({
        ...validForm(await userId('caseworker@example.org')),
        kind: 'phase_transfer',
        transferYear: '2029',
        transferType: 'post16',
        _csrf: token,
      })
      .expect(303)
    const page = await agent.get(res.headers.location as string).expect(200)
    const rows = [...page.text.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) =>
      (m[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
    )
    const row = (label: string) => rows.find((r) => r.includes(label)) ?? ''
    const derived = 'Latest safe date, derived from the time limits (not a statutory date)'
    const note = 'Bank holidays for 2029 are not yet confirmed; this date may change.'
    // 31 March 2029 is a Saturday: the notice 8 weeks before, Saturday 3 February, comes back to Friday 2.
    expect(row('Tell the family whether')).toContain('2 February 2029')
    expect(row('Tell the family whether')).toContain(derived)
    expect(row('Tell the family whether')).toContain(note)
    expect(row('Hold the review meeting')).toContain('5 January 2029')
    // The papers date is in confirmed 2028, but it was worked back from the meeting's date in 2029.
    expect(row('Send the advice')).toContain('22 December 2028')
    expect(row('Send the advice')).toContain(note)
    // The statutory date is a plain calendar date that no bank holiday moves.
    expect(row('Issue the amended EHC plan')).toContain('31 March 2029')
    expect(row('Issue the amended EHC plan')).toContain('Statutory date')
    expect(row('Issue the amended EHC plan')).not.toContain(note)

    const preview = await agent
      .get(
        '/cases/new/deadlines?kind=phase_transfer&received-day=3&received-month=9&received-year=2026&transferYear=2029&transferType=post16',
      )
      .expect(200)
    expect(preview.text).toContain('(latest safe date, derived from the time limits)')
    expect(preview.text).toContain(note)
  })

  test('too much sent at once is a plain 413 page, and a malformed address a 400', async () => {
    const { agent, token } = await caseworkerAgent()
    const res = await agent
      .post('/cases/new')
      .type('form')
      .send({ preference: 'x'.repeat(1_100_000), _csrf: token })
      .expect(413)
    expect(res.text).toContain('too much to send at once')
    await agent.get('/cases/%E0').expect(400)
  })
})

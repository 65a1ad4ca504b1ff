import { parse } from 'csv-parse/sync'
import { XMLParser } from 'fast-xml-parser'
import { createTestApp, csrfTokenIn, signedInAgent, type TestApp } from '../support/app'
import { unzip } from '../support/zip'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const CENSUS = 'census-day=15&census-month=1&census-year=2027'

interface CaseRow {
  id: string
  version: number
  child_id: string
}

async function requestCase(): Promise<CaseRow> {
  return (await t.database
    .db('cases')
    .where({ kind: 'assessment_request' })
    .whereNot('status', 'draft')
    .orderBy('reference')
    .first('id', 'version', 'child_id')) as CaseRow
}

function binary(res: import('superagent').Response, done: (e: Error | null, b: Buffer) => void) {
  const chunks: Buffer[] = []
  res.on('data', (c: Buffer) => chunks.push(c))
  res.on('end', () => done(null, Buffer.concat(chunks)))
}

const GOOD = {
  sex: 'F',
  ethnicity: 'WBRI',
  postcode: 'ns1 2ab',
  upn: 'a12345678901b',
  uln: '',
  upnUnknownReason: '',
  senType1: 'ASD',
  senType2: 'SLCN',
  attendingUrn: '123456',
  attendingUkprn: '',
  attendingSetting: '',
  requestSource: '',
  requestFlags: 'mediation',
  planCeaseReason: '',
  placementUrn: '654321',
  placementUkprn: '',
  placementSetting: '',
}

describe('Details for the DfE return, on a case', () => {
  test('a caseworker saves them: the child and the case keep them, the version moves on, an audit row is written', async () => {
    const c = await requestCase()
    const agent = await signedInAgent(t.app, 'caseworker@example.org')
    const page = await agent.get(`/cases/${c.id}/sen2`).expect(200)
    expect(page.text).toContain('Details for the DfE return')
    const casePage = await agent.get(`/cases/${c.id}`).expect(200)
    expect(casePage.text).toContain(`href="/cases/${c.id}/sen2"`)
    const res = await agent
      .post(`/cases/${c.id}/sen2`)
      .type('form')
      .send({ ...GOOD, _csrf: csrfTokenIn(page.text), version: String(c.version) })
      .expect(303)
    expect(res.headers.location).toBe(`/cases/${c.id}?changed=sen2`)
    const child = await t.database.db('children').where({ id: c.child_id }).first()
    expect(child).toMatchObject({
      sex: 'F',
      ethnicity: 'WBRI',
      postcode: 'NS1 2AB',
      upn: 'A12345678901B',
      sen_types: ['ASD', 'SLCN'],
    })
    const own = await t.database.db('case_sen2_details').where({ case_id: c.id }).first()
    expect(own).toMatchObject({ request_mediation: true, request_tribunal: false, placement_urn: '654321' })
    const after = await t.database.db('cases').where({ id: c.id }).first('version')
    expect(after.version).toBe(c.version + 1)
    const audit = await t.database
      .db('audit_events')
      .where({ entity_id: c.id, action: 'case_sen2_details_updated' })
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit[0].details)).not.toContain('A12345678901B')
    const again = await agent.get(`/cases/${c.id}/sen2`).expect(200)
    expect(again.text).toMatch(/id="upn"[^>]*value="A12345678901B"/)
  })

  test('bad input: an error summary and a message by each field, nothing saved', async () => {
    const c = await requestCase()
    const before = await t.database.db('cases').where({ id: c.id }).first('version')
    const agent = await signedInAgent(t.app, 'caseworker@example.org')
    const page = await agent.get(`/cases/${c.id}/sen2`).expect(200)
    const res = await agent
      .post(`/cases/${c.id}/sen2`)
      .type('form')
      .send({
        ...GOOD,
        sex: 'Z',
        upn: 'nope',
        attendingUrn: '12',
        _csrf: csrfTokenIn(page.text),
        version: String(before.version),
      })
      .expect(400)
    expect(res.text).toContain('There is a problem')
    expect(res.text).toContain('href="#sex"')
    expect(res.text).toContain('Select the child’s sex from the list')
    expect(res.text).toContain('Enter a UPN as a letter followed by 12 letters or digits')
    expect(res.text).toContain('Enter a URN as 6 digits')
    const noReason = await agent
      .post(`/cases/${c.id}/sen2`)
      .type('form')
      .send({ ...GOOD, upn: '', _csrf: csrfTokenIn(page.text), version: String(before.version) })
      .expect(400)
    expect(noReason.text).toContain('Enter the UPN or ULN, or select the reason neither is known')
    const after = await t.database.db('cases').where({ id: c.id }).first('version')
    expect(after.version).toBe(before.version)
  })

  test('a stale version is refused with 409 and nothing saved', async () => {
    const c = await requestCase()
    const agent = await signedInAgent(t.app, 'caseworker@example.org')
    const page = await agent.get(`/cases/${c.id}/sen2`).expect(200)
    const res = await agent
      .post(`/cases/${c.id}/sen2`)
      .type('form')
      .send({ ...GOOD, sex: 'M', _csrf: csrfTokenIn(page.text), version: String(c.version + 50) })
    expect(res.status).toBe(409)
    expect(res.text).toContain('Someone else changed this case')
    const child = await t.database.db('children').where({ id: c.child_id }).first('sex')
    expect(child.sex).not.toBe('M')
  })

  test.each(['manager@example.org', 'chair@example.org', 'parent@example.org'])(
    '%s cannot open or save them',
    async (email) => {
      const c = await requestCase()
      const agent = await signedInAgent(t.app, email)
      await agent.get(`/cases/${c.id}/sen2`).expect(403)
    },
  )
})

describe('The SEN2 return for a manager', () => {
  test('the census date form, and a bad date gives an error by the field', async () => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const form = await agent.get('/reports/sen2').expect(200)
    expect(form.text).toContain('id="census-day"')
    const bad = await agent
      .get('/reports/sen2/validation?census-day=31&census-month=2&census-year=2027')
      .expect(400)
    expect(bad.text).toContain('There is a problem')
    expect(bad.text).toContain('govuk-error-message')
  })

  test('the validation page lists failing records, each linked to the case to fix it', async () => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const page = await agent.get(`/reports/sen2/validation?${CENSUS}`).expect(200)
    expect(page.text).toContain('SEN2 return for the census date 2027-01-15')
    const links = [...page.text.matchAll(/href="\/cases\/([0-9a-f-]{36})\/sen2#(\w+)"/g)]
    expect(links.length).toBeGreaterThan(0)
    expect(page.text).toContain('Give the UPN or ULN, or the reason neither is known')
    for (const m of ['person', 'requests', 'senneed'])
      expect(page.text).toContain(`href="/reports/sen2/${m}.csv?census-day=15`)
    const overview = await agent.get('/reports').expect(200)
    expect(overview.text).toContain('href="/reports/sen2"')
  })

  test('the person CSV has the specification’s items, and carries the saved details', async () => {
    const c = await requestCase()
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const res = await agent.get(`/reports/sen2/person.csv?${CENSUS}`).expect(200)
    expect(res.headers['content-type']).toContain('text/csv')
    const rows = parse(res.text, { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual([
      'PersonID',
      'Surname',
      'Forename',
      'PersonBirthDate',
      'Sex',
      'Ethnicity',
      'PostCode',
      'UPN',
      'UniqueLearnerNumber',
      'UPNunknown',
    ])
    const child = await t.database.db('children').where({ id: c.child_id }).first('last_name', 'upn')
    const row = rows.find((r) => r.Surname === child.last_name && r.UPN === (child.upn ?? ''))
    expect(row).toBeDefined()
    const requests = await agent.get(`/reports/sen2/requests.csv?${CENSUS}`).expect(200)
    const reqRows = parse(requests.text, { columns: true }) as Record<string, string>[]
    for (const r of reqRows) expect(['Y', 'N', 'A', 'W', 'H']).toContain(r.RequestOutcome)
    await agent.get(`/reports/sen2/nonsense.csv?${CENSUS}`).expect(404)
  })

  test('the XML parses back, and the ZIP holds a CSV per module and the XML', async () => {
    const agent = await signedInAgent(t.app, 'manager@example.org')
    const xml = await agent.get(`/reports/sen2/return.xml?${CENSUS}`).expect(200)
    const parsed = new XMLParser({
      parseTagValue: false,
      isArray: (n) => n === 'Person' || n === 'Requests',
    }).parse(xml.text)
    expect(parsed.Message.Header.CollectionDetails).toEqual({
      Collection: 'SEN2',
      Year: '2027',
      ReferenceDate: '2027-01-15',
    })
    const persons = parsed.Message.Persons.Person as { Requests: { RequestOutcome: string }[] }[]
    expect(persons.length).toBeGreaterThan(0)
    const csv = await agent.get(`/reports/sen2/person.csv?${CENSUS}`).expect(200)
    expect(parse(csv.text, { columns: true })).toHaveLength(persons.length)
    const zip = await agent.get(`/reports/sen2/return.zip?${CENSUS}`).buffer(true).parse(binary).expect(200)
    const files = await unzip(zip.body as Buffer)
    expect([...files.keys()].sort()).toEqual(
      [
        'activeplans',
        'assessment',
        'header',
        'namedplan',
        'person',
        'placementdetail',
        'plandetail',
        'requests',
        'senneed',
      ]
        .map((m) => `sen2-2027-01-15-${m}.csv`)
        .concat('sen2-2027-01-15.xml')
        .sort(),
    )
  })

  test.each(['caseworker@example.org', 'chair@example.org', 'parent@example.org'])(
    '%s is refused the return',
    async (email) => {
      const agent = await signedInAgent(t.app, email)
      await agent.get(`/reports/sen2/return.xml?${CENSUS}`).expect(403)
      await agent.get(`/reports/sen2/person.csv?${CENSUS}`).expect(403)
      await agent.get(`/reports/sen2/validation?${CENSUS}`).expect(403)
    },
  )
})

import { createHash } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import type { MinutesContent, MinutesItem } from '../../src/domain/minutes'
import { readLogOf } from '../../src/web/readEvents'
import { TEST_TODAY } from '../support/app'
import { pdfText } from '../support/pdf'
import { useDemoApp } from '../support/sittings'
import { unzip } from '../support/zip'

/**
 * Subject access and "who looked" (issue 17, points 5 and 6), on the demo council. Maya Thompson's
 * case went to the SEND panel of 13 October 2026 with one other child's: the test gives both families
 * approved minutes of that sitting, views sent to the panel and e-mails, then checks that Maya's
 * download holds everything of hers and nothing of the other family's.
 */

const { t, db, as } = useDemoApp()
const DPO = 'dpo@example.org'
const ADMIN = 'admin@example.org'
const OTHERS = [
  'caseworker@example.org',
  'chair@example.org',
  'member@example.org',
  'manager@example.org',
  'parent@example.org',
]

interface Child {
  childId: string
  caseId: string
  reference: string
  firstName: string
  lastName: string
  members: { full_name: string; email: string | null }[]
  caseworkerEmail: string
}

let sittingId: string
let maya: Child
let other: Child

async function childOfCase(caseId: string): Promise<Child> {
  const row = (await db()('cases as c')
    .join('children as ch', 'ch.id', 'c.child_id')
    .join('users as u', 'u.id', 'c.caseworker_id')
    .where('c.id', caseId)
    .first('c.child_id', 'c.reference', 'ch.first_name', 'ch.last_name', 'u.email')) as {
    child_id: string
    reference: string
    first_name: string
    last_name: string
    email: string
  }
  const members = (await db()('family_contacts')
    .where({ child_id: row.child_id })
    .select('full_name', 'email')) as Child['members']
  return {
    childId: row.child_id,
    caseId,
    reference: row.reference,
    firstName: row.first_name,
    lastName: row.last_name,
    members,
    caseworkerEmail: row.email,
  }
}

function item(position: number, child: Child, notes: string): MinutesItem {
  return {
    position,
    caseId: child.caseId,
    reference: child.reference,
    childName: `${child.firstName} ${child.lastName}`,
    kind: 'assessment_request',
    preference: `${child.firstName}’s family would like an assessment.`,
    familyAttended: false,
    familyAttendees: null,
    interpreter: null,
    withoutFamilyReason: 'The family sent their views in writing.',
    declarations: [],
    decision: {
      outcome: 'agree_to_assess',
      reasons: [`The panel agreed ${child.firstName} needs an assessment.`],
      matchesPreference: true,
      disagreementGround: null,
      disagreementExplanation: null,
      conditions: null,
      dissents: [],
      deferral: null,
      inquorateReason: null,
    },
    notes,
  }
}

beforeAll(async () => {
  const mayaCase = (await db()('cases as c')
    .join('children as ch', 'ch.id', 'c.child_id')
    .join('letters as l', 'l.case_id', 'c.id')
    .where({ 'ch.first_name': 'Maya', 'l.status': 'issued' })
    .first('c.id')) as { id: string }
  maya = await childOfCase(mayaCase.id)
  const items = (await db()('agenda_items').where({ case_id: maya.caseId }).select('sitting_id')) as {
    sitting_id: string
  }[]
  sittingId = items[0]!.sitting_id
  const otherItem = (await db()('agenda_items')
    .where({ sitting_id: sittingId })
    .whereNot({ case_id: maya.caseId })
    .first('case_id')) as { case_id: string }
  other = await childOfCase(otherItem.case_id)
  expect(other.childId).not.toBe(maya.childId)
  expect(other.lastName).not.toBe(maya.lastName)

  const content: MinutesContent = {
    panelName: 'SEND decision-making panel',
    sittingOn: '2026-10-13',
    startsAt: '10:00',
    venue: 'County Hall',
    members: [{ name: 'Helen Whitaker', agency: 'education', isChair: true, attendance: 'present' }],
    guests: [],
    quorum: { rule: 'One member from each agency', quorate: true, shortfall: null },
    items: [
      item(
        1,
        maya,
        `${other.firstName} ${other.lastName}’s school was mentioned as an example of good practice.`,
      ),
      item(2, other, `${other.firstName} is settling in well.`),
    ],
  }
  const chair = (await db()('users').where({ email: 'chair@example.org' }).first('id')) as { id: string }
  await db()('minutes').insert({
    sitting_id: sittingId,
    version: 1,
    status: 'approved',
    content: JSON.stringify(content),
    approved_by: chair.id,
    approved_at: new Date(`${TEST_TODAY}T08:00:00Z`),
  })
  const sender = (await db()('users').where({ email: maya.caseworkerEmail }).first('id')) as { id: string }
  for (const child of [maya, other]) {
    await db()('family_views').insert({
      case_id: child.caseId,
      sitting_id: sittingId,
      sent_by: sender.id,
      body: `Views about ${child.firstName}: please read the school report.`,
    })
    const email = child.members.find((m) => m.email)?.email
    await db()('email_outbox').insert({
      to_address: email,
      subject: `About ${child.firstName}’s case ${child.reference}`,
      body: `Dear ${child.members[0]!.full_name}, the panel met about ${child.firstName}.`,
      event: 'letter_issued',
      case_id: child.caseId,
    })
  }
}, 60_000)

describe('who may use the data protection pages', () => {
  test.each(OTHERS)('%s gets 403 on every data protection page', async (email) => {
    const { agent, token } = await as(email)
    await agent.get('/data-protection').expect(403)
    await agent.get(`/data-protection/children/${maya.childId}`).expect(403)
    await agent
      .post(`/data-protection/children/${maya.childId}/export`)
      .type('form')
      .send({ _csrf: token })
      .expect(403)
    await agent.get('/data-protection/reads').expect(403)
    await agent.get('/data-protection/reads.csv').expect(403)
  })

  test('an admin answers subject access requests but does not see who looked', async () => {
    const { agent } = await as(ADMIN)
    await agent.get('/data-protection').expect(200)
    const page = await agent.get(`/data-protection/children/${maya.childId}`).expect(200)
    expect(page.text).not.toContain('See who looked')
    await agent.get('/data-protection/reads').expect(403)
    await agent.get('/data-protection/reads.csv').expect(403)
  })

  test('the officer lands on subject access, with both pages in the navigation', async () => {
    const { agent } = await as(DPO)
    const home = await agent.get('/').expect(303)
    expect(home.headers.location).toBe('/data-protection')
    const page = await agent.get('/data-protection').expect(200)
    expect(page.text).toContain('href="/data-protection/reads"')
  })
})

describe('searching', () => {
  test('by a family member’s name finds the child, saying whose name matched', async () => {
    const { agent } = await as(DPO)
    const member = maya.members[0]!.full_name
    const res = await agent.get('/data-protection').query({ search: '1', name: member }).expect(200)
    expect(res.text).toContain(`/data-protection/children/${maya.childId}`)
    expect(res.text).toContain(member)
    expect(res.text).not.toContain(`/data-protection/children/${other.childId}`)
  })

  test('by case reference and by date of birth', async () => {
    const { agent } = await as(DPO)
    const byRef = await agent
      .get('/data-protection')
      .query({ search: '1', reference: maya.reference.toLowerCase() })
    expect(byRef.text).toContain(`/data-protection/children/${maya.childId}`)
    const dob = (await db()('children').where({ id: maya.childId }).first('date_of_birth')) as {
      date_of_birth: string
    }
    const [year, month, day] = dob.date_of_birth.split('-')
    const byDob = await agent
      .get('/data-protection')
      .query({ search: '1', 'dateOfBirth-day': day, 'dateOfBirth-month': month, 'dateOfBirth-year': year })
      .expect(200)
    expect(byDob.text).toContain(`/data-protection/children/${maya.childId}`)
  })

  test('an empty search or an impossible date is a message by the field, keeping what was typed', async () => {
    const { agent } = await as(DPO)
    const empty = await agent.get('/data-protection').query({ search: '1' }).expect(400)
    expect(empty.text).toContain('govuk-error-summary')
    expect(empty.text).toContain('Enter a name, a date of birth or a case reference')
    const bad = await agent
      .get('/data-protection')
      .query({
        search: '1',
        name: 'Thompson',
        'dateOfBirth-day': '31',
        'dateOfBirth-month': '2',
        'dateOfBirth-year': '2015',
      })
      .expect(400)
    expect(bad.text).toContain('value="Thompson"')
    expect(bad.text).toContain('href="#dateOfBirth-day"')
  })
})

describe('the subject access download', () => {
  let files: Map<string, Buffer>

  test('is one ZIP with the summary, every letter as issued, the extract, views, e-mails and JSON', async () => {
    const { agent, token } = await as(DPO)
    const res = await agent
      .post(`/data-protection/children/${maya.childId}/export`)
      .type('form')
      .send({ _csrf: token })
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = []
        response.on('data', (c: Buffer) => chunks.push(c))
        response.on('end', () => done(null, Buffer.concat(chunks)))
      })
      .expect(200)
    expect(res.headers['content-type']).toContain('application/zip')
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="subject-access-maya-thompson-/)
    files = await unzip(res.body as Buffer)
    const names = [...files.keys()]
    expect(names).toEqual(expect.arrayContaining(['summary.pdf', 'data.json']))

    const letters = (await db()('letters as l')
      .join('cases as c', 'c.id', 'l.case_id')
      .where({ 'c.child_id': maya.childId, 'l.status': 'issued' })
      .select('l.sha256')) as { sha256: string }[]
    const letterFiles = names.filter((n) => n.startsWith('letters/'))
    expect(letterFiles).toHaveLength(letters.length)
    expect(letterFiles.map((n) => createHash('sha256').update(files.get(n)!).digest('hex')).sort()).toEqual(
      letters.map((l) => l.sha256).sort(),
    )

    const extracts = names.filter((n) => n.startsWith('minutes-extracts/'))
    expect(extracts).toHaveLength(1)
    const extract = pdfText(files.get(extracts[0]!)!)
    expect(extract).toContain('Maya')
    expect(extract).toContain('another child')

    const summary = pdfText(files.get('summary.pdf')!)
    expect(summary).toContain('Information held about Maya Thompson')
    expect(summary).toContain(maya.reference)
    expect(summary).toContain('Views about Maya: please read the school report.')
    expect(summary).toContain(maya.members[0]!.full_name)

    const json = JSON.parse(files.get('data.json')!.toString('utf8')) as Record<string, unknown[]> & {
      child: { first_name: string }
    }
    expect(json.child.first_name).toBe('Maya')
    expect(json.cases).toHaveLength(
      Number(
        ((await db()('cases').where({ child_id: maya.childId }).count({ n: '*' }))[0] as { n: number }).n,
      ),
    )
    expect(json.familyViews).toHaveLength(1)
    expect(json.emails).toHaveLength(1)
    expect(json.minutesExtracts).toHaveLength(1)
    expect(json.auditEvents!.length).toBeGreaterThan(0)
    expect(json.timelines!.length).toBe(json.cases!.length)
    const emailFiles = names.filter((n) => n.startsWith('emails/'))
    expect(emailFiles).toHaveLength(1)
    expect(files.get(emailFiles[0]!)!.toString('utf8')).toContain('the panel met about Maya')
  })

  test('holds nothing about the other child or their family, in any file', async () => {
    const forbidden = [
      `${other.firstName} ${other.lastName}`,
      other.firstName,
      other.lastName,
      other.reference,
      other.childId,
      other.caseId,
      ...other.members.map((m) => m.full_name),
      ...other.members.flatMap((m) => (m.email ? [m.email] : [])),
    ]
    for (const [name, bytes] of files) {
      const text = name.endsWith('.pdf') ? pdfText(bytes) : bytes.toString('utf8')
      for (const word of forbidden)
        expect({ file: name, found: text.includes(word) ? word : null }).toEqual({ file: name, found: null })
    }
  })

  test('is audited, without the data itself', async () => {
    const rows = (await db()('audit_events')
      .where({ action: 'subject_access_exported', entity_type: 'child', entity_id: maya.childId })
      .select('details', 'actor_user_id')) as { details: Record<string, unknown>; actor_user_id: string }[]
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows[0]!.details)).not.toContain('Maya')
  })

  test('an admin may download it too', async () => {
    const { agent, token } = await as(ADMIN)
    const res = await agent
      .post(`/data-protection/children/${maya.childId}/export`)
      .type('form')
      .send({ _csrf: token })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('application/zip')
  })

  test('without the form’s CSRF token nothing is made', async () => {
    const { agent } = await as(DPO)
    await agent.post(`/data-protection/children/${maya.childId}/export`).type('form').send({}).expect(403)
  })

  test('a letter whose bytes no longer match its checksum stops the download, and that is audited', async () => {
    const letter = (await db()('letters as l')
      .join('cases as c', 'c.id', 'l.case_id')
      .where({ 'c.child_id': other.childId })
      .first('l.id')) as { id: string } | undefined
    // The other child may have no letter; Maya's is changed last, once the other tests have their ZIP.
    const target =
      letter?.id ?? ((await db()('letters').where({ case_id: maya.caseId }).first('id')) as { id: string }).id
    const stored = (await db()('letters').where({ id: target }).first('pdf', 'case_id')) as {
      pdf: Buffer
      case_id: string
    }
    await db()('letters')
      .where({ id: target })
      .update({ pdf: Buffer.concat([stored.pdf, Buffer.from(' ')]) })
    const childId = (
      (await db()('cases').where({ id: stored.case_id }).first('child_id')) as { child_id: string }
    ).child_id
    const { agent, token } = await as(DPO)
    const res = await agent
      .post(`/data-protection/children/${childId}/export`)
      .type('form')
      .send({ _csrf: token })
    expect(res.status).toBe(409)
    expect(res.text).toContain('no longer match the checksum')
    expect(
      await db()('audit_events').where({ action: 'subject_access_refused', entity_id: childId }),
    ).toHaveLength(1)
    await db()('letters').where({ id: target }).update({ pdf: stored.pdf })
  })
})

describe('who looked', () => {
  const flush = () => readLogOf(t().app).flush()
  const readsOf = async (kind: string, caseId: string) =>
    (await db()('record_reads').where({ kind, case_id: caseId }).select('user_id', 'object_id')) as {
      user_id: string
      object_id: string | null
    }[]

  test('opening the case, its letters, a letter, its papers and extracts records a read each (9 pages), once flushed', async () => {
    const caseworker = await as(maya.caseworkerEmail)
    const letter = (await db()('letters').where({ case_id: maya.caseId, status: 'issued' }).first('id')) as {
      id: string
    }
    await db()('record_reads').delete()
    await caseworker.agent.get(`/cases/${maya.caseId}`).expect(200)
    await caseworker.agent.get(`/cases/${maya.caseId}/letters`).expect(200)
    await caseworker.agent.get(`/cases/${maya.caseId}/letters/${letter.id}.pdf`).expect(200)
    await caseworker.agent.get(`/cases/${maya.caseId}/minutes-extract.pdf`).expect(200)
    const chair = await as('chair@example.org')
    await chair.agent.get(`/sittings/${sittingId}/cases/${maya.caseId}`).expect(200)
    await chair.agent.get(`/sittings/${sittingId}/minutes/extracts/${maya.caseId}.pdf`).expect(200)
    const family = await as('parent@example.org')
    await family.agent.get(`/portal/cases/${maya.caseId}`).expect(200)
    await family.agent.get(`/portal/cases/${maya.caseId}/letters/${letter.id}.pdf`).expect(200)
    await family.agent.get(`/portal/cases/${maya.caseId}/minutes-extract.pdf`).expect(200)
    // A page that is not found is no read.
    await caseworker.agent.get(`/cases/00000000-0000-4000-8000-000000000000`).expect(404)

    await flush()
    const id = async (email: string) =>
      ((await db()('users').where({ email }).first('id')) as { id: string }).id
    const [cw, ch, fam] = [
      await id(maya.caseworkerEmail),
      await id('chair@example.org'),
      await id('parent@example.org'),
    ]
    expect(await readsOf('case', maya.caseId)).toEqual([{ user_id: cw, object_id: null }])
    expect(await readsOf('letters', maya.caseId)).toEqual([{ user_id: cw, object_id: null }])
    expect(await readsOf('letter_pdf', maya.caseId)).toEqual([{ user_id: cw, object_id: letter.id }])
    expect(await readsOf('papers', maya.caseId)).toEqual([{ user_id: ch, object_id: sittingId }])
    expect(await readsOf('minutes_extract', maya.caseId)).toEqual(
      expect.arrayContaining([
        { user_id: cw, object_id: null },
        { user_id: ch, object_id: sittingId },
      ]),
    )
    expect(await readsOf('portal_case', maya.caseId)).toEqual([{ user_id: fam, object_id: null }])
    expect(await readsOf('portal_letter_pdf', maya.caseId)).toEqual([{ user_id: fam, object_id: letter.id }])
    expect(await readsOf('portal_minutes_extract', maya.caseId)).toEqual([{ user_id: fam, object_id: null }])
    expect(await db()('record_reads')).toHaveLength(9)
  })

  test('the officer sees the log per child and per person, and a date range outside it is empty', async () => {
    const { agent } = await as(DPO)
    const caseworkerName = (
      (await db()('users').where({ email: maya.caseworkerEmail }).first('full_name')) as { full_name: string }
    ).full_name
    const perChild = await agent.get('/data-protection/reads').query({ childId: maya.childId }).expect(200)
    expect(perChild.text).toContain('9 reads')
    expect(perChild.text).toContain(caseworkerName)
    expect(perChild.text).toContain('Panel papers')
    const otherChild = await agent.get('/data-protection/reads').query({ childId: other.childId }).expect(200)
    expect(otherChild.text).toContain('0 reads')
    const chair = ((await db()('users').where({ email: 'chair@example.org' }).first('id')) as { id: string })
      .id
    const perPerson = await agent.get('/data-protection/reads').query({ userId: chair }).expect(200)
    expect(perPerson.text).toContain('2 reads')
    const [year, month, day] = TEST_TODAY.split('-')
    const today = await agent
      .get('/data-protection/reads')
      .query({
        'from-day': day,
        'from-month': month,
        'from-year': year,
        'to-day': day,
        'to-month': month,
        'to-year': year,
      })
      .expect(200)
    expect(today.text).toContain('9 reads')
    const later = await agent
      .get('/data-protection/reads')
      .query({ 'from-day': '1', 'from-month': '1', 'from-year': String(Number(year) + 1) })
      .expect(200)
    expect(later.text).toContain('0 reads')
    const wrongWay = await agent
      .get('/data-protection/reads')
      .query({
        'from-day': '2',
        'from-month': '1',
        'from-year': year,
        'to-day': '1',
        'to-month': '1',
        'to-year': year,
      })
      .expect(400)
    expect(wrongWay.text).toContain('The last date must be the same as or after the first date')
  })

  test('the log is paged, 50 a page', async () => {
    const reader = (
      (await db()('users').where({ email: 'manager@example.org' }).first('id')) as { id: string }
    ).id
    await db()('record_reads').insert(
      Array.from({ length: 95 }, (_, i) => ({
        read_at: new Date(Date.parse(`${TEST_TODAY}T07:00:00Z`) - i * 60_000),
        user_id: reader,
        case_id: maya.caseId,
        kind: 'case',
      })),
    )
    const { agent } = await as(DPO)
    const first = await agent.get('/data-protection/reads').query({ childId: maya.childId }).expect(200)
    expect(first.text).toContain('104 reads')
    expect(first.text).toContain('Page 1 of 3')
    expect((first.text.match(/<tr class="govuk-table__row">/g) ?? []).length).toBe(51)
    const last = await agent
      .get('/data-protection/reads')
      .query({ childId: maya.childId, page: '3' })
      .expect(200)
    expect(last.text).toContain('Page 3 of 3')
    expect((last.text.match(/<tr class="govuk-table__row">/g) ?? []).length).toBe(5)
    expect(last.text).toContain('rel="prev"')
    expect(last.text).not.toContain('rel="next"')
  })

  test('the CSV has every filtered read, and a name that looks like a formula arrives as text', async () => {
    const [user] = (await db()('users')
      .insert({
        email: 'formula@example.org',
        full_name: '=HYPERLINK("http://example.com","x")',
        role: 'manager',
      })
      .returning('id')) as { id: string }[]
    await db()('record_reads').insert({
      read_at: new Date(),
      user_id: user!.id,
      case_id: maya.caseId,
      kind: 'case',
    })
    const { agent } = await as(DPO)
    const res = await agent.get('/data-protection/reads.csv').query({ userId: user!.id }).expect(200)
    expect(res.headers['content-type']).toContain('text/csv')
    const rows = parse(res.text, { columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(1)
    expect(rows[0]!.Who).toBe('\'=HYPERLINK("http://example.com","x")')
    expect(rows[0]!.Child).toBe('Maya Thompson')
    expect(rows[0]!['Case reference']).toBe(maya.reference)
    expect(rows[0]!['What was opened']).toBe('Case page')
    const all = parse((await agent.get('/data-protection/reads.csv').query({ childId: maya.childId })).text, {
      columns: true,
    }) as unknown[]
    expect(all).toHaveLength(105)
  })
})

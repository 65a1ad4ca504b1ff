import { decode } from '../support/formPages'
import crypto from 'node:crypto'
import { dataLayer } from '../../src/data'
import { apologiesService } from '../../src/services/apologies'
import { fixedClock } from '../../src/services/clock'
import { TEST_TODAY } from '../support/app'
import { pdfText } from '../support/pdf'
import { useDemoApp } from '../support/sittings'

/**
 * Decision letters on the demo council: Arjun's placement was decided at a held sitting (the panel
 * named the school his family asked for), and his caseworker writes to the family.
 */

const { db, as } = useDemoApp()

let caseId: string
let decisionId: string
let caseworker: string

beforeAll(async () => {
  const row = (await db()('cases as c')
    .join('children as ch', 'ch.id', 'c.child_id')
    .join('users as u', 'u.id', 'c.caseworker_id')
    .join('decisions as d', 'd.case_id', 'c.id')
    .where({ 'ch.first_name': 'Arjun', 'c.kind': 'placement' })
    .first('c.id', 'd.id as decision_id', 'u.email')) as { id: string; decision_id: string; email: string }
  caseId = row.id
  decisionId = row.decision_id
  caseworker = row.email
})

async function issue(form: Record<string, string | number>, email = caseworker) {
  const { agent, token } = await as(email)
  return agent
    .post(`/cases/${caseId}/letters`)
    .type('form')
    .send({ _csrf: token, decisionId, format: 'standard', issuedCount: 0, ...form })
}

const lettersOf = () => db()('letters').where({ case_id: caseId }).orderBy('version')

describe('decision letters', () => {
  test('the letters page offers a preview and the caseworker can issue', async () => {
    const page = await (await as(caseworker)).agent.get(`/cases/${caseId}/letters`).expect(200)
    expect(page.text).toContain('Issue the letter')
    expect(page.text).toContain(`/cases/${caseId}/letters/preview/${decisionId}.pdf?format=standard`)
  })

  test('the preview reads back the decision, the reasons and the rights this decision carries, and stores nothing', async () => {
    const res = await (
      await as(caseworker)
    ).agent
      .get(`/cases/${caseId}/letters/preview/${decisionId}.pdf?format=standard`)
      .responseType('blob')
      .expect(200)
    const text = pdfText(res.body as Buffer)
    expect(text).toContain('We will name Brookfield Vale School in Arjun')
    // Naming a school is appealed from the amended plan, not from this letter (s.51(2)(c)).
    expect(text).toContain('You cannot appeal against this decision itself.')
    expect(text).toContain('When we send you the final plan, you can appeal to the tribunal about it.')
    expect(text).not.toContain('must get your appeal by')
    expect(text).toContain('Northshire Disagreement Resolution Service')
    expect(text).toContain('Your rights: the legal detail')
    expect(await lettersOf()).toHaveLength(0)
  })

  test('the letter can be read in the browser before it is issued', async () => {
    const page = await (
      await as(caseworker)
    ).agent
      .get(`/cases/${caseId}/letters/preview/${decisionId}`)
      .expect(200)
    expect(page.text).toContain('This is a preview')
    expect(page.text).toContain('Our decision about Arjun')
    expect(page.text).toContain('Your rights: the legal detail')
    expect(await lettersOf()).toHaveLength(0)
  })

  test('the caseworker sees, before issuing, where the panel’s words may be hard for the family', async () => {
    const original = (await db()('decisions').where({ id: decisionId }).first('reasons')).reasons as string
    await db()('decisions')
      .where({ id: decisionId })
      .update({
        reasons: `${original}\nWe will be utilising the SENCO’s plan from the commencement of term.`,
      })
    try {
      const page = decode(
        (await (await as(caseworker)).agent.get(`/cases/${caseId}/letters`).expect(200)).text,
      )
      expect(page).toContain('may be hard for the family to read')
      expect(page).toContain('“utilising” (try “use”)')
      expect(page).toContain('“commencement” (try “start”)')
      expect(page).toContain('“SENCO” (try “the teacher in charge of special needs”)')
    } finally {
      await db()('decisions').where({ id: decisionId }).update({ reasons: original })
    }
    const plain = decode(
      (await (await as(caseworker)).agent.get(`/cases/${caseId}/letters`).expect(200)).text,
    )
    expect(plain).not.toContain('“utilising”')
  })

  test('a manager can read the letters but not issue one', async () => {
    await (await as('manager@example.org')).agent.get(`/cases/${caseId}/letters`).expect(200)
    const res = await issue({}, 'manager@example.org')
    expect(res.status).toBe(403)
    expect(await lettersOf()).toHaveLength(0)
  })

  test('a letter is refused while a right is missing, and says which', async () => {
    await db()('letter_settings').where({ id: 1 }).update({ disagreement_resolution_phone: '' })
    try {
      const res = await issue({})
      expect(res.status).toBe(400)
      expect(res.text).toContain('The letter does not offer disagreement resolution')
      expect(await lettersOf()).toHaveLength(0)
    } finally {
      await db()('letter_settings').where({ id: 1 }).update({ disagreement_resolution_phone: '01632 960300' })
    }
  })

  test('issuing stores the PDF with its version, checksum, date and who issued it, and the timeline shows it', async () => {
    const res = await issue({})
    expect(res.status).toBe(303)
    const [letter] = await lettersOf()
    expect(letter).toMatchObject({ version: 1, status: 'issued', format: 'standard', issued_on: TEST_TODAY })
    const pdf = Buffer.from(letter.pdf as Uint8Array)
    expect(letter.sha256).toBe(crypto.createHash('sha256').update(pdf).digest('hex'))
    const case_ = await (await as(caseworker)).agent.get(`/cases/${caseId}`).expect(200)
    expect(case_.text).toContain('Decision letter issued')
  })

  test('a second letter needs a reason, and a stale page is refused', async () => {
    const stale = await issue({ issuedCount: 0 })
    expect(stale.status).toBe(400)
    expect(stale.text).toContain('was issued after you opened this page')
    const noReason = await issue({ issuedCount: 1 })
    expect(noReason.status).toBe(400)
    expect(noReason.text).toContain('Say why this letter corrects the one already issued')
    expect(await lettersOf()).toHaveLength(1)
  })

  test('a correction is a new version in large print; the first stays exactly as issued', async () => {
    const [first] = await lettersOf()
    const res = await issue({
      issuedCount: 1,
      format: 'large_print',
      correctionReason: 'The family asked for large print.',
    })
    expect(res.status).toBe(303)
    const letters = await lettersOf()
    expect(letters).toHaveLength(2)
    expect(letters[1]).toMatchObject({ version: 2, format: 'large_print', supersedes_id: first.id })
    expect(letters[0].sha256).toBe(first.sha256)
    const download = await (
      await as(caseworker)
    ).agent
      .get(`/cases/${caseId}/letters/${first.id}.pdf`)
      .responseType('blob')
      .expect(200)
    expect(
      crypto
        .createHash('sha256')
        .update(download.body as Buffer)
        .digest('hex'),
    ).toBe(first.sha256)
  })

  test('nobody outside the council’s case staff reaches the letters', async () => {
    await (await as('chair@example.org')).agent.get(`/cases/${caseId}/letters`).expect(403)
    await (await as('parent@example.org')).agent.get(`/cases/${caseId}/letters`).expect(403)
  })
})

describe('apologies for missed time limits', () => {
  let poppy: string
  const apologies = () => db()('letters').where({ case_id: poppy, letter_kind: 'apology' })
  const draftApologies = () =>
    apologiesService(dataLayer(db()), fixedClock(TEST_TODAY), 'http://localhost/portal').draftApologies()

  beforeAll(async () => {
    const row = (await db()('cases as c')
      .join('children as ch', 'ch.id', 'c.child_id')
      .where({ 'ch.first_name': 'Poppy', 'c.kind': 'issue_plan' })
      .first('c.id')) as { id: string }
    poppy = row.id
  })

  test('the daily job drafts one apology for each step past its date, and only once', async () => {
    const first = await draftApologies()
    expect(first).toMatchObject({ ran: true })
    const drafts = await apologies()
    expect(drafts).toHaveLength(1)
    expect(drafts[0]).toMatchObject({ status: 'draft' })
    expect(drafts[0].content).toMatchObject({ step: 'notify_plan_not_issued' })
    const again = await draftApologies()
    expect(again).toEqual({ ran: true, counts: { drafted: 0 } })
    expect(await apologies()).toHaveLength(1)
  })

  test('the caseworker must say why it is late and give a new date before it is issued', async () => {
    const [draft] = await apologies()
    const owner = (await db()('cases as c')
      .join('users as u', 'u.id', 'c.caseworker_id')
      .where('c.id', poppy)
      .first('u.email')) as { email: string }
    const { agent, token } = await as(owner.email)
    const page = await agent.get(`/cases/${poppy}/letters`).expect(200)
    expect(page.text).toContain('Apologies for missed time limits')
    const refused = await agent
      .post(`/cases/${poppy}/letters/apologies/${draft.id}`)
      .type('form')
      .send({ _csrf: token, reason: '' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Say why it is late, in words the family can follow')
    expect(refused.text).toContain(`href="#newExpectedOn-${draft.id}-day"`)
    const issued = await agent.post(`/cases/${poppy}/letters/apologies/${draft.id}`).type('form').send({
      _csrf: token,
      reason: 'The school sent its advice to us three weeks late.',
      'newExpectedOn-day': '11',
      'newExpectedOn-month': '12',
      'newExpectedOn-year': '2026',
    })
    expect(issued.status).toBe(303)
    const [letter] = await apologies()
    expect(letter).toMatchObject({ status: 'issued', issued_on: TEST_TODAY })
    const text = pdfText(Buffer.from(letter.pdf as Uint8Array))
    expect(text).toContain('We are sorry.')
    expect(text).toContain('The school sent its advice to us three weeks late.')
    expect(text).toContain('Friday 11 December 2026')
    const again = await agent.post(`/cases/${poppy}/letters/apologies/${draft.id}`).type('form').send({
      _csrf: token,
      reason: 'Changed',
      'newExpectedOn-day': '12',
      'newExpectedOn-month': '12',
      'newExpectedOn-year': '2026',
    })
    expect(again.status).toBe(400)
    expect(again.text).toContain('already been issued')
  })
})

describe('letters in the family’s portal', () => {
  let zainCase: string
  let zainLetter: string

  beforeAll(async () => {
    const row = (await db()('cases as c')
      .join('children as ch', 'ch.id', 'c.child_id')
      .join('users as u', 'u.id', 'c.caseworker_id')
      .join('decisions as d', 'd.case_id', 'c.id')
      .where({ 'ch.first_name': 'Zain', 'c.kind': 'placement' })
      .first('c.id', 'd.id as decision_id', 'u.email')) as { id: string; decision_id: string; email: string }
    zainCase = row.id
    // The demo council issued Zain's letter already; his caseworker sends a corrected one.
    const { agent, token } = await as(row.email)
    await agent
      .post(`/cases/${zainCase}/letters`)
      .type('form')
      .send({
        _csrf: token,
        decisionId: row.decision_id,
        format: 'standard',
        issuedCount: 1,
        correctionReason: 'The first letter had a spelling mistake.',
      })
      .expect(303)
    zainLetter = (
      (await db()('letters').where({ case_id: zainCase }).orderBy('version', 'desc').first('id')) as {
        id: string
      }
    ).id
  })

  test('the family is told by e-mail that a letter is ready, with no decision in it', async () => {
    const emails = await db()('email_outbox').where({ case_id: zainCase, event: 'letter_issued' })
    expect(emails).toHaveLength(1)
    expect(emails[0]).toMatchObject({
      to_address: 'parent2@example.org',
      status: 'pending',
      subject: 'Our decision letter about Zain',
    })
    expect(emails[0].body).toContain('/portal')
    expect(emails[0].body).not.toContain('Oakfield')
  })

  test('the family sees their child’s letter and can download it', async () => {
    const { agent } = await as('parent2@example.org')
    const home = await agent.get('/portal').expect(200)
    expect(home.text).toContain(`href="/portal/cases/${zainCase}"`)
    const casePage = await agent.get(`/portal/cases/${zainCase}`).expect(200)
    expect(casePage.text).toContain(`/portal/cases/${zainCase}/letters/${zainLetter}.pdf`)
    const pdf = await agent
      .get(`/portal/cases/${zainCase}/letters/${zainLetter}.pdf`)
      .responseType('blob')
      .expect(200)
    expect(pdfText(pdf.body as Buffer)).toContain('Our decision about Zain')
  })

  test('no other family can reach it, and the family reaches no other letter', async () => {
    const other = await as('parent@example.org')
    await other.agent.get(`/portal/cases/${zainCase}/letters/${zainLetter}.pdf`).expect(404)
    expect((await other.agent.get('/portal').expect(200)).text).not.toContain(zainCase)
    await other.agent.get(`/portal/cases/${zainCase}`).expect(404)
    const arjunLetter = ((await db()('letters').where({ case_id: caseId }).first('id')) as { id: string }).id
    const family = await as('parent2@example.org')
    await family.agent.get(`/portal/cases/${caseId}/letters/${arjunLetter}.pdf`).expect(404)
    // Their own case with another case's letter is not found either.
    await family.agent.get(`/portal/cases/${zainCase}/letters/${arjunLetter}.pdf`).expect(404)
  })
})

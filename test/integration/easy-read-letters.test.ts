import { pdfText, popplerOn } from '../support/pdf'
import { useDemoApp } from '../support/sittings'

/**
 * A family that chose Easy Read gets Easy Read: on the demo council, Arjun's family's main contact
 * chooses it, and his caseworker finds it chosen on the letters page, previews it and issues it; the
 * post room prints it as issued.
 */

const { db, as } = useDemoApp()

let caseId: string
let decisionId: string
let sittingId: string
let caseworker: string

beforeAll(async () => {
  const row = (await db()('cases as c')
    .join('children as ch', 'ch.id', 'c.child_id')
    .join('users as u', 'u.id', 'c.caseworker_id')
    .join('decisions as d', 'd.case_id', 'c.id')
    .join('agenda_items as ai', 'ai.id', 'd.agenda_item_id')
    .where({ 'ch.first_name': 'Arjun', 'c.kind': 'placement' })
    .first('c.id', 'c.child_id', 'd.id as decision_id', 'ai.sitting_id', 'u.email')) as {
    id: string
    child_id: string
    decision_id: string
    sitting_id: string
    email: string
  }
  caseId = row.id
  decisionId = row.decision_id
  sittingId = row.sitting_id
  caseworker = row.email
  await db()('family_contacts').where({ child_id: row.child_id }).update({ letter_format: 'standard' })
  const updated = await db()('family_contacts')
    .where({ child_id: row.child_id, is_main_contact: true })
    .update({ letter_format: 'easy_read' })
  expect(updated).toBe(1)
})

const checkedFormat = (html: string, id: string) =>
  [...html.matchAll(/<input class="govuk-radios__input" id="([^"]+)"[^>]*value="([^"]+)"([^>]*)>/g)]
    .filter((m) => m[1]!.startsWith(`format-${id}`) && /\bchecked\b/.test(m[3]!))
    .map((m) => m[2])

describe('a family that chose Easy Read', () => {
  test('has Easy Read offered and chosen on the letters page', async () => {
    const page = await (await as(caseworker)).agent.get(`/cases/${caseId}/letters`).expect(200)
    expect(page.text).toContain('Easy Read')
    expect(checkedFormat(page.text, decisionId)).toEqual(['easy_read'])
    expect(page.text).toContain(`/cases/${caseId}/letters/preview/${decisionId}.pdf?format=easy_read`)
  })

  test('gets the Easy Read letter as the preview by default, not the standard one', async () => {
    const res = await (
      await as(caseworker)
    ).agent
      .get(`/cases/${caseId}/letters/preview/${decisionId}.pdf`)
      .responseType('blob')
      .expect(200)
    const text = pdfText(res.body as Buffer)
    expect(text).toContain('This is the school you asked for.')
    expect(text).toContain('You cannot appeal about this decision.')
    expect(text).toContain('Twemoji')
    expect(text).not.toContain('Your rights: the legal detail')
  })

  test('is issued an Easy Read letter, stored as such, and the post room prints it', async () => {
    const { agent, token } = await as(caseworker)
    const res = await agent
      .post(`/cases/${caseId}/letters`)
      .type('form')
      .send({ _csrf: token, decisionId, format: 'easy_read', issuedCount: 0 })
    expect(res.status).toBe(303)
    const [letter] = (await db()('letters').where({ case_id: caseId })) as {
      format: string
      pdf: Uint8Array
      content: { easyRead?: { format: string }; sections: unknown[] }
    }[]
    expect(letter!.format).toBe('easy_read')
    expect(letter!.content.easyRead?.format).toBe('easy_read')
    // The portal reads the decision from the standard letter's words, which are stored too.
    expect(letter!.content.sections.length).toBeGreaterThan(0)
    const pdf = Buffer.from(letter!.pdf)
    expect(pdfText(pdf)).toContain('We can send you this letter in large print.')
    expect(popplerOn(pdf, 'pdfinfo')).toMatch(/Tagged:\s+yes/)

    const page = await agent.get(`/cases/${caseId}/letters`).expect(200)
    expect(page.text).toMatch(/<td class="govuk-table__cell">Easy Read<\/td>/)

    const admin = await as('admin@example.org')
    const started = await admin.agent
      .post(`/post-room/sittings/${sittingId}/batches`)
      .type('form')
      .send({ _csrf: admin.token })
    expect(started.status).toBe(303)
    const batchPath = started.headers.location as string
    for (let i = 0; i < 100; i++) {
      const fragment = (await admin.agent.get(batchPath).set('HX-Request', 'true').expect(200)).text
      if (!fragment.includes('Building the PDF')) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const batch = await admin.agent.get(`${batchPath}.pdf`).responseType('blob').expect(200)
    expect(pdfText(batch.body as Buffer)).toContain('This is the school you asked for.')
  })
})

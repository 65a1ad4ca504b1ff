import { popplerOn, pdfText } from '../support/pdf'
import { pageNumber, pdfPages, textLines } from '../support/pdfPages'
import { useDemoApp } from '../support/sittings'

/**
 * The post room on the demo council: letters issued for the decisions of one held sitting come out as
 * one PDF, each letter starting on its own page, with the build's progress shown as it goes. The PDF is
 * made of the letters' stored bytes, as issued: nothing is drawn again, and a letter whose bytes no
 * longer match their stored SHA-256 is not posted.
 */

const { db, as } = useDemoApp()

let sittingId: string
const children: string[] = []

beforeAll(async () => {
  // The held sitting with the most decisions, each written to its family in the format they chose.
  const [busiest] = (await db()('decisions as d')
    .join('agenda_items as ai', 'ai.id', 'd.agenda_item_id')
    .groupBy('ai.sitting_id')
    .orderByRaw('count(*) desc')
    .select('ai.sitting_id')) as { sitting_id: string }[]
  sittingId = busiest!.sitting_id
  const decisions = (await db()('decisions as d')
    .join('agenda_items as ai', 'ai.id', 'd.agenda_item_id')
    .join('cases as c', 'c.id', 'd.case_id')
    .join('children as ch', 'ch.id', 'c.child_id')
    .join('users as u', 'u.id', 'c.caseworker_id')
    .where('ai.sitting_id', sittingId)
    .select('d.id', 'c.id as case_id', 'u.email', 'ch.first_name')) as {
    id: string
    case_id: string
    email: string
    first_name: string
  }[]
  expect(decisions.length).toBeGreaterThanOrEqual(2)
  for (const [i, d] of decisions.entries()) {
    const { agent, token } = await as(d.email)
    const res = await agent
      .post(`/cases/${d.case_id}/letters`)
      .type('form')
      .send({ _csrf: token, decisionId: d.id, issuedCount: 0, format: i === 0 ? 'large_print' : 'standard' })
    expect(res.status).toBe(303)
    children.push(d.first_name)
  }
})

type Agent = Awaited<ReturnType<typeof as>>

/** Starts a sitting's batch and waits for it as the page would, then downloads it. */
async function buildBatch({ agent, token }: Agent): Promise<Buffer> {
  const started = await agent
    .post(`/post-room/sittings/${sittingId}/batches`)
    .type('form')
    .send({ _csrf: token })
    .expect(303)
  const batchPath = started.headers.location as string
  for (let i = 0; i < 100; i++) {
    const fragment = (await agent.get(batchPath).set('HX-Request', 'true').expect(200)).text
    if (!fragment.includes('Building the PDF')) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return (await agent.get(`${batchPath}.pdf`).responseType('blob').expect(200)).body as Buffer
}

/** The sitting's issued letters as stored, in agenda order, as the post room takes them. */
async function issuedLetters(): Promise<{ id: string; reference: string; pdf: Buffer }[]> {
  const rows = (await db()('letters as l')
    .join('decisions as d', 'd.id', 'l.decision_id')
    .join('agenda_items as ai', 'ai.id', 'd.agenda_item_id')
    .join('cases as c', 'c.id', 'l.case_id')
    .where({ 'ai.sitting_id': sittingId, 'l.status': 'issued' })
    .orderBy([{ column: 'ai.position' }, { column: 'l.created_at' }])
    .select('l.id', 'c.reference', 'l.pdf')) as { id: string; reference: string; pdf: Uint8Array }[]
  return rows.map((r) => ({ id: r.id, reference: r.reference, pdf: Buffer.from(r.pdf) }))
}

describe('the post room', () => {
  test('lists the sitting with its issued letters', async () => {
    const page = await (await as('admin@example.org')).agent.get('/post-room').expect(200)
    expect(page.text).toContain(`/post-room/sittings/${sittingId}/batches`)
  })

  test('builds one PDF of every letter, showing progress until it is ready', async () => {
    const { agent, token } = await as('admin@example.org')
    const started = await agent
      .post(`/post-room/sittings/${sittingId}/batches`)
      .type('form')
      .send({ _csrf: token })
    expect(started.status).toBe(303)
    const batchPath = started.headers.location as string
    let fragment = ''
    for (let i = 0; i < 100; i++) {
      fragment = (await agent.get(batchPath).set('HX-Request', 'true').expect(200)).text
      if (!fragment.includes('Building the PDF')) break
      expect(fragment).toContain('hx-trigger="load delay:1s"')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(fragment).not.toContain('<html')
    expect(fragment).toContain('The PDF is ready')
    const pdf = await agent.get(`${batchPath}.pdf`).responseType('blob').expect(200)
    const text = pdfText(pdf.body as Buffer)
    for (const name of children) expect(text).toContain(`Our decision about ${name}`)
    expect(popplerOn(pdf.body as Buffer, 'pdfinfo')).toMatch(/Tagged:\s+yes/)
    // Each letter starts on a new page: the pages that carry a reference begin with the council's name.
    const pages = popplerOn(pdf.body as Buffer, 'pdftotext').split('\f')
    const firstPages = pages.filter((page) => page.includes('Our reference'))
    expect(firstPages).toHaveLength(children.length)
    for (const page of firstPages) expect(page.trimStart().startsWith('Northshire County Council')).toBe(true)
  })

  test('posts the letters as issued, each numbered as its own, whatever the settings say now', async () => {
    const issued = await issuedLetters()
    expect(issued).toHaveLength(children.length)
    // Were the letters drawn again, they would carry the council's new name.
    await db()('letter_settings').update({ council_name: 'Renamed Council' })
    const batch = pdfPages(await buildBatch(await as('admin@example.org')))
    expect(batch.flat().join(' ')).not.toContain('Renamed Council')
    let at = 0
    for (const letter of issued) {
      const pages = pdfPages(letter.pdf)
      expect(batch.slice(at, at + pages.length)).toEqual(pages)
      expect(pageNumber(batch[at]!)).toEqual([1, pages.length])
      at += pages.length
      // Printed on both sides, the next family's letter starts on a sheet of its own.
      if (pages.length % 2 === 1) {
        expect(textLines(batch[at]!)).toEqual([])
        at++
      }
    }
    expect(batch).toHaveLength(at)
  })

  test('refuses a sitting whose stored letter no longer matches its checksum, and posts nothing', async () => {
    const [first, second] = await issuedLetters()
    // One bit changed near the end, where the file still opens.
    const tampered = Buffer.from(second!.pdf)
    const at = tampered.length - 10
    tampered.writeUInt8(tampered.readUInt8(at) ^ 1, at)
    await db()('letters').where({ id: second!.id }).update({ pdf: tampered })
    try {
      const { agent, token } = await as('admin@example.org')
      const batches = Number((await db()('letter_batches').count({ n: '*' }).first())!.n)
      const res = await agent
        .post(`/post-room/sittings/${sittingId}/batches`)
        .type('form')
        .send({ _csrf: token })
      expect(res.status).toBe(409)
      expect(res.text).toContain('The letters were not built for posting')
      expect(res.text).toContain(`Letter for ${second!.reference}, version 1`)
      expect(res.text).not.toContain(`Letter for ${first!.reference},`)
      expect(Number((await db()('letter_batches').count({ n: '*' }).first())!.n)).toBe(batches)
      const refused = await db()('audit_events').where({
        action: 'letter_batch_refused',
        entity_type: 'sitting',
        entity_id: sittingId,
      })
      expect(refused).toHaveLength(1)
    } finally {
      await db()('letters').where({ id: second!.id }).update({ pdf: second!.pdf })
    }
  })

  test('a family and a chair cannot reach the post room', async () => {
    await (await as('parent@example.org')).agent.get('/post-room').expect(403)
    await (await as('chair@example.org')).agent.get('/post-room').expect(403)
  })
})

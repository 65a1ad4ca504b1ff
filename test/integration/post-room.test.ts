import { popplerOn, pdfText } from '../support/pdf'
import { useDemoApp } from '../support/sittings'

/**
 * The post room on the demo council: letters issued for the decisions of one held sitting come out as
 * one PDF, each letter starting on its own page, with the build's progress shown as it goes.
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

  test('a family and a chair cannot reach the post room', async () => {
    await (await as('parent@example.org')).agent.get('/post-room').expect(403)
    await (await as('chair@example.org')).agent.get('/post-room').expect(403)
  })
})

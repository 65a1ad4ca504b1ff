import { seedWaitingCases, useDemoApp } from '../support/sittings'
import { QUEUE_ROWS_PER_PAGE } from '../../src/services/queue'

/**
 * The queue page at a large council's size (issue 14 point 6): 5,000 cases waiting for a place, shown a
 * page at a time, paged in SQL, with the counts of the whole list and the other list's page kept.
 */

const WAITING = 5000

describe('the queue page with 5,000 cases waiting for a place', () => {
  const { db, as } = useDemoApp()

  beforeAll(() => seedWaitingCases(db(), WAITING), 120_000)

  const waitingCount = async () =>
    Number(
      (
        (await db()('case_queue').whereNotIn('state', ['placed', 'at_risk']).count('* as n').first()) as {
          n: string
        }
      ).n,
    )

  test('the first page is under 200 KB, counts every waiting case and shows one page of them', async () => {
    const chair = await as('chair@example.org')
    const page = await chair.agent.get('/queue').expect(200)
    expect(Buffer.byteLength(page.text)).toBeLessThan(200 * 1024)
    const total = await waitingCount()
    expect(total).toBeGreaterThanOrEqual(WAITING)
    expect(page.text).toContain(`Waiting for a place (${total})`)
    expect(page.text).toContain(`Page 1 of ${Math.ceil(total / QUEUE_ROWS_PER_PAGE)}`)
    expect((page.text.match(/BIG-\d{5}/g) ?? []).length).toBeLessThanOrEqual(QUEUE_ROWS_PER_PAGE)
    expect(page.text).toContain('href="/queue?waiting=2#waiting"')
  })

  test('page 2 shows the next rows, none from page 1, with links either side', async () => {
    const chair = await as('chair@example.org')
    const first = await chair.agent.get('/queue').expect(200)
    const second = await chair.agent.get('/queue?waiting=2').expect(200)
    const refs = (html: string) => new Set(html.match(/BIG-\d{5}/g) ?? [])
    const one = refs(first.text)
    const two = refs(second.text)
    expect(two.size).toBeGreaterThan(0)
    for (const ref of two) expect(one.has(ref)).toBe(false)
    // Same deadline for all the copies, so they are in reference order: page 2 follows on from page 1.
    expect([...two].sort()[0]! > [...one].sort().at(-1)!).toBe(true)
    expect(second.text).toContain('aria-current="page">2<')
    expect(second.text).toContain('href="/queue?waiting=3#waiting"')
    expect(second.text).toContain('href="/queue#waiting"')
  })

  test('a page number that is not a page shows the nearest page rather than an error', async () => {
    const chair = await as('chair@example.org')
    await chair.agent.get('/queue?waiting=abc').expect(200)
    const last = await chair.agent.get('/queue?waiting=999999').expect(200)
    expect(last.text).toContain(`Page ${Math.ceil((await waitingCount()) / QUEUE_ROWS_PER_PAGE)} of`)
  })
})

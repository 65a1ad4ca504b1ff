import { dataLayer } from '../../src/data'
import { testServices as services } from '../support/services'
import { fixedClock } from '../../src/services/clock'
import { TEST_TODAY } from '../support/app'
import { sittingOn, useDemoApp } from '../support/sittings'

/**
 * Issue 14, point 6: a decision save places only its own case, inside its transaction; the full run that
 * may move others is the settle-queue job's, which runs only when a decision was saved since the last
 * run. On the demo's SEND sitting of 17 November (today 23 November), with Kian's phase transfer
 * deferred and Freya's assessment request decided.
 */

const { db, as } = useDemoApp()
const CHAIR = 'chair@example.org'
let sittingId: string
const ids: Record<'freya' | 'kian', string> = { freya: '', kian: '' }

beforeAll(async () => {
  sittingId = await sittingOn(db(), 'send_decision', '2026-11-17')
  const items = (await db()('agenda_items as ai')
    .join('cases as c', 'c.id', 'ai.case_id')
    .join('children as ch', 'ch.id', 'c.child_id')
    .where('ai.sitting_id', sittingId)
    .select('c.id', 'ch.first_name')) as { id: string; first_name: string }[]
  for (const item of items) {
    const name = item.first_name.toLowerCase()
    if (name === 'freya' || name === 'kian') ids[name] = item.id
  }
  const seats = (await db()('panel_members as pm')
    .join('sittings as s', 's.panel_id', 'pm.panel_id')
    .where('s.id', sittingId)
    .pluck('pm.id')) as string[]
  const { record_version: version } = (await db()('sittings')
    .where({ id: sittingId })
    .first('record_version')) as {
    record_version: number
  }
  const form: Record<string, string | number> = { version }
  for (const seat of seats) form[`attendance-${seat}`] = 'present'
  expect((await post(`/sittings/${sittingId}/attendance`, form)).status).toBe(303)
})

async function post(path: string, form: Record<string, string | number>) {
  const { agent, token } = await as(CHAIR)
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: token, ...form })
}

const queue = () => services(dataLayer(db()), fixedClock(TEST_TODAY)).queue

/** Every agenda item but those of `caseId`, as case, sitting and position. */
async function othersItems(caseId: string): Promise<string[]> {
  const rows = (await db()('agenda_items')
    .whereNot('case_id', caseId)
    .orderBy(['sitting_id', 'position'])
    .select('case_id', 'sitting_id', 'position')) as {
    case_id: string
    sitting_id: string
    position: number
  }[]
  return rows.map((r) => `${r.case_id} ${r.sitting_id} ${r.position}`)
}

const decision = {
  version: 0,
  familyAttended: 'no',
  withoutFamilyReason: 'The family sent their views in writing, which the panel read.',
  reasons: 'The panel needs the school’s latest report first.',
  matchesPreference: 'no',
  disagreementExplanation: 'You asked for a decision now. We need the report first.',
}

describe('a decision save and the queue', () => {
  test('a settled queue is not run again by the job', async () => {
    expect((await queue().placeCases()).ran).toBe(true)
    expect(await queue().settle()).toEqual({ ran: true, counts: { runs: 0 } })
  })

  test('a deferral places the deferred case after its date, and moves nobody else', async () => {
    const before = await othersItems(ids.kian)
    const res = await post(`/sittings/${sittingId}/items/${ids.kian}/decision`, {
      ...decision,
      outcome: 'defer',
      deferralAction: 'Ask the school for its latest report',
      deferralOwner: 'Caseworker',
      'deferralDueOn-day': '1',
      'deferralDueOn-month': '12',
      'deferralDueOn-year': '2026',
      lateDeferralAcceptedFor: '2026-12-01',
    })
    expect(res.status).toBe(303)
    expect(await othersItems(ids.kian)).toEqual(before)
    const kian = await db()('cases').where({ id: ids.kian }).first('status', 'papers_complete_on')
    expect(kian.papers_complete_on).toBe('2026-12-01')
    const next = (await db()('agenda_items as ai')
      .join('sittings as s', 's.id', 'ai.sitting_id')
      .where('ai.case_id', ids.kian)
      .whereNot('ai.sitting_id', sittingId)
      .pluck('s.sitting_on')) as string[]
    // Placed at once when a sitting after the date has room, never before the date; its flag agrees.
    expect(next.every((on) => on > '2026-12-01')).toBe(true)
    expect(kian.status).toBe(next.length > 0 ? 'scheduled' : 'submitted')
    const flag = await db()('case_queue').where({ case_id: ids.kian }).first('state', 'sitting_id')
    expect(flag).toBeDefined()
    expect(flag.sitting_id === null).toBe(next.length === 0)
  })

  test('a decision takes the decided case off the queue, and leaves the full run to the job', async () => {
    const res = await post(`/sittings/${sittingId}/items/${ids.freya}/decision`, {
      ...decision,
      outcome: 'refuse_to_assess',
      reasons: 'Freya is making good progress with the help her school gives her.',
    })
    expect(res.status).toBe(303)
    expect(await db()('case_queue').where({ case_id: ids.freya })).toHaveLength(0)
    const settled = await queue().settle()
    expect(settled).toMatchObject({ ran: true, counts: { runs: 1 } })
    expect(await queue().settle()).toEqual({ ran: true, counts: { runs: 0 } })
  })
})

import { formatDate } from '../../src/domain/dates'
import { sittingOn, useDemoApp } from '../support/sittings'

/**
 * Issue 14, point 2: a deferral sends the case back to the queue, which places it at once; the chair's
 * confirmation says where it went (which sitting, on which date), or that it waits and why, the way
 * every other move is told. E-mails go once per real change: saving the same deferral again sends
 * nothing and shows no move. On the demo's SEND sitting of 17 November (today 23 November).
 */

const { db, as } = useDemoApp()
const CHAIR = 'chair@example.org'
let sittingId: string
const ids: Record<'kian' | 'mohammed', string> = { kian: '', mohammed: '' }

beforeAll(async () => {
  sittingId = await sittingOn(db(), 'send_decision', '2026-11-17')
  const items = (await db()('agenda_items as ai')
    .join('cases as c', 'c.id', 'ai.case_id')
    .join('children as ch', 'ch.id', 'c.child_id')
    .where('ai.sitting_id', sittingId)
    .select('c.id', 'ch.first_name')) as { id: string; first_name: string }[]
  for (const item of items) {
    const name = item.first_name.toLowerCase()
    if (name === 'kian' || name === 'mohammed') ids[name] = item.id
  }
  const seats = (await db()('panel_members as pm')
    .join('sittings as s', 's.panel_id', 'pm.panel_id')
    .where('s.id', sittingId)
    .pluck('pm.id')) as string[]
  const { record_version: version } = (await db()('sittings')
    .where({ id: sittingId })
    .first('record_version')) as { record_version: number }
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

/** Saves the form and follows the redirect to the meeting page, where the chair is told what happened. */
async function save(caseId: string, form: Record<string, string | number>): Promise<string> {
  const res = await post(`/sittings/${sittingId}/items/${caseId}/decision`, form)
  expect(res.status).toBe(303)
  expect(res.headers.location).toBe(`/sittings/${sittingId}/meeting?saved=decision#items`)
  const { agent } = await as(CHAIR)
  const page = await agent.get(`/sittings/${sittingId}/meeting?saved=decision`).expect(200)
  expect(page.text).toContain('Decision saved.')
  return page.text
}

async function version(caseId: string): Promise<number> {
  const row = (await db()('decisions').where({ case_id: caseId }).first('version')) as
    { version: number } | undefined
  return row?.version ?? 0
}

async function emailsAbout(caseId: string): Promise<number> {
  const row = (await db()('email_outbox').where({ case_id: caseId }).count('* as n').first()) as {
    n: string | number
  }
  return Number(row.n)
}

/** The sitting the case is now on, other than this one, as the chair is told it. */
async function nextSitting(caseId: string): Promise<string | undefined> {
  const row = (await db()('agenda_items as ai')
    .join('sittings as s', 's.id', 'ai.sitting_id')
    .join('panels as p', 'p.id', 's.panel_id')
    .where('ai.case_id', caseId)
    .whereNot('ai.sitting_id', sittingId)
    .first('p.name', 's.sitting_on')) as { name: string; sitting_on: string } | undefined
  return row && `${row.name}, ${formatDate(row.sitting_on)}`
}

/** The text of the "what the queue did" box, without its markup, or null when there is none. */
function movesBox(html: string): string | null {
  const match = /<div class="govuk-inset-text" id="queue-moves">([\s\S]*?)<\/div>/.exec(html)
  return match
    ? match[1]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : null
}

const deferral = (dueDay: number) => ({
  familyAttended: 'no',
  withoutFamilyReason: 'The family sent their views in writing, which the panel read.',
  reasons: 'The panel needs the school’s latest report first.',
  outcome: 'defer',
  deferralAction: 'Ask the school for its latest report',
  deferralOwner: 'Caseworker',
  'deferralDueOn-day': String(dueDay),
  'deferralDueOn-month': '12',
  'deferralDueOn-year': '2026',
  lateDeferralAcceptedFor: `2026-12-${String(dueDay).padStart(2, '0')}`,
})

describe('a deferral tells the chair where the case went', () => {
  test('placed at once: the chair is told which sitting and date, and why', async () => {
    const html = await save(ids.kian, { version: 0, ...deferral(1) })
    const to = await nextSitting(ids.kian)
    expect(to).toBeDefined()
    const box = movesBox(html)
    expect(box).toContain('What the queue did at once (1 case)')
    expect(box).toContain(`Kian`)
    expect(box).toContain(`to ${to}.`)
    expect(box).toContain('this is the earliest sitting that can take it')
    // The family and the caseworker were told once, of the new date.
    expect(await emailsAbout(ids.kian)).toBeGreaterThan(0)
  })

  test('the same deferral saved again sends nothing and shows no move', async () => {
    const sent = await emailsAbout(ids.kian)
    const where = await nextSitting(ids.kian)
    // The same form sent twice (a double click), then a save that changes only the notes.
    const again = await save(ids.kian, { version: (await version(ids.kian)) - 1, ...deferral(1) })
    expect(movesBox(again)).toBeNull()
    const notes = await save(ids.kian, {
      version: await version(ids.kian),
      ...deferral(1),
      notes: 'The school has promised the report next week.',
    })
    expect(await version(ids.kian)).toBe(2)
    expect(movesBox(notes)).toBeNull()
    expect(await emailsAbout(ids.kian)).toBe(sent)
    expect(await nextSitting(ids.kian)).toBe(where)
  })

  test('no sitting can take it: the chair is told it waits, and why, naming the deadline', async () => {
    const deadline = (await db()('cases').where({ id: ids.mohammed }).first('next_deadline_on')) as {
      next_deadline_on: string
    }
    expect(deadline.next_deadline_on).toBeTruthy()
    const sent = await emailsAbout(ids.mohammed)
    // Papers due long after every sitting in the calendar: nothing can take it yet.
    const html = await save(ids.mohammed, {
      version: 0,
      ...deferral(1),
      'deferralDueOn-year': '2031',
      lateDeferralAcceptedFor: '2031-12-01',
    })
    expect(await nextSitting(ids.mohammed)).toBeUndefined()
    const box = movesBox(html)
    expect(box).toContain('What the queue did at once (1 case)')
    expect(box).toContain('Mohammed')
    expect(box).toContain('stays in the queue, with no place yet.')
    expect(box).toContain(`before its deadline of ${formatDate(deadline.next_deadline_on)}`)
    expect(box).toContain('it waits in the queue, at risk.')
    // Nobody is told of a place it does not have; its caseworker and chairs hear once that it is at risk.
    const events = (await db()('email_outbox')
      .where({ case_id: ids.mohammed })
      .orderBy('created_at')
      .offset(sent)
      .pluck('event')) as string[]
    expect(events.length).toBeGreaterThan(0)
    expect(new Set(events)).toEqual(new Set(['deadline_at_risk']))
    const told = await emailsAbout(ids.mohammed)
    // Saved again with new notes, it still waits: that is not news, and the chair is not told again.
    const notes = await save(ids.mohammed, {
      version: await version(ids.mohammed),
      ...deferral(1),
      'deferralDueOn-year': '2031',
      lateDeferralAcceptedFor: '2031-12-01',
      notes: 'The health service has no date for the advice.',
    })
    expect(movesBox(notes)).toBeNull()
    expect(await emailsAbout(ids.mohammed)).toBe(told)
  })

  test('placed after its deadline: the move says so, naming the deadline', async () => {
    const deadline = (await db()('cases').where({ id: ids.mohammed }).first('next_deadline_on')) as {
      next_deadline_on: string
    }
    const html = await save(ids.mohammed, { version: await version(ids.mohammed), ...deferral(10) })
    const to = await nextSitting(ids.mohammed)
    expect(to).toBeDefined()
    const box = movesBox(html)
    expect(box).toContain(`from the queue to ${to}.`)
    expect(box).toContain(
      `No sitting before its deadline of ${formatDate(deadline.next_deadline_on)} can take it, so it is at risk.`,
    )
  })

  test('a deferral changed into a decision: the chair is told the case came off the later sitting', async () => {
    const where = await nextSitting(ids.kian)
    expect(where).toBeDefined()
    const later = (await db()('agenda_items')
      .where('case_id', ids.kian)
      .whereNot('sitting_id', sittingId)
      .first('sitting_id')) as { sitting_id: string }
    const html = await save(ids.kian, {
      version: await version(ids.kian),
      familyAttended: 'no',
      withoutFamilyReason: 'The family sent their views in writing, which the panel read.',
      reasons: 'Kian’s plan still meets his needs as he moves to his new school.',
      outcome: 'maintain',
      namedSetting: 'Longmoor High School',
      namedSettingType: 'mainstream',
      matchesPreference: 'yes',
    })
    expect(await nextSitting(ids.kian)).toBeUndefined()
    const box = movesBox(html)
    expect(box).toContain('Kian')
    expect(box).toContain(`from ${where}`)
    expect(box).toContain('Decided at this meeting, so it no longer needs that sitting')
    // The sitting it left has no gap in its order.
    const off = (await db()('agenda_items')
      .where('sitting_id', later.sitting_id)
      .orderBy('position')
      .pluck('position')) as number[]
    expect(off).toEqual(off.map((_, i) => i + 1))
  })
})

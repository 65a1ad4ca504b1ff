import { createTestApp, csrfTokenIn, signedInAgent, TEST_TODAY, type TestApp } from '../support/app'
import { findPastRetention } from '../../src/data/retention'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const db = () => t.database.db

/** A waiting case with a place on a sitting still to be held, and that sitting's other items. */
async function scheduledCase() {
  const row = await db()('agenda_items as ai')
    .join('cases as c', 'c.id', 'ai.case_id')
    .join('sittings as s', 's.id', 'ai.sitting_id')
    .where({ 'c.status': 'scheduled', 's.status': 'scheduled' })
    .where('s.sitting_on', '>', TEST_TODAY)
    .whereNotExists(db()('decisions as d').whereRaw('d.agenda_item_id = ai.id'))
    .orderBy('c.reference')
    .first('c.id', 'c.version', 'c.received_on', 'ai.sitting_id')
  return row as { id: string; version: number; received_on: string; sitting_id: string }
}

async function caseWithStatus(status: string) {
  return (await db()('cases').where({ status }).orderBy('reference').first('id', 'version')) as {
    id: string
    version: number
  }
}

const endForm = (c: { version: number }, token: string, extra: Record<string, string> = {}) => ({
  _csrf: token,
  version: String(c.version),
  reason: 'family_withdrew',
  note: '',
  'endedOn-day': '23',
  'endedOn-month': '11',
  'endedOn-year': '2026',
  ...extra,
})

async function caseworkerOn(caseId: string) {
  const agent = await signedInAgent(t.app, 'caseworker@example.org')
  const page = await agent.get(`/cases/${caseId}/end`).expect(200)
  return { agent, token: csrfTokenIn(page.text), page }
}

describe('withdrawing a request', () => {
  test('the form asks why and when, with today filled in', async () => {
    const c = await scheduledCase()
    const { page } = await caseworkerOn(c.id)
    expect(page.text).toContain('Withdraw this request')
    expect(page.text).toContain('The family withdrew the request')
    expect(page.text).not.toContain('The decision has been carried out')
    expect(page.text).toMatch(/name="endedOn-day"[^>]*value="23"/)
    expect(page.text).toMatch(/name="endedOn-year"[^>]*value="2026"/)
  })

  test('takes the case off the agenda still to meet, closes the gap, records why and audits it', async () => {
    const c = await scheduledCase()
    const { agent, token } = await caseworkerOn(c.id)
    const note = 'Family moved within the county and asked us to stop.'
    const res = await agent
      .post(`/cases/${c.id}/end`)
      .type('form')
      .send(endForm(c, token, { note }))
      .expect(303)
    expect(res.headers.location).toBe(`/cases/${c.id}?changed=ended#case-status`)

    const after = await db()('cases')
      .where({ id: c.id })
      .first('status', 'ended_on', 'ended_reason', 'ended_note', 'status_before_end', 'version')
    expect(after).toMatchObject({
      status: 'withdrawn',
      ended_reason: 'family_withdrew',
      ended_note: note,
      status_before_end: 'scheduled',
    })
    expect(String(after.ended_on).slice(0, 10)).toBe('2026-11-23')
    expect(after.version).toBeGreaterThan(c.version)
    expect(await db()('agenda_items').where({ case_id: c.id, sitting_id: c.sitting_id })).toHaveLength(0)
    const positions = (await db()('agenda_items')
      .where({ sitting_id: c.sitting_id })
      .orderBy('position')
      .pluck('position')) as number[]
    expect(positions).toEqual(positions.map((_, i) => i + 1))
    expect(await db()('case_queue').where({ case_id: c.id })).toHaveLength(0)

    const audit = await db()('audit_events').where({ entity_id: c.id, action: 'case_withdrawn' })
    expect(audit).toHaveLength(1)
    const details = typeof audit[0].details === 'string' ? JSON.parse(audit[0].details) : audit[0].details
    expect(details).toMatchObject({ reason: 'family_withdrew', endedOn: '2026-11-23', from: 'scheduled' })
    expect(JSON.stringify(details)).not.toContain('moved within')

    const page = await agent.get(`/cases/${c.id}?changed=ended`).expect(200)
    expect(page.text).toContain('Request withdrawn. It is off every agenda still to meet.')
    expect(page.text).toContain('The family withdrew the request')
    expect(page.text).toContain(note)
    expect(page.text).toContain('Reopen this case')
    expect(page.text).toContain('Request withdrawn: The family withdrew the request')
    expect(page.text).not.toContain(`href="/cases/${c.id}/end"`)

    // The queue does not place it again.
    const chair = await signedInAgent(t.app, 'chair@example.org')
    const queuePage = await chair.get('/queue').expect(200)
    await chair
      .post('/queue/run')
      .type('form')
      .send({ _csrf: csrfTokenIn(queuePage.text) })
      .expect(303)
    expect(await db()('agenda_items').where({ case_id: c.id, sitting_id: c.sitting_id })).toHaveLength(0)
  })

  test('reopening puts it back in the queue, which places it again', async () => {
    const c = (await db()('cases').where({ status: 'withdrawn' }).first('id', 'version')) as {
      id: string
      version: number
    }
    const agent = await signedInAgent(t.app, 'caseworker@example.org')
    const token = csrfTokenIn((await agent.get(`/cases/${c.id}`).expect(200)).text)
    await agent
      .post(`/cases/${c.id}/reopen`)
      .type('form')
      .send({ _csrf: token, version: String(c.version) })
      .expect(303)
    const after = await db()('cases')
      .where({ id: c.id })
      .first('status', 'ended_on', 'ended_reason', 'ended_note', 'status_before_end')
    expect(['submitted', 'scheduled']).toContain(after.status)
    expect(after).toMatchObject({
      ended_on: null,
      ended_reason: null,
      ended_note: null,
      status_before_end: null,
    })
    expect(await db()('audit_events').where({ entity_id: c.id, action: 'case_reopened' })).toHaveLength(1)
    const page = await agent.get(`/cases/${c.id}?changed=reopened`).expect(200)
    expect(page.text).toContain('Case reopened.')
    expect(page.text).toContain('Withdraw this request')
  })

  test.each([
    [{ reason: '' }, 'Select why the request is being withdrawn'],
    [{ reason: 'plan_ceased' }, 'Select why the request is being withdrawn'],
    [{ reason: 'other', note: '  ' }, 'Enter the reason'],
    [{ 'endedOn-day': '24' }, 'Date withdrawn must be today or in the past'],
    [{ 'endedOn-year': '1999' }, 'The date must be on or after the day the request came in'],
    [{ 'endedOn-month': '' }, 'Date withdrawn must include a month'],
    [{ 'endedOn-day': '31', 'endedOn-month': '2' }, 'Date withdrawn must be a real date'],
  ])('%o is refused with a message by the field, and nothing changes', async (bad, message) => {
    const c = await scheduledCase()
    const { agent, token } = await caseworkerOn(c.id)
    const res = await agent
      .post(`/cases/${c.id}/end`)
      .type('form')
      .send(endForm(c, token, bad))
      .expect(400)
    expect(res.text).toContain('There is a problem')
    expect(res.text.split(message).length - 1).toBeGreaterThanOrEqual(2) // the summary and the field
    expect((await db()('cases').where({ id: c.id }).first('status')).status).toBe('scheduled')
  })

  test('a form read before someone else changed the case is refused', async () => {
    const c = await scheduledCase()
    const { agent, token } = await caseworkerOn(c.id)
    await db()('cases')
      .where({ id: c.id })
      .update({ version: c.version + 1 })
    const res = await agent.post(`/cases/${c.id}/end`).type('form').send(endForm(c, token)).expect(409)
    expect(res.text).toContain('Someone else changed this case after you opened it')
    expect((await db()('cases').where({ id: c.id }).first('status')).status).toBe('scheduled')
  })
})

describe('closing a decided case', () => {
  test('keeps the held sitting’s record, and reopening returns it to decided', async () => {
    const c = await caseWithStatus('decided')
    const itemsBefore = await db()('agenda_items').where({ case_id: c.id }).count({ n: '*' }).first()
    const { agent, token, page } = await caseworkerOn(c.id)
    expect(page.text).toContain('Close this case')
    expect(page.text).toContain('The decision has been carried out')
    await agent
      .post(`/cases/${c.id}/end`)
      .type('form')
      .send(endForm(c, token, { reason: 'decision_carried_out' }))
      .expect(303)
    const after = await db()('cases').where({ id: c.id }).first('status', 'version')
    expect(after.status).toBe('closed')
    expect(await db()('agenda_items').where({ case_id: c.id }).count({ n: '*' }).first()).toEqual(itemsBefore)
    const shown = await agent.get(`/cases/${c.id}?changed=ended`).expect(200)
    expect(shown.text).toContain('Case closed.')
    expect(shown.text).toContain('Case closed: The decision has been carried out')

    const reopenToken = csrfTokenIn(shown.text)
    await agent
      .post(`/cases/${c.id}/reopen`)
      .type('form')
      .send({ _csrf: reopenToken, version: String(after.version) })
      .expect(303)
    expect((await db()('cases').where({ id: c.id }).first('status')).status).toBe('decided')
  })

  test('a withdrawal reason is not accepted for a decided case', async () => {
    const c = await caseWithStatus('decided')
    const { agent, token } = await caseworkerOn(c.id)
    const res = await agent
      .post(`/cases/${c.id}/end`)
      .type('form')
      .send(endForm(c, token, { reason: 'family_withdrew' }))
      .expect(400)
    expect(res.text).toContain('Select why the case is being closed')
  })

  test('an ended case cannot be ended again, and a stale reopen is refused', async () => {
    const c = await caseWithStatus('closed')
    const { agent, token, page } = await caseworkerOn(c.id)
    expect(page.text).toContain('This case has ended')
    await agent.post(`/cases/${c.id}/end`).type('form').send(endForm(c, token)).expect(400)
    const res = await agent
      .post(`/cases/${c.id}/reopen`)
      .type('form')
      .send({ _csrf: token, version: String(c.version - 1) })
      .expect(409)
    expect(res.text).toContain('Someone else changed this case after you opened it')
    expect((await db()('cases').where({ id: c.id }).first('status')).status).toBe('closed')
  })
})

describe('who may end a case', () => {
  test.each(['manager@example.org', 'chair@example.org', 'parent@example.org'])(
    '%s can neither see the form nor post it',
    async (email) => {
      const c = await scheduledCase()
      const agent = await signedInAgent(t.app, email)
      const form = await agent.get(`/cases/${c.id}/end`)
      expect([302, 303, 403, 404]).toContain(form.status)
      const post = await agent.post(`/cases/${c.id}/end`).type('form').send(endForm(c, 'x'))
      expect(post.status).toBeGreaterThanOrEqual(300)
      expect(post.status).not.toBe(500)
      const reopen = await agent.post(`/cases/${c.id}/reopen`).type('form').send({ version: '1' })
      expect(reopen.status).not.toBe(303)
      expect((await db()('cases').where({ id: c.id }).first('status')).status).toBe('scheduled')
    },
  )

  test('a manager sees how a case ended but no way to end or reopen it', async () => {
    const c = await caseWithStatus('closed')
    const manager = await signedInAgent(t.app, 'manager@example.org')
    const page = await manager.get(`/cases/${c.id}`).expect(200)
    expect(page.text).toMatch(/<dt class="govuk-summary-list__key">Closed<\/dt>/)
    expect(page.text).not.toContain('Reopen this case')
    expect(page.text).not.toContain(`/cases/${c.id}/end`)
  })
})

describe('retention counts from the day the case ended', () => {
  test('a case ended long ago is due, the same case ended recently is not, whatever its last edit', async () => {
    const c = await caseWithStatus('closed')
    const child = await db()('cases').where({ id: c.id }).first('child_id')
    await db()('children').where({ id: child.child_id }).update({ date_of_birth: '1980-01-01' })
    await db()('cases').where({ id: c.id }).update({ ended_on: '2010-06-01', updated_at: new Date() })
    const due = await findPastRetention(db(), TEST_TODAY, 6, c.id)
    expect(due.map((d) => [d.caseId, d.closedOn])).toEqual([[c.id, '2010-06-01']])
    await db()('cases')
      .where({ id: c.id })
      .update({ ended_on: '2026-01-01', updated_at: new Date('2010-01-01') })
    expect(await findPastRetention(db(), TEST_TODAY, 6, c.id)).toEqual([])
  })

  test('the database refuses an ended case without the day it ended', async () => {
    const c = await caseWithStatus('decided')
    await expect(db()('cases').where({ id: c.id }).update({ status: 'withdrawn' })).rejects.toThrow(
      /cases_ended_on_check/,
    )
  })
})

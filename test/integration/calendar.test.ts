import crypto from 'node:crypto'
import ICAL from 'ical.js'
import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { addDays } from '../../src/domain/dates'
import { TEST_TODAY, createTestApp, csrfTokenIn, signedInAgent, type TestApp } from '../support/app'

let t: TestApp
let chair: TestAgent
let member: TestAgent

interface PanelRow {
  id: string
  name: string
}
const panels: Record<'send' | 'placement' | 'ap', PanelRow> = {} as never

const SUMMER_MONTH = '2027-08'
const CANCELLED_REASON = 'Bank holiday <moved> & rescheduled; see "extra" sitting'
let summerSittingIds: string[] = []
let cancelled: { id: string; sitting_on: string }

const db = () => t.database.db

/** The demo's August 2027 sittings of the SEND panel (summer ones), added here if the demo does not reach that far. */
async function summerSittings(panelId: string): Promise<string[]> {
  const tuesdays = ['2027-08-03', '2027-08-10', '2027-08-17', '2027-08-24', '2027-08-31']
  await db()('sittings')
    .insert(
      tuesdays.map((day) => ({
        panel_id: panelId,
        sitting_on: day,
        starts_at: '10:00',
        origin: 'weekly',
        is_summer: true,
        status: 'scheduled',
      })),
    )
    .onConflict(['panel_id', 'sitting_on', 'starts_at'])
    .ignore()
  const rows: { id: string }[] = await db()('sittings')
    .where('panel_id', panelId)
    .where('is_summer', true)
    .whereBetween('sitting_on', [`${SUMMER_MONTH}-01`, `${SUMMER_MONTH}-31`])
    .select('id')
  return rows.map((r) => r.id)
}

beforeAll(async () => {
  t = await createTestApp()
  const rows: PanelRow[] = await db()('panels').select('id', 'name')
  const byType = (type: string) => rows.find((p) => p.name.toLowerCase().startsWith(type))!
  panels.send = byType('send')
  panels.placement = byType('placement')
  panels.ap = byType('alternative')
  summerSittingIds = await summerSittings(panels.send.id)

  cancelled = (await db()('sittings')
    .where({ panel_id: panels.send.id, status: 'scheduled' })
    .where('sitting_on', '>', TEST_TODAY)
    .orderBy('sitting_on')
    .first('id', 'sitting_on')) as typeof cancelled
  await db()('sittings')
    .where('id', cancelled.id)
    .update({ status: 'cancelled', cancelled_reason: CANCELLED_REASON, updated_at: db().fn.now() })

  chair = await signedInAgent(t.app, 'chair@example.org')
  member = await signedInAgent(t.app, 'member@example.org')
})
afterAll(() => t.close())

/** The list item of one sitting on a month page. */
function sittingItem(html: string, sittingId: string): string {
  const match = new RegExp(`<li[^>]*data-sitting-id="${sittingId}">([\\s\\S]*?)</li>`).exec(html)
  if (!match?.[1]) throw new Error(`Sitting ${sittingId} is not on the page`)
  return match[1]
}

function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  return calendar.getAllSubcomponents('vevent').map((v) => ({
    uid: new ICAL.Event(v).uid,
    event: new ICAL.Event(v),
    status: v.getFirstPropertyValue('status'),
  }))
}

const sittingIdOf = (uid: string) => uid.replace(/@panel$/, '')

/** Sittings of the given panels from eight weeks before today, as the feeds should hold them. */
async function expectedIds(panelIds: string[]): Promise<string[]> {
  const rows: { id: string }[] = await db()('sittings')
    .whereIn('panel_id', panelIds)
    .where('sitting_on', '>=', addDays(TEST_TODAY, -56))
    .select('id')
  return rows.map((r) => r.id).sort()
}

async function newFeedToken(agent: TestAgent): Promise<{ token: string; page: string }> {
  const form = await agent.get('/calendar/subscribe').expect(200)
  const res = await agent
    .post('/calendar/subscribe')
    .type('form')
    .send({ _csrf: csrfTokenIn(form.text) })
    .expect(200)
  const match = /\/feeds\/([A-Za-z0-9_-]{43})\//.exec(res.text)
  if (!match?.[1]) throw new Error('No feed address on the page')
  return { token: match[1], page: res.text }
}

describe('month view', () => {
  test('shows the summer sittings of August 2027 with their tag, each linking to its agenda', async () => {
    expect(summerSittingIds.length).toBeGreaterThanOrEqual(4)
    const res = await chair.get(`/calendar/panels/${panels.send.id}?month=${SUMMER_MONTH}`).expect(200)
    expect(res.text).toMatch(/<caption class="govuk-table__caption[^"]*">August 2027<\/caption>/)
    expect(res.text).toContain('<th scope="col" class="govuk-table__header">')
    for (const id of summerSittingIds) {
      const item = sittingItem(res.text, id)
      expect(item).toContain(`href="/sittings/${id}"`)
      expect(item).toContain('Summer sitting')
      expect(item).toMatch(/No cases on the agenda|\d+ cases? on the agenda/)
    }
    expect(res.text).toContain(`href="/calendar/panels/${panels.send.id}?month=2027-07"`)
    expect(res.text).toContain(`href="/calendar/panels/${panels.send.id}?month=2027-09"`)
  })

  test('shows a cancelled sitting with its reason, escaped', async () => {
    const month = cancelled.sitting_on.slice(0, 7)
    const res = await chair.get(`/calendar/panels/${panels.send.id}?month=${month}`).expect(200)
    const item = sittingItem(res.text, cancelled.id)
    expect(item).toContain('Cancelled')
    expect(item).toContain('Bank holiday &lt;moved&gt; &amp; rescheduled; see &#34;extra&#34; sitting')
    expect(res.text).not.toContain('<moved>')
  })

  test('lists the number of cases on the agenda of a sitting that has some', async () => {
    const row = (await db()('agenda_items as ai')
      .join('sittings as s', 's.id', 'ai.sitting_id')
      .where('s.panel_id', panels.send.id)
      .whereNot('s.status', 'cancelled')
      .groupBy('s.id', 's.sitting_on')
      .first('s.id', 's.sitting_on', db().raw('count(*) as n'))) as
      { id: string; sitting_on: string; n: number | string } | undefined
    if (!row) throw new Error('The demo has no cases on the SEND panel’s agendas')
    const res = await chair.get(`/calendar/panels/${panels.send.id}?month=${row.sitting_on.slice(0, 7)}`)
    const n = Number(row.n)
    expect(sittingItem(res.text, row.id)).toContain(
      n === 1 ? '1 case on the agenda' : `${n} cases on the agenda`,
    )
  })

  test('shows the current month for a month that does not parse, and 404s for an unknown panel', async () => {
    for (const bad of ['2027-13', 'August', '']) {
      const res = await chair.get(`/calendar/panels/${panels.send.id}?month=${bad}`).expect(200)
      expect(res.text).toContain('November 2026</caption>')
    }
    const noMonth = await chair.get(`/calendar/panels/${panels.send.id}`).expect(200)
    expect(noMonth.text).toContain('aria-current="date"')
    await chair.get(`/calendar/panels/${crypto.randomUUID()}`).expect(404)
    await chair.get('/calendar/panels/not-a-panel').expect(404)
    await chair.get(`/calendar/panels/${crypto.randomUUID()}.ics`).expect(404)
  })

  test('the calendar page lists the active panels, and the navigation links to it', async () => {
    const res = await member.get('/calendar').expect(200)
    for (const p of Object.values(panels)) expect(res.text).toContain(`href="/calendar/panels/${p.id}"`)
    expect(res.text).toMatch(
      /class="govuk-service-navigation__link" href="\/calendar" aria-current="true">\s*<strong[^>]*>Calendar<\/strong>/,
    )
  })
})

describe('permissions', () => {
  test('every staff role may see the calendar; a family account gets 403 everywhere in it', async () => {
    for (const email of ['caseworker@example.org', 'manager@example.org', 'admin@example.org']) {
      const agent = await signedInAgent(t.app, email)
      await agent.get(`/calendar/panels/${panels.ap.id}`).expect(200)
    }
    const family = await signedInAgent(t.app, 'parent@example.org')
    for (const path of [
      '/calendar',
      `/calendar/panels/${panels.send.id}`,
      `/calendar/panels/${panels.send.id}.ics`,
      '/calendar/subscribe',
    ]) {
      await family.get(path).expect(403)
    }
    await request(t.app).get('/calendar').expect(303).expect('Location', '/sign-in')
  })

  test('a feed address belonging to a family account shows nothing', async () => {
    const parent = (await db()('users').where('email', 'parent@example.org').first('id')) as { id: string }
    const token = crypto.randomBytes(32).toString('base64url')
    await db()('calendar_feed_tokens').insert({
      user_id: parent.id,
      token_hash: crypto.createHash('sha256').update(token).digest('hex'),
    })
    await request(t.app).get(`/feeds/${token}/my-sittings.ics`).expect(404)
    await request(t.app).get(`/feeds/${token}/panels/${panels.send.id}.ics`).expect(404)
  })
})

describe('panel .ics download', () => {
  test('parses with ical.js and holds every sitting from 8 weeks back, summer and cancelled ones included', async () => {
    const res = await chair.get(`/calendar/panels/${panels.send.id}.ics`).expect(200)
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="send-decision-making-panel-sittings.ics"',
    )
    const events = parseFeed(res.text)
    expect(events.map((e) => sittingIdOf(e.uid)).sort()).toEqual(await expectedIds([panels.send.id]))

    const summer = events.filter((e) => summerSittingIds.includes(sittingIdOf(e.uid)))
    expect(summer).toHaveLength(summerSittingIds.length)
    for (const e of summer) {
      expect(e.event.summary).toBe('SEND decision-making panel (summer sitting)')
      expect(e.status).toBe('CONFIRMED')
      // 10am in British Summer Time.
      expect(e.event.startDate.zone.tzid).toBe('Europe/London')
      expect(e.event.startDate.toJSDate().toISOString()).toMatch(/^2027-08-\d\dT09:00:00\.000Z$/)
    }

    const gone = events.find((e) => sittingIdOf(e.uid) === cancelled.id)!
    expect(gone.status).toBe('CANCELLED')
    expect(gone.event.sequence).toBeGreaterThan(0)
    expect(gone.event.summary).toBe('Cancelled: SEND decision-making panel')
    expect(gone.event.description).toContain(CANCELLED_REASON)
    // A winter sitting: 10am is 10:00 UTC.
    const winter = events.find((e) => e.event.startDate.toString().startsWith('2027-01-'))!
    expect(winter.event.startDate.toJSDate().toISOString()).toMatch(/T10:00:00\.000Z$/)
  })
})

describe('feeds by secret address', () => {
  let token: string

  beforeAll(async () => {
    token = (await newFeedToken(member)).token
  })

  test('the address is shown once, when made; afterwards the page only says there is one', async () => {
    const later = await member.get('/calendar/subscribe').expect(200)
    expect(later.text).not.toContain(token)
    expect(later.text).not.toMatch(/\/feeds\/[A-Za-z0-9_-]{43}\//)
    expect(later.text).toContain('You have calendar addresses')
    const stored = (await db()('calendar_feed_tokens').select('token_hash')) as { token_hash: string }[]
    expect(stored.map((r) => r.token_hash)).toContain(crypto.createHash('sha256').update(token).digest('hex'))
    expect(JSON.stringify(stored)).not.toContain(token)
  })

  test("the member feed works without a session and holds only the sittings of the member's panels", async () => {
    const res = await request(t.app).get(`/feeds/${token}/my-sittings.ics`).expect(200)
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect(res.headers['set-cookie']).toBeUndefined()
    expect(res.headers['cache-control']).toBe('no-store')
    const events = parseFeed(res.text)
    expect(events.map((e) => sittingIdOf(e.uid)).sort()).toEqual(
      await expectedIds([panels.send.id, panels.placement.id]),
    )
    expect(events.some((e) => e.event.summary.includes(panels.ap.name))).toBe(false)
    expect(events.some((e) => e.event.summary.includes(panels.placement.name))).toBe(true)
    expect(events.filter((e) => e.event.summary.endsWith('(summer sitting)')).length).toBeGreaterThan(0)
    expect(events.find((e) => sittingIdOf(e.uid) === cancelled.id)?.status).toBe('CANCELLED')
  })

  test("any staff member's address opens any panel's feed", async () => {
    const res = await request(t.app).get(`/feeds/${token}/panels/${panels.ap.id}.ics`).expect(200)
    expect(
      parseFeed(res.text)
        .map((e) => sittingIdOf(e.uid))
        .sort(),
    ).toEqual(await expectedIds([panels.ap.id]))
    await request(t.app).get(`/feeds/${token}/panels/${crypto.randomUUID()}.ics`).expect(404)
    await request(t.app).get(`/feeds/${token}/panels/nope.ics`).expect(404)
  })

  test('a wrong address is a plain 404', async () => {
    const wrong = crypto.randomBytes(32).toString('base64url')
    for (const path of [
      `/feeds/${wrong}/my-sittings.ics`,
      `/feeds/${wrong}/panels/${panels.send.id}.ics`,
      '/feeds/short/my-sittings.ics',
      `/feeds/${token.slice(0, -1)}/my-sittings.ics`,
    ]) {
      const res = await request(t.app).get(path).expect(404)
      expect(res.text).toContain('Page not found')
      expect(res.text).not.toMatch(/token|expired|replaced/i)
    }
  })

  test('making a new address stops the old one working', async () => {
    const { token: replacement, page } = await newFeedToken(member)
    expect(replacement).not.toBe(token)
    expect(page).toContain(`/feeds/${replacement}/my-sittings.ics`)
    expect(page).toContain(`/feeds/${replacement}/panels/${panels.send.id}.ics`)
    await request(t.app).get(`/feeds/${token}/my-sittings.ics`).expect(404)
    await request(t.app).get(`/feeds/${token}/panels/${panels.send.id}.ics`).expect(404)
    await request(t.app).get(`/feeds/${replacement}/my-sittings.ics`).expect(200)
    token = replacement
  })

  test('no feed names a child, a family member or a case', async () => {
    const feeds = [
      (await request(t.app).get(`/feeds/${token}/my-sittings.ics`).expect(200)).text,
      ...(await Promise.all(
        Object.values(panels).map(
          async (p) => (await request(t.app).get(`/feeds/${token}/panels/${p.id}.ics`).expect(200)).text,
        ),
      )),
    ]
    const unfolded = feeds.join('\n').replace(/\r\n[ \t]/g, '')
    const children: { first_name: string; last_name: string }[] = await db()('children').select(
      'first_name',
      'last_name',
    )
    const contacts: { full_name: string }[] = await db()('family_contacts').select('full_name')
    const references: { reference: string }[] = await db()('cases').select('reference')
    expect(children.length).toBeGreaterThan(0)
    const personal = [
      ...children.map((c) => `${c.first_name} ${c.last_name}`),
      ...children.map((c) => c.first_name),
      ...contacts.map((c) => c.full_name),
      ...references.map((r) => r.reference),
    ]
    const found = personal.filter((text) =>
      new RegExp(`\\b${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(unfolded),
    )
    expect(found).toEqual([])
  })
})

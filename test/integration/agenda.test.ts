import crypto from 'node:crypto'
import { daysBetween, formatDate } from '../../src/domain/dates'
import { dataLayer } from '../../src/data'
import { testServices as services } from '../support/services'
import { fixedClock } from '../../src/services/clock'
import { hashPassword } from '../../src/services/passwords'
import { daysLeftText } from '../../src/web/presenters'
import { DEMO_PASSWORD, signedInAgent, TEST_TODAY } from '../support/app'
import {
  agendaOf,
  auditActions,
  auditCount,
  openSittings,
  panelId,
  post,
  referencesInOrder,
  sittingOn,
  sittingsOfCase,
  type AgendaRow,
  useDemoApp,
  userId,
} from '../support/sittings'

/**
 * The chair's agenda on the demo council, today being Monday 23 November 2026. The panels sit weekly:
 * SEND decisions on Tuesdays, placements on Wednesdays, alternative provision on Thursdays, with a
 * papers cut-off three working days before. So the sittings of 24 and 25 November have had their
 * cut-off (their agendas stay as they are), 26 November's is today, and 1 December's SEND agenda is
 * the scheduler's, full at 8 cases. The tests share one app: reordering works on 24 November, locking
 * on 26 November, cancelling on 2 December; moving and sending back take different cases off 1 December.
 */

const { t, db, as } = useDemoApp()

const SEND_24_NOV = '2026-11-24'
const PLACEMENT_25_NOV = '2026-11-25'
const AP_26_NOV = '2026-11-26'
const SEND_1_DEC = '2026-12-01'
const PLACEMENT_2_DEC = '2026-12-02'
const SEND_8_DEC = '2026-12-08'

const LOCKED_MESSAGE = 'The agenda is locked. Unlock it to change it.'

const positions = (agenda: AgendaRow[]) => agenda.map((i) => i.position)
const caseIds = (agenda: AgendaRow[]) => agenda.map((i) => i.caseId)
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

/** Deadline order as the scheduler means it: earliest first, cases with no statutory deadline last. */
function inDeadlineOrder(deadlines: (string | null)[]): boolean {
  return deadlines.every((d, i) => {
    const next = deadlines[i + 1]
    if (next === undefined) return true
    if (d === null) return next === null
    return next === null || d <= next
  })
}

describe('the demo agendas', () => {
  test('coming agendas list their scheduler-placed cases in deadline order, nulls last', async () => {
    const coming = await openSittings(db(), TEST_TODAY)
    const withItems: string[] = []
    for (const sitting of coming) {
      const agenda = await agendaOf(db(), sitting.id)
      if (agenda.length === 0) continue
      withItems.push(sitting.sittingOn)
      expect(agenda.map((i) => i.placedBy)).toEqual(agenda.map(() => 'scheduler'))
      expect(positions(agenda)).toEqual(oneTo(agenda.length))
      const deadlines = agenda.map((i) => i.deadline)
      expect({ sitting: sitting.sittingOn, deadlines, inOrder: inDeadlineOrder(deadlines) }).toEqual({
        sitting: sitting.sittingOn,
        deadlines,
        inOrder: true,
      })
    }
    // 1 December's SEND agenda is the demo's full one; the placement panel has cases with no deadline.
    expect(withItems).toEqual(expect.arrayContaining([SEND_1_DEC, PLACEMENT_2_DEC]))
    const send = await agendaOf(db(), await sittingOn(db(), 'send_decision', SEND_1_DEC))
    expect(send).toHaveLength(8)
    expect(send.some((i) => i.deadline === null)).toBe(false)
  })

  test('the agenda page shows the items in that order, with deadline, days left and papers', async () => {
    const id = await sittingOn(db(), 'send_decision', SEND_1_DEC)
    const agenda = await agendaOf(db(), id)
    const chair = await as('chair@example.org')
    const page = await chair.agent.get(`/sittings/${id}`).expect(200)
    expect(page.text).toContain('id="agenda"')
    expect(page.text).toContain('Agenda: 8 of 8 places')
    expect(referencesInOrder(page.text)).toEqual(agenda.map((i) => i.reference))
    for (const item of agenda)
      expect(page.text).toContain(daysLeftText(daysBetween(TEST_TODAY, item.deadline!)))
    expect(page.text).toContain('Complete')
    expect(page.text).toContain('Papers cut-off')
  })

  test('the chair sees the controls; a member of the panel sees the agenda and papers but no controls', async () => {
    const id = await sittingOn(db(), 'send_decision', SEND_1_DEC)
    const [first] = await agendaOf(db(), id)
    const chair = await as('chair@example.org')
    const chairPage = await chair.agent.get(`/sittings/${id}`).expect(200)
    expect(chairPage.text).toContain(`/sittings/${id}/items/${first!.caseId}/reorder`)
    expect(chairPage.text).toContain('Send back')
    expect(chairPage.text).toContain('Lock the agenda')
    expect(chairPage.text).toContain('Cancel this sitting')

    const member = await as('member@example.org')
    const memberPage = await member.agent.get(`/sittings/${id}`).expect(200)
    expect(referencesInOrder(memberPage.text)).toEqual(referencesInOrder(chairPage.text))
    expect(memberPage.text).not.toContain('/reorder')
    expect(memberPage.text).not.toContain('/send-back')
    expect(memberPage.text).not.toContain('Lock the agenda')
    expect(memberPage.text).not.toContain('Cancel this sitting')

    const papers = await member.agent.get(`/sittings/${id}/cases/${first!.caseId}`).expect(200)
    expect(papers.text).toContain('Case summary')
    expect(papers.text).toContain('Evidence')
    expect(papers.text).toContain(first!.reference)
  })

  test('papers are only for a case on that agenda', async () => {
    const id = await sittingOn(db(), 'send_decision', SEND_1_DEC)
    const elsewhere = (await agendaOf(db(), await sittingOn(db(), 'send_decision', SEND_24_NOV)))[0]!
    const member = await as('member@example.org')
    await member.agent.get(`/sittings/${id}/cases/${elsewhere.caseId}`).expect(404)
  })

  test('my sittings lists the sittings of the panels each person sits on', async () => {
    const member = await as('member@example.org')
    const memberPage = await member.agent.get('/sittings').expect(200)
    expect(memberPage.text).toContain('SEND decision-making panel')
    expect(memberPage.text).toContain('Placement panel')
    expect(memberPage.text).not.toContain('Alternative provision panel')
    const chair = await as('chair@example.org')
    const chairPage = await chair.agent.get('/sittings').expect(200)
    expect(chairPage.text).toContain('Alternative provision panel')
    expect(chairPage.text).toContain('/sittings/extra/new')
  })
})

describe('who may see and change an agenda', () => {
  let sendSitting: string
  let caseOnIt: string
  let target: string

  beforeAll(async () => {
    sendSitting = await sittingOn(db(), 'send_decision', SEND_1_DEC)
    caseOnIt = (await agendaOf(db(), sendSitting))[0]!.caseId
    target = await sittingOn(db(), 'send_decision', SEND_8_DEC)
  })

  test('a member who is not the chair gets 403 on every change, and nothing changes', async () => {
    const before = await agendaOf(db(), sendSitting)
    const member = await as('member@example.org')
    const base = `/sittings/${sendSitting}`
    await post(member, `${base}/items/${caseOnIt}/reorder`, { direction: 'down' }).expect(403)
    await member.agent
      .post(`${base}/items/${caseOnIt}/reorder`)
      .set('HX-Request', 'true')
      .set('X-CSRF-Token', member.token)
      .type('form')
      .send({ direction: 'down' })
      .expect(403)
    await member.agent.get(`${base}/items/${caseOnIt}/move`).expect(403)
    await post(member, `${base}/items/${caseOnIt}/move`, { toSittingId: target }).expect(403)
    await post(member, `${base}/items/${caseOnIt}/send-back`).expect(403)
    await post(member, `${base}/lock`, { locked: 'true' }).expect(403)
    await member.agent.get(`${base}/cancel`).expect(403)
    await post(member, `${base}/cancel`, { reason: 'The chair is away' }).expect(403)

    expect(await agendaOf(db(), sendSitting)).toEqual(before)
    const sitting = await db()('sittings').where({ id: sendSitting }).first('status', 'agenda_locked_at')
    expect(sitting).toEqual({ status: 'scheduled', agenda_locked_at: null })
    expect(await db()('agenda_exclusions').where({ case_id: caseOnIt })).toEqual([])
  })

  test('a member not on the panel gets 404 on its agendas and papers', async () => {
    const ap = await sittingOn(db(), 'alternative_provision', AP_26_NOV)
    const [item] = await agendaOf(db(), ap)
    const member = await as('member@example.org')
    await member.agent.get(`/sittings/${ap}`).expect(404)
    await member.agent.get(`/sittings/${ap}/cases/${item!.caseId}`).expect(404)
  })

  // Membership dates bound access: a member an admin has ended no longer reads the panel's papers.
  test('a member whose membership has ended gets 404', async () => {
    const send = await panelId(db(), 'send_decision')
    const member = await userId(db(), 'member@example.org')
    const seat = db()('panel_members').where({ panel_id: send, user_id: member })
    await seat.clone().update({ member_until: '2026-11-20' })
    try {
      const signedIn = await as('member@example.org')
      await signedIn.agent.get(`/sittings/${sendSitting}`).expect(404)
      await signedIn.agent.get(`/sittings/${sendSitting}/cases/${caseOnIt}`).expect(404)
      const mine = await signedIn.agent.get('/sittings').expect(200)
      expect(mine.text).not.toContain('SEND decision-making panel')
      expect(mine.text).toContain('Placement panel')
    } finally {
      await seat.clone().update({ member_until: null })
    }
  })

  test('the chair of a different panel gets 404 on this panel’s agenda, and cannot change it', async () => {
    const email = 'ap-chair@example.org'
    const id = (
      await db()('users')
        .insert({
          email,
          full_name: 'Ravi Patel',
          role: 'chair',
          password_hash: await hashPassword(DEMO_PASSWORD),
        })
        .returning('id')
    )[0].id as string
    await db()('panel_members').insert({
      panel_id: await panelId(db(), 'alternative_provision'),
      user_id: id,
      full_name: 'Ravi Patel',
      job_title: 'Deputy head of inclusion',
      agency: 'education',
      is_chair: true,
      member_from: '2026-09-01',
    })
    const before = await agendaOf(db(), sendSitting)
    const other = await as(email)
    await other.agent.get(`/sittings/${sendSitting}`).expect(404)
    await other.agent.get(`/sittings/${sendSitting}/cases/${caseOnIt}`).expect(404)
    await post(other, `/sittings/${sendSitting}/items/${caseOnIt}/reorder`, { direction: 'down' }).expect(404)
    await post(other, `/sittings/${sendSitting}/items/${caseOnIt}/send-back`).expect(404)
    await post(other, `/sittings/${sendSitting}/lock`, { locked: 'true' }).expect(404)
    await post(other, `/sittings/${sendSitting}/cancel`, { reason: 'Not mine to cancel' }).expect(404)
    expect(await agendaOf(db(), sendSitting)).toEqual(before)
    // Their own panel's agenda is theirs to run.
    const ap = await other.agent.get(`/sittings/${await sittingOn(db(), 'alternative_provision', AP_26_NOV)}`)
    expect(ap.status).toBe(200)
    expect(ap.text).toContain('Lock the agenda')
  })

  test.each(['caseworker@example.org', 'manager@example.org', 'admin@example.org', 'parent@example.org'])(
    '%s gets 403 on the sittings pages',
    async (email) => {
      const agent = await signedInAgent(t().app, email)
      await agent.get('/sittings').expect(403)
      await agent.get(`/sittings/${sendSitting}`).expect(403)
      await agent.get(`/sittings/${sendSitting}/cases/${caseOnIt}`).expect(403)
    },
  )

  test('an address that is not a sitting or case id is not found', async () => {
    const chair = await as('chair@example.org')
    await chair.agent.get('/sittings/not-a-sitting').expect(404)
    await chair.agent.get('/sittings/00000000-0000-4000-8000-000000000000').expect(404)
    await chair.agent.get(`/sittings/${sendSitting}/cases/not-a-case`).expect(404)
    await post(chair, `/sittings/not-a-sitting/items/${caseOnIt}/reorder`, { direction: 'up' }).expect(404)
    await post(chair, `/sittings/${sendSitting}/items/not-a-case/reorder`, { direction: 'up' }).expect(404)
    await post(chair, `/sittings/${sendSitting}/items/${crypto.randomUUID()}/reorder`, {
      direction: 'up',
    }).expect(404)
    await post(chair, `/sittings/${sendSitting}/items/${crypto.randomUUID()}/send-back`).expect(404)
  })

  test('a direction other than up or down is a bad request, and changes nothing', async () => {
    const before = await agendaOf(db(), sendSitting)
    const chair = await as('chair@example.org')
    await post(chair, `/sittings/${sendSitting}/items/${caseOnIt}/reorder`, { direction: 'sideways' }).expect(
      400,
    )
    await post(chair, `/sittings/${sendSitting}/items/${caseOnIt}/reorder`).expect(400)
    expect(await agendaOf(db(), sendSitting)).toEqual(before)
  })

  test('a change without the form’s token is refused', async () => {
    const before = await agendaOf(db(), sendSitting)
    const chair = await as('chair@example.org')
    await chair.agent
      .post(`/sittings/${sendSitting}/items/${caseOnIt}/reorder`)
      .type('form')
      .send({ direction: 'down' })
      .expect(403)
    expect(await agendaOf(db(), sendSitting)).toEqual(before)
  })
})

describe('reordering an agenda', () => {
  // 24 November's SEND agenda: past its cut-off, so the scheduler leaves it alone and only the chair moves things.
  let sitting: string
  beforeAll(async () => {
    sitting = await sittingOn(db(), 'send_decision', SEND_24_NOV)
    expect((await agendaOf(db(), sitting)).length).toBeGreaterThanOrEqual(4)
  })

  test('without JavaScript: 303 back to the agenda, the new order saved, the item marked as the chair’s, and audited', async () => {
    const before = await agendaOf(db(), sitting)
    const [a, b, ...rest] = caseIds(before)
    const chair = await as('chair@example.org')
    const auditsBefore = await auditCount(db(), { action: 'agenda_reordered', entity_id: b })
    const res = await post(chair, `/sittings/${sitting}/items/${b}/reorder`, { direction: 'up' }).expect(303)
    expect(res.headers.location).toBe(`/sittings/${sitting}#agenda`)

    const after = await agendaOf(db(), sitting)
    expect(caseIds(after)).toEqual([b, a, ...rest])
    expect(positions(after)).toEqual(oneTo(before.length))
    expect(after[0]!.placedBy).toBe('chair')
    expect(after.slice(1).map((i) => i.placedBy)).toEqual(after.slice(1).map(() => 'scheduler'))
    const audits = await db()('audit_events')
      .where({ action: 'agenda_reordered', entity_id: b })
      .orderBy('id')
    expect(audits).toHaveLength(auditsBefore + 1)
    expect(audits.at(-1)).toMatchObject({
      entity_type: 'case',
      actor_user_id: await userId(db(), 'chair@example.org'),
      details: { sittingId: sitting, direction: 'up' },
    })

    const page = await chair.agent.get(`/sittings/${sitting}`).expect(200)
    expect(referencesInOrder(page.text)).toEqual(after.map((i) => i.reference))
    expect(page.text).toContain('Placed by the chair')
  })

  test('with htmx: the agenda fragment alone, with the move announced and focus kept', async () => {
    const before = await agendaOf(db(), sitting)
    const third = before[2]!
    const chair = await as('chair@example.org')
    const res = await chair.agent
      .post(`/sittings/${sitting}/items/${third.caseId}/reorder`)
      .set('HX-Request', 'true')
      .set('X-CSRF-Token', chair.token)
      .type('form')
      .send({ direction: 'down' })
      .expect(200)
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.headers.vary).toMatch(/HX-Request/i)
    expect(res.text).toContain('id="agenda"')
    expect(res.text).not.toContain('<html')
    expect(res.text).not.toContain('govuk-header')
    expect(res.text).toContain('Moved down one place')
    expect(res.text).toContain('data-focus-after-swap')

    const after = await agendaOf(db(), sitting)
    expect(caseIds(after)).toEqual([
      ...caseIds(before).slice(0, 2),
      before[3]!.caseId,
      third.caseId,
      ...caseIds(before).slice(4),
    ])
    expect(referencesInOrder(res.text)).toEqual(after.map((i) => i.reference))
    expect(after.find((i) => i.caseId === third.caseId)!.placedBy).toBe('chair')
  })

  // Regression: a reorder that moves nothing (a double click, a stale page) must not pin the item.
  test('down at the bottom neither marks the item as the chair’s nor records a reorder', async () => {
    const last = (await agendaOf(db(), sitting)).at(-1)!
    expect(last.placedBy).toBe('scheduler')
    const chair = await as('chair@example.org')
    await post(chair, `/sittings/${sitting}/items/${last.caseId}/reorder`, { direction: 'down' }).expect(303)
    const after = (await agendaOf(db(), sitting)).at(-1)!
    expect({ caseId: after.caseId, placedBy: after.placedBy }).toEqual({
      caseId: last.caseId,
      placedBy: 'scheduler',
    })
    expect(await auditCount(db(), { action: 'agenda_reordered', entity_id: last.caseId })).toBe(0)
  })

  test('up at the top and down at the bottom leave the agenda as it was', async () => {
    const before = await agendaOf(db(), sitting)
    const chair = await as('chair@example.org')
    await post(chair, `/sittings/${sitting}/items/${before[0]!.caseId}/reorder`, { direction: 'up' }).expect(
      303,
    )
    await post(chair, `/sittings/${sitting}/items/${before.at(-1)!.caseId}/reorder`, {
      direction: 'down',
    }).expect(303)
    const after = await agendaOf(db(), sitting)
    expect(caseIds(after)).toEqual(caseIds(before))
    expect(positions(after)).toEqual(oneTo(before.length))
  })
})

describe('locking an agenda', () => {
  let sitting: string
  let item: string
  beforeAll(async () => {
    sitting = await sittingOn(db(), 'alternative_provision', AP_26_NOV)
    item = (await agendaOf(db(), sitting))[0]!.caseId
  })

  test('a locked agenda refuses changes with a 409 and the message in the error summary; unlocking lets them through', async () => {
    const chair = await as('chair@example.org')
    const locked = await post(chair, `/sittings/${sitting}/lock`, { locked: 'true' }).expect(303)
    expect(locked.headers.location).toBe(`/sittings/${sitting}`)
    expect(
      (await db()('sittings').where({ id: sitting }).first('agenda_locked_at')).agenda_locked_at,
    ).not.toBeNull()
    expect(await auditActions(db(), sitting)).toContain('agenda_locked')

    const page = await chair.agent.get(`/sittings/${sitting}`).expect(200)
    expect(page.text).toContain('Agenda locked')
    expect(page.text).toContain('Unlock the agenda')
    expect(page.text).not.toContain('/reorder')

    const before = await agendaOf(db(), sitting)
    const refused = await post(chair, `/sittings/${sitting}/items/${item}/reorder`, {
      direction: 'down',
    }).expect(409)
    expect(refused.text).toContain('govuk-error-summary')
    expect(refused.text).toContain('There is a problem')
    expect(refused.text).toContain(LOCKED_MESSAGE)
    expect(refused.text).toContain('href="#agenda"')
    const sentBack = await post(chair, `/sittings/${sitting}/items/${item}/send-back`).expect(409)
    expect(sentBack.text).toContain(LOCKED_MESSAGE)
    expect(await agendaOf(db(), sitting)).toEqual(before)
    expect(await db()('agenda_exclusions').where({ sitting_id: sitting })).toEqual([])

    const unlocked = await post(chair, `/sittings/${sitting}/lock`, { locked: 'false' }).expect(303)
    expect(unlocked.headers.location).toBe(`/sittings/${sitting}`)
    expect(
      (await db()('sittings').where({ id: sitting }).first('agenda_locked_at')).agenda_locked_at,
    ).toBeNull()
    expect(await auditActions(db(), sitting)).toContain('agenda_unlocked')
    const open = await chair.agent.get(`/sittings/${sitting}`).expect(200)
    expect(open.text).toContain('Lock the agenda')
    await post(chair, `/sittings/${sitting}/items/${item}/reorder`, { direction: 'down' }).expect(303)
  })

  // Regression: htmx 4 swaps a 409 too, so the refusal's error summary must be inside the agenda fragment.
  test('with htmx, the refusal is swapped in place of the agenda and still says why (htmx 4 swaps 4xx responses)', async () => {
    const chair = await as('chair@example.org')
    await post(chair, `/sittings/${sitting}/lock`, { locked: 'true' }).expect(303)
    try {
      const res = await chair.agent
        .post(`/sittings/${sitting}/items/${item}/reorder`)
        .set('HX-Request', 'true')
        .set('X-CSRF-Token', chair.token)
        .type('form')
        .send({ direction: 'up' })
        .expect(409)
      expect(res.text).toContain('id="agenda"')
      expect(res.text).not.toContain('<html')
      expect(res.text).toContain(LOCKED_MESSAGE)
    } finally {
      await post(chair, `/sittings/${sitting}/lock`, { locked: 'false' }).expect(303)
    }
  })
})

describe('moving a case to another sitting', () => {
  let from: string
  let to: string
  let moving: AgendaRow

  beforeAll(async () => {
    from = await sittingOn(db(), 'send_decision', SEND_1_DEC)
    to = await sittingOn(db(), 'send_decision', SEND_8_DEC)
    // The last item has the latest deadline, so a week later still meets it.
    moving = (await agendaOf(db(), from)).at(-1)!
    expect(moving.deadline! >= SEND_8_DEC).toBe(true)
  })

  test('the form offers coming sittings of panels that decide the kind, not this one', async () => {
    const chair = await as('chair@example.org')
    const page = await chair.agent.get(`/sittings/${from}/items/${moving.caseId}/move`).expect(200)
    expect(page.text).toContain(`value="${to}"`)
    expect(page.text).not.toContain(`value="${from}"`)
    expect(page.text).not.toContain('Placement panel')
    expect(page.text).not.toContain('Alternative provision panel')
    expect(page.text).toMatch(/\d of 8 places free/)
    // A short list, not every sitting for months: the rest one link away.
    const radios = (html: string) => (html.match(/name="toSittingId" type="radio"/g) ?? []).length
    expect(radios(page.text)).toBe(5)
    const more = /Show (\d+) more sittings/.exec(page.text)
    expect(more).not.toBeNull()
    const all = await chair.agent.get(`/sittings/${from}/items/${moving.caseId}/move?all=1`).expect(200)
    expect(radios(all.text)).toBe(5 + Number(more![1]))
    expect(all.text).not.toContain('more sittings</a>')
    // Sittings before the deadline first, each later one saying so.
    const hints = [...all.text.matchAll(/toSittingId[^"]*-item-hint">\s*([^<]*)</g)].map((m) => m[1]!.trim())
    const firstLate = hints.findIndex((h) => h.includes('after the deadline'))
    if (firstLate >= 0)
      expect(hints.slice(firstLate).every((h) => h.includes('after the deadline'))).toBe(true)
  })

  test('a sitting that already met earlier today is neither offered nor accepted; one later today is', async () => {
    const panel = (await db()('sittings').where({ id: from }).first('panel_id')).panel_id as string
    // The test clock reads 09:00 in London on 23 November.
    const [morning] = (await db()('sittings')
      .insert({ panel_id: panel, sitting_on: TEST_TODAY, starts_at: '08:00', origin: 'extra' })
      .returning('id')) as { id: string }[]
    const [afternoon] = (await db()('sittings')
      .insert({ panel_id: panel, sitting_on: TEST_TODAY, starts_at: '14:00', origin: 'extra' })
      .returning('id')) as { id: string }[]
    try {
      const chair = await as('chair@example.org')
      const page = await chair.agent.get(`/sittings/${from}/items/${moving.caseId}/move?all=1`).expect(200)
      expect(page.text).not.toContain(`value="${morning!.id}"`)
      expect(page.text).toContain(`value="${afternoon!.id}"`)
      const refused = await post(chair, `/sittings/${from}/items/${moving.caseId}/move`, {
        toSittingId: morning!.id,
      }).expect(400)
      expect(refused.text).toContain('That sitting has already met. Choose one still to come.')
      expect(await sittingsOfCase(db(), moving.caseId)).toEqual([from])
    } finally {
      await db()('sittings').whereIn('id', [morning!.id, afternoon!.id]).delete()
    }
  })

  test('a full sitting is refused, with the message next to the field', async () => {
    // 24 November's SEND agenda (past its cut-off) to 1 December's, which is full.
    const source = await sittingOn(db(), 'send_decision', SEND_24_NOV)
    const item = (await agendaOf(db(), source))[0]!
    const fullBefore = await agendaOf(db(), from)
    expect(fullBefore).toHaveLength(8)
    const chair = await as('chair@example.org')
    const res = await post(chair, `/sittings/${source}/items/${item.caseId}/move`, {
      toSittingId: from,
    }).expect(400)
    expect(res.text).toContain('There is a problem')
    expect(res.text).toContain('href="#toSittingId"')
    expect(res.text).toMatch(/govuk-error-message[^>]*>[\s\S]*?That sitting is full. Choose another./)
    expect(await agendaOf(db(), from)).toEqual(fullBefore)
    expect(await sittingsOfCase(db(), item.caseId)).toEqual([source])
  })

  test('a sitting of a panel that does not decide the kind is refused', async () => {
    const placementSitting = await sittingOn(db(), 'placement', PLACEMENT_25_NOV)
    const item = (await agendaOf(db(), placementSitting))[0]!
    const chair = await as('chair@example.org')
    const res = await post(chair, `/sittings/${placementSitting}/items/${item.caseId}/move`, {
      toSittingId: to,
    }).expect(400)
    expect(res.text).toContain('Choose a sitting that can take this case')
    expect(await sittingsOfCase(db(), item.caseId)).toEqual([placementSitting])
  })

  test('a sitting that is not open (cancelled, locked or past) is refused, as is no choice at all', async () => {
    const chair = await as('chair@example.org')
    const cancelled = await sittingOn(db(), 'send_decision', '2027-01-12')
    const locked = await sittingOn(db(), 'send_decision', '2027-01-19')
    const past = await sittingOn(db(), 'send_decision', '2026-11-17')
    await db()('sittings')
      .where({ id: cancelled })
      .update({ status: 'cancelled', cancelled_reason: 'Room flooded' })
    await db()('sittings').where({ id: locked }).update({ agenda_locked_at: db().fn.now() })
    try {
      for (const target of [cancelled, locked, past]) {
        const res = await post(chair, `/sittings/${from}/items/${moving.caseId}/move`, {
          toSittingId: target,
        }).expect(400)
        expect(res.text).toContain('Choose a sitting that can take this case')
      }
      const none = await post(chair, `/sittings/${from}/items/${moving.caseId}/move`).expect(400)
      expect(none.text).toContain('Choose a sitting')
      expect(await sittingsOfCase(db(), moving.caseId)).toEqual([from])
    } finally {
      await db()('sittings').where({ id: cancelled }).update({ status: 'scheduled', cancelled_reason: null })
      await db()('sittings').where({ id: locked }).update({ agenda_locked_at: null })
    }
  })

  test('moves the case, marked as the chair’s, and a later run of the queue leaves it there', async () => {
    const chair = await as('chair@example.org')
    const res = await post(chair, `/sittings/${from}/items/${moving.caseId}/move`, {
      toSittingId: to,
    }).expect(303)
    expect(res.headers.location).toBe(`/sittings/${from}?moved=1#agenda`)
    const target = await agendaOf(db(), to)
    expect(target.find((i) => i.caseId === moving.caseId)).toMatchObject({ placedBy: 'chair' })
    const source = await agendaOf(db(), from)
    expect(caseIds(source)).not.toContain(moving.caseId)
    expect(positions(source)).toEqual(oneTo(source.length))
    expect(await auditActions(db(), moving.caseId)).toContain('agenda_moved_by_chair')
    const page = await chair.agent.get(res.headers.location!).expect(200)
    expect(page.text).toContain('Case moved to the other sitting.')
    // Issue 14 point 2: the chair is told which case moved, from where to where, and why.
    const panel = (await db()('panels').where({ panel_type: 'send_decision' }).first('name')) as {
      name: string
    }
    const moves = page.text.slice(page.text.indexOf('id="queue-moves"'))
    expect(moves).toContain(`(${moving.reference})`)
    expect(moves).toContain(
      `from ${panel.name}, ${formatDate(SEND_1_DEC)} to ${panel.name}, ${formatDate(SEND_8_DEC)}.`,
    )
    expect(moves).toContain('You moved it. The queue will not move it from there')
    // Told once: the next visit to the agenda does not repeat it.
    expect((await chair.agent.get(`/sittings/${from}`).expect(200)).text).not.toContain('id="queue-moves"')

    const ran = await post(chair, '/queue/run').expect(303)
    expect(ran.headers.location).toBe('/queue?ran=yes')
    expect(await sittingsOfCase(db(), moving.caseId)).toEqual([to])
    expect((await agendaOf(db(), to)).find((i) => i.caseId === moving.caseId)!.placedBy).toBe('chair')
    const flag = await db()('case_queue').where({ case_id: moving.caseId }).first('state', 'sitting_id')
    expect(flag).toEqual({ state: 'placed', sitting_id: to })
  })
})

describe('moving a case past its deadline', () => {
  test('is the chair’s call, and the queue then shows the case at risk with that reason', async () => {
    const from = await sittingOn(db(), 'send_decision', SEND_1_DEC)
    const item = (await agendaOf(db(), from)).find(
      (i) => i.deadline !== null && i.deadline > TEST_TODAY && i.deadline < '2026-12-15',
    )!
    expect(item).toBeDefined()
    const late = await sittingOn(db(), 'send_decision', '2026-12-15')
    const chair = await as('chair@example.org')
    const form = await chair.agent.get(`/sittings/${from}/items/${item.caseId}/move`).expect(200)
    expect(form.text).toContain('after the deadline')
    await post(chair, `/sittings/${from}/items/${item.caseId}/move`, { toSittingId: late }).expect(303)
    await post(chair, '/queue/run').expect(303)

    const flag = await db()('case_queue')
      .where({ case_id: item.caseId })
      .first('state', 'reason', 'sitting_id')
    expect(flag).toEqual({ state: 'at_risk', reason: 'placed_after_deadline', sitting_id: late })
    expect(await sittingsOfCase(db(), item.caseId)).toEqual([late])
    const queue = await chair.agent.get('/queue').expect(200)
    expect(queue.text).toContain(item.reference)
    expect(queue.text).toContain('A chair placed it on a sitting after the deadline.')
    expect(queue.text).toContain('Placed for now on SEND decision-making panel')
  })
})

describe('sending a case back to the queue', () => {
  test('takes it off this sitting for good: excluded, placed elsewhere or flagged, and never put back here', async () => {
    const sitting = await sittingOn(db(), 'send_decision', SEND_1_DEC)
    const before = await agendaOf(db(), sitting)
    // One with a deadline a week or more away, so that another sitting can still take it in time.
    const item = before.find((i) => i.deadline !== null && i.deadline >= SEND_8_DEC)!
    const chair = await as('chair@example.org')
    // Offered as a link, not a red button on every row, and it asks before acting.
    const agendaPage = await chair.agent.get(`/sittings/${sitting}`).expect(200)
    expect(agendaPage.text).not.toContain('govuk-button--warning')
    expect(agendaPage.text).toContain(`href="/sittings/${sitting}/items/${item.caseId}/send-back"`)
    const confirm = await chair.agent.get(`/sittings/${sitting}/items/${item.caseId}/send-back`).expect(200)
    expect(confirm.text).toMatch(/Send .+ back to the queue\?<\/h1>/)
    expect(confirm.text).toContain(`action="/sittings/${sitting}/items/${item.caseId}/send-back"`)
    expect(confirm.text).toContain('on this agenda</a>')
    expect(caseIds(await agendaOf(db(), sitting))).toContain(item.caseId)
    const member = await as('member@example.org')
    await member.agent.get(`/sittings/${sitting}/items/${item.caseId}/send-back`).expect(403)

    const res = await post(chair, `/sittings/${sitting}/items/${item.caseId}/send-back`).expect(303)
    expect(res.headers.location).toBe(`/sittings/${sitting}?sentBack=1#agenda`)

    const after = await agendaOf(db(), sitting)
    expect(caseIds(after)).not.toContain(item.caseId)
    expect(positions(after)).toEqual(oneTo(after.length))
    const exclusion = await db()('agenda_exclusions').where({ case_id: item.caseId, sitting_id: sitting })
    expect(exclusion).toHaveLength(1)
    expect(exclusion[0].excluded_by).toBe(await userId(db(), 'chair@example.org'))
    expect(await auditActions(db(), item.caseId)).toContain('agenda_sent_back')
    const flag = await db()('case_queue').where({ case_id: item.caseId }).first()
    expect(flag).toBeDefined()
    expect(flag.sitting_id).not.toBe(sitting)
    const pairs = async () =>
      (
        (await db()('agenda_items').whereNot('case_id', item.caseId).select('case_id', 'sitting_id')) as {
          case_id: string
          sitting_id: string
        }[]
      ).map((r) => `${r.case_id}|${r.sitting_id}`)
    const othersBefore = await pairs()
    const page = await chair.agent.get(res.headers.location!).expect(200)
    expect(page.text).toContain('Case sent back to the queue')
    // Issue 14: the chair is told what the queue did with it, from where to where and why, once.
    // Only the case sent back moved: nobody was pushed to make room for it.
    expect(page.text).toContain('What the queue changed as a result (1 case)')
    expect(page.text).toMatch(
      new RegExp(`\\(${item.reference}\\):\\s+from SEND decision-making panel, 1 December 2026 to`),
    )
    expect(page.text).toContain('Taken off that sitting')
    const again = await chair.agent.get(res.headers.location!).expect(200)
    expect(again.text).not.toContain('What the queue changed as a result')

    await post(chair, '/queue/run').expect(303)
    expect(await sittingsOfCase(db(), item.caseId)).not.toContain(sitting)
    // The run after moved nobody: the send-back's own run had left every case where it may stay.
    expect(await pairs()).toEqual(expect.arrayContaining(othersBefore))
    expect((await db()('case_queue').where({ case_id: item.caseId }).first()).sitting_id).not.toBe(sitting)
  })
})

describe('cancelling a sitting', () => {
  let sitting: string
  beforeAll(async () => {
    sitting = await sittingOn(db(), 'placement', PLACEMENT_2_DEC)
    expect((await agendaOf(db(), sitting)).length).toBeGreaterThan(0)
  })

  test('an empty reason is refused with the GOV.UK error summary and the message by the field', async () => {
    const chair = await as('chair@example.org')
    await chair.agent.get(`/sittings/${sitting}/cancel`).expect(200)
    for (const reason of ['', '   ']) {
      const res = await post(chair, `/sittings/${sitting}/cancel`, { reason }).expect(400)
      expect(res.text).toContain('govuk-error-summary')
      expect(res.text).toContain('There is a problem')
      expect(res.text).toContain('href="#reason"')
      expect(res.text).toMatch(/govuk-error-message[^>]*>[\s\S]*?Enter why the sitting is cancelled/)
    }
    const long = await post(chair, `/sittings/${sitting}/cancel`, { reason: 'x'.repeat(501) }).expect(400)
    expect(long.text).toContain('The reason must be 500 characters or fewer')
    expect(long.text).toContain('x'.repeat(501))
    expect((await db()('sittings').where({ id: sitting }).first('status')).status).toBe('scheduled')
  })

  test('with a reason: cancelled and the reason kept, its cases taken off and placed again or flagged, all audited', async () => {
    const items = await agendaOf(db(), sitting)
    const chair = await as('chair@example.org')
    const reason = 'Two members are at a tribunal hearing that day'
    const res = await post(chair, `/sittings/${sitting}/cancel`, { reason }).expect(303)
    expect(res.headers.location).toBe(`/sittings/${sitting}`)

    const row = await db()('sittings')
      .where({ id: sitting })
      .first('status', 'cancelled_reason', 'cancelled_by')
    expect(row).toEqual({
      status: 'cancelled',
      cancelled_reason: reason,
      cancelled_by: await userId(db(), 'chair@example.org'),
    })
    expect(await agendaOf(db(), sitting)).toEqual([])
    for (const item of items) {
      const flag = await db()('case_queue').where({ case_id: item.caseId }).first()
      const on = await sittingsOfCase(db(), item.caseId)
      const status = (await db()('cases').where({ id: item.caseId }).first('status')).status
      if (flag.state === 'placed') {
        expect(on).toEqual([flag.sitting_id])
        expect(flag.sitting_id).not.toBe(sitting)
        expect(status).toBe('scheduled')
      } else {
        expect(flag.reason).not.toBeNull()
      }
      expect(await auditActions(db(), item.caseId)).toContain('agenda_removed_sitting_cancelled')
    }
    const events = await db()('audit_events').where({ entity_id: sitting, action: 'sitting_cancelled' })
    expect(events).toHaveLength(1)
    expect(events[0].details).toEqual({ cases: items.length })

    const page = await chair.agent.get(`/sittings/${sitting}`).expect(200)
    expect(page.text).toContain('Cancelled')
    expect(page.text).toContain(reason)
    expect(page.text).not.toContain('Cancel this sitting')
    expect(page.text).toContain('No cases are on this agenda yet.')
  })

  test('a cancelled sitting cannot be cancelled again, nor its agenda changed', async () => {
    const chair = await as('chair@example.org')
    const again = await post(chair, `/sittings/${sitting}/cancel`, { reason: 'Again' }).expect(400)
    expect(again.text).toContain('Only a sitting still to come can be cancelled')
    expect(
      (await db()('sittings').where({ id: sitting }).first('cancelled_reason')).cancelled_reason,
    ).not.toBe('Again')
  })
})

describe('a case deferred at an earlier sitting', () => {
  // Regression: an item with a decision (a deferral) is history, not where the case is kept.
  test('sent back, it is placed on a coming sitting or shown in the queue, not left "placed" on the past sitting', async () => {
    const deferred = (await db()('agenda_items as ai')
      .join('sittings as s', 's.id', 'ai.sitting_id')
      .join('cases as c', 'c.id', 'ai.case_id')
      .where('s.status', 'held')
      .whereIn('c.status', ['submitted', 'scheduled'])
      .first('c.id', 'c.reference')) as { id: string; reference: string }
    expect(deferred).toBeDefined()
    const coming = (await db()('agenda_items as ai')
      .join('sittings as s', 's.id', 'ai.sitting_id')
      .where({ 'ai.case_id': deferred.id, 's.status': 'scheduled' })
      .first('s.id')) as { id: string }
    const chair = await as('chair@example.org')
    await post(chair, `/sittings/${coming.id}/items/${deferred.id}/send-back`).expect(303)

    const flag = await db()('case_queue').where({ case_id: deferred.id }).first()
    if (flag.state === 'placed') {
      const sitting = await db()('sittings').where({ id: flag.sitting_id }).first('sitting_on', 'status')
      expect(sitting).toEqual({ sitting_on: expect.any(String), status: 'scheduled' })
      expect(sitting.sitting_on >= TEST_TODAY).toBe(true)
      expect(await sittingsOfCase(db(), deferred.id)).toContain(flag.sitting_id)
    } else {
      const queue = await chair.agent.get('/queue').expect(200)
      expect(queue.text).toContain(deferred.reference)
    }
  })
})

describe('what the nightly run moved', () => {
  test('is kept, and the queue page tells the chair which cases moved, from where to where and why', async () => {
    const sitting = await sittingOn(db(), 'send_decision', SEND_8_DEC)
    const item = (await agendaOf(db(), sitting)).find((i) => i.placedBy === 'scheduler')!
    expect(item).toBeDefined()
    // Taken off as if by an edit the queue has not yet followed: the night's run places it again.
    await db()('agenda_items').where({ case_id: item.caseId, sitting_id: sitting }).delete()
    await db()('cases').where({ id: item.caseId }).update({ status: 'submitted' })
    const nightly = services(dataLayer(db()), fixedClock(TEST_TODAY))
    await expect(nightly.queue.placeCases()).resolves.toMatchObject({ ran: true })

    const chair = await as('chair@example.org')
    const page = await chair.agent.get('/queue').expect(200)
    // The run's time is when it happened (the database's clock), not the fixed "today" the test runs on.
    expect(page.text).toMatch(/What the nightly run on \d+ \w+ \d{4} at [^<]+ moved \(\d+ cases?\)/)
    expect(page.text).toMatch(
      new RegExp(`\\(${item.reference}\\):\\s+from the queue to SEND decision-making panel`),
    )

    // A chair's run that changes nothing says so, and replaces the night's account.
    await post(chair, '/queue/run').expect(303)
    const after = await chair.agent.get('/queue').expect(200)
    expect(after.text).toContain('moved no case.')
    expect(after.text).not.toContain('What the nightly run on')
  })
})

import { dataLayer } from '../../src/data'
import { testServices as services } from '../support/services'
import { fixedClock } from '../../src/services/clock'
import { queueReasonText } from '../../src/web/presenters'
import { createTestApp, TEST_TODAY, type TestApp } from '../support/app'
import {
  agendaOf,
  agents,
  allAgendaItems,
  auditCount,
  panelId,
  post,
  sittingOn,
  sittingsOfCase,
  userId,
} from '../support/sittings'
import type { QueueReason } from '../../src/domain/scheduler'

/**
 * The queue, extra sittings, summer sittings and the calendar's roll forward, on the demo council with
 * today Monday 23 November 2026. Two apps: the first for the demo as seeded, the queue and extra
 * sittings; the second for the admin's summer sittings and the jobs, which delete and add sittings.
 */

const SUMMERS = [
  { year: 2026, startsOn: '2026-07-23', endsOn: '2026-09-02' },
  { year: 2027, startsOn: '2027-07-22', endsOn: '2027-09-01' },
]

interface QueueRow {
  case_id: string
  reference: string
  state: 'placed' | 'unplaced' | 'at_risk'
  reason: QueueReason | null
  sitting_id: string | null
  suggested_panel_id: string | null
  suggested_sitting_on: string | null
}

function queueRows(t: TestApp): Promise<QueueRow[]> {
  return t.database
    .db('case_queue as q')
    .join('cases as c', 'c.id', 'q.case_id')
    .orderBy('c.reference')
    .select(
      'q.case_id',
      'c.reference',
      'q.state',
      'q.reason',
      'q.sitting_id',
      'q.suggested_panel_id',
      'q.suggested_sitting_on',
    )
}

/** Everything a run of the queue may write, for comparing one run with the next. */
async function placementState(t: TestApp) {
  const db = t.database.db
  return {
    items: await allAgendaItems(db),
    queue: await queueRows(t),
    cases: await db('cases').orderBy('id').select('id', 'status', 'version'),
    exclusions: await db('agenda_exclusions')
      .orderBy(['case_id', 'sitting_id'])
      .select('case_id', 'sitting_id'),
  }
}

describe('on the demo council as seeded', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  }, 120_000)
  afterAll(() => t?.close())
  const db = () => t.database.db
  const as = agents(() => t)

  describe('the demo', () => {
    test.each(SUMMERS)(
      'the summer holiday of $year ($startsOn to $endsOn) has each panel’s weekly sittings, marked as summer ones',
      async ({ startsOn, endsOn }) => {
        const rows = (await db()('sittings as s')
          .join('panels as p', 'p.id', 's.panel_id')
          .whereBetween('s.sitting_on', [startsOn, endsOn])
          .orderBy('s.sitting_on')
          .select('s.sitting_on', 's.is_summer', 'p.panel_type', 'p.weekday')) as {
          sitting_on: string
          is_summer: boolean
          panel_type: string
          weekday: number
        }[]
        expect(rows.every((r) => r.is_summer)).toBe(true)
        // Six weeks of Tuesdays, Wednesdays and Thursdays: six sittings for each of the three panels.
        const perPanel = rows.reduce<Record<string, number>>(
          (acc, r) => ({ ...acc, [r.panel_type]: (acc[r.panel_type] ?? 0) + 1 }),
          {},
        )
        expect(perPanel).toEqual({ send_decision: 6, placement: 6, alternative_provision: 6 })
        const days = rows.map((r) => r.sitting_on)
        expect(days[0]! >= startsOn && days.at(-1)! <= endsOn).toBe(true)
      },
    )

    test('no sitting outside the summer holidays is marked as a summer one', async () => {
      const marked = (await db()('sittings').where({ is_summer: true }).select('sitting_on')) as {
        sitting_on: string
      }[]
      expect(marked.length).toBe(36)
      for (const { sitting_on } of marked) {
        expect(SUMMERS.some((h) => h.startsOn <= sitting_on && sitting_on <= h.endsOn)).toBe(true)
      }
    })

    test('the queue page shows the at-risk cases with the reason, and the extra sittings that would save them', async () => {
      const atRisk = (await queueRows(t)).filter((r) => r.state === 'at_risk')
      expect(atRisk.length).toBeGreaterThanOrEqual(1)
      const offered = atRisk.filter((r) => r.suggested_sitting_on !== null)
      expect(offered.length).toBeGreaterThanOrEqual(1)

      const chair = await as('chair@example.org')
      const page = await chair.agent.get('/queue').expect(200)
      expect(page.text).toContain(`At risk of missing the deadline (${atRisk.length})`)
      for (const row of atRisk) {
        expect(page.text).toContain(row.reference)
        expect(page.text).toContain(`${queueReasonText(row.reason!)}.`)
      }
      expect(page.text).toContain('Extra sittings that would save them')
      for (const row of offered) {
        expect(page.text).toContain(
          `href="/sittings/extra/new?panel=${row.suggested_panel_id}&date=${row.suggested_sitting_on}"`,
        )
      }
      expect(page.text).toMatch(/would save \d+ cases?\./)
    })

    test('caseworkers and managers see the queue, with links to the cases but no offer to add a sitting', async () => {
      const atRisk = (await queueRows(t)).filter((r) => r.state === 'at_risk')
      for (const email of ['caseworker@example.org', 'manager@example.org']) {
        const { agent } = await as(email)
        const page = await agent.get('/queue').expect(200)
        expect(page.text).toContain(`href="/cases/${atRisk[0]!.case_id}"`)
        expect(page.text).toContain('Extra sittings that would save them')
        expect(page.text).not.toContain('/sittings/extra/new')
      }
    })

    test.each(['member@example.org', 'admin@example.org', 'parent@example.org'])(
      '%s gets 403 on the queue',
      async (email) => {
        const signedIn = await as(email)
        await signedIn.agent.get('/queue').expect(403)
      },
    )
  })

  describe('placing cases on demand', () => {
    test('needs the form’s token, and a role that may run it', async () => {
      const before = await placementState(t)
      const caseworker = await as('caseworker@example.org')
      await caseworker.agent.post('/queue/run').type('form').send({}).expect(403)
      const member = await as('member@example.org')
      await post(member, '/queue/run').expect(403)
      expect(await placementState(t)).toEqual(before)
    })

    test('redirects to the queue with the outcome, and twice in a row changes nothing the second time', async () => {
      const caseworker = await as('caseworker@example.org')
      const first = await post(caseworker, '/queue/run').expect(303)
      expect(first.headers.location).toBe('/queue?ran=yes')
      const page = await caseworker.agent.get(first.headers.location!).expect(200)
      expect(page.text).toContain('Cases placed and at-risk flags checked again just now.')

      const afterFirst = await placementState(t)
      const auditsAfterFirst = await auditCount(db())
      const manager = await as('manager@example.org')
      const second = await post(manager, '/queue/run').expect(303)
      expect(second.headers.location).toBe('/queue?ran=yes')
      expect(await placementState(t)).toEqual(afterFirst)
      expect(await auditCount(db())).toBe(auditsAfterFirst)
      // Each on-demand run is recorded like the nightly one.
      const runs = await db()('job_runs').where({ job_name: 'place-cases' }).orderBy('id')
      expect(runs.slice(-2).map((r: { outcome: string }) => r.outcome)).toEqual(['succeeded', 'succeeded'])
    })

    test('the seeded plan is already the scheduler’s: a run right after seeding moved nothing', async () => {
      const moves = await db()('audit_events')
        .whereIn('action', ['agenda_placed_by_queue', 'agenda_moved_by_queue', 'agenda_removed_by_queue'])
        .whereNotNull('actor_user_id')
        .count<{ count: number | string }>({ count: '*' })
        .first()
      expect(Number(moves!.count)).toBe(0)
    })

    test('case_queue has one row per waiting case, and agrees with the agendas and statuses', async () => {
      const waiting = (await db()('cases')
        .whereIn('status', ['submitted', 'scheduled'])
        .orderBy('id')
        .select('id', 'status')) as { id: string; status: string }[]
      const flags = await queueRows(t)
      expect(flags.map((f) => f.case_id).sort()).toEqual(waiting.map((c) => c.id).sort())
      for (const flag of flags) {
        const on = await sittingsOfCase(db(), flag.case_id)
        const coming = (await db()('sittings')
          .whereIn('id', on)
          .where('sitting_on', '>=', TEST_TODAY)
          .select('id')) as { id: string }[]
        const status = waiting.find((c) => c.id === flag.case_id)!.status
        // The one sitting the case waits on: a coming one, or a held one whose record is still being written.
        const undecided = (await db()('agenda_items as ai')
          .where('ai.case_id', flag.case_id)
          .whereNotExists(db()('decisions as d').whereRaw('d.agenda_item_id = ai.id'))
          .pluck('ai.sitting_id')) as string[]
        if (flag.state === 'placed') {
          expect(undecided).toEqual([flag.sitting_id])
          expect(coming.every((s) => s.id === flag.sitting_id)).toBe(true)
          expect(status).toBe('scheduled')
        } else {
          expect(flag.reason).not.toBeNull()
        }
        expect(status).toBe(flag.sitting_id ? 'scheduled' : 'submitted')
      }
    })
  })

  describe('adding an extra sitting', () => {
    let send: string
    let offer: QueueRow
    beforeAll(async () => {
      send = await panelId(db(), 'send_decision')
      offer = (await queueRows(t)).find((r) => r.state === 'at_risk' && r.suggested_sitting_on !== null)!
      expect(offer).toBeDefined()
    })

    const form = (fields: Record<string, string>) => ({
      panelId: '',
      'sittingOn-day': '',
      'sittingOn-month': '',
      'sittingOn-year': '',
      startsAt: '',
      ...fields,
    })
    const dateOf = (iso: string) => {
      const [year, month, day] = iso.split('-')
      return {
        'sittingOn-day': String(Number(day)),
        'sittingOn-month': String(Number(month)),
        'sittingOn-year': year!,
      }
    }

    test('the offered link opens the form filled in with the panel and date', async () => {
      const chair = await as('chair@example.org')
      const page = await chair.agent
        .get(`/sittings/extra/new?panel=${offer.suggested_panel_id}&date=${offer.suggested_sitting_on}`)
        .expect(200)
      const {
        'sittingOn-day': day,
        'sittingOn-month': month,
        'sittingOn-year': year,
      } = dateOf(offer.suggested_sitting_on!)
      expect(page.text).toMatch(new RegExp(`value="${offer.suggested_panel_id}"[^>]*checked`))
      expect(page.text).toMatch(new RegExp(`name="sittingOn-day"[^>]*value="${day}"`))
      expect(page.text).toMatch(new RegExp(`name="sittingOn-month"[^>]*value="${month}"`))
      expect(page.text).toMatch(new RegExp(`name="sittingOn-year"[^>]*value="${year}"`))
      // The panel's usual time, so the chair need not look it up.
      const { starts_at: usual } = (await db()('panels')
        .where({ id: offer.suggested_panel_id })
        .first('starts_at')) as { starts_at: string }
      expect(page.text).toMatch(new RegExp(`name="startsAt"[^>]*value="${usual.slice(0, 5)}"`))
    })

    test('only a chair may add one', async () => {
      const member = await as('member@example.org')
      await member.agent.get('/sittings/extra/new').expect(403)
      await post(
        member,
        '/sittings/extra',
        form({ panelId: send, ...dateOf('2026-12-04'), startsAt: '10:00' }),
      ).expect(403)
      const chair = await as('chair@example.org')
      // A panel she does not chair (here, none at all).
      await post(
        chair,
        '/sittings/extra',
        form({ panelId: '00000000-0000-4000-8000-000000000000', ...dateOf('2026-12-04'), startsAt: '10:00' }),
      ).expect(403)
    })

    test('an empty form shows each problem by its field and in the summary', async () => {
      const chair = await as('chair@example.org')
      const res = await post(chair, '/sittings/extra', form({})).expect(400)
      expect(res.text).toContain('There is a problem')
      for (const [href, message] of [
        ['#panelId', 'Choose the panel'],
        ['#startsAt', 'Enter a time like 14:30'],
      ]) {
        expect(res.text).toContain(`href="${href}"`)
        expect(res.text).toMatch(new RegExp(`govuk-error-message[^>]*>[\\s\\S]*?${message}`))
      }
      expect(res.text).toMatch(/govuk-error-message[^>]*>[\s\S]*?Enter the date of the sitting/)
    })

    test.each([
      {
        problem: 'an impossible date',
        date: { d: '31', m: '2', y: '2027' },
        time: '10:00',
        message: 'Date of the sitting must be a real date',
      },
      {
        problem: 'a Saturday',
        date: { d: '28', m: '11', y: '2026' },
        time: '10:00',
        message: 'The date must be a working day, not a weekend or bank holiday',
      },
      {
        problem: 'a bank holiday',
        date: { d: '28', m: '12', y: '2026' },
        time: '10:00',
        message: 'The date must be a working day, not a weekend or bank holiday',
      },
      {
        problem: 'a past date',
        date: { d: '20', m: '11', y: '2026' },
        time: '10:00',
        message: 'The date must be in the future',
      },
      {
        problem: 'today',
        date: { d: '23', m: '11', y: '2026' },
        time: '10:00',
        message: 'The date must be in the future',
      },
      {
        problem: 'a time that does not exist',
        date: { d: '3', m: '12', y: '2026' },
        time: '25:00',
        message: 'Enter a time like 14:30',
      },
      {
        problem: 'a time without minutes',
        date: { d: '3', m: '12', y: '2026' },
        time: '2pm',
        message: 'Enter a time like 14:30',
      },
    ])('$problem is refused by its field, with what was typed kept', async ({ date, time, message }) => {
      const chair = await as('chair@example.org')
      const before = await db()('sittings').count<{ count: number | string }>({ count: '*' }).first()
      const res = await post(
        chair,
        '/sittings/extra',
        form({
          panelId: send,
          'sittingOn-day': date.d,
          'sittingOn-month': date.m,
          'sittingOn-year': date.y,
          startsAt: time,
        }),
      ).expect(400)
      expect(res.text).toContain('There is a problem')
      expect(res.text).toMatch(new RegExp(`govuk-error-message[^>]*>[\\s\\S]*?${message}`))
      expect(res.text).toMatch(new RegExp(`value="${send}"[^>]*checked`))
      expect(res.text).toMatch(new RegExp(`name="sittingOn-day"[^>]*value="${date.d}"`))
      expect(res.text).toMatch(new RegExp(`name="sittingOn-month"[^>]*value="${date.m}"`))
      expect(res.text).toMatch(new RegExp(`name="sittingOn-year"[^>]*value="${date.y}"`))
      expect(res.text).toMatch(new RegExp(`name="startsAt"[^>]*value="${time}"`))
      const after = await db()('sittings').count<{ count: number | string }>({ count: '*' }).first()
      expect(Number(after!.count)).toBe(Number(before!.count))
    })

    // Regression: a date's message links to its first box (#sittingOn-day), as on the app's other forms.
    test('a date problem in the summary links to the first box of the date', async () => {
      const chair = await as('chair@example.org')
      const res = await post(
        chair,
        '/sittings/extra',
        form({
          panelId: send,
          'sittingOn-day': '31',
          'sittingOn-month': '2',
          'sittingOn-year': '2027',
          startsAt: '10:00',
        }),
      ).expect(400)
      expect(res.text).toContain('href="#sittingOn-day"')
    })

    test('the offered sitting is added as an extra one, and the queue places the at-risk case on it', async () => {
      const chair = await as('chair@example.org')
      const res = await post(
        chair,
        '/sittings/extra',
        form({
          panelId: offer.suggested_panel_id!,
          ...dateOf(offer.suggested_sitting_on!),
          startsAt: '14:00',
        }),
      ).expect(303)
      const match = /^\/sittings\/([0-9a-f-]{36})\?added=1$/.exec(res.headers.location!)
      expect(match).not.toBeNull()
      const id = match![1]!
      const sitting = await db()('sittings').where({ id }).first()
      expect(sitting).toMatchObject({
        panel_id: offer.suggested_panel_id,
        sitting_on: offer.suggested_sitting_on,
        starts_at: '14:00:00',
        origin: 'extra',
        is_summer: false,
        status: 'scheduled',
        created_by: await userId(db(), 'chair@example.org'),
      })
      expect(await auditCount(db(), { action: 'extra_sitting_added', entity_id: id })).toBe(1)

      const flag = (await queueRows(t)).find((r) => r.case_id === offer.case_id)!
      expect(flag).toMatchObject({ state: 'placed', sitting_id: id, reason: null })
      expect(await sittingsOfCase(db(), offer.case_id)).toEqual([id])
      const agenda = await agendaOf(db(), id)
      expect(agenda.map((i) => i.caseId)).toContain(offer.case_id)

      const page = await chair.agent.get(res.headers.location!).expect(200)
      expect(page.text).toContain('Extra sitting added')
      expect(page.text).toContain('Extra sitting')
      expect(page.text).toContain(offer.reference)

      const queue = await chair.agent.get('/queue').expect(200)
      expect(queue.text).not.toContain(`date=${offer.suggested_sitting_on}"`)
    })

    test('a second sitting at the same date and time is refused', async () => {
      const chair = await as('chair@example.org')
      const res = await post(
        chair,
        '/sittings/extra',
        form({
          panelId: offer.suggested_panel_id!,
          ...dateOf(offer.suggested_sitting_on!),
          startsAt: '14:00',
        }),
      ).expect(400)
      expect(res.text).toContain('The panel already has a sitting at that date and time')
    })

    test('one in the summer holiday is marked as a summer sitting', async () => {
      const chair = await as('chair@example.org')
      const res = await post(
        chair,
        '/sittings/extra',
        form({ panelId: send, ...dateOf('2027-08-09'), startsAt: '09:30' }),
      ).expect(303)
      const id = /^\/sittings\/([0-9a-f-]{36})/.exec(res.headers.location!)![1]!
      expect(await db()('sittings').where({ id }).first('origin', 'is_summer')).toEqual({
        origin: 'extra',
        is_summer: true,
      })
    })

    test('an offered extra sitting saves the case it is offered for, or none is offered', async () => {
      // A waiting SEND case whose papers were in by 18 November, given a deadline of Wednesday 25 November:
      // no sitting still open can decide it in time, since a sitting's cut-off is 3 working days before it.
      const candidate = (await db()('cases as c')
        .join('agenda_items as ai', 'ai.case_id', 'c.id')
        .join('sittings as s', 's.id', 'ai.sitting_id')
        .join('panel_case_kinds as k', 'k.case_kind', 'c.kind')
        .where({ 'k.panel_id': send, 'c.status': 'scheduled', 'ai.placed_by': 'scheduler' })
        .where('c.papers_complete_on', '<=', '2026-11-18')
        .where('s.sitting_on', '>=', '2026-11-26')
        .orderBy('c.reference')
        .first('c.id', 'c.reference')) as { id: string; reference: string }
      expect(candidate).toBeDefined()
      await db()('cases').where({ id: candidate.id }).update({ next_deadline_on: '2026-11-25' })
      const chair = await as('chair@example.org')
      await post(chair, '/queue/run').expect(303)
      const flag = (await queueRows(t)).find((r) => r.case_id === candidate.id)!
      expect(flag.state).toBe('at_risk')
      if (flag.suggested_sitting_on === null) return

      await post(
        chair,
        '/sittings/extra',
        form({ panelId: flag.suggested_panel_id!, ...dateOf(flag.suggested_sitting_on), startsAt: '16:00' }),
      ).expect(303)
      const after = (await queueRows(t)).find((r) => r.case_id === candidate.id)!
      expect({ suggested: flag.suggested_sitting_on, state: after.state }).toEqual({
        suggested: flag.suggested_sitting_on,
        state: 'placed',
      })
    })
  })
})

describe('summer sittings and the calendar jobs', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  }, 120_000)
  afterAll(() => t?.close())
  const db = () => t.database.db
  const as = agents(() => t)
  const build = (weeks: number) =>
    services(dataLayer(db()), fixedClock(TEST_TODAY), { sittingHorizonWeeks: weeks })

  describe('an admin turning off a summer sitting', () => {
    let summer: string
    beforeAll(async () => {
      summer = await sittingOn(db(), 'placement', '2027-08-11')
    })

    test('the admin sees the coming summer sittings; a chair may not', async () => {
      const admin = await as('admin@example.org')
      const page = await admin.agent.get('/summer-sittings').expect(200)
      expect(page.text).toContain('Summer sittings')
      expect(page.text).toContain(`/summer-sittings/${summer}/turn-off`)
      expect(page.text.match(/\/turn-off"/g)).toHaveLength(18)
      const chair = await as('chair@example.org')
      await chair.agent.get('/summer-sittings').expect(403)
      await chair.agent.get(`/summer-sittings/${summer}/turn-off`).expect(403)
      await post(chair, `/summer-sittings/${summer}/turn-off`, { reason: 'Chair on leave' }).expect(403)
      expect((await db()('sittings').where({ id: summer }).first('status')).status).toBe('scheduled')
    })

    test('turning one off needs a reason', async () => {
      const admin = await as('admin@example.org')
      await admin.agent.get(`/summer-sittings/${summer}/turn-off`).expect(200)
      const res = await post(admin, `/summer-sittings/${summer}/turn-off`, { reason: '  ' }).expect(400)
      expect(res.text).toContain('There is a problem')
      expect(res.text).toContain('href="#reason"')
      expect(res.text).toMatch(/govuk-error-message[^>]*>[\s\S]*?Enter why this summer sitting is turned off/)
      expect((await db()('sittings').where({ id: summer }).first('status')).status).toBe('scheduled')
    })

    test('with a reason the sitting is cancelled, the reason kept and shown', async () => {
      const admin = await as('admin@example.org')
      const reason = 'No placement cases are due in August and two members are on leave'
      const res = await post(admin, `/summer-sittings/${summer}/turn-off`, { reason }).expect(303)
      expect(res.headers.location).toBe('/summer-sittings?turnedOff=1')
      expect(
        await db()('sittings').where({ id: summer }).first('status', 'cancelled_reason', 'cancelled_by'),
      ).toEqual({
        status: 'cancelled',
        cancelled_reason: reason,
        cancelled_by: await userId(db(), 'admin@example.org'),
      })
      expect(await auditCount(db(), { action: 'summer_sitting_turned_off', entity_id: summer })).toBe(1)
      const page = await admin.agent.get(res.headers.location!).expect(200)
      expect(page.text).toContain('Summer sitting turned off.')
      expect(page.text).toContain('Turned off')
      expect(page.text).toContain(reason)
      expect(page.text).not.toContain(`/summer-sittings/${summer}/turn-off`)

      const again = await post(admin, `/summer-sittings/${summer}/turn-off`, { reason: 'Again' }).expect(400)
      expect(again.text).toContain('Only a sitting still to come can be cancelled')
    })

    test('a summer sitting turned off can be turned back on, audited, and the queue may use it again', async () => {
      const admin = await as('admin@example.org')
      const page = await admin.agent.get('/summer-sittings').expect(200)
      expect(page.text).toContain(`action="/summer-sittings/${summer}/turn-on"`)
      const chair = await as('chair@example.org')
      await post(chair, `/summer-sittings/${summer}/turn-on`, {}).expect(403)
      expect((await db()('sittings').where({ id: summer }).first('status')).status).toBe('cancelled')

      const res = await post(admin, `/summer-sittings/${summer}/turn-on`, {}).expect(303)
      expect(res.headers.location).toBe('/summer-sittings?turnedOn=1')
      expect(
        await db()('sittings').where({ id: summer }).first('status', 'cancelled_reason', 'cancelled_by'),
      ).toEqual({ status: 'scheduled', cancelled_reason: null, cancelled_by: null })
      expect(await auditCount(db(), { action: 'summer_sitting_turned_on', entity_id: summer })).toBe(1)
      const after = await admin.agent.get(res.headers.location!).expect(200)
      expect(after.text).toContain('Summer sitting turned back on.')
      expect(after.text).toContain(`/summer-sittings/${summer}/turn-off`)
      expect(after.text).not.toContain(`/summer-sittings/${summer}/turn-on`)
      // Already on: refused with a message, not a 500.
      const again = await post(admin, `/summer-sittings/${summer}/turn-on`, {}).expect(409)
      expect(again.text).toContain(
        'Only a summer sitting still to come that is turned off can be turned back on',
      )
      // And off again, as the tests after this one expect it.
      await post(admin, `/summer-sittings/${summer}/turn-off`, {
        reason: 'No placement cases are due in August and two members are on leave',
      }).expect(303)
    })

    test('a sitting outside the summer holiday cannot be turned off here', async () => {
      const ordinary = await sittingOn(db(), 'send_decision', '2026-12-08')
      const admin = await as('admin@example.org')
      await admin.agent.get(`/summer-sittings/${ordinary}/turn-off`).expect(404)
      await post(admin, `/summer-sittings/${ordinary}/turn-off`, { reason: 'Not needed' }).expect(404)
      await admin.agent.get('/summer-sittings/not-a-sitting/turn-off').expect(404)
      expect((await db()('sittings').where({ id: ordinary }).first('status')).status).toBe('scheduled')
    })
  })

  describe('rolling the calendar forward', () => {
    const countSittings = async () =>
      Number((await db()('sittings').count<{ count: number | string }>({ count: '*' }).first())!.count)

    test('runs, locks the agendas whose cut-off has passed, and a second run does nothing', async () => {
      const first = await build(12).sittings.rollForward()
      expect(first).toEqual({
        ran: true,
        counts: { created: expect.any(Number), summer: expect.any(Number), locked: expect.any(Number) },
      })
      const locked = async (type: 'send_decision' | 'placement' | 'alternative_provision', date: string) =>
        (
          await db()('sittings')
            .where({ id: await sittingOn(db(), type, date) })
            .first('agenda_locked_at')
        ).agenda_locked_at !== null
      // Cut-offs: 19 November for the 24th, 20 November for the 25th, today for the 26th, 26 November for 1 December.
      expect(await locked('send_decision', '2026-11-24')).toBe(true)
      expect(await locked('placement', '2026-11-25')).toBe(true)
      expect(await locked('alternative_provision', '2026-11-26')).toBe(false)
      expect(await locked('send_decision', '2026-12-01')).toBe(false)
      expect(first.ran && first.counts.locked).toBe(2)

      const total = await countSittings()
      const second = await build(12).sittings.rollForward()
      expect(second).toEqual({ ran: true, counts: { created: 0, summer: 0, locked: 0 } })
      expect(await countSittings()).toBe(total)
    })

    test('recreates a deleted empty sitting, but never a cancelled one, nor one on a bank holiday', async () => {
      const deleted = await sittingOn(db(), 'send_decision', '2027-01-12')
      expect(await agendaOf(db(), deleted)).toEqual([])
      await db()('sittings').where({ id: deleted }).delete()

      const cancelled = await sittingOn(db(), 'send_decision', '2027-01-19')
      const chair = await as('chair@example.org')
      await post(chair, `/sittings/${cancelled}/cancel`, {
        reason: 'Training day for all panel members',
      }).expect(303)

      // A bank holiday an admin added after the sitting was made: the sitting goes, and is not made again.
      await db()('bank_holidays').insert({ holiday_on: '2027-01-26', title: 'County jubilee' })
      await db()('sittings')
        .where({ id: await sittingOn(db(), 'send_decision', '2027-01-26') })
        .delete()

      const result = await build(12).sittings.rollForward()
      expect(result).toEqual({ ran: true, counts: { created: 1, summer: 0, locked: 0 } })
      const send = await panelId(db(), 'send_decision')
      const on = (date: string) =>
        db()('sittings')
          .where({ panel_id: send, sitting_on: date })
          .select('id', 'status', 'origin', 'is_summer')
      const recreated = await on('2027-01-12')
      expect(recreated).toHaveLength(1)
      expect(recreated[0]).toMatchObject({ status: 'scheduled', origin: 'weekly', is_summer: false })
      expect(recreated[0].id).not.toBe(deleted)
      expect(await on('2027-01-19')).toEqual([
        { id: cancelled, status: 'cancelled', origin: 'weekly', is_summer: false },
      ])
      expect(await on('2027-01-26')).toEqual([])
    })

    test('over 60 weeks, the summer of 2027 comes back marked as summer, with no sitting on a bank holiday', async () => {
      const inSummer = () =>
        db()('sittings as s')
          .join('panels as p', 'p.id', 's.panel_id')
          .whereBetween('s.sitting_on', ['2027-07-22', '2027-09-01'])
          .orderBy(['s.sitting_on', 'p.panel_type'])
          .select('s.id', 's.sitting_on', 'p.panel_type', 's.status', 's.is_summer', 's.origin')
      const before = (await inSummer()) as { id: string; status: string; origin: string }[]
      const removable = before.filter((s) => s.status === 'scheduled' && s.origin === 'weekly')
      for (const s of removable) expect(await agendaOf(db(), s.id)).toEqual([])
      await db()('sittings')
        .whereIn(
          'id',
          removable.map((s) => s.id),
        )
        .delete()

      const result = await build(60).sittings.rollForward()
      expect(result.ran).toBe(true)
      const counts = result.ran ? result.counts : {}
      expect(counts.summer).toBe(removable.length)

      const after = (await inSummer()) as {
        sitting_on: string
        panel_type: string
        status: string
        is_summer: boolean
      }[]
      expect(after).toHaveLength(before.length)
      expect(after.every((s) => s.is_summer)).toBe(true)
      // The summer sitting the admin turned off stays off, and is not made again beside it.
      expect(after.filter((s) => s.status === 'cancelled').map((s) => [s.sitting_on, s.panel_type])).toEqual([
        ['2027-08-11', 'placement'],
      ])

      // Sittings now run to 60 weeks ahead (17 January 2028), but not on Tuesday 28 December 2027, a bank holiday.
      const send = await panelId(db(), 'send_decision')
      const dates = (
        (await db()('sittings')
          .where({ panel_id: send })
          .whereBetween('sitting_on', ['2027-12-01', '2028-01-31'])
          .orderBy('sitting_on')
          .select('sitting_on')) as { sitting_on: string }[]
      ).map((r) => r.sitting_on)
      expect(dates).toEqual(['2027-12-07', '2027-12-14', '2027-12-21', '2028-01-04', '2028-01-11'])
      const duplicates = await db()('sittings')
        .groupBy(['panel_id', 'sitting_on', 'starts_at'])
        .havingRaw('count(*) > 1')
        .select('panel_id')
      expect(duplicates).toEqual([])
    })

    // Regression: only summer sittings really inserted are counted.
    test('counts only the summer sittings it really created', async () => {
      const send = await panelId(db(), 'send_decision')
      const weekly = await sittingOn(db(), 'send_decision', '2027-08-17')
      await db()('sittings').where({ id: weekly }).delete()
      // An extra sitting at the weekly slot's date and time: the weekly one cannot be made again beside it.
      const chair = await as('chair@example.org')
      await post(chair, '/sittings/extra', {
        panelId: send,
        'sittingOn-day': '17',
        'sittingOn-month': '8',
        'sittingOn-year': '2027',
        startsAt: '10:00',
      }).expect(303)
      const result = await build(60).sittings.rollForward()
      expect(result).toEqual({ ran: true, counts: { created: 0, summer: 0, locked: 0 } })
    })

    test('placing cases reports its counts', async () => {
      const result = await build(12).queue.placeCases()
      expect(result).toEqual({
        ran: true,
        counts: {
          waiting: expect.any(Number),
          placed: expect.any(Number),
          atRisk: expect.any(Number),
          unplaced: expect.any(Number),
          added: expect.any(Number),
          moved: expect.any(Number),
          removed: expect.any(Number),
        },
      })
      const counts = result.ran ? result.counts : {}
      const waiting = Number(
        (await db()('cases')
          .whereIn('status', ['submitted', 'scheduled'])
          .count<{ count: number }>({ count: '*' })
          .first())!.count,
      )
      expect(counts.waiting).toBe(waiting)
      expect(counts.placed! + counts.atRisk! + counts.unplaced!).toBe(waiting)
      // Nothing changed since the last run, so nothing moves.
      const again = await build(12).queue.placeCases()
      expect(again).toEqual({ ran: true, counts: { ...counts, added: 0, moved: 0, removed: 0 } })
    })
  })
})

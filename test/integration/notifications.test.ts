import { dataLayer } from '../../src/data'
import { testServices as services } from '../support/services'
import { fixedClock } from '../../src/services/clock'
import { formatLongDate } from '../../src/domain/dates'
import { TEST_TODAY } from '../support/app'
import { post, useDemoApp, userId } from '../support/sittings'
import { formsIn } from '../support/htmlForms'

/**
 * The e-mails the service sends of its own accord: a case put on or moved between sittings (family and
 * caseworker), a case that becomes at risk (caseworker and chair), and papers ready (panel members). On
 * the demo council, today Monday 23 November 2026.
 */

interface OutboxRow {
  to_address: string
  subject: string
  body: string
  event: string
  case_id: string | null
}

const PLACEMENT_EVENTS = ['case_placed', 'case_moved', 'deadline_at_risk', 'papers_ready']
const PORTAL_URL = 'http://localhost:3000/portal'

const { db, as } = useDemoApp()

function outbox(where: Partial<OutboxRow> = {}): Promise<OutboxRow[]> {
  return db()('email_outbox')
    .where(where)
    .orderBy(['event', 'to_address'])
    .select('to_address', 'subject', 'body', 'event', 'case_id')
}

async function clearOutbox(): Promise<void> {
  await db()('email_outbox').delete().returning('id')
}

interface CaseOnSitting {
  caseId: string
  childId: string
  firstName: string
  lastName: string
  caseworkerEmail: string
  sittingId: string
  sittingOn: string
  panelId: string
}

/** A case the scheduler placed on an open sitting still to come, of a panel chair@example.org chairs. */
async function scheduledCase(): Promise<CaseOnSitting> {
  const chair = await userId(db(), 'chair@example.org')
  const row = (await db()('agenda_items as ai')
    .join('cases as c', 'c.id', 'ai.case_id')
    .join('children as ch', 'ch.id', 'c.child_id')
    .join('users as u', 'u.id', 'c.caseworker_id')
    .join('sittings as s', 's.id', 'ai.sitting_id')
    .join('panel_members as m', function () {
      this.on('m.panel_id', 's.panel_id').andOnVal('m.user_id', chair).andOnVal('m.is_chair', true)
    })
    .join('case_queue as q', 'q.case_id', 'c.id')
    .where({
      'c.status': 'scheduled',
      's.status': 'scheduled',
      'ai.placed_by': 'scheduler',
      'q.state': 'placed',
    })
    .whereNull('s.agenda_locked_at')
    .where('s.sitting_on', '>=', '2026-12-01')
    .orderBy([{ column: 's.sitting_on' }, { column: 'c.reference' }])
    .first(
      'c.id as case_id',
      'ch.id as child_id',
      'ch.first_name',
      'ch.last_name',
      'u.email',
      's.id as sitting_id',
      's.sitting_on',
      's.panel_id',
    )) as
    | {
        case_id: string
        child_id: string
        first_name: string
        last_name: string
        email: string
        sitting_id: string
        sitting_on: string
        panel_id: string
      }
    | undefined
  if (!row) throw new Error('No scheduled case on a sitting to come')
  return {
    caseId: row.case_id,
    childId: row.child_id,
    firstName: row.first_name,
    lastName: row.last_name,
    caseworkerEmail: row.email,
    sittingId: row.sitting_id,
    sittingOn: row.sitting_on,
    panelId: row.panel_id,
  }
}

async function sittingOfCase(caseId: string): Promise<{ id: string; sittingOn: string } | undefined> {
  const row = (await db()('agenda_items as ai')
    .join('sittings as s', 's.id', 'ai.sitting_id')
    .where('ai.case_id', caseId)
    .whereNotExists(db()('decisions as d').whereRaw('d.agenda_item_id = ai.id'))
    .first('s.id', 's.sitting_on')) as { id: string; sitting_on: string } | undefined
  return row && { id: row.id, sittingOn: row.sitting_on }
}

test('seeding the demo council e-mails nobody, though it places dozens of cases and flags some at risk', async () => {
  expect(Number(((await db()('agenda_items').count({ n: '*' })) as { n: string }[])[0]!.n)).toBeGreaterThan(
    20,
  )
  expect(await db()('case_queue').where({ state: 'at_risk' }).first('case_id')).toBeDefined()
  expect(await db()('email_outbox').whereIn('event', PLACEMENT_EVENTS).select('id')).toEqual([])
})

describe('a case put on a sitting, then moved', () => {
  let subject: CaseOnSitting
  const parent = 'parent@example.org'

  beforeAll(async () => {
    subject = await scheduledCase()
    // The demo's family accounts belong to children with other cases; give this child one too.
    await db()('family_contacts').insert({
      child_id: subject.childId,
      user_id: await userId(db(), parent),
      full_name: 'Sarah Test',
      relationship: 'parent',
      email: parent,
    })
    // Back to waiting, as if its advice had just arrived: the next run places it.
    await db()('agenda_items').where({ case_id: subject.caseId }).delete().returning('id')
    await db()('cases').where({ id: subject.caseId }).update({ status: 'submitted' }).returning('id')
    await clearOutbox()
  })

  test('placing it e-mails the family and the caseworker, in the same run', async () => {
    const chair = await as('chair@example.org')
    await post(chair, '/queue/run').expect(303).expect('Location', '/queue?ran=yes')
    const placedOn = await sittingOfCase(subject.caseId)
    expect(placedOn).toBeDefined()
    const date = formatLongDate(placedOn!.sittingOn)

    const emails = await outbox({ case_id: subject.caseId })
    expect(emails.map((e) => [e.event, e.to_address])).toEqual(
      [
        ['case_placed', parent],
        ['case_placed', subject.caseworkerEmail],
      ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
    )
    const family = emails.find((e) => e.to_address === parent)!
    expect(family.subject).toBe(`${subject.firstName}'s case will go to the panel on ${date}`)
    expect(family.body).toContain(PORTAL_URL)
    expect(family.body).toContain('send the panel your views in your account')
    expect(family.body).not.toContain(subject.lastName)
    const caseworker = emails.find((e) => e.to_address === subject.caseworkerEmail)!
    expect(caseworker.subject).toMatch(/^Case \S+ is on the panel on /)
    expect(caseworker.body).toContain(`http://localhost:3000/cases/${subject.caseId}`)
    expect(caseworker.body).toContain('We have e-mailed the family')
  })

  test('a chair moving it sends the “moved” e-mails, with both dates', async () => {
    await clearOutbox()
    const from = (await sittingOfCase(subject.caseId))!
    const target = (await db()('sittings as s')
      .where({ 's.panel_id': subject.panelId, 's.status': 'scheduled' })
      .whereNull('s.agenda_locked_at')
      .where('s.sitting_on', '>', from.sittingOn)
      .whereRaw(
        '(select count(*) from agenda_items ai where ai.sitting_id = s.id) < (select capacity from panels p where p.id = s.panel_id)',
      )
      .orderBy('s.sitting_on')
      .first('s.id', 's.sitting_on')) as { id: string; sitting_on: string }
    const chair = await as('chair@example.org')
    await post(chair, `/sittings/${from.id}/items/${subject.caseId}/move`, {
      toSittingId: target.id,
    }).expect(303)

    const emails = await outbox({ case_id: subject.caseId })
    expect(emails.map((e) => e.event)).toEqual(['case_moved', 'case_moved'])
    expect(emails.map((e) => e.to_address).sort()).toEqual([parent, subject.caseworkerEmail].sort())
    const family = emails.find((e) => e.to_address === parent)!
    expect(family.subject).toBe(`A new panel date for ${subject.firstName}'s case`)
    expect(family.body).toContain(
      `It will now go to the panel on ${formatLongDate(target.sitting_on)}, not on ${formatLongDate(from.sittingOn)}.`,
    )
    expect(family.body).toContain(PORTAL_URL)
    const caseworker = emails.find((e) => e.to_address === subject.caseworkerEmail)!
    expect(caseworker.subject).toMatch(/ has moved to /)
    expect(caseworker.body).toContain(`It was on the sitting on ${formatLongDate(from.sittingOn)}.`)
  })

  test('a run that changes nothing e-mails nobody', async () => {
    const chair = await as('chair@example.org')
    // The move freed a place, which this run may fill from a later sitting; the next has nothing to do.
    await post(chair, '/queue/run').expect(303)
    await clearOutbox()
    await post(chair, '/queue/run').expect(303).expect('Location', '/queue?ran=yes')
    expect(await outbox()).toEqual([])
  })

  test('a cancelled sitting sends its cases’ families the “moved” e-mail, from the cancelled date', async () => {
    await clearOutbox()
    const from = (await sittingOfCase(subject.caseId))!
    const chair = await as('chair@example.org')
    await post(chair, `/sittings/${from.id}/cancel`, { reason: 'The chair is ill.' }).expect(303)
    // The demo's other sittings have room: the queue places it again on one of them.
    const now = (await sittingOfCase(subject.caseId))!
    expect(now.id).not.toBe(from.id)
    const family = (await outbox({ case_id: subject.caseId, to_address: parent }))[0]!
    expect(family.event).toBe('case_moved')
    expect(family.body).toContain(
      `It will now go to the panel on ${formatLongDate(now.sittingOn)}, not on ${formatLongDate(from.sittingOn)}.`,
    )
  })

  test('saving the case’s papers again, changing nothing, e-mails nobody (issue 14 point 2)', async () => {
    // Each papers save re-runs the queue for the case at once; with nothing changed, nothing moves.
    const caseworker = (await as(subject.caseworkerEmail)).agent
    // The first save may change the case (the seeded papers date is not one the evidence form gives
    // back); the saves after it, with the same answers, must change and send nothing.
    const save = async () => {
      const page = await caseworker.get(`/cases/${subject.caseId}/evidence`).expect(200)
      const form = formsIn(page.text).find((f) => f.action === `/cases/${subject.caseId}/evidence`)!
      const res = await caseworker.post(form.action).type('form').send(form.fields).expect(303)
      expect(res.headers.location).toContain(`/cases/${subject.caseId}?changed=evidence`)
    }
    await save()
    const before = await sittingOfCase(subject.caseId)
    const row = () =>
      db()('cases').where({ id: subject.caseId }).first('papers_complete_on', 'no_advice_needed_on', 'status')
    const stored = await row()
    await clearOutbox()
    await save()
    await save()
    expect(await row()).toEqual(stored)
    expect(await sittingOfCase(subject.caseId)).toEqual(before)
    expect(await outbox()).toEqual([])
  })
})

describe('a case that becomes at risk', () => {
  test('its caseworker and the chair are told once, not on every run', async () => {
    const chairEmail = 'chair@example.org'
    // On a sitting whose agenda is still open: one already past its cut-off keeps its cases whatever happens.
    const row = (await db()('case_queue as q')
      .join('cases as c', 'c.id', 'q.case_id')
      .join('users as u', 'u.id', 'c.caseworker_id')
      .join('sittings as s', 's.id', 'q.sitting_id')
      .where({ 'q.state': 'placed', 'c.kind': 'assessment_request' })
      .where('s.sitting_on', '>=', '2026-12-01')
      .whereNotNull('c.next_deadline_step')
      .orderBy('c.reference')
      .first('c.id', 'c.reference', 'u.email')) as { id: string; reference: string; email: string }
    // Its deadline has passed (a date corrected by the caseworker, say): no sitting can now meet it.
    await db()('cases').where({ id: row.id }).update({ next_deadline_on: '2026-11-20' }).returning('id')
    await clearOutbox()
    const queue = services(dataLayer(db()), fixedClock(TEST_TODAY)).queue

    await expect(queue.placeCases()).resolves.toMatchObject({ ran: true })
    expect((await db()('case_queue').where({ case_id: row.id }).first('state')) as { state: string }).toEqual(
      { state: 'at_risk' },
    )
    const first = await outbox({ event: 'deadline_at_risk' })
    const forCase = first.filter((e) => e.case_id === row.id)
    expect(forCase.map((e) => e.to_address).sort()).toEqual([chairEmail, row.email].sort())
    for (const email of forCase) {
      expect(email.subject).toBe(`Case ${row.reference} is at risk of missing its deadline`)
      expect(email.body).toContain('by Friday 20 November 2026')
      expect(email.body).toContain('The due date has passed.')
    }
    expect(forCase.find((e) => e.to_address === row.email)!.body).toContain(
      `http://localhost:3000/cases/${row.id}`,
    )
    expect(forCase.find((e) => e.to_address === chairEmail)!.body).toContain('http://localhost:3000/queue')

    await expect(queue.placeCases()).resolves.toMatchObject({ ran: true })
    expect(await outbox({ event: 'deadline_at_risk' })).toEqual(first)
  })
})

describe('the papers-ready job', () => {
  /** Five working days from Monday 23 November 2026. */
  const HORIZON = '2026-11-30'

  test('e-mails the members of each sitting within five working days once, marks it, and leaves later ones', async () => {
    await clearOutbox()
    const notifications = services(dataLayer(db()), fixedClock(TEST_TODAY), {
      sittingHorizonWeeks: 12,
      papersReadyWorkingDays: 5,
    }).notifications
    const sittings = (await db()('sittings as s')
      .join('panels as p', 'p.id', 's.panel_id')
      .where('s.status', 'scheduled')
      .whereBetween('s.sitting_on', [TEST_TODAY, '2026-12-31'])
      .whereExists(db()('agenda_items as ai').whereRaw('ai.sitting_id = s.id'))
      .orderBy('s.sitting_on')
      .select('s.id', 's.panel_id', 's.sitting_on', 'p.name')) as {
      id: string
      panel_id: string
      sitting_on: string
      name: string
    }[]
    const soon = sittings.filter((s) => s.sitting_on <= HORIZON)
    const later = sittings.filter((s) => s.sitting_on > HORIZON)
    expect(soon.length).toBeGreaterThanOrEqual(1)
    expect(later.length).toBeGreaterThanOrEqual(1)

    const result = await notifications.tellMembersPapersReady()
    expect(result).toMatchObject({ ran: true, counts: { sittings: soon.length } })

    const emails = await outbox({ event: 'papers_ready' })
    let expected = 0
    for (const s of soon) {
      const members = (
        (await db()('panel_members as m')
          .join('users as u', 'u.id', 'm.user_id')
          .where('m.panel_id', s.panel_id)
          .whereNull('u.disabled_at')
          .select('u.email')) as { email: string }[]
      ).map((m) => m.email)
      const subject = `Papers ready: ${s.name} on ${formatLongDate(s.sitting_on)}`
      const sent = emails.filter((e) => e.subject === subject)
      expect(sent.map((e) => e.to_address).sort()).toEqual([...members].sort())
      expected += members.length
      const children = (await db()('agenda_items as ai')
        .join('cases as c', 'c.id', 'ai.case_id')
        .join('children as ch', 'ch.id', 'c.child_id')
        .where('ai.sitting_id', s.id)
        .select('ch.first_name')) as { first_name: string }[]
      for (const e of sent) {
        expect(e.body).toContain(`http://localhost:3000/sittings/${s.id}`)
        for (const { first_name } of children) expect(e.body).not.toMatch(new RegExp(`\\b${first_name}\\b`))
      }
      const marked = (await db()('sittings').where({ id: s.id }).first('papers_ready_notified_at')) as {
        papers_ready_notified_at: Date | null
      }
      expect(marked.papers_ready_notified_at).toBeInstanceOf(Date)
    }
    expect(emails).toHaveLength(expected)
    expect(emails.map((e) => e.to_address)).toContain('member@example.org')
    for (const s of later) {
      const row = (await db()('sittings').where({ id: s.id }).first('papers_ready_notified_at')) as {
        papers_ready_notified_at: Date | null
      }
      expect(row.papers_ready_notified_at).toBeNull()
    }

    // The next morning's run (or a second instance) has nothing left to tell.
    await expect(notifications.tellMembersPapersReady()).resolves.toEqual({
      ran: true,
      counts: { sittings: 0, emails: 0 },
    })
    expect(await outbox({ event: 'papers_ready' })).toHaveLength(expected)
  })
})

import { hashPassword } from '../../src/services/passwords'
import { DEMO_PASSWORD, signedInAgent } from '../support/app'
import { pdfText } from '../support/pdf'
import { sittingOn, useDemoApp } from '../support/sittings'

/**
 * A chair writes up the SEND panel's sitting of Tuesday 17 November 2026 (today being Monday 23
 * November): the demo leaves Freya's assessment request, Mohammed's plan decision and Kian's phase
 * transfer on it with no decision. The tests share one app and run in order, like the meeting does.
 */

const { t, db, as } = useDemoApp()
const CHAIR = 'chair@example.org'
const MEMBER = 'member@example.org'

let sittingId: string
const cases: Record<'freya' | 'mohammed' | 'kian', string> = { freya: '', mohammed: '', kian: '' }
const surnames: Record<keyof typeof cases, string> = { freya: '', mohammed: '', kian: '' }
let seats: { id: string; full_name: string; agency: string }[]

beforeAll(async () => {
  sittingId = await sittingOn(db(), 'send_decision', '2026-11-17')
  const items = (await db()('agenda_items as ai')
    .join('cases as c', 'c.id', 'ai.case_id')
    .join('children as ch', 'ch.id', 'c.child_id')
    .where('ai.sitting_id', sittingId)
    .select('c.id', 'ch.first_name', 'ch.last_name')) as {
    id: string
    first_name: string
    last_name: string
  }[]
  for (const item of items) {
    cases[item.first_name.toLowerCase() as keyof typeof cases] = item.id
    surnames[item.first_name.toLowerCase() as keyof typeof cases] = item.last_name
  }
  seats = (await db()('panel_members as pm')
    .join('sittings as s', 's.panel_id', 'pm.panel_id')
    .where('s.id', sittingId)
    .select('pm.id', 'pm.full_name', 'pm.agency')) as typeof seats
})

async function post(email: string, path: string, form: Record<string, string | number>) {
  const { agent, token } = await as(email)
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: token, ...form })
}

async function recordVersion(): Promise<number> {
  const row = (await db()('sittings').where({ id: sittingId }).first('record_version')) as {
    record_version: number
  }
  return row.record_version
}

/** Everyone present except those named, who sent apologies. */
async function attendance(apologies: string[] = []) {
  const form: Record<string, string | number> = { version: await recordVersion() }
  for (const seat of seats)
    form[`attendance-${seat.id}`] = apologies.includes(seat.full_name) ? 'apologies' : 'present'
  return form
}

const freyaDecision = {
  version: 0,
  familyAttended: 'no',
  withoutFamilyReason: 'Her mother sent her views in writing, which the panel read.',
  outcome: 'refuse_to_assess',
  reasons:
    'Freya is making good progress with the help her school gives her.\nHer school has not yet tried the support the advice suggests.',
  matchesPreference: 'no',
  disagreementExplanation: 'You asked us to assess Freya. We think her school can meet her needs for now.',
  notes: 'Kian’s school was mentioned as an example of good practice.',
}

const decisionPath = (caseId: string) => `/sittings/${sittingId}/items/${caseId}/decision`

describe('running the meeting', () => {
  test('the chair and members see the meeting; only the chair is offered the forms', async () => {
    const chair = await (await as(CHAIR)).agent.get(`/sittings/${sittingId}/meeting`).expect(200)
    expect(chair.text).toContain('Record attendance and guests')
    expect(chair.text).toContain('Record the decision')
    const member = await (await as(MEMBER)).agent.get(`/sittings/${sittingId}/meeting`).expect(200)
    expect(member.text).not.toContain('Record the decision')
    expect(member.text).not.toContain('Record attendance and guests')
  })

  test('a member cannot record attendance or a decision, or open the forms', async () => {
    const { agent } = await as(MEMBER)
    await agent.get(`/sittings/${sittingId}/attendance`).expect(403)
    await agent.get(decisionPath(cases.freya)).expect(403)
    await post(MEMBER, `/sittings/${sittingId}/attendance`, await attendance()).then((r) =>
      expect(r.status).toBe(403),
    )
    await post(MEMBER, decisionPath(cases.freya), freyaDecision).then((r) => expect(r.status).toBe(403))
    expect(await db()('decisions').where({ case_id: cases.freya })).toHaveLength(0)
  })

  test('a caseworker cannot reach the sitting at all', async () => {
    const { agent } = await as('caseworker@example.org')
    await agent.get(`/sittings/${sittingId}/meeting`).expect(403)
  })

  test('no decision is recorded before the chair records who is present', async () => {
    const res = await post(CHAIR, decisionPath(cases.freya), freyaDecision)
    expect(res.status).toBe(400)
    expect(res.text).toContain('Record who is present before recording a decision')
    expect(await db()('decisions').where({ case_id: cases.freya })).toHaveLength(0)
  })

  test('attendance needs an answer for every member, and says whose is missing', async () => {
    const form = await attendance()
    delete form[`attendance-${seats[0]!.id}`]
    const res = await post(CHAIR, `/sittings/${sittingId}/attendance`, form)
    expect(res.status).toBe(400)
    expect(res.text).toContain(`Select whether ${seats[0]!.full_name} was present`)
    expect(res.text).toContain('govuk-error-summary')
  })

  test('the quorum updates as attendance is marked, before it is saved', async () => {
    const { agent, token } = await as(CHAIR)
    const health = seats.find((s) => s.agency === 'health')!
    const form = await attendance([health.full_name])
    const res = await agent
      .post(`/sittings/${sittingId}/attendance/quorum`)
      .set('HX-Request', 'true')
      .type('form')
      .send({ _csrf: token, ...form })
      .expect(200)
    expect(res.text).toContain('Not quorate')
    expect(res.text).toContain('one more member from health')
    expect(res.text).not.toContain('<html')
  })

  test('an inquorate panel records a decision only with the reason it must decide now', async () => {
    const health = seats.find((s) => s.agency === 'health')!
    await post(CHAIR, `/sittings/${sittingId}/attendance`, await attendance([health.full_name])).then((r) =>
      expect(r.status).toBe(303),
    )
    const refused = await post(CHAIR, decisionPath(cases.freya), freyaDecision)
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('The panel is not quorate')
    expect(await db()('decisions').where({ case_id: cases.freya })).toHaveLength(0)
  })

  test('a stale attendance form is refused', async () => {
    const form = { ...(await attendance()), version: (await recordVersion()) - 1 }
    const res = await post(CHAIR, `/sittings/${sittingId}/attendance`, form)
    expect(res.status).toBe(409)
    expect(res.text).toContain('Someone else changed this record after you opened it')
  })

  test('with everyone present the attendance is saved, with its audit row', async () => {
    const res = await post(CHAIR, `/sittings/${sittingId}/attendance`, await attendance())
    expect(res.status).toBe(303)
    const rows = await db()('sitting_attendance').where({ sitting_id: sittingId })
    expect(rows).toHaveLength(seats.length)
    expect(rows.every((r: { attendance: string }) => r.attendance === 'present')).toBe(true)
    const audits = await db()('audit_events').where({ action: 'attendance_recorded', entity_id: sittingId })
    expect(audits.length).toBeGreaterThanOrEqual(2)
  })

  test('a guest is added with their role; a guest without a role is refused', async () => {
    const refused = await post(CHAIR, `/sittings/${sittingId}/guests`, { name: 'Sam Ortiz', role: '' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Enter the guest’s role')
    await post(CHAIR, `/sittings/${sittingId}/guests`, {
      name: 'Sam Ortiz',
      role: 'Caseworker presenting',
    }).then((r) => expect(r.status).toBe(303))
    expect(await db()('sitting_guests').where({ sitting_id: sittingId })).toHaveLength(1)
  })

  test('a declaration of interest is recorded against the item', async () => {
    const member = seats.find((s) => s.agency === 'parent_carer_forum')!
    const refused = await post(CHAIR, `/sittings/${sittingId}/items/${cases.kian}/declarations`, {
      panelMemberId: member.id,
      nature: '',
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Enter the nature of the interest')
    const res = await post(CHAIR, `/sittings/${sittingId}/items/${cases.kian}/declarations`, {
      panelMemberId: member.id,
      nature: 'Knows the family through a local support group',
      leftDiscussion: 'yes',
    })
    expect(res.status).toBe(303)
    const page = await (await as(CHAIR)).agent.get(decisionPath(cases.kian)).expect(200)
    expect(page.text).toContain('Knows the family through a local support group')
    expect(page.text).toContain('Left the discussion')
  })

  test('a decision without a reason is refused, with the message by the field', async () => {
    const res = await post(CHAIR, decisionPath(cases.freya), { ...freyaDecision, reasons: '  \n ' })
    expect(res.status).toBe(400)
    expect(res.text).toContain('Enter at least one reason for the decision, in plain words')
    expect(res.text).toContain('href="#reasons"')
    expect(await db()('decisions').where({ case_id: cases.freya })).toHaveLength(0)
  })

  test('a decision that differs from the family’s preference is refused without an explanation', async () => {
    const res = await post(CHAIR, decisionPath(cases.freya), {
      ...freyaDecision,
      disagreementExplanation: '',
    })
    expect(res.status).toBe(400)
    expect(res.text).toContain('Explain, in words the family can follow, why the decision differs')
    // What the chair typed is kept.
    expect(res.text).toContain('Freya is making good progress')
  })

  test('the decision is recorded: the case is decided and which way it went, with an audit row', async () => {
    const res = await post(CHAIR, decisionPath(cases.freya), freyaDecision)
    expect(res.status).toBe(303)
    const [decision] = await db()('decisions').where({ case_id: cases.freya })
    expect(decision).toMatchObject({ outcome: 'refuse_to_assess', matches_preference: false, version: 1 })
    expect(decision.reasons.split('\n')).toHaveLength(2)
    const c = await db()('cases')
      .where({ id: cases.freya })
      .first('status', 'assessment_decision', 'assessment_decided_on')
    // The 6-week step is to tell the family (reg 5(3)): the panel deciding does not meet it.
    expect(c).toEqual({ status: 'decided', assessment_decision: 'refuse', assessment_decided_on: null })
    const audits = await db()('audit_events').where({ action: 'decision_recorded', entity_id: cases.freya })
    expect(audits).toHaveLength(1)
    expect(audits[0].details).toMatchObject({ decisionId: decision.id, outcome: 'refuse_to_assess' })
  })

  test('the step is met on the day the letter tells the family, and a correction does not move it', async () => {
    const [decision] = await db()('decisions').where({ case_id: cases.freya })
    const caseworker = await db()('cases as c')
      .join('users as u', 'u.id', 'c.caseworker_id')
      .where('c.id', cases.freya)
      .first('u.email')
    const { agent, token } = await as(caseworker.email)
    const issue = (form: Record<string, string | number>) =>
      agent
        .post(`/cases/${cases.freya}/letters`)
        .type('form')
        .send({ _csrf: token, decisionId: decision.id, format: 'standard', ...form })
    expect((await issue({ issuedCount: 0 })).status).toBe(303)
    const told = await db()('cases').where({ id: cases.freya }).first('assessment_decided_on')
    expect(told.assessment_decided_on).toBe('2026-11-23')
    const [issued] = await db()('audit_events').where({ action: 'letter_issued', entity_id: cases.freya })
    expect(issued.details).toMatchObject({ stepsMet: 'assessmentDecidedOn' })
    await db()('cases').where({ id: cases.freya }).update({ assessment_decided_on: '2026-11-20' })
    expect((await issue({ issuedCount: 1, correctionReason: 'A typing slip in the reasons.' })).status).toBe(
      303,
    )
    const still = await db()('cases').where({ id: cases.freya }).first('assessment_decided_on')
    expect(still.assessment_decided_on).toBe('2026-11-20')
  })

  test('the same form submitted twice records one decision', async () => {
    const res = await post(CHAIR, decisionPath(cases.freya), freyaDecision)
    expect(res.status).toBe(303)
    const decisions = await db()('decisions').where({ case_id: cases.freya })
    expect(decisions).toHaveLength(1)
    expect(decisions[0].version).toBe(1)
    const audits = await db()('audit_events')
      .whereIn('action', ['decision_recorded', 'decision_changed'])
      .where('entity_id', cases.freya)
    expect(audits).toHaveLength(1)
  })

  test('a save against a stale version is refused, showing the decision as saved', async () => {
    const res = await post(CHAIR, decisionPath(cases.freya), {
      ...freyaDecision,
      outcome: 'agree_to_assess',
      matchesPreference: 'yes',
      reasons: 'We need to know more about how Freya learns.',
    })
    expect(res.status).toBe(409)
    expect(res.text).toContain('saved a decision for this item after you opened it')
    expect(res.text).toContain('Her school has not yet tried the support the advice suggests.')
    // The chair's own words are still in the form, against the version now stored.
    expect(res.text).toContain('We need to know more about how Freya learns.')
    expect(res.text).toContain('name="version" value="1"')
    const [decision] = await db()('decisions').where({ case_id: cases.freya })
    expect(decision).toMatchObject({ outcome: 'refuse_to_assess', version: 1 })
  })

  test('a deferral needs its action, owner and date, and sends the case to a sitting after that date', async () => {
    const deferral = {
      version: 0,
      familyAttended: 'yes',
      familyAttendees: 'Mr Hussain (father)',
      interpreter: 'independent',
      outcome: 'defer',
      reasons: 'We do not have the health advice yet.',
      matchesPreference: 'no',
      disagreementExplanation: 'You asked for a decision now. We need the health advice first.',
    }
    const refused = await post(CHAIR, decisionPath(cases.mohammed), deferral)
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Enter what is needed before the panel decides')
    expect(refused.text).toContain('Enter who will do it')
    const complete = {
      ...deferral,
      deferralAction: 'Ask the community paediatrician for the health advice',
      deferralOwner: 'Caseworker',
      'deferralDueOn-day': '10',
      'deferralDueOn-month': '12',
      'deferralDueOn-year': '2026',
    }
    // Mohammed's deadline is 30 November: no sitting after 10 December can meet it. The chair is warned,
    // naming the deadline, before anything is saved; a warning to confirm, not a refusal.
    const warned = await post(CHAIR, decisionPath(cases.mohammed), complete)
    expect(warned.status).toBe(200)
    expect(warned.text).toContain('govuk-warning-text')
    expect(warned.text).toContain(
      'The first sitting that could hear this case after Thursday 10 December 2026 is on',
    )
    expect(warned.text).toContain('its statutory deadline of Monday 30 November 2026')
    expect(warned.text).toContain('name="lateDeferralAcceptedFor" type="checkbox" value="2026-12-10"')
    expect(warned.text).not.toContain('govuk-error-summary')
    expect(warned.text).toContain('Ask the community paediatrician for the health advice')
    expect(await db()('decisions').where({ case_id: cases.mohammed })).toHaveLength(0)
    const res = await post(CHAIR, decisionPath(cases.mohammed), {
      ...complete,
      lateDeferralAcceptedFor: '2026-12-10',
    })
    expect(res.status).toBe(303)
    // A deferral decides nothing, so what the chair said of the preference is not kept as an answer.
    const stored = await db()('decisions').where({ case_id: cases.mohammed }).first()
    expect(stored).toMatchObject({
      outcome: 'defer',
      matches_preference: null,
      disagreement_explanation: null,
    })
    const c = await db()('cases').where({ id: cases.mohammed }).first('status', 'papers_complete_on')
    expect(c.papers_complete_on).toBe('2026-12-10')
    const next = (await db()('agenda_items as ai')
      .join('sittings as s', 's.id', 'ai.sitting_id')
      .where('ai.case_id', cases.mohammed)
      .whereNot('ai.sitting_id', sittingId)
      .pluck('s.sitting_on')) as string[]
    // Queued again: either placed on a sitting after the date, or waiting with a reason.
    if (next.length > 0) {
      expect(c.status).toBe('scheduled')
      expect(next.every((on) => on > '2026-12-10')).toBe(true)
    } else {
      expect(c.status).toBe('submitted')
    }
  })

  test('a member who declared an interest and left does not count for that item’s quorum', async () => {
    const health = seats.filter((s) => s.agency === 'health')
    expect(health.length).toBeGreaterThan(0)
    for (const member of health) {
      const declared = await post(CHAIR, `/sittings/${sittingId}/items/${cases.mohammed}/declarations`, {
        panelMemberId: member.id,
        nature: 'Works with the family at the child development centre',
        leftDiscussion: 'yes',
      })
      expect(declared.status).toBe(303)
    }
    const page = await (await as(CHAIR)).agent.get(decisionPath(cases.mohammed)).expect(200)
    expect(page.text).toContain('do not count towards the quorum for this item')
    expect(page.text).toContain('Not quorate')
    // Nobody who left may record a dissent on the item they left.
    expect(page.text).not.toContain(`name="dissent-${health[0]!.id}"`)
    const stored = await db()('decisions').where({ case_id: cases.mohammed }).first('version')
    const change = {
      version: stored.version,
      familyAttended: 'yes',
      familyAttendees: 'Mr Hussain (father)',
      interpreter: 'independent',
      outcome: 'defer',
      reasons: 'We do not have the health advice yet.',
      deferralAction: 'Ask the community paediatrician for the health advice',
      deferralOwner: 'Caseworker',
      'deferralDueOn-day': '11',
      'deferralDueOn-month': '12',
      'deferralDueOn-year': '2026',
    }
    const refused = await post(CHAIR, decisionPath(cases.mohammed), {
      ...change,
      [`dissent-${health[0]!.id}`]: 'I would have decided now.',
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('not quorate for this item')
    expect(refused.text).toContain('Only a member who took part in this item can record a dissenting view')
    const inquorate = {
      ...change,
      inquorateReason:
        'The family asked for a decision before the holiday, and the health advice can follow.',
    }
    // A new date is a new question: the 10 December the chair accepted does not cover the 11th.
    const warned = await post(CHAIR, decisionPath(cases.mohammed), {
      ...inquorate,
      lateDeferralAcceptedFor: '2026-12-10',
    })
    expect(warned.status).toBe(200)
    expect(warned.text).toContain('after Friday 11 December 2026')
    const saved = await post(CHAIR, decisionPath(cases.mohammed), {
      ...inquorate,
      lateDeferralAcceptedFor: '2026-12-11',
    })
    expect(saved.status).toBe(303)
    const minutes = await (await as(CHAIR)).agent.get(`/sittings/${sittingId}/minutes`).expect(200)
    expect(minutes.text).toContain('so did not count towards the quorum for this item')
    expect(minutes.text).toContain('The panel was not quorate for this item')
  })

  test('words too hard for a family are saved only when the chair says they go as written', async () => {
    const officialese =
      'The panel considered that the provision currently in place at the school is not sufficient to meet the needs identified in the reports and the views that the family sent to the panel in writing.'
    const current = async () =>
      (await db()('decisions').where({ case_id: cases.mohammed }).first()) as {
        version: number
        reasons: string
        inquorate_reason: string | null
        deferral_action: string
        deferral_owner: string
      }
    const before = await current()
    const form = {
      familyAttended: 'yes',
      familyAttendees: 'Mr Hussain (father)',
      interpreter: 'independent',
      outcome: 'defer',
      reasons: officialese,
      deferralAction: before.deferral_action,
      deferralOwner: before.deferral_owner,
      'deferralDueOn-day': '11',
      'deferralDueOn-month': '12',
      'deferralDueOn-year': '2026',
      inquorateReason: before.inquorate_reason ?? '',
    }
    const refused = await post(CHAIR, decisionPath(cases.mohammed), { ...form, version: before.version })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('The reasons may be hard for the family to read. It has a reading ease of')
    expect(refused.text).toContain('a sentence of 35 words')
    expect(refused.text).toContain('Send these words to the family as written')
    expect((await current()).reasons).toBe(before.reasons)
    const saved = await post(CHAIR, decisionPath(cases.mohammed), {
      ...form,
      version: before.version,
      sendAsWritten: 'yes',
    })
    expect(saved.status).toBe(303)
    expect((await current()).reasons).toBe(officialese)
    const changes = await db()('audit_events').where({
      action: 'decision_changed',
      entity_id: cases.mohammed,
    })
    expect(changes.some((a: { details: { sentAsWritten?: boolean } }) => a.details.sentAsWritten)).toBe(true)
    // Put the plain reasons back for the rest of the meeting.
    const restored = await post(CHAIR, decisionPath(cases.mohammed), {
      ...form,
      reasons: before.reasons,
      version: (await current()).version,
    })
    expect(restored.status).toBe(303)
  })

  test('the minutes cannot be approved while an item has no decision', async () => {
    const res = await post(CHAIR, `/sittings/${sittingId}/minutes/approve`, {
      recordVersion: await recordVersion(),
    })
    expect(res.status).toBe(409)
    expect(res.text).toContain('Record the decision for Kian')
    expect(await db()('minutes').where({ sitting_id: sittingId })).toHaveLength(0)
  })

  test('a phase-transfer review can be deferred like the others, with no answer about the preference', async () => {
    const res = await post(CHAIR, decisionPath(cases.kian), {
      version: 0,
      familyAttended: 'no',
      withoutFamilyReason: 'Kian and his parents chose to send their views in writing.',
      outcome: 'defer',
      reasons: 'We need the new school to say it can meet his needs.',
      deferralAction: 'Ask Longmoor High School if it can meet Kian’s needs',
      deferralOwner: 'Your caseworker',
      'deferralDueOn-day': '4',
      'deferralDueOn-month': '12',
      'deferralDueOn-year': '2026',
      // His deadline (12 November) has passed: the chair confirms the deferral all the same.
      lateDeferralAcceptedFor: '2026-12-04',
    })
    expect(res.status).toBe(303)
    const stored = await db()('decisions').where({ case_id: cases.kian }).first()
    expect(stored).toMatchObject({ outcome: 'defer', matches_preference: null, named_setting: null })
    // Back in the queue: waiting, or already placed on a sitting after the deferral's date.
    const c = await db()('cases').where({ id: cases.kian }).first('status', 'review_decision')
    expect(c.review_decision).toBeNull()
    expect(['submitted', 'scheduled']).toContain(c.status)
  })

  test('the chair approves the minutes, which then close the record', async () => {
    const kianVersion =
      (
        (await db()('decisions').where({ case_id: cases.kian }).first('version')) as
          { version: number } | undefined
      )?.version ?? 0
    await post(CHAIR, decisionPath(cases.kian), {
      version: kianVersion,
      familyAttended: 'no',
      withoutFamilyReason: 'Kian and his parents chose to send their views in writing.',
      outcome: 'amend',
      reasons: 'Kian moves to secondary school next September.\nThe plan will name Longmoor High School.',
      matchesPreference: 'yes',
      namedSetting: 'Longmoor High School',
      namedSettingType: 'mainstream',
      [`dissent-${seats.find((s) => s.agency === 'health')!.id}`]: 'Would have liked a health review first.',
    }).then((r) => expect(r.status).toBe(303))
    const page = await (await as(CHAIR)).agent.get(`/sittings/${sittingId}/minutes`).expect(200)
    expect(page.text).toContain('Draft')
    const res = await post(CHAIR, `/sittings/${sittingId}/minutes/approve`, {
      recordVersion: await recordVersion(),
    })
    expect(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(res.text)?.[1] ?? '').toBe('')
    expect(res.status).toBe(303)
    const [minutes] = await db()('minutes').where({ sitting_id: sittingId })
    expect(minutes).toMatchObject({ version: 1, status: 'approved' })
    expect((await db()('sittings').where({ id: sittingId }).first('status')).status).toBe('held')
    const closed = await post(CHAIR, decisionPath(cases.freya), {
      ...freyaDecision,
      version: 1,
      notes: 'Changed',
    })
    expect(closed.status).toBe(409)
    expect(closed.text).toContain('The minutes are approved, so the record is closed')
  })

  test('the minutes PDF reads back every item and its reasons', async () => {
    const { agent } = await as(MEMBER)
    const res = await agent
      .get(`/sittings/${sittingId}/minutes/versions/1.pdf`)
      .responseType('blob')
      .expect(200)
    expect(res.headers['content-type']).toContain('application/pdf')
    const text = pdfText(res.body as Buffer)
    for (const phrase of [
      'Freya',
      'Mohammed',
      'Kian',
      'Her school has not yet tried the support the advice suggests.',
      'Would have liked a health review first.',
      'Knows the family through a local support group',
    ])
      expect(text).toContain(phrase)
  })

  test('a per-child extract names that child only', async () => {
    const { agent } = await as(CHAIR)
    const res = await agent
      .get(`/sittings/${sittingId}/minutes/extracts/${cases.freya}.pdf`)
      .responseType('blob')
      .expect(200)
    const text = pdfText(res.body as Buffer)
    expect(text).toContain('Freya')
    expect(text).toContain('Her school has not yet tried the support the advice suggests.')
    for (const other of ['Mohammed', 'Kian', surnames.mohammed, surnames.kian])
      expect(text).not.toContain(other)
    expect(text).toContain('another child')
  })

  test('the child’s caseworker can have the extract; another caseworker cannot', async () => {
    const owner = (await db()('cases as c')
      .join('users as u', 'u.id', 'c.caseworker_id')
      .where('c.id', cases.freya)
      .first('u.email')) as { email: string }
    const other = (await db()('users')
      .where({ role: 'caseworker' })
      .whereNot({ email: owner.email })
      .first('email')) as {
      email: string
    }
    expect(owner.email).toBeDefined()
    const mine = await (
      await as(owner.email)
    ).agent
      .get(`/cases/${cases.freya}/minutes-extract.pdf`)
      .responseType('blob')
    expect(mine.status).toBe(200)
    expect(pdfText(mine.body as Buffer)).toContain('Freya')
    const theirs = await (await as(other.email)).agent.get(`/cases/${cases.freya}/minutes-extract.pdf`)
    expect(theirs.status).toBe(404)
  })

  test('a family sees its own child’s extract and no other', async () => {
    const childId = (
      (await db()('cases').where({ id: cases.freya }).first('child_id')) as { child_id: string }
    ).child_id
    const [user] = (await db()('users')
      .insert({
        email: 'freya.parent@example.org',
        full_name: 'Freya’s parent',
        role: 'family',
        password_hash: await hashPassword(DEMO_PASSWORD),
      })
      .returning('id')) as { id: string }[]
    await db()('family_contacts').insert({
      child_id: childId,
      user_id: user!.id,
      full_name: 'Freya’s parent',
      relationship: 'parent',
    })
    const family = await signedInAgent(t().app, 'freya.parent@example.org')
    const own = await family
      .get(`/portal/cases/${cases.freya}/minutes-extract.pdf`)
      .responseType('blob')
      .expect(200)
    const text = pdfText(own.body as Buffer)
    expect(text).toContain('Freya')
    expect(text).not.toContain('Kian')
    await family.get(`/portal/cases/${cases.kian}/minutes-extract.pdf`).expect(404)
    const otherFamily = await as('parent@example.org')
    await otherFamily.agent.get(`/portal/cases/${cases.freya}/minutes-extract.pdf`).expect(404)
    // Staff routes stay closed to families.
    await family.get(`/sittings/${sittingId}/minutes/extracts/${cases.freya}.pdf`).expect(403)
  })

  test('a correction needs a reason, opens a new version, and the approved one stays as it was', async () => {
    const refused = await post(CHAIR, `/sittings/${sittingId}/minutes/correct`, { reason: ' ' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Enter why the minutes need correcting')
    await post(CHAIR, `/sittings/${sittingId}/minutes/correct`, {
      reason: 'The second reason for item 1 was recorded wrongly.',
    }).then((r) => expect(r.status).toBe(303))
    await post(CHAIR, decisionPath(cases.freya), {
      ...freyaDecision,
      version: 1,
      reasons:
        'Freya is making good progress with the help her school gives her.\nHer school will try the extra reading support first.',
    }).then((r) => expect(r.status).toBe(303))
    await post(CHAIR, `/sittings/${sittingId}/minutes/approve`, {
      recordVersion: await recordVersion(),
    }).then((r) => expect(r.status).toBe(303))
    const versions = await db()('minutes').where({ sitting_id: sittingId }).orderBy('version')
    expect(versions.map((m: { version: number; status: string }) => [m.version, m.status])).toEqual([
      [1, 'approved'],
      [2, 'approved'],
    ])
    const { agent } = await as(CHAIR)
    const v1 = pdfText(
      (await agent.get(`/sittings/${sittingId}/minutes/versions/1.pdf`).responseType('blob')).body as Buffer,
    )
    const v2 = pdfText(
      (await agent.get(`/sittings/${sittingId}/minutes/versions/2.pdf`).responseType('blob')).body as Buffer,
    )
    expect(v1).toContain('Her school has not yet tried the support the advice suggests.')
    expect(v2).toContain('Her school will try the extra reading support first.')
    expect(v2).toContain('The second reason for item 1 was recorded wrongly.')
    expect(
      await db()('audit_events').where({ action: 'minutes_approved', entity_id: sittingId }),
    ).toHaveLength(2)
  })

  test('the plain-language help points at long sentences and the council’s jargon', async () => {
    const { agent, token } = await as(CHAIR)
    const res = await agent
      .post(`/sittings/${sittingId}/readability?field=reasons`)
      .set('HX-Request', 'true')
      .type('form')
      .send({
        _csrf: token,
        reasons:
          'The panel considered that the provision currently in place at the school is sufficient to meet the needs identified in the reports and in the views that the family sent to the panel.',
      })
      .expect(200)
    expect(res.text).toContain('id="reasons-readability"')
    expect(res.text).toContain('try “support”')
    expect(res.text).toContain('Split this sentence')
    expect(res.text).toContain('Could be plainer')
  })
})

describe('a placement that does not name the family’s school', () => {
  let placementSitting: string
  let evie: string

  beforeAll(async () => {
    placementSitting = await sittingOn(db(), 'placement', '2026-11-18')
    const item = (await db()('agenda_items as ai')
      .join('cases as c', 'c.id', 'ai.case_id')
      .join('children as ch', 'ch.id', 'c.child_id')
      .where({ 'ai.sitting_id': placementSitting, 'ch.first_name': 'Evie' })
      .first('ai.id', 'c.id as case_id')) as { id: string; case_id: string }
    evie = item.case_id
    // As if the panel had met but its decision on Evie were still to be written up.
    await db()('decisions').where({ agenda_item_id: item.id }).delete()
    await db()('cases').where({ id: evie }).update({ status: 'scheduled' })
    const members = (await db()('panel_members as pm')
      .join('sittings as s', 's.panel_id', 'pm.panel_id')
      .where('s.id', placementSitting)
      .pluck('pm.id')) as string[]
    const version = (
      (await db()('sittings').where({ id: placementSitting }).first('record_version')) as {
        record_version: number
      }
    ).record_version
    const form: Record<string, string | number> = { version }
    for (const id of members) form[`attendance-${id}`] = 'present'
    await post(CHAIR, `/sittings/${placementSitting}/attendance`, form).then((r) =>
      expect(r.status).toBe(303),
    )
  })

  const differs = {
    version: 0,
    familyAttended: 'no',
    withoutFamilyReason: 'Evie’s parents sent their views in writing.',
    outcome: 'name_different_setting',
    reasons: 'Riverside Special School can meet all of Evie’s needs.',
    matchesPreference: 'no',
    disagreementExplanation: 'Brookfield Vale cannot give Evie the physiotherapy she needs each day.',
  }
  const path = () => `/sittings/${placementSitting}/items/${evie}/decision`

  test('it is refused without the lawful ground', async () => {
    const res = await post(CHAIR, path(), differs)
    expect(res.status).toBe(400)
    expect(res.text).toContain(
      'Select the ground the law allows for not naming the family’s preferred school',
    )
    expect(res.text).toContain('href="#disagreementGround"')
  })

  test('the section 33 ground is refused when the family did not ask for mainstream', async () => {
    const res = await post(CHAIR, path(), {
      ...differs,
      disagreementGround: 'mainstream_incompatible_no_reasonable_steps',
    })
    expect(res.status).toBe(400)
    expect(res.text).toContain('Select the ground the law allows')
  })

  test('it is refused without an explanation, even with a ground', async () => {
    const res = await post(CHAIR, path(), {
      ...differs,
      disagreementGround: 'unsuitable_for_child',
      disagreementExplanation: '',
    })
    expect(res.status).toBe(400)
    expect(res.text).toContain('Explain, in words the family can follow')
  })

  test('it is refused without the setting it names, and that setting must not be the one asked for', async () => {
    const res = await post(CHAIR, path(), { ...differs, disagreementGround: 'unsuitable_for_child' })
    expect(res.status).toBe(400)
    expect(res.text).toContain('Enter the name of the school or setting the plan will name')
    expect(res.text).toContain('Select the kind of school or setting')
    const preferred = (await db()('cases').where({ id: evie }).first('preferred_setting')).preferred_setting
    const same = await post(CHAIR, path(), {
      ...differs,
      disagreementGround: 'unsuitable_for_child',
      namedSetting: preferred,
      namedSettingType: 'mainstream',
    })
    expect(same.status).toBe(400)
    expect(same.text).toContain('This is the school the family asked for')
  })

  test('with the setting, its ground and explanation it is recorded', async () => {
    const res = await post(CHAIR, path(), {
      ...differs,
      disagreementGround: 'unsuitable_for_child',
      namedSetting: 'Riverside Special School',
      namedSettingType: 'special',
    })
    expect(res.status).toBe(303)
    const decision = await db()('decisions').where({ case_id: evie }).orderBy('created_at', 'desc').first()
    expect(decision).toMatchObject({
      outcome: 'name_different_setting',
      matches_preference: false,
      disagreement_ground: 'unsuitable_for_child',
      named_setting: 'Riverside Special School',
      named_setting_type: 'special',
    })
    const minutes = await (await as(CHAIR)).agent.get(`/sittings/${placementSitting}/minutes`).expect(200)
    expect(minutes.text).toContain('Riverside Special School (special school)')
  })
})

describe('where the extract is offered', () => {
  test('the case page links the caseworker to the extract once the minutes are approved', async () => {
    const owner = (await db()('cases as c')
      .join('users as u', 'u.id', 'c.caseworker_id')
      .where('c.id', cases.freya)
      .first('u.email')) as { email: string }
    const page = await (await as(owner.email)).agent.get(`/cases/${cases.freya}`).expect(200)
    expect(page.text).toContain(`/cases/${cases.freya}/minutes-extract.pdf`)
    expect(page.text).toContain('Panel decision recorded: Do not carry out an assessment')
    expect(page.text).toContain('Panel decision changed: Do not carry out an assessment')
    const mohammed = await (await as('manager@example.org')).agent.get(`/cases/${cases.mohammed}`).expect(200)
    expect(mohammed.text).toContain(`/cases/${cases.mohammed}/minutes-extract.pdf`)
  })

  test('the family’s page links to their own child’s extract', async () => {
    const family = await signedInAgent(t().app, 'freya.parent@example.org')
    const page = await family.get(`/portal/cases/${cases.freya}`).expect(200)
    expect(page.text).toContain(`/portal/cases/${cases.freya}/minutes-extract.pdf`)
    const other = await (await as('parent@example.org')).agent.get('/portal').expect(200)
    expect(other.text).not.toContain(cases.freya)
  })
})

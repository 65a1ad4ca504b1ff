import { createTestApp, csrfTokenIn, signedInAgent, TEST_TODAY, type TestApp } from '../support/app'
import { formsIn } from '../support/htmlForms'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const userId = async (email: string): Promise<string> =>
  (await t.database.db('users').where({ email }).first('id')).id

async function caseOfKind(kind: string): Promise<{ id: string; version: number; caseworker_id: string }> {
  return t.database.db('cases').where({ kind }).orderBy('reference').first('id', 'version', 'caseworker_id')
}

async function openCasePage(caseId: string) {
  const agent = await signedInAgent(t.app, 'caseworker@example.org')
  const page = await agent.get(`/cases/${caseId}`).expect(200)
  return { agent, token: csrfTokenIn(page.text), page }
}

describe('changing the named caseworker', () => {
  test('is saved with an audit event, shown on the timeline, and moves the version on', async () => {
    const c = await caseOfKind('annual_review')
    const to = (
      await t.database.db('users').where({ role: 'caseworker' }).whereNot('id', c.caseworker_id).first('id')
    ).id
    const { agent, token } = await openCasePage(c.id)
    await agent
      .post(`/cases/${c.id}/caseworker`)
      .type('form')
      .send({ _csrf: token, caseworkerId: to, version: c.version })
      .expect(303)
    const page = await agent.get(`/cases/${c.id}?changed=caseworker`).expect(200)
    expect(page.text).toContain('The named caseworker is now')
    expect(page.text).toMatch(/Named caseworker changed from .+ to .+/)
    const after = await t.database.db('cases').where({ id: c.id }).first('caseworker_id', 'version')
    expect(after).toEqual({ caseworker_id: to, version: c.version + 1 })
    const events = await t.database
      .db('audit_events')
      .where({ entity_id: c.id, action: 'caseworker_changed' })
    expect(events).toHaveLength(1)
  })

  test('a form read before someone else changed the case is refused, showing the case as it is now', async () => {
    const c = await caseOfKind('placement')
    const { agent, token } = await openCasePage(c.id)
    const first = await userId('caseworker2@example.org')
    const second = await userId('caseworker3@example.org')
    await agent
      .post(`/cases/${c.id}/caseworker`)
      .type('form')
      .send({ _csrf: token, caseworkerId: first, version: c.version })
    const res = await agent
      .post(`/cases/${c.id}/caseworker`)
      .type('form')
      .send({ _csrf: token, caseworkerId: second, version: c.version })
      .expect(409)
    expect(res.text).toContain('Someone else changed this case after you opened it')
    expect((await t.database.db('cases').where({ id: c.id }).first('caseworker_id')).caseworker_id).toBe(
      c.caseworker_id === first ? c.caseworker_id : first,
    )
  })

  test('someone who is not a caseworker cannot be named, and a manager cannot change it', async () => {
    const c = await caseOfKind('issue_plan')
    const { agent, token } = await openCasePage(c.id)
    const res = await agent
      .post(`/cases/${c.id}/caseworker`)
      .type('form')
      .send({ _csrf: token, caseworkerId: await userId('chair@example.org'), version: c.version })
      .expect(400)
    expect(res.text).toContain('Select the named caseworker from the list')
    const manager = await signedInAgent(t.app, 'manager@example.org')
    const managerPage = await manager.get(`/cases/${c.id}`).expect(200)
    expect(managerPage.text).not.toContain('Change caseworker')
    await manager
      .post(`/cases/${c.id}/caseworker`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(managerPage.text),
        caseworkerId: await userId('caseworker@example.org'),
        version: c.version,
      })
      .expect(403)
  })
})

describe('recording an exception to a time limit', () => {
  test('is saved, shown on the case and against its deadline, with an audit event', async () => {
    const c = await caseOfKind('assessment_request')
    const { agent } = await openCasePage(c.id)
    const form = await agent.get(`/cases/${c.id}/exceptions/new`).expect(200)
    const res = await agent
      .post(`/cases/${c.id}/exceptions`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(form.text),
        version: c.version,
        step: 'decide_whether_to_assess',
        reasonCode: 'exceptional_personal_circumstances',
        'startsOn-day': '1',
        'startsOn-month': '10',
        'startsOn-year': '2026',
        explanation:
          'The family was caring for a seriously ill relative and could not meet the psychologist.',
      })
      .expect(303)
    expect(res.headers.location).toBe(`/cases/${c.id}?changed=exception#exceptions`)
    const page = await agent.get(`/cases/${c.id}`).expect(200)
    expect(page.text).toContain('Exceptional personal circumstances of the child or family')
    expect(page.text).toContain('could not meet the psychologist')
    expect(page.text).toContain('An exception applies')
    expect(
      await t.database.db('audit_events').where({ entity_id: c.id, action: 'exception_recorded' }),
    ).toHaveLength(1)
  })

  test('one the regulations do not allow is refused, with each problem by its field', async () => {
    const c = await caseOfKind('assessment_request')
    const { agent } = await openCasePage(c.id)
    const form = await agent.get(`/cases/${c.id}/exceptions/new`).expect(200)
    const res = await agent
      .post(`/cases/${c.id}/exceptions`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(form.text),
        version: c.version,
        step: 'issue_final_plan',
        reasonCode: 'school_closure',
        'startsOn-day': '19',
        'startsOn-month': '12',
        'startsOn-year': '2026',
        'endsOn-day': '5',
        'endsOn-month': '1',
        'endsOn-year': '2027',
        explanation: '',
      })
      .expect(400)
    expect(res.text).toContain('The school must be closed for 4 weeks or more')
    expect(res.text).toContain('Enter the date we asked the school for advice')
    expect(res.text).toContain('Explain why the time limit cannot be met')
    expect(res.text).toContain('href="#endsOn-day"')
    expect(res.text).toContain('value="19"')
  })

  test('a placement case has no time limits that allow exceptions', async () => {
    const c = await caseOfKind('placement')
    const { agent } = await openCasePage(c.id)
    const form = await agent.get(`/cases/${c.id}/exceptions/new`).expect(200)
    expect(form.text).toContain('allow exceptions only to the 6-, 16- and 20-week limits')
    const res = await agent
      .post(`/cases/${c.id}/exceptions`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(form.text),
        version: c.version,
        step: 'issue_final_plan',
        reasonCode: 'away_from_area',
      })
      .expect(400)
    expect(res.text).toContain('Select the step the exception is for')
  })
})

describe('updating the evidence', () => {
  test('saving a demo case’s evidence form unchanged keeps its papers date and its place', async () => {
    const caseworker = await userId('caseworker@example.org')
    const complete = await t.database
      .db('cases')
      .where({ caseworker_id: caseworker })
      .whereNotNull('papers_complete_on')
      .whereIn('status', ['submitted', 'scheduled'])
      .orderBy('reference')
      .select('id', 'papers_complete_on')
    expect(complete.length).toBeGreaterThan(0)
    const { agent } = await openCasePage(complete[0]!.id)
    for (const c of complete) {
      const itemsBefore = await t.database.db('agenda_items').where({ case_id: c.id }).pluck('sitting_id')
      const page = await agent.get(`/cases/${c.id}/evidence`).expect(200)
      const form = formsIn(page.text).find((f) => f.action.endsWith(`/cases/${c.id}/evidence`))!
      await agent.post(form.action).type('form').send(form.fields).expect(303)
      const after = await t.database.db('cases').where({ id: c.id }).first('papers_complete_on')
      expect(after.papers_complete_on).toBe(c.papers_complete_on)
      expect(await t.database.db('agenda_items').where({ case_id: c.id }).pluck('sitting_id')).toEqual(
        itemsBefore,
      )
    }
  })

  test('the form shows what is stored; saving records advice received, completes the papers and is audited', async () => {
    const c = await caseOfKind('alternative_provision')
    await t.database.db('case_evidence').where({ case_id: c.id }).delete()
    await t.database
      .db('case_evidence')
      .insert({ case_id: c.id, source: 'school', requested_on: '2026-10-01' })
    const { agent } = await openCasePage(c.id)
    const form = await agent.get(`/cases/${c.id}/evidence`).expect(200)
    expect(form.text).toContain('name="evidenceSchoolRequested-day" type="text"')
    expect(form.text).toMatch(/id="evidenceSchoolRequested-month"[^>]*value="10"/)
    const res = await agent
      .post(`/cases/${c.id}/evidence`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(form.text),
        version: c.version,
        'evidenceSchoolRequested-day': '1',
        'evidenceSchoolRequested-month': '10',
        'evidenceSchoolRequested-year': '2026',
        'evidenceSchoolReceived-day': '20',
        'evidenceSchoolReceived-month': '10',
        'evidenceSchoolReceived-year': '2026',
      })
      .expect(303)
    expect(res.headers.location).toBe(`/cases/${c.id}?changed=evidence#evidence`)
    const page = await agent.get(`/cases/${c.id}?changed=evidence`).expect(200)
    expect(page.text).toContain('The papers are complete')
    expect(page.text).toContain('The papers were complete on 20 October 2026')
    const stored = await t.database.db('cases').where({ id: c.id }).first('papers_complete_on', 'version')
    expect(stored).toEqual({ papers_complete_on: '2026-10-20', version: c.version + 1 })
    expect(
      await t.database.db('audit_events').where({ entity_id: c.id, action: 'evidence_updated' }),
    ).toHaveLength(1)
    expect(page.text).toContain('Evidence updated')
  })

  test('advice received before it was asked for, or in the future, is refused and nothing is saved', async () => {
    const c = await caseOfKind('alternative_provision')
    const { agent } = await openCasePage(c.id)
    const fresh = await t.database.db('cases').where({ id: c.id }).first('version')
    const form = await agent.get(`/cases/${c.id}/evidence`).expect(200)
    const res = await agent
      .post(`/cases/${c.id}/evidence`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(form.text),
        version: fresh.version,
        'evidenceHealthRequested-day': '10',
        'evidenceHealthRequested-month': '10',
        'evidenceHealthRequested-year': '2026',
        'evidenceHealthReceived-day': '1',
        'evidenceHealthReceived-month': '10',
        'evidenceHealthReceived-year': '2026',
        'evidenceEpRequested-day': '1',
        'evidenceEpRequested-month': '1',
        'evidenceEpRequested-year': '2027',
      })
      .expect(400)
    expect(res.text).toContain(
      'Date health advice was received must be on or after the date it was asked for',
    )
    expect(res.text).toContain(
      'Date educational psychology advice was asked for must be today or in the past',
    )
    expect((await t.database.db('cases').where({ id: c.id }).first('version')).version).toBe(fresh.version)
  })

  test('with no advice asked for, a caseworker can say none is needed: the papers are complete, it is audited and the queue places the case', async () => {
    const db = t.database.db
    const c = await db('cases')
      .where({ kind: 'assessment_request' })
      .whereIn('status', ['submitted', 'scheduled'])
      .whereNull('assessment_decided_on')
      .orderBy('reference')
      .first('id')
    // Taken back to a case just submitted with nothing asked for.
    await db('agenda_items').where({ case_id: c.id }).delete()
    await db('case_evidence').where({ case_id: c.id }).delete()
    await db('cases').where({ id: c.id }).update({ papers_complete_on: null, status: 'submitted' })
    const { agent } = await openCasePage(c.id)
    const before = await agent.get(`/cases/${c.id}`).expect(200)
    expect(before.text).toContain('if none is needed, say so under Update evidence')
    const form = await agent.get(`/cases/${c.id}/evidence`).expect(200)
    expect(form.text).toContain('No advice is needed: the papers are complete as they are')
    const version = (await db('cases').where({ id: c.id }).first('version')).version as number

    // Ticked beside advice asked for, it is refused by the box, and what was typed is kept.
    const refused = await agent
      .post(`/cases/${c.id}/evidence`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(form.text),
        version,
        noAdviceNeeded: 'yes',
        'evidenceHealthRequested-day': '2',
        'evidenceHealthRequested-month': '11',
        'evidenceHealthRequested-year': '2026',
      })
      .expect(400)
    expect(refused.text).toContain('href="#noAdviceNeeded"')
    expect(refused.text).toContain('Clear the dates of the advice asked for, or untick ‘No advice is needed’')
    expect(refused.text).toMatch(/id="evidenceHealthRequested-month"[^>]*value="11"/)

    await agent
      .post(`/cases/${c.id}/evidence`)
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), version, noAdviceNeeded: 'yes' })
      .expect(303)
    expect(await db('cases').where({ id: c.id }).first('papers_complete_on', 'no_advice_needed_on')).toEqual({
      papers_complete_on: TEST_TODAY,
      no_advice_needed_on: TEST_TODAY,
    })
    expect(
      await db('audit_events').where({ entity_id: c.id, action: 'papers_complete_no_advice_needed' }),
    ).toHaveLength(1)
    // Placed at once, without anyone pressing "Place cases".
    expect(await db('agenda_items').where({ case_id: c.id })).toHaveLength(1)
    const page = await agent.get(`/cases/${c.id}`).expect(200)
    expect(page.text).toContain('No advice is needed: the papers were complete on 23 November 2026.')
    const again = await agent.get(`/cases/${c.id}/evidence`).expect(200)
    expect(again.text).toMatch(/id="noAdviceNeeded"[^>]*checked/)

    // Unticked, the papers wait again, and that too is audited.
    await agent
      .post(`/cases/${c.id}/evidence`)
      .type('form')
      .send({ _csrf: csrfTokenIn(again.text), version: /name="version" value="(\d+)"/.exec(again.text)![1] })
      .expect(303)
    expect(await db('cases').where({ id: c.id }).first('papers_complete_on')).toEqual({
      papers_complete_on: null,
    })
    expect(
      await db('audit_events').where({ entity_id: c.id, action: 'no_advice_needed_withdrawn' }),
    ).toHaveLength(1)
  })

  test('a stale form is refused', async () => {
    const c = await caseOfKind('alternative_provision')
    const { agent, token } = await openCasePage(c.id)
    const res = await agent
      .post(`/cases/${c.id}/evidence`)
      .type('form')
      .send({ _csrf: token, version: 1 })
      .expect(409)
    expect(res.text).toContain('Someone else changed this case')
  })
})

describe('recording the statutory steps done', () => {
  async function openAssessmentCase() {
    return t.database
      .db('cases')
      .where({ kind: 'assessment_request' })
      .whereNull('assessment_decided_on')
      .orderBy('reference')
      .first('id', 'version', 'received_on')
  }

  test('a decision to assess is recorded: its deadline is met and the next one becomes the case’s next deadline', async () => {
    const c = await openAssessmentCase()
    const { agent } = await openCasePage(c.id)
    const form = await agent.get(`/cases/${c.id}/steps`).expect(200)
    await agent
      .post(`/cases/${c.id}/steps`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(form.text),
        version: c.version,
        'assessmentDecided-day': '20',
        'assessmentDecided-month': '11',
        'assessmentDecided-year': '2026',
        assessmentDecision: 'agree',
      })
      .expect(303)
    const stored = await t.database.db('cases').where({ id: c.id }).first()
    expect(stored.assessment_decided_on).toBe('2026-11-20')
    expect(stored.assessment_decision).toBe('agree')
    expect(stored.next_deadline_step).toBe('notify_plan_not_issued')
    const page = await agent.get(`/cases/${c.id}`).expect(200)
    expect(page.text).toContain('Done on 20 November 2026')
    expect(page.text).toContain('Statutory steps recorded')
    expect(
      await t.database.db('audit_events').where({ entity_id: c.id, action: 'milestones_updated' }),
    ).toHaveLength(1)
  })

  test.each([
    [{ assessmentDecision: 'agree' }, 'Enter the date of the decision whether to assess'],
    [
      { 'assessmentDecided-day': '1', 'assessmentDecided-month': '11', 'assessmentDecided-year': '2026' },
      'Select which way the decision whether to assess went',
    ],
    [
      { 'finalPlanIssued-day': '1', 'finalPlanIssued-month': '1', 'finalPlanIssued-year': '2027' },
      'Date the final plan was issued must be today or in the past',
    ],
  ])('%j is refused: %s', async (fields, message) => {
    const c = await openAssessmentCase()
    const { agent } = await openCasePage(c.id)
    const form = await agent.get(`/cases/${c.id}/steps`).expect(200)
    const res = await agent
      .post(`/cases/${c.id}/steps`)
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), version: c.version, ...fields })
      .expect(400)
    expect(res.text).toContain(message)
  })

  test('a review that keeps the plan as it is leaves no amended plan due', async () => {
    const c = await t.database
      .db('cases')
      .where({ kind: 'annual_review' })
      .orderBy('reference')
      .first('id', 'version', 'review_meeting_on')
    const [year, month, day] = (c.review_meeting_on as string).split('-')
    const { agent } = await openCasePage(c.id)
    const form = await agent.get(`/cases/${c.id}/steps`).expect(200)
    await agent
      .post(`/cases/${c.id}/steps`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(form.text),
        version: c.version,
        'reviewMeeting-day': day,
        'reviewMeeting-month': month,
        'reviewMeeting-year': year,
        'reviewNotice-day': '23',
        'reviewNotice-month': '11',
        'reviewNotice-year': '2026',
        reviewDecision: 'maintain',
      })
      .expect(303)
    const page = await agent.get(`/cases/${c.id}`).expect(200)
    expect(page.text).not.toContain('Issue the amended EHC plan')
  })
})

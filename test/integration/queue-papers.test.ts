import { formatDate } from '../../src/domain/dates'
import { TEST_TODAY } from '../support/app'
import { openSittings, post, useDemoApp } from '../support/sittings'

/**
 * Issue 14, point 3 ("never stale"): a caseworker can say no advice is needed, which completes the
 * papers and places the case at once; and a case whose advice is still awaited is flagged at risk,
 * "papers late: chase …", once the last sitting that could meet its deadline closes for papers soon.
 * Both through the caseworker's evidence form, with nobody pressing "Place cases". Today 23 November.
 */

const { db, as } = useDemoApp()
const CASEWORKER = 'caseworker@example.org'
const CHAIR = 'chair@example.org'
const MANAGER = 'manager@example.org'

/** A waiting assessment request taken back to "just submitted, nothing asked for, on no agenda". */
async function freshAssessmentRequest(deadline?: string): Promise<{ id: string; reference: string }> {
  const c = (await db()('cases')
    .where({ kind: 'assessment_request' })
    .whereIn('status', ['submitted', 'scheduled'])
    .whereNull('assessment_decided_on')
    .whereNotExists(db()('decisions as d').whereRaw('d.case_id = cases.id'))
    .orderBy('reference', 'desc')
    .first('id', 'reference')) as { id: string; reference: string }
  await db()('agenda_items').where({ case_id: c.id }).delete()
  await db()('case_evidence').where({ case_id: c.id }).delete()
  await db()('case_queue').where({ case_id: c.id }).delete()
  await db()('cases')
    .where({ id: c.id })
    .update({
      papers_complete_on: null,
      no_advice_needed_on: null,
      status: 'submitted',
      ...(deadline ? { next_deadline_on: deadline } : {}),
    })
  return c
}

async function version(caseId: string): Promise<number> {
  return ((await db()('cases').where({ id: caseId }).first('version')) as { version: number }).version
}

/** The coming sittings that take cases of this kind, with their papers cut-offs. */
async function sittingsFor(kind: string) {
  const panelIds = (await db()('panel_case_kinds').where({ case_kind: kind }).pluck('panel_id')) as string[]
  const ids = new Set(
    (await db()('sittings')
      .whereIn('panel_id', panelIds)
      .where('status', 'scheduled')
      .pluck('id')) as string[],
  )
  return (await openSittings(db(), TEST_TODAY)).filter((s) => ids.has(s.id) && s.sittingOn > TEST_TODAY)
}

describe('papers and the queue, with nobody pressing "Place cases"', () => {
  test('with no advice asked for, "no advice is needed" completes the papers and the case is on an agenda at once', async () => {
    const c = await freshAssessmentRequest()
    const caseworker = await as(CASEWORKER)
    const res = await post(caseworker, `/cases/${c.id}/evidence`, {
      version: String(await version(c.id)),
      noAdviceNeeded: 'yes',
    })
    expect(res.status).toBe(303)
    const stored = await db()('cases').where({ id: c.id }).first('papers_complete_on', 'status')
    expect(stored).toEqual({ papers_complete_on: TEST_TODAY, status: 'scheduled' })
    const placed = (await db()('agenda_items as ai')
      .join('sittings as s', 's.id', 'ai.sitting_id')
      .where('ai.case_id', c.id)
      .select('s.id', 's.sitting_on')) as { id: string; sitting_on: string }[]
    expect(placed).toHaveLength(1)
    expect(placed[0]!.sitting_on > TEST_TODAY).toBe(true)
    // Its flag agrees, the chair's agenda shows it, and the queue no longer lists it as waiting.
    expect(await db()('case_queue').where({ case_id: c.id }).first('state', 'sitting_id')).toEqual({
      state: 'placed',
      sitting_id: placed[0]!.id,
    })
    const agenda = await (await as(CHAIR)).agent.get(`/sittings/${placed[0]!.id}`).expect(200)
    expect(agenda.text).toContain(c.reference)
    const queue = await (await as(MANAGER)).agent.get('/queue').expect(200)
    expect(queue.text).not.toContain(c.reference)
  })

  test('advice still awaited as the last sitting before the deadline closes for papers: at risk, "papers late: chase …"', async () => {
    const coming = await sittingsFor('assessment_request')
    // The deadline falls on the first coming sitting, so that sitting is the last that could meet it,
    // and its papers close within days.
    const last = coming[0]!
    const deadline = last.sittingOn
    const neededBy = coming
      .filter((s) => s.sittingOn <= deadline)
      .map((s) => s.cutoffOn)
      .reduce((a, b) => (a > b ? a : b))
    const c = await freshAssessmentRequest(deadline)
    const caseworker = await as(CASEWORKER)
    const res = await post(caseworker, `/cases/${c.id}/evidence`, {
      version: String(await version(c.id)),
      'evidenceHealthRequested-day': '2',
      'evidenceHealthRequested-month': '11',
      'evidenceHealthRequested-year': '2026',
    })
    expect(res.status).toBe(303)
    expect(await db()('cases').where({ id: c.id }).first('papers_complete_on')).toEqual({
      papers_complete_on: null,
    })
    expect(await db()('case_queue').where({ case_id: c.id }).first('state', 'reason')).toEqual({
      state: 'at_risk',
      reason: 'papers_due',
    })
    const queue = await (await as(MANAGER)).agent.get('/queue').expect(200)
    const atRisk = queue.text.slice(queue.text.indexOf('id="at-risk"'), queue.text.indexOf('id="waiting"'))
    expect(atRisk).toContain(c.reference)
    const row = atRisk.slice(atRisk.indexOf(c.reference))
    expect(row.slice(0, row.indexOf('</tr>'))).toContain(
      `Papers late: chase the advice still awaited. The papers must be complete by ${formatDate(neededBy)} for the last sitting before the deadline.`,
    )
    // The caseworker and the chairs are told once, by e-mail, to chase it.
    const told = (await db()('email_outbox')
      .where({ case_id: c.id, event: 'deadline_at_risk' })
      .pluck('body')) as string[]
    expect(told.length).toBeGreaterThan(0)
    for (const body of told) expect(body).toContain('Chase it now.')
  })
})

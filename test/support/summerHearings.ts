import crypto from 'node:crypto'
import type { Db } from '../../src/data/db'

/**
 * Three cases heard at the SEND panel's last summer sitting of 2026: a request to assess due that very day
 * (the September sitting would have been late), one deferred, and a placement decided then withdrawn.
 */
export async function hearCasesInSummer(db: Db): Promise<{ summerOn: string; septemberOn: string }> {
  const panel = (await db('panels').where({ panel_type: 'send_decision' }).first('id')) as { id: string }
  const summer = (await db('sittings')
    .where({ panel_id: panel.id, is_summer: true })
    .whereNot('status', 'cancelled')
    .whereBetween('sitting_on', ['2026-07-23', '2026-09-02'])
    .orderBy('sitting_on', 'desc')
    .first('id', 'sitting_on')) as { id: string; sitting_on: string }
  // The first sitting of the autumn term, which began on 3 September 2026 in the demo's term dates.
  const september = (await db('sittings')
    .where({ panel_id: panel.id, is_summer: false })
    .whereNot('status', 'cancelled')
    .where('sitting_on', '>=', '2026-09-03')
    .orderBy('sitting_on')
    .first('sitting_on')) as { sitting_on: string }
  const caseworker = (await db('users').where({ email: 'caseworker@example.org' }).first('id')) as {
    id: string
  }
  const chair = (await db('users').where({ email: 'chair@example.org' }).first('id')) as { id: string }
  const child = crypto.randomUUID()
  await db('children').insert({
    id: child,
    first_name: 'Summer',
    last_name: 'Test',
    date_of_birth: '2016-05-01',
  })
  const received = db.raw('?::date - 42', [summer.sitting_on])
  const cases = [
    {
      ref: 'NS-SUMMER-1',
      kind: 'assessment_request',
      status: 'decided',
      outcome: 'agree_to_assess',
      matches: true,
    },
    { ref: 'NS-SUMMER-2', kind: 'assessment_request', status: 'scheduled', outcome: 'defer', matches: null },
    { ref: 'NS-SUMMER-3', kind: 'placement', status: 'withdrawn', outcome: 'name_preference', matches: true },
  ]
  for (const [i, c] of cases.entries()) {
    const caseId = crypto.randomUUID()
    const itemId = crypto.randomUUID()
    await db('cases').insert({
      id: caseId,
      reference: c.ref,
      child_id: child,
      kind: c.kind,
      status: c.status,
      received_on: received,
      caseworker_id: caseworker.id,
      preferred_setting: c.kind === 'placement' ? 'Oak School' : null,
      // An ended case records the day it ended (issue 17).
      ...(c.status === 'withdrawn'
        ? { ended_on: '2026-09-10', ended_reason: 'family_withdrew', status_before_end: 'decided' }
        : {}),
    })
    await db('agenda_items').insert({ id: itemId, sitting_id: summer.id, case_id: caseId, position: 100 + i })
    await db('decisions').insert({
      agenda_item_id: itemId,
      case_id: caseId,
      outcome: c.outcome,
      reasons: 'Reasons.',
      matches_preference: c.matches,
      deferral_action: c.outcome === 'defer' ? 'Get the school’s advice' : null,
      deferral_owner: c.outcome === 'defer' ? 'Caseworker' : null,
      deferral_due_on: c.outcome === 'defer' ? '2026-10-01' : null,
      decided_on: summer.sitting_on,
      recorded_by: chair.id,
    })
  }
  return { summerOn: summer.sitting_on, septemberOn: september.sitting_on }
}

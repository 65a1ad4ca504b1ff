import type { Knex } from 'knex'
import { londonToday } from '../src/domain/dates'

/*
 * Issue 17: a case records the day it ended (closed or withdrawn), why, and the state it was in, so that
 * retention counts from that day rather than from the last edit, and a mistaken ending can be undone.
 * Cases already ended (only demo data could end one before now) take the day they last changed, as the
 * retention job did until now: that is the day they ended or later, so none becomes due sooner.
 */
const REASONS = [
  'family_withdrew',
  'moved_away',
  'opened_in_error',
  'decision_carried_out',
  'plan_ceased',
  'other',
]

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.date('ended_on')
    t.text('ended_reason')
    t.text('ended_note')
    t.text('status_before_end')
  })
  const ended: { id: string; updated_at: Date }[] = await knex('cases')
    .whereIn('status', ['closed', 'withdrawn'])
    .select('id', 'updated_at')
  for (const c of ended) {
    await knex('cases')
      .where({ id: c.id })
      .update({ ended_on: londonToday(new Date(c.updated_at)) })
  }
  await knex.schema.alterTable('cases', (t) => {
    t.check("(status in ('closed', 'withdrawn')) = (ended_on is not null)", [], 'cases_ended_on_check')
    t.check(
      `ended_reason is null or ended_reason in (${REASONS.map((r) => `'${r}'`).join(', ')})`,
      [],
      'cases_ended_reason_check',
    )
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropChecks(['cases_ended_on_check', 'cases_ended_reason_check'])
    t.dropColumn('ended_on')
    t.dropColumn('ended_reason')
    t.dropColumn('ended_note')
    t.dropColumn('status_before_end')
  })
}

import type { Knex } from 'knex'

const BEFORE = [
  'awaiting_papers',
  'no_panel',
  'no_sitting',
  'papers_late',
  'no_capacity',
  'deadline_passed',
  'placed_after_deadline',
]
// Issue 14: papers still awaited when the last sitting that could meet the deadline closes soon.
const AFTER = [...BEFORE, 'papers_due']

function checkOf(reasons: readonly string[]): string {
  return `reason is null or reason in (${reasons.map((r) => `'${r}'`).join(', ')})`
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table case_queue drop constraint case_queue_reason_check')
  await knex.raw(`alter table case_queue add constraint case_queue_reason_check check (${checkOf(AFTER)})`)
  // The last cut-off that could meet the deadline, for papers still awaited: the queue says when to chase by.
  await knex.schema.alterTable('case_queue', (t) => {
    t.date('papers_needed_by')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('case_queue', (t) => {
    t.dropColumn('papers_needed_by')
  })
  await knex('case_queue').where('reason', 'papers_due').update({ reason: 'awaiting_papers' })
  await knex.raw('alter table case_queue drop constraint case_queue_reason_check')
  await knex.raw(`alter table case_queue add constraint case_queue_reason_check check (${checkOf(BEFORE)})`)
}

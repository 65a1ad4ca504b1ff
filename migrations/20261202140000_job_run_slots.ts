import type { Knex } from 'knex'

// Issue 14: two instances firing the same job in the same minute both "succeeded". A scheduled run now
// claims its slot (the minute cron fired it for); the second instance to claim it is recorded as skipped.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('job_runs', (t) => {
    // Null for a run on demand, which has no slot to share.
    t.timestamp('scheduled_for', { useTz: true })
    // Pruning after 90 days goes by this alone.
    t.index(['started_at'], 'job_runs_started_at_index')
  })
  await knex.raw(
    "create unique index job_runs_one_run_per_slot on job_runs (job_name, scheduled_for) where scheduled_for is not null and outcome <> 'skipped'",
  )
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index job_runs_one_run_per_slot')
  await knex.schema.alterTable('job_runs', (t) => {
    t.dropIndex(['started_at'], 'job_runs_started_at_index')
    t.dropColumn('scheduled_for')
  })
}

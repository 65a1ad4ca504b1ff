import type { Knex } from 'knex'

// Issue 14: the nightly run moved cases with nobody told. Each full run of the queue (nightly, or a
// chair's "place cases now") keeps what it moved and why, so the queue page can show it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('queue_runs', (t) => {
    t.bigIncrements('id')
    t.timestamp('ran_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    // Null for the nightly job.
    t.uuid('run_by').references('users.id')
    // The moves as the chair is told them (ExplainedMove[]).
    t.jsonb('moves').notNullable().defaultTo('[]')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('queue_runs')
}

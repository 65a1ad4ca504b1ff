import type { Knex } from 'knex'

/*
 * Issue 17 point 4: what the retention job removed, without the personal data it removed. A run records
 * when it ran and the setting it used; each removed case leaves only its kind, its status, the year it
 * closed and how many rows of each sort went with it, which is also the anonymous count that reports use
 * for cases no longer held.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('retention_runs', (t) => {
    t.bigIncrements('id')
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('finished_at', { useTz: true })
    t.date('run_on').notNullable()
    t.integer('years_after_25').notNullable()
    t.integer('cases_removed').notNullable().defaultTo(0)
    t.integer('cases_failed').notNullable().defaultTo(0)
    t.uuid('run_by').references('users.id').onDelete('SET NULL')
  })

  await knex.schema.createTable('retention_removals', (t) => {
    t.bigIncrements('id')
    t.bigInteger('run_id').notNullable().references('retention_runs.id').onDelete('CASCADE')
    t.timestamp('removed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.text('case_kind').notNullable()
    t.text('case_status').notNullable()
    t.smallint('closed_year').notNullable()
    t.boolean('child_removed').notNullable()
    // Numbers only, by sort of row: letters, views, emails, agenda items, audit rows anonymised.
    t.jsonb('counts').notNullable().defaultTo('{}')
    t.index(['closed_year', 'case_kind'])
    t.index(['run_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('retention_removals')
  await knex.schema.dropTable('retention_runs')
}

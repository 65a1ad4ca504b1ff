import type { Knex } from 'knex'

// Issue 14: an assessment request with no advice asked for could never be placed. A caseworker can now
// say no advice is needed; the papers are complete from that day.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.date('no_advice_needed_on')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropColumn('no_advice_needed_on')
  })
}

import type { Knex } from 'knex'

/**
 * A deferral decides nothing, so it neither matches nor differs from what the family asked: its
 * "matches the preference" is empty, where it had been saved as yes and printed in the minutes so.
 * Letters with no right of appeal point the family to the council's complaints route instead.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('decisions', (t) => {
    t.boolean('matches_preference').nullable().alter()
  })
  await knex('decisions').where({ outcome: 'defer' }).update({ matches_preference: null })
  await knex.schema.alterTable('decisions', (t) => {
    t.check("(outcome = 'defer') = (matches_preference IS NULL)", [], 'decisions_preference_answered_check')
  })
  await knex.schema.alterTable('letter_settings', (t) => {
    t.text('complaints_url').notNullable().defaultTo('')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('letter_settings', (t) => {
    t.dropColumn('complaints_url')
  })
  await knex.schema.alterTable('decisions', (t) => {
    t.dropChecks(['decisions_preference_answered_check'])
  })
  await knex('decisions').whereNull('matches_preference').update({ matches_preference: true })
  await knex.schema.alterTable('decisions', (t) => {
    t.boolean('matches_preference').notNullable().alter()
  })
}

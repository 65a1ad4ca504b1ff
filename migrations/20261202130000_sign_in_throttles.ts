import type { Knex } from 'knex'

/**
 * Failed sign-ins, counted in the database so that every instance sharing it slows the same guesses
 * down. A row per key: an account (untrusted browsers), a browser that signed in to it before (its
 * device cookie), or an address. Keys are hashes, so the table holds no email or address.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sign_in_throttles', (t) => {
    t.text('key').primary()
    t.integer('failures').notNullable()
    t.timestamp('last_failure_at', { useTz: true }).notNullable().index()
    t.check('failures > 0', [], 'sign_in_throttles_failures_check')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sign_in_throttles')
}

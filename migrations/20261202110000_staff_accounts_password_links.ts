import type { Knex } from 'knex'

/**
 * Staff accounts an admin manages, and the e-mailed links with which people set their own password:
 * a new account's set-up link and a forgotten password's reset link.
 */
export async function up(knex: Knex): Promise<void> {
  // The account form's version: a save made against an older one is refused rather than overwriting.
  await knex.schema.alterTable('users', (t) => {
    t.integer('version').notNullable().defaultTo(1)
  })

  // Only a hash of each token is kept: a copy of this table is not a set of working links.
  await knex.schema.createTable('password_links', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
    t.text('purpose').notNullable().checkIn(['set_up', 'reset'], 'password_links_purpose_check')
    t.text('token_hash').notNullable().unique()
    // The admin who sent a set-up link; null for a reset the person asked for.
    t.uuid('created_by').references('users.id').onDelete('SET NULL')
    t.timestamp('created_at', { useTz: true }).notNullable()
    t.timestamp('expires_at', { useTz: true }).notNullable()
    t.timestamp('used_at', { useTz: true })
    // A newer link, a password set another way, or a disabled account voids the links still open.
    t.timestamp('voided_at', { useTz: true })
    t.index(['user_id'])
  })

  // Ending one person's sessions (disabled, password changed) finds their rows without a full scan.
  await knex.raw("CREATE INDEX sessions_user_id ON sessions ((sess->>'userId'))")
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX sessions_user_id')
  await knex.schema.dropTable('password_links')
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('version')
  })
}

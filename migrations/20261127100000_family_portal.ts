import type { Knex } from 'knex'

/**
 * The family portal: invitations to set up an account, the views a family sends the panel, and a
 * note of when each sitting's members were told its papers are ready (so they are told once).
 */
export async function up(knex: Knex): Promise<void> {
  // Only a hash of the token is kept: a copy of this table is not a set of working links.
  await knex.schema.createTable('family_invitations', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('family_contact_id').notNullable().references('family_contacts.id').onDelete('CASCADE')
    t.text('email').notNullable()
    t.text('token_hash').notNullable().unique()
    t.uuid('invited_by').notNullable().references('users.id')
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('expires_at', { useTz: true }).notNullable()
    t.timestamp('accepted_at', { useTz: true })
    t.uuid('accepted_by').references('users.id')
    // A newer invitation to the same contact withdraws this one, so only the latest link works.
    t.timestamp('withdrawn_at', { useTz: true })
    t.index(['family_contact_id'])
    t.check('(accepted_at IS NULL) = (accepted_by IS NULL)', [], 'family_invitations_accepted_check')
  })

  await knex.schema.createTable('family_views', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('case_id').notNullable().references('cases.id')
    // The sitting the views were sent for; null if the case was not on one.
    t.uuid('sitting_id').references('sittings.id')
    t.uuid('sent_by').notNullable().references('users.id')
    t.text('body').notNullable()
    t.timestamp('sent_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.index(['case_id'])
    t.check('length(body) between 1 and 10000', [], 'family_views_body_check')
  })

  await knex.schema.alterTable('sittings', (t) => {
    t.timestamp('papers_ready_notified_at', { useTz: true })
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sittings', (t) => {
    t.dropColumn('papers_ready_notified_at')
  })
  await knex.schema.dropTable('family_views')
  await knex.schema.dropTable('family_invitations')
}

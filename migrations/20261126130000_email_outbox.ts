import type { Knex } from 'knex'

/**
 * The e-mail outbox: an e-mail is written here in the transaction of the change that causes it, and
 * a job sends it later, retrying while the mail server is down. Each try is kept in email_attempts.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('email_outbox', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.text('to_address').notNullable()
    t.text('subject').notNullable()
    t.text('body').notNullable()
    // What caused it, such as 'letter_issued'.
    t.text('event').notNullable()
    t.uuid('case_id').references('cases.id')
    // 'failed' means the last allowed attempt failed too: nobody will try again.
    t.text('status')
      .notNullable()
      .defaultTo('pending')
      .checkIn(['pending', 'sent', 'failed'], 'email_outbox_status_check')
    t.integer('attempts').notNullable().defaultTo(0)
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('sent_at', { useTz: true })
    t.text('last_error')
    t.timestamps(true, true, false)
    t.index(['status', 'next_attempt_at'])
    t.index(['case_id'])
    t.check("(status = 'sent') = (sent_at IS NOT NULL)", [], 'email_outbox_sent_at_check')
  })

  await knex.schema.createTable('email_attempts', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('email_id').notNullable().references('email_outbox.id')
    t.timestamp('attempted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.text('outcome').notNullable().checkIn(['sent', 'failed'], 'email_attempts_outcome_check')
    t.text('error')
    t.index(['email_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('email_attempts')
  await knex.schema.dropTable('email_outbox')
}

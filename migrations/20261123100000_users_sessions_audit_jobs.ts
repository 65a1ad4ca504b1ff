import type { Knex } from 'knex'

const ROLES = ['caseworker', 'chair', 'member', 'manager', 'admin', 'family']

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.text('email').notNullable()
    t.text('full_name').notNullable()
    t.text('role').notNullable().checkIn(ROLES, 'users_role_check')
    t.text('job_title')
    t.text('phone')
    t.text('password_hash')
    t.timestamp('disabled_at', { useTz: true })
    t.timestamp('last_signed_in_at', { useTz: true })
    t.timestamps(true, true, false)
  })
  // E-mail addresses are compared without regard to case.
  await knex.raw('CREATE UNIQUE INDEX users_email_unique ON users (lower(email))')

  await knex.schema.createTable('sessions', (t) => {
    t.text('sid').primary()
    t.jsonb('sess').notNullable()
    t.timestamp('expires_at', { useTz: true }).notNullable().index()
  })

  await knex.schema.createTable('audit_events', (t) => {
    t.bigIncrements('id')
    t.timestamp('occurred_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.uuid('actor_user_id').references('users.id').onDelete('SET NULL')
    t.text('action').notNullable()
    t.text('entity_type').notNullable()
    t.text('entity_id').notNullable()
    t.jsonb('details').notNullable().defaultTo('{}')
    t.index(['entity_type', 'entity_id'])
  })

  await knex.schema.createTable('job_runs', (t) => {
    t.bigIncrements('id')
    t.text('job_name').notNullable()
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('finished_at', { useTz: true })
    t.text('outcome')
      .notNullable()
      .defaultTo('running')
      .checkIn(['running', 'succeeded', 'failed', 'skipped'], 'job_runs_outcome_check')
    t.jsonb('counts').notNullable().defaultTo('{}')
    t.text('error_message')
    t.index(['job_name', 'started_at'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('job_runs')
  await knex.schema.dropTable('audit_events')
  await knex.schema.dropTable('sessions')
  await knex.schema.dropTable('users')
}

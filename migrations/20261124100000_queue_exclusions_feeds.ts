import type { Knex } from 'knex'

// Why the scheduler could not place a case on a sitting before its deadline, or at all.
const QUEUE_REASONS = [
  'awaiting_papers',
  'no_panel',
  'no_sitting',
  'papers_late',
  'no_capacity',
  'deadline_passed',
  'placed_after_deadline',
]

export async function up(knex: Knex): Promise<void> {
  // The scheduler's latest answer for each case waiting for a panel: kept so that lists can filter
  // on "at risk" from an index, and so the queue page can explain each case without re-running it.
  await knex.schema.createTable('case_queue', (t) => {
    t.uuid('case_id').primary().references('cases.id').onDelete('CASCADE')
    t.text('state').notNullable().checkIn(['placed', 'unplaced', 'at_risk'], 'case_queue_state_check')
    t.text('reason').checkIn(QUEUE_REASONS, 'case_queue_reason_check')
    t.uuid('sitting_id').references('sittings.id').onDelete('SET NULL')
    t.uuid('suggested_panel_id').references('panels.id').onDelete('SET NULL')
    t.date('suggested_sitting_on')
    t.timestamp('checked_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.index(['state'])
    t.check("state = 'placed' OR reason IS NOT NULL", [], 'case_queue_reason_given_check')
  })

  // A chair who sends a case back to the queue means "not at this sitting": the scheduler must not
  // put it straight back there on its next run.
  await knex.schema.createTable('agenda_exclusions', (t) => {
    t.uuid('case_id').notNullable().references('cases.id').onDelete('CASCADE')
    t.uuid('sitting_id').notNullable().references('sittings.id').onDelete('CASCADE')
    t.uuid('excluded_by').notNullable().references('users.id')
    t.timestamp('excluded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.primary(['case_id', 'sitting_id'])
  })

  await knex.schema.alterTable('sittings', (t) => {
    t.uuid('created_by').references('users.id')
    t.uuid('cancelled_by').references('users.id')
    t.timestamp('cancelled_at', { useTz: true })
    t.index(['sitting_on'])
  })

  // A calendar program fetches a feed without a session, so the address carries a secret. Only its
  // hash is stored; a user who leaks the address makes a new one, and the old one stops working.
  await knex.schema.createTable('calendar_feed_tokens', (t) => {
    t.uuid('user_id').primary().references('users.id').onDelete('CASCADE')
    t.text('token_hash').notNullable().unique()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('calendar_feed_tokens')
  await knex.schema.alterTable('sittings', (t) => {
    t.dropIndex(['sitting_on'])
    t.dropColumn('cancelled_at')
    t.dropColumn('cancelled_by')
    t.dropColumn('created_by')
  })
  await knex.schema.dropTable('agenda_exclusions')
  await knex.schema.dropTable('case_queue')
}

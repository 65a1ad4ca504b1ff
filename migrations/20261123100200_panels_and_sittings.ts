import type { Knex } from 'knex'

const PANEL_TYPES = ['send_decision', 'placement', 'alternative_provision']
const CASE_KINDS = [
  'assessment_request',
  'issue_plan',
  'placement',
  'annual_review',
  'phase_transfer',
  'alternative_provision',
]
const AGENCIES = ['education', 'health', 'social_care', 'parent_carer_forum', 'other']

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('panels', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.text('name').notNullable().unique()
    t.text('panel_type').notNullable().checkIn(PANEL_TYPES, 'panels_type_check')
    t.smallint('weekday').notNullable().comment('ISO weekday: 1 is Monday')
    t.time('starts_at').notNullable()
    t.integer('duration_minutes').notNullable()
    t.text('venue')
    t.text('online_link')
    t.integer('capacity').notNullable()
    t.integer('papers_cutoff_working_days').notNullable().defaultTo(3)
    // Minimum members present from each agency for the panel to be quorate.
    t.jsonb('quorum_rule')
      .notNullable()
      .defaultTo(JSON.stringify({ education: 1, health: 1, social_care: 1 }))
    t.boolean('active').notNullable().defaultTo(true)
    t.timestamps(true, true, false)
    t.check('weekday BETWEEN 1 AND 7', [], 'panels_weekday_check')
    t.check('capacity > 0', [], 'panels_capacity_check')
    t.check('duration_minutes > 0', [], 'panels_duration_check')
    t.check('papers_cutoff_working_days >= 0', [], 'panels_cutoff_check')
  })

  await knex.schema.createTable('panel_case_kinds', (t) => {
    t.uuid('panel_id').notNullable().references('panels.id').onDelete('CASCADE')
    t.text('case_kind').notNullable().checkIn(CASE_KINDS, 'panel_case_kinds_kind_check')
    t.primary(['panel_id', 'case_kind'])
  })

  // Members need not have an account: a head teacher who joins some weeks is still recorded.
  await knex.schema.createTable('panel_members', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('panel_id').notNullable().references('panels.id').onDelete('CASCADE')
    t.uuid('user_id').references('users.id')
    t.text('full_name').notNullable()
    t.text('job_title')
    t.text('agency').notNullable().checkIn(AGENCIES, 'panel_members_agency_check')
    t.boolean('is_chair').notNullable().defaultTo(false)
    t.date('member_from')
    t.date('member_until')
    t.timestamps(true, true, false)
    t.unique(['panel_id', 'user_id'])
  })

  await knex.schema.createTable('sittings', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('panel_id').notNullable().references('panels.id')
    t.date('sitting_on').notNullable()
    t.time('starts_at').notNullable()
    t.text('venue')
    t.text('online_link')
    t.text('origin').notNullable().defaultTo('weekly').checkIn(['weekly', 'extra'], 'sittings_origin_check')
    t.boolean('is_summer').notNullable().defaultTo(false)
    t.text('status')
      .notNullable()
      .defaultTo('scheduled')
      .checkIn(['scheduled', 'held', 'cancelled'], 'sittings_status_check')
    t.text('cancelled_reason')
    t.timestamp('agenda_locked_at', { useTz: true })
    t.timestamps(true, true, false)
    t.unique(['panel_id', 'sitting_on', 'starts_at'])
    t.check("status <> 'cancelled' OR cancelled_reason IS NOT NULL", [], 'sittings_cancelled_reason_check')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sittings')
  await knex.schema.dropTable('panel_members')
  await knex.schema.dropTable('panel_case_kinds')
  await knex.schema.dropTable('panels')
}

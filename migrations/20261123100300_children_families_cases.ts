import type { Knex } from 'knex'

const CASE_KINDS = [
  'assessment_request',
  'issue_plan',
  'placement',
  'annual_review',
  'phase_transfer',
  'alternative_provision',
]
const CASE_STATUSES = ['draft', 'submitted', 'scheduled', 'decided', 'closed', 'withdrawn']
// The four broad areas of need in the SEND Code of Practice (2015), 6.28.
const AREAS_OF_NEED = [
  'communication_and_interaction',
  'cognition_and_learning',
  'social_emotional_and_mental_health',
  'sensory_and_physical',
]

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('children', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.text('first_name').notNullable()
    t.text('last_name').notNullable()
    t.date('date_of_birth').notNullable()
    t.text('current_setting')
    t.text('year_group')
    t.specificType('areas_of_need', 'text[]').notNullable().defaultTo('{}')
    t.timestamps(true, true, false)
    t.check(
      `areas_of_need <@ ARRAY[${AREAS_OF_NEED.map((a) => `'${a}'`).join(', ')}]::text[]`,
      [],
      'children_areas_of_need_check',
    )
  })

  // A family account (users.role = 'family') sees the children whose contacts it is linked to, and no others.
  await knex.schema.createTable('family_contacts', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('child_id').notNullable().references('children.id').onDelete('CASCADE')
    t.uuid('user_id').references('users.id')
    t.text('full_name').notNullable()
    t.text('relationship')
      .notNullable()
      .checkIn(['parent', 'carer', 'young_person', 'other'], 'family_contacts_relationship_check')
    t.text('address')
    t.text('email')
    t.text('phone')
    t.text('preferred_language').notNullable().defaultTo('English')
    t.boolean('needs_interpreter').notNullable().defaultTo(false)
    t.text('letter_format')
      .notNullable()
      .defaultTo('standard')
      .checkIn(['standard', 'large_print', 'easy_read'], 'family_contacts_letter_format_check')
    t.boolean('is_main_contact').notNullable().defaultTo(false)
    t.timestamps(true, true, false)
    t.index(['user_id'])
    t.unique(['child_id', 'user_id'])
  })

  await knex.schema.createTable('cases', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.text('reference').notNullable().unique()
    t.uuid('child_id').notNullable().references('children.id')
    t.text('kind').notNullable().checkIn(CASE_KINDS, 'cases_kind_check')
    t.text('status').notNullable().defaultTo('draft').checkIn(CASE_STATUSES, 'cases_status_check')
    t.date('received_on').notNullable()
    t.text('requested_by')
    t.text('preference')
    t.text('preferred_setting')
    t.boolean('preferred_setting_is_mainstream')
    t.date('papers_complete_on')
    t.uuid('caseworker_id').notNullable().references('users.id')
    t.boolean('is_complex').notNullable().defaultTo(false)
    // Optimistic locking: a save carries the version it was read at.
    t.integer('version').notNullable().defaultTo(1)
    t.uuid('created_by').references('users.id')
    t.timestamps(true, true, false)
    t.index(['caseworker_id', 'status'])
    t.index(['child_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('cases')
  await knex.schema.dropTable('family_contacts')
  await knex.schema.dropTable('children')
}

import type { Knex } from 'knex'

/**
 * What a chair records while running a sitting: who came, who declared an interest, what happened
 * at each item, and the jargon list that the plain-language help points at.
 */

// The council's starting jargon list as it stood when this migration was written; the admin edits the
// table from here on, so later changes to the code's list must not change what this migration does.
const STARTING_JARGON = [
  ['provision', 'support'],
  ['facilitate', 'help'],
  ['utilise', 'use'],
  ['commence', 'start'],
  ['in accordance with', 'under'],
  ['notwithstanding', 'despite'],
  ['aforementioned', 'this'],
  ['statutory', 'required by law'],
  ['multi-agency', 'from several services'],
  ['holistic', 'whole'],
  ['cohort', 'group'],
  ['in order to', 'to'],
]

export async function up(knex: Knex): Promise<void> {
  // Optimistic locking of the attendance form.
  await knex.schema.alterTable('sittings', (t) => {
    t.integer('record_version').notNullable().defaultTo(0)
  })

  // Name and agency are copied from the seat at the time, so the minutes stay true if the member moves on.
  await knex.schema.createTable('sitting_attendance', (t) => {
    t.uuid('sitting_id').notNullable().references('sittings.id')
    t.uuid('panel_member_id').notNullable().references('panel_members.id')
    t.text('full_name').notNullable()
    t.text('agency').notNullable()
    t.boolean('is_chair').notNullable().defaultTo(false)
    t.text('attendance')
      .notNullable()
      .checkIn(['present', 'apologies', 'absent'], 'sitting_attendance_attendance_check')
    t.timestamps(true, true, false)
    t.primary(['sitting_id', 'panel_member_id'])
  })

  await knex.schema.createTable('sitting_guests', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('sitting_id').notNullable().references('sittings.id')
    t.text('name').notNullable()
    t.text('role').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.index(['sitting_id'])
  })

  await knex.schema.createTable('declarations', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('agenda_item_id').notNullable().references('agenda_items.id')
    t.uuid('panel_member_id').notNullable().references('panel_members.id')
    t.text('nature').notNullable()
    t.boolean('left_discussion').notNullable()
    t.uuid('recorded_by').notNullable().references('users.id')
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.index(['agenda_item_id'])
  })

  // What happened at an item besides the decision: whether the family came, and the chair's notes.
  await knex.schema.createTable('item_records', (t) => {
    t.uuid('agenda_item_id').primary().references('agenda_items.id')
    t.boolean('family_attended').notNullable().defaultTo(false)
    t.text('family_attendees')
    t.text('interpreter').checkIn(
      ['not_needed', 'independent', 'family_member', 'needed_not_present'],
      'item_records_interpreter_check',
    )
    t.text('notes')
    t.timestamps(true, true, false)
  })

  await knex.schema.alterTable('decisions', (t) => {
    t.jsonb('dissents').notNullable().defaultTo('[]')
    // A panel that decides while short of its quorum says why (for example, an urgent deadline).
    t.text('inquorate_reason')
  })

  await knex.schema.createTable('jargon_terms', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.text('term').notNullable()
    t.text('plainer').notNullable()
    t.timestamps(true, true, false)
  })
  await knex.raw('create unique index jargon_terms_term_unique on jargon_terms (lower(term))')
  await knex('jargon_terms').insert(STARTING_JARGON.map(([term, plainer]) => ({ term, plainer })))
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('jargon_terms')
  await knex.schema.alterTable('decisions', (t) => {
    t.dropColumn('inquorate_reason')
    t.dropColumn('dissents')
  })
  await knex.schema.dropTable('item_records')
  await knex.schema.dropTable('declarations')
  await knex.schema.dropTable('sitting_guests')
  await knex.schema.dropTable('sitting_attendance')
  await knex.schema.alterTable('sittings', (t) => {
    t.dropColumn('record_version')
  })
}

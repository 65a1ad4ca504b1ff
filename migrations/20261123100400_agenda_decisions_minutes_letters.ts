import type { Knex } from 'knex'

// Every outcome of every case kind (DESIGN.md "Case kinds and their outcomes"); which outcomes fit a
// kind is a domain rule checked before saving.
const OUTCOMES = [
  'agree_to_assess',
  'refuse_to_assess',
  'issue_plan',
  'do_not_issue_plan',
  'name_preference',
  'name_different_setting',
  'maintain',
  'amend',
  'cease',
  'agree',
  'refuse',
  'agree_different_level',
  'defer',
]
// Children and Families Act 2014, s.39(4) and s.33.
const DISAGREEMENT_GROUNDS = [
  'unsuitable_for_child',
  'incompatible_with_education_of_others',
  'incompatible_with_use_of_resources',
  'mainstream_incompatible_no_reasonable_steps',
]

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('agenda_items', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('sitting_id').notNullable().references('sittings.id')
    t.uuid('case_id').notNullable().references('cases.id')
    t.integer('position').notNullable()
    t.text('placed_by')
      .notNullable()
      .defaultTo('scheduler')
      .checkIn(['scheduler', 'chair'], 'agenda_items_placed_by_check')
    t.timestamp('placed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.unique(['sitting_id', 'case_id'])
    t.check('position >= 1', [], 'agenda_items_position_check')
  })

  await knex.schema.createTable('decisions', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('agenda_item_id').notNullable().unique().references('agenda_items.id')
    t.uuid('case_id').notNullable().references('cases.id')
    t.text('outcome').notNullable().checkIn(OUTCOMES, 'decisions_outcome_check')
    t.text('reasons').notNullable()
    t.boolean('matches_preference').notNullable()
    t.text('disagreement_ground').checkIn(DISAGREEMENT_GROUNDS, 'decisions_disagreement_ground_check')
    t.text('disagreement_explanation')
    t.text('conditions')
    t.text('without_family_reason')
    t.text('deferral_action')
    t.text('deferral_owner')
    t.date('deferral_due_on')
    t.date('decided_on').notNullable()
    t.integer('version').notNullable().defaultTo(1)
    t.uuid('recorded_by').notNullable().references('users.id')
    t.timestamps(true, true, false)
    t.index(['case_id'])
    t.check(
      "matches_preference OR coalesce(btrim(disagreement_explanation), '') <> ''",
      [],
      'decisions_disagreement_explained_check',
    )
    t.check(
      "outcome <> 'defer' OR (deferral_action IS NOT NULL AND deferral_due_on IS NOT NULL)",
      [],
      'decisions_deferral_check',
    )
  })

  await knex.schema.createTable('minutes', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('sitting_id').notNullable().references('sittings.id')
    t.integer('version').notNullable()
    t.text('status').notNullable().defaultTo('draft').checkIn(['draft', 'approved'], 'minutes_status_check')
    t.jsonb('content').notNullable().defaultTo('{}')
    t.text('correction_reason')
    t.uuid('approved_by').references('users.id')
    t.timestamp('approved_at', { useTz: true })
    t.timestamps(true, true, false)
    t.unique(['sitting_id', 'version'])
    t.check("status <> 'approved' OR approved_at IS NOT NULL", [], 'minutes_approved_check')
  })

  // An issued letter is never changed: a correction is a new row that supersedes it.
  await knex.schema.createTable('letters', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('case_id').notNullable().references('cases.id')
    t.uuid('decision_id').references('decisions.id')
    t.text('letter_kind').notNullable().checkIn(['decision', 'apology'], 'letters_kind_check')
    t.integer('version').notNullable().defaultTo(1)
    t.uuid('supersedes_id').references('letters.id')
    t.text('correction_reason')
    t.text('status').notNullable().defaultTo('draft').checkIn(['draft', 'issued'], 'letters_status_check')
    t.text('format')
      .notNullable()
      .defaultTo('standard')
      .checkIn(['standard', 'large_print', 'easy_read'], 'letters_format_check')
    t.binary('pdf')
    t.text('sha256')
    t.date('issued_on')
    t.uuid('issued_by').references('users.id')
    t.text('sent_by').checkIn(['post', 'email', 'portal'], 'letters_sent_by_check')
    t.timestamps(true, true, false)
    t.index(['case_id'])
    t.check(
      "status <> 'issued' OR (pdf IS NOT NULL AND sha256 IS NOT NULL AND issued_on IS NOT NULL AND issued_by IS NOT NULL)",
      [],
      'letters_issued_check',
    )
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('letters')
  await knex.schema.dropTable('minutes')
  await knex.schema.dropTable('decisions')
  await knex.schema.dropTable('agenda_items')
}

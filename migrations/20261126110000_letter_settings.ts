import type { Knex } from 'knex'

/**
 * The council's settings for letters (one row), and what an issued letter keeps besides its PDF: the
 * words it said, so the family's portal can show them as a page, and what it was issued about.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('letter_settings', (t) => {
    t.smallint('id').primary().defaultTo(1)
    t.text('council_name').notNullable().defaultTo('')
    // One line of the address per line of text.
    t.text('council_address').notNullable().defaultTo('')
    t.text('send_team_phone').notNullable().defaultTo('')
    t.text('send_team_email').notNullable().defaultTo('')
    t.text('information_advice_name').notNullable().defaultTo('')
    t.text('information_advice_phone').notNullable().defaultTo('')
    t.text('information_advice_email').notNullable().defaultTo('')
    t.text('information_advice_website').notNullable().defaultTo('')
    t.text('mediation_name').notNullable().defaultTo('')
    t.text('mediation_phone').notNullable().defaultTo('')
    t.text('mediation_email').notNullable().defaultTo('')
    t.text('disagreement_resolution_name').notNullable().defaultTo('')
    t.text('disagreement_resolution_phone').notNullable().defaultTo('')
    t.text('disagreement_resolution_email').notNullable().defaultTo('')
    t.text('tribunal_url').notNullable().defaultTo('https://www.gov.uk/appeal-ehc-plan-decision')
    t.text('signature_name').notNullable().defaultTo('')
    t.text('signature_job_title').notNullable().defaultTo('')
    t.integer('follow_up_working_days').notNullable().defaultTo(10)
    // The council's own words for every letter, such as where to find its local offer; checked for readability.
    t.text('local_offer_words').notNullable().defaultTo('')
    t.binary('logo')
    t.text('logo_type').checkIn(['image/png', 'image/jpeg'], 'letter_settings_logo_type_check')
    t.integer('version').notNullable().defaultTo(1)
    t.uuid('updated_by').references('users.id')
    t.timestamps(true, true, false)
    t.check('id = 1', [], 'letter_settings_single_row_check')
    t.check('follow_up_working_days between 1 and 30', [], 'letter_settings_follow_up_check')
    t.check('(logo IS NULL) = (logo_type IS NULL)', [], 'letter_settings_logo_check')
  })
  await knex('letter_settings').insert({ id: 1 })

  await knex.schema.alterTable('letters', (t) => {
    t.jsonb('content')
    t.text('title')
  })

  // One PDF of a sitting's issued letters for the post room, built in the background with its progress.
  await knex.schema.createTable('letter_batches', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('sitting_id').notNullable().references('sittings.id')
    t.text('status')
      .notNullable()
      .defaultTo('building')
      .checkIn(['building', 'ready', 'failed'], 'letter_batches_status_check')
    t.integer('total').notNullable()
    t.integer('done').notNullable().defaultTo(0)
    t.binary('pdf')
    t.uuid('requested_by').notNullable().references('users.id')
    t.timestamps(true, true, false)
    t.index(['sitting_id'])
    t.check("status <> 'ready' OR pdf IS NOT NULL", [], 'letter_batches_ready_check')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('letter_batches')
  await knex.schema.alterTable('letters', (t) => {
    t.dropColumn('title')
    t.dropColumn('content')
  })
  await knex.schema.dropTable('letter_settings')
}

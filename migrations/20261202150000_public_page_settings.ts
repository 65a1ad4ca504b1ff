import type { Knex } from 'knex'

/**
 * The council's details for the pages anyone can read without signing in: the accessibility
 * statement (who to ask for another format, how soon we answer, when it was prepared and reviewed)
 * and the privacy notice (the data protection officer, how many years a case is kept after the
 * child's 25th birthday, and the council's own wording for its sections). One row.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('public_page_settings', (t) => {
    t.smallint('id').primary().defaultTo(1)
    t.text('accessibility_email').notNullable().defaultTo('')
    t.text('accessibility_phone').notNullable().defaultTo('')
    t.integer('format_response_working_days').notNullable().defaultTo(10)
    t.date('statement_prepared_on')
    t.date('statement_reviewed_on')
    t.text('dpo_name').notNullable().defaultTo('')
    t.text('dpo_email').notNullable().defaultTo('')
    t.text('dpo_phone').notNullable().defaultTo('')
    // One line of the address per line of text.
    t.text('dpo_address').notNullable().defaultTo('')
    t.integer('retention_years_after_25').notNullable().defaultTo(6)
    // The council's wording by section of the privacy notice; a section not here reads the shipped words.
    t.jsonb('privacy_wording').notNullable().defaultTo('{}')
    t.integer('version').notNullable().defaultTo(1)
    t.uuid('updated_by').references('users.id')
    t.timestamps(true, true, false)
    t.check('id = 1', [], 'public_page_settings_single_row_check')
    t.check('format_response_working_days between 1 and 30', [], 'public_page_settings_response_check')
    t.check('retention_years_after_25 between 0 and 50', [], 'public_page_settings_retention_check')
    t.check(
      'statement_reviewed_on IS NULL OR statement_prepared_on IS NULL OR statement_reviewed_on >= statement_prepared_on',
      [],
      'public_page_settings_review_check',
    )
  })
  await knex('public_page_settings').insert({ id: 1 })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('public_page_settings')
}

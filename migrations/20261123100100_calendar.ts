import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('bank_holidays', (t) => {
    t.date('holiday_on').primary()
    t.text('title').notNullable()
  })

  // Term dates differ by council; the school holidays (the summer holiday among them) are the gaps between terms.
  await knex.schema.createTable('school_terms', (t) => {
    t.increments('id')
    t.text('academic_year').notNullable()
    t.text('term').notNullable().checkIn(['autumn', 'spring', 'summer'], 'school_terms_term_check')
    t.date('starts_on').notNullable()
    t.date('ends_on').notNullable()
    t.unique(['academic_year', 'term'])
    t.check('?? <= ??', ['starts_on', 'ends_on'], 'school_terms_dates_check')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('school_terms')
  await knex.schema.dropTable('bank_holidays')
}

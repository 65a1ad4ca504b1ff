import type { Knex } from 'knex'

/**
 * A phase transfer may be a move between post-16 institutions, dated by the day of the move (SEND Regulations
 * 2014 reg 18(2)); and a case records the tribunal appeals decided for the family or not opposed, whose orders
 * set the council's time limits (regs 44 and 45).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE cases DROP CONSTRAINT cases_transfer_type_check')
  await knex.raw(
    "ALTER TABLE cases ADD CONSTRAINT cases_transfer_type_check CHECK (transfer_type IN ('school', 'post16', 'post16_move'))",
  )
  await knex.schema.alterTable('cases', (t) => {
    t.date('transfer_on')
    t.check(
      "transfer_type IS DISTINCT FROM 'post16_move' OR transfer_on IS NOT NULL",
      [],
      'cases_transfer_on_check',
    )
  })

  await knex.schema.createTable('case_appeals', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('case_id').notNullable().references('cases.id').onDelete('CASCADE')
    t.text('route').notNullable().checkIn(['ordered', 'unopposed'], 'case_appeals_route_check')
    // The date of the tribunal's order, or of the council's notice to the tribunal that it will not oppose.
    t.date('decided_on').notNullable()
    t.text('about')
      .notNullable()
      .checkIn(['assess', 'make_plan', 'amend_plan', 'name_school'], 'case_appeals_about_check')
    t.uuid('recorded_by').notNullable().references('users.id')
    t.timestamps(true, true, false)
    t.index(['case_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_appeals')
  await knex.schema.alterTable('cases', (t) => {
    t.dropChecks(['cases_transfer_on_check'])
    t.dropColumn('transfer_on')
  })
  await knex('cases').where({ transfer_type: 'post16_move' }).update({ transfer_type: null })
  await knex.raw('ALTER TABLE cases DROP CONSTRAINT cases_transfer_type_check')
  await knex.raw(
    "ALTER TABLE cases ADD CONSTRAINT cases_transfer_type_check CHECK (transfer_type IN ('school', 'post16'))",
  )
}

import type { Knex } from 'knex'

/**
 * The setting a placement or phase-transfer decision names, when it is not the family's preference
 * (or, for a phase transfer, whichever it is), so that the letter can say which school was named.
 */
const SETTING_TYPES = ['mainstream', 'special', 'independent', 'post16', 'other']

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('decisions', (t) => {
    t.text('named_setting')
    t.text('named_setting_type').checkIn(SETTING_TYPES, 'decisions_named_setting_type_check')
    t.check(
      '(named_setting IS NULL) = (named_setting_type IS NULL)',
      [],
      'decisions_named_setting_complete_check',
    )
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('decisions', (t) => {
    t.dropChecks(['decisions_named_setting_complete_check'])
    t.dropColumn('named_setting_type')
    t.dropColumn('named_setting')
  })
}

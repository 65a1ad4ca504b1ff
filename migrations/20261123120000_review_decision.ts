import type { Knex } from 'knex'

/**
 * Which way an annual or phase transfer review went: only "amend" leads to an amended plan, so without
 * it a maintained or ceased plan would show an amended plan falling overdue.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.text('review_decision').checkIn(['maintain', 'amend', 'cease'], 'cases_review_decision_check')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropChecks('cases_review_decision_check')
    t.dropColumn('review_decision')
  })
}

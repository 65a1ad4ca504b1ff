import type { Knex } from 'knex'

/*
 * Issue 15: the next annual review's due date (CFA 2014 s.44(1)), stored beside next_deadline_on so that the case
 * list can filter 50,000 cases by it with an index. It is written by the same helper that writes the next deadline
 * (services/storedDeadlines.ts) from the same domain function as the case page; the recompute-deadlines job fills
 * it for cases that existed before this migration.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.date('annual_review_due_on')
    t.index(['annual_review_due_on'], 'cases_annual_review_due_on_idx')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropIndex(['annual_review_due_on'], 'cases_annual_review_due_on_idx')
    t.dropColumn('annual_review_due_on')
  })
}

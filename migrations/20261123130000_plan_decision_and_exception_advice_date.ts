import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  // Which way the decision after an assessment went: a decision to issue a plan answers the 16-week
  // question as surely as a notice not to issue does, and only a decision to issue leaves a plan to issue.
  await knex.schema.alterTable('cases', (t) => {
    t.text('plan_decision').checkIn(['issue', 'not_issue'], 'cases_plan_decision_check')
  })
  // A school-closure exception (reg 5(4)(a)) depends on when the school was asked for advice.
  await knex.schema.alterTable('case_exceptions', (t) => {
    t.date('advice_requested_on')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('case_exceptions', (t) => {
    t.dropColumn('advice_requested_on')
  })
  await knex.schema.alterTable('cases', (t) => {
    t.dropChecks('cases_plan_decision_check')
    t.dropColumn('plan_decision')
  })
}

import type { Knex } from 'knex'

const EVIDENCE_SOURCES = ['educational_psychology', 'health', 'social_care', 'school']
// SEND Regulations 2014, regs 5(4), 10(4), 13(3).
const EXCEPTION_REASONS = ['school_closure', 'exceptional_personal_circumstances', 'away_from_area']

export async function up(knex: Knex): Promise<void> {
  // Advice asked of and received from each professional: the papers a panel needs.
  await knex.schema.createTable('case_evidence', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('case_id').notNullable().references('cases.id').onDelete('CASCADE')
    t.text('source').notNullable().checkIn(EVIDENCE_SOURCES, 'case_evidence_source_check')
    t.date('requested_on')
    t.date('received_on')
    t.timestamps(true, true, false)
    t.unique(['case_id', 'source'])
    t.check(
      'received_on IS NULL OR requested_on IS NULL OR received_on >= requested_on',
      [],
      'case_evidence_dates_check',
    )
  })

  // An exception is recorded, told to the family and reported separately: never applied silently.
  await knex.schema.createTable('case_exceptions', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'))
    t.uuid('case_id').notNullable().references('cases.id').onDelete('CASCADE')
    t.text('step').notNullable()
    t.text('reason_code').notNullable().checkIn(EXCEPTION_REASONS, 'case_exceptions_reason_check')
    t.date('starts_on').notNullable()
    t.date('ends_on')
    t.text('explanation').notNullable()
    t.date('family_told_on')
    t.uuid('recorded_by').notNullable().references('users.id')
    t.timestamps(true, true, false)
    t.index(['case_id'])
    t.check('ends_on IS NULL OR ends_on >= starts_on', [], 'case_exceptions_dates_check')
  })

  await knex.schema.alterTable('cases', (t) => {
    // The statutory milestones (also what the SEN2 return to the Department for Education asks for).
    t.date('assessment_decided_on')
    t.text('assessment_decision').checkIn(['agree', 'refuse'], 'cases_assessment_decision_check')
    t.date('draft_plan_sent_on')
    t.date('plan_decision_on')
    t.date('final_plan_issued_on')
    t.date('review_meeting_on')
    t.date('review_notice_on')
    t.smallint('transfer_year')
    t.text('transfer_type').checkIn(['school', 'post16'], 'cases_transfer_type_check')
    // The nearest open statutory deadline, kept by the service on every save so that lists can sort
    // and filter by it from an index instead of computing every case's clock on each page.
    t.date('next_deadline_on')
    t.text('next_deadline_step')
    t.index(['next_deadline_on'], 'cases_next_deadline_index')
    t.index(['kind', 'next_deadline_on'], 'cases_kind_next_deadline_index')
    t.index(['caseworker_id', 'next_deadline_on'], 'cases_caseworker_next_deadline_index')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropIndex(['caseworker_id', 'next_deadline_on'], 'cases_caseworker_next_deadline_index')
    t.dropIndex(['kind', 'next_deadline_on'], 'cases_kind_next_deadline_index')
    t.dropIndex(['next_deadline_on'], 'cases_next_deadline_index')
    for (const column of [
      'next_deadline_step',
      'next_deadline_on',
      'transfer_type',
      'transfer_year',
      'review_notice_on',
      'review_meeting_on',
      'final_plan_issued_on',
      'plan_decision_on',
      'draft_plan_sent_on',
      'assessment_decision',
      'assessment_decided_on',
    ]) {
      t.dropColumn(column)
    }
  })
  await knex.schema.dropTable('case_exceptions')
  await knex.schema.dropTable('case_evidence')
}

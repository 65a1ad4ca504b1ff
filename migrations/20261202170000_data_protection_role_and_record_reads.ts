import type { Knex } from 'knex'

// Spelt out rather than imported: a migration must read the same however the code's vocabulary moves on.
const ROLES_BEFORE = ['caseworker', 'chair', 'member', 'manager', 'admin', 'family']
const ROLES_AFTER = [...ROLES_BEFORE, 'data_protection']
const READ_KINDS = [
  'case',
  'letters',
  'letter_pdf',
  'papers',
  'minutes_extract',
  'portal_case',
  'portal_letter_pdf',
  'portal_minutes_extract',
]

const roleCheck = (roles: string[]) => `role IN (${roles.map((r) => `'${r}'`).join(', ')})`

/**
 * The council's data protection officer as a role, and the log of who opened which child's record
 * (issue 17, point 6): who, when and what was opened, never what it said.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users DROP CONSTRAINT users_role_check')
  await knex.raw(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (${roleCheck(ROLES_AFTER)})`)

  await knex.schema.createTable('record_reads', (t) => {
    t.bigIncrements('id')
    t.timestamp('read_at', { useTz: true }).notNullable()
    // Kept when an account goes: the log must still say who looked (accounts are disabled, not deleted).
    t.uuid('user_id').notNullable().references('users.id')
    // A case removed at the end of its retention takes its reads with it (issue 17, point 4).
    t.uuid('case_id').notNullable().references('cases.id').onDelete('CASCADE')
    t.text('kind').notNullable().checkIn(READ_KINDS, 'record_reads_kind_check')
    // The letter or sitting opened, where the page is about one; never any of its content.
    t.uuid('object_id')
    t.index(['case_id', 'read_at'])
    t.index(['user_id', 'read_at'])
    t.index(['read_at'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('record_reads')
  await knex('users').where({ role: 'data_protection' }).delete()
  await knex.raw('ALTER TABLE users DROP CONSTRAINT users_role_check')
  await knex.raw(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (${roleCheck(ROLES_BEFORE)})`)
}

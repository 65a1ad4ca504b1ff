import type { Db } from '../src/data/db'

/**
 * Fills the database up to `total` cases (each with its own child) in a few set-based statements, with
 * deadlines spread over a year either side of today, as a council with a large caseload would have.
 */
export async function addCases(db: Db, total: number, today: string): Promise<void> {
  const existing = Number((await db('cases').count('* as n').first())?.n ?? 0)
  const missing = total - existing
  if (missing <= 0) return
  const caseworkers = await db('users').where({ role: 'caseworker' }).pluck('id')
  await db.raw(
    `INSERT INTO children (id, first_name, last_name, date_of_birth)
     SELECT md5('bench-child-' || n)::uuid, 'Child', 'Number ' || n, DATE '2015-01-01' + (n % 3000)
     FROM generate_series(1, ?) AS n`,
    [missing],
  )
  await db.raw(
    `INSERT INTO cases (reference, child_id, kind, status, received_on, caseworker_id, next_deadline_on, next_deadline_step, ended_on)
     SELECT 'BENCH-' || lpad(n::text, 6, '0'), md5('bench-child-' || n)::uuid,
            (ARRAY['assessment_request','issue_plan','placement','annual_review','phase_transfer','alternative_provision'])[1 + n % 6],
            (ARRAY['draft','submitted','scheduled','decided','closed'])[1 + n % 5],
            ?::date - (n % 300),
            (?::uuid[])[1 + n % ?],
            CASE WHEN n % 7 = 0 THEN NULL ELSE ?::date + ((n * 37) % 730 - 365) END,
            CASE WHEN n % 7 = 0 THEN NULL ELSE 'decide_whether_to_assess' END,
            -- A closed case records the day it ended (cases_ended_on_check).
            CASE WHEN n % 5 = 4 THEN ?::date - (n % 300) END
     FROM generate_series(1, ?) AS n`,
    [today, caseworkers, caseworkers.length, today, today, missing],
  )
  await db.raw('ANALYZE')
}

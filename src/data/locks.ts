import type { Knex } from 'knex'

/**
 * One advisory-lock key per job. Fixed numbers rather than a hash of the job's name: every app
 * instance, of every version, must agree on the key for the lock to mean anything, and a literal
 * here cannot drift with a renamed job or a changed hash function. Never reuse or renumber a key
 * while an older version of the app may still be running; add new ones at the end.
 */
export const LOCK_KEYS = {
  rollCalendarForward: 4_060_001,
  placeCases: 4_060_002,
  deleteExpiredSessions: 4_060_003,
  draftApologyLetters: 4_060_004,
  deliverEmails: 4_060_005,
  tellMembersPapersReady: 4_060_006,
  recomputeDeadlines: 4_060_007,
} as const

export type LockKey = (typeof LOCK_KEYS)[keyof typeof LOCK_KEYS]

/**
 * Takes a PostgreSQL advisory lock for the rest of the transaction, without waiting: false means
 * another transaction (another app instance, or an on-demand run) holds it. The lock is released by
 * the commit or rollback itself, so a crashed job can never leave it held.
 */
export async function tryTransactionLock(trx: Knex.Transaction, key: number): Promise<boolean> {
  const result = (await trx.raw('select pg_try_advisory_xact_lock(?::bigint) as acquired', [key])) as {
    rows: Array<{ acquired: boolean }>
  }
  return result.rows[0]?.acquired === true
}

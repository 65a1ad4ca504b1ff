import type { Transaction } from './db'

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
  sittingWrites: 4_060_007,
  pruneJobRuns: 4_060_008,
  recomputeDeadlines: 4_060_009,
  applyRetention: 4_060_010,
  settleQueue: 4_060_011,
  /** Held while the admins' accounts change, so that the last enabled admin can never be removed. */
  adminAccounts: 4_061_001,
  /**
   * Held while the demo council is added: two instances starting together would both find no demo accounts.
   * The number the seed has always taken (before the keys were gathered here), so that versions agree.
   */
  demoCouncilSeed: 727_001,
} as const

/**
 * The job that holds each key for the whole of its work, by job name: at start-up a run still marked
 * running whose key is free was cut short (nothing holds its transaction any more).
 */
export const JOB_LOCK_KEYS: Readonly<Record<string, number>> = {
  'roll-calendar-forward': LOCK_KEYS.rollCalendarForward,
  'place-cases': LOCK_KEYS.placeCases,
  'delete-expired-sessions': LOCK_KEYS.deleteExpiredSessions,
  'draft-apology-letters': LOCK_KEYS.draftApologyLetters,
  'deliver-emails': LOCK_KEYS.deliverEmails,
  'tell-members-papers-ready': LOCK_KEYS.tellMembersPapersReady,
  'prune-job-runs': LOCK_KEYS.pruneJobRuns,
  'recompute-deadlines': LOCK_KEYS.recomputeDeadlines,
  'apply-retention': LOCK_KEYS.applyRetention,
  'settle-queue': LOCK_KEYS.settleQueue,
}

export type LockKey = (typeof LOCK_KEYS)[keyof typeof LOCK_KEYS]

/**
 * Takes a PostgreSQL advisory lock for the rest of the transaction, without waiting: false means
 * another transaction (another app instance, or an on-demand run) holds it. The lock is released by
 * the commit or rollback itself, so a crashed job can never leave it held.
 */
export async function tryTransactionLock(trx: Transaction, key: number): Promise<boolean> {
  const result = await trx.raw<{ rows: { acquired: boolean }[] }>(
    'select pg_try_advisory_xact_lock(?::bigint) as acquired',
    [key],
  )
  return result.rows[0]?.acquired === true
}

/**
 * The one lock order for writes to sittings and agendas (issue 14: roll-calendar-forward deadlocked
 * against tell-members-papers-ready, 40P01, when two instances ran them in the same minute). Every
 * job and every user action that writes sittings or agenda items takes this lock, waiting for it,
 * before touching a row; a job first tries its own key (never waiting), then this one. Advisory locks
 * are then always taken in the same order (job key, then this), and the rows under them by one
 * transaction at a time, so no two of them can wait on each other.
 */
export async function lockSittingWrites(trx: Transaction): Promise<void> {
  await transactionLock(trx, LOCK_KEYS.sittingWrites)
}

/** Takes a PostgreSQL advisory lock for the rest of the transaction, waiting for it if need be. */
export async function transactionLock(trx: Transaction, key: LockKey): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(?::bigint)', [key])
}

import type { DataLayer } from '../data'
import { LOCK_KEYS, tryTransactionLock } from '../data/locks'
import type { JobResult } from '../jobs/types'
import { sessionClock } from './clock'

export function sessionCleanupService(data: DataLayer) {
  return {
    /**
     * Deletes the sessions past their expiry. Measured against the real time, not the injected clock,
     * because the session store sets and checks expiry against the real time too. Idempotent: a
     * second run finds nothing left to delete.
     */
    async deleteExpiredSessions(): Promise<JobResult> {
      return data.db.transaction(async (trx): Promise<JobResult> => {
        if (!(await tryTransactionLock(trx, LOCK_KEYS.deleteExpiredSessions))) return { ran: false }
        const deleted = await data.sessions.deleteExpired(sessionClock.now(), trx)
        return { ran: true, counts: { deleted: Number(deleted) } }
      })
    },
  }
}

export type SessionCleanupService = ReturnType<typeof sessionCleanupService>

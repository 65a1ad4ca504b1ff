import type { Transaction } from '../data/db'
import type { DataLayer } from '../data'
import { loadBankHolidayCalendar } from '../data/calendar'
import { listCaseAppeals } from '../data/caseDetail'
import { recordAuditEvent } from '../data/audit'
import { lockCaseClockBatch, setStoredDeadlines, type StoredDeadlines } from '../data/caseClocks'
import { LOCK_KEYS, tryTransactionLock } from '../data/locks'
import type { IsoDate } from '../domain/dates'
import type { JobResult } from '../jobs/types'
import { storedDeadlinesOf, type CaseClockFacts } from '../domain/caseDeadlines'
import type { Clock } from './clock'

export type { StoredDeadlines }
// The rule is pure, so it lives in src/domain; services that compute the stored dates still find it here.
export { storedDeadlinesOf }

/**
 * The stored dates of one case after a change to what its clock reads (milestones, an appeal), in the caller's
 * transaction: the one place that works them out, for every service that changes a case's clock.
 */
export async function recomputeStoredDeadlines(
  trx: Transaction,
  caseId: string,
  facts: Pick<CaseClockFacts, 'kind' | 'receivedOn' | 'milestones'>,
  today: IsoDate,
): Promise<StoredDeadlines> {
  const [appeals, holidays] = await Promise.all([listCaseAppeals(trx, caseId), loadBankHolidayCalendar(trx)])
  return storedDeadlinesOf({ ...facts, exceptions: [], appeals }, today, holidays)
}

function sameStored(a: StoredDeadlines, b: StoredDeadlines): boolean {
  return (
    a.annualReviewDueOn === b.annualReviewDueOn &&
    a.nextDeadline?.on === b.nextDeadline?.on &&
    a.nextDeadline?.step === b.nextDeadline?.step
  )
}

/** A batch small enough that a PGlite transaction holding it does not stall the requests queued behind it. */
const BATCH = 500

/**
 * Works every case's stored dates out again and corrects those that differ: after the rules change (a new release,
 * an admin's bank-holiday override), and nightly, because a milestone arranged for a future day starts its clock
 * only once that day comes. One short transaction per batch, each under the job's lock.
 */
export function storedDeadlinesService(data: DataLayer, clock: Clock) {
  return {
    async recomputeAll(): Promise<JobResult> {
      const today = clock.today()
      let afterId: string | null = null
      let checked = 0
      let corrected = 0
      for (;;) {
        const batch: { done: boolean; locked: boolean; lastId: string | null } = await data.db.transaction(
          async (trx) => {
            if (!(await tryTransactionLock(trx, LOCK_KEYS.recomputeDeadlines)))
              return { done: true, locked: false, lastId: null }
            const holidays = await loadBankHolidayCalendar(trx)
            const rows = await lockCaseClockBatch(trx, afterId, BATCH)
            for (const row of rows) {
              const fresh = storedDeadlinesOf({ ...row, exceptions: [] }, today, holidays)
              if (sameStored(fresh, row.stored)) continue
              await setStoredDeadlines(trx, row.id, fresh)
              await recordAuditEvent(trx, {
                actorUserId: null,
                action: 'stored_deadlines_corrected',
                entityType: 'case',
                entityId: row.id,
                details: {
                  nextDeadlineWas: row.stored.nextDeadline?.on ?? null,
                  nextDeadlineOn: fresh.nextDeadline?.on ?? null,
                  nextDeadlineStep: fresh.nextDeadline?.step ?? null,
                  annualReviewDueWas: row.stored.annualReviewDueOn,
                  annualReviewDueOn: fresh.annualReviewDueOn,
                },
              })
              corrected += 1
            }
            checked += rows.length
            return { done: rows.length < BATCH, locked: true, lastId: rows.at(-1)?.id ?? null }
          },
        )
        // Another run holds the lock: the first batch reports a skip, a later one leaves the rest to that run.
        if (!batch.locked)
          return checked === 0 ? { ran: false } : { ran: true, counts: { checked, corrected } }
        if (batch.done || !batch.lastId) return { ran: true, counts: { checked, corrected } }
        afterId = batch.lastId
      }
    },
  }
}

export type StoredDeadlinesService = ReturnType<typeof storedDeadlinesService>

import type { DataLayer } from '../data'
import { recordAuditEvent } from '../data/audit'
import { LOCK_KEYS, lockSittingWrites, tryTransactionLock } from '../data/locks'
import { loadPublicPageSettings } from '../data/publicPageSettings'
import {
  findPastRetention,
  finishRun,
  recentRuns,
  recordRemoval,
  removeCase,
  removedTotals,
  startRun,
  type RetentionRun,
} from '../data/retention'
import type { IsoDate } from '../domain/dates'
import { initials } from '../domain/retention'
import type { JobResult } from '../jobs/types'
import type { Clock } from './clock'

/** What the next run would remove, as the admin sees it: the reference and at most the child's initials. */
export interface RetentionDue {
  reference: string
  initials: string
  kind: string
  status: string
  closedOn: IsoDate
  retentionEndsOn: IsoDate
}

export interface RetentionOverview {
  yearsAfter25: number
  today: IsoDate
  due: RetentionDue[]
  runs: RetentionRun[]
  totals: { closedYear: number; kind: string; removed: number }[]
  totalRemoved: number
}

/**
 * Issue 17 point 4: removes closed cases whose retention has ended. Each case is its own transaction,
 * so one that fails (a row this code does not know about) leaves every other removal in place and is
 * tried again the next day; each transaction first takes the job's own lock, so two instances never
 * remove in parallel, then the sitting-writes lock because it deletes agenda items.
 */
export function retentionService(data: DataLayer, clock: Clock) {
  const { db } = data

  async function yearsAfter25(): Promise<number> {
    return (await loadPublicPageSettings(db)).settings.retentionYearsAfter25
  }

  return {
    /** The dry run: exactly what apply() would remove today, and nothing is changed. */
    async overview(): Promise<RetentionOverview> {
      const years = await yearsAfter25()
      const today = clock.today()
      const [due, runs, totals] = await Promise.all([
        findPastRetention(db, today, years),
        recentRuns(db),
        removedTotals(db),
      ])
      return {
        yearsAfter25: years,
        today,
        due: due.map((c) => ({
          reference: c.reference,
          initials: initials(c.firstName, c.lastName),
          kind: c.kind,
          status: c.status,
          closedOn: c.closedOn,
          retentionEndsOn: c.retentionEndsOn,
        })),
        runs,
        totals,
        totalRemoved: totals.reduce((n, t) => n + t.removed, 0),
      }
    },

    async apply(actorUserId: string | null = null): Promise<JobResult> {
      const years = await yearsAfter25()
      const today = clock.today()
      const started = await db.transaction(async (trx) => {
        if (!(await tryTransactionLock(trx, LOCK_KEYS.applyRetention))) return undefined
        const due = await findPastRetention(trx, today, years)
        const runId = await startRun(trx, { runOn: today, yearsAfter25: years, runBy: actorUserId })
        return { due, runId }
      })
      if (!started) return { ran: false }

      let removed = 0
      let failed = 0
      let childrenRemoved = 0
      for (const candidate of started.due) {
        try {
          const done = await db.transaction(async (trx) => {
            if (!(await tryTransactionLock(trx, LOCK_KEYS.applyRetention))) return 'locked' as const
            await lockSittingWrites(trx)
            // Decided again inside the transaction: the case may have been reopened since the list was made.
            const still = (await findPastRetention(trx, today, years, candidate.caseId)).length > 0
            if (!still) return 'skipped' as const
            const result = await removeCase(trx, candidate.caseId, candidate.childId, clock.now())
            const closedYear = Number(candidate.closedOn.slice(0, 4))
            await recordRemoval(trx, {
              runId: started.runId,
              kind: candidate.kind,
              status: candidate.status,
              closedYear,
              childRemoved: result.childRemoved,
              counts: result.counts,
            })
            await recordAuditEvent(trx, {
              actorUserId,
              action: 'retention.case_removed',
              entityType: 'retention_run',
              entityId: started.runId,
              details: { kind: candidate.kind, closedYear, childRemoved: result.childRemoved },
            })
            return result.childRemoved ? ('child' as const) : ('case' as const)
          })
          if (done === 'locked') break
          if (done === 'case' || done === 'child') removed += 1
          if (done === 'child') childrenRemoved += 1
        } catch {
          // The case stays as it was (its transaction rolled back) and is tried again on the next run.
          failed += 1
        }
      }
      await finishRun(db, started.runId, { removed, failed, finishedAt: clock.now() })
      if (failed > 0) throw new Error(`${failed} case(s) could not be removed; the others were`)
      return { ran: true, counts: { casesRemoved: removed, childrenRemoved } }
    },
  }
}

export type RetentionService = ReturnType<typeof retentionService>

import type { DataLayer } from '../data'
import { LOCK_KEYS, tryTransactionLock } from '../data/locks'
import type { Clock } from '../services/clock'
import type { JobRun } from '../data/jobRuns'
import type { Logger } from '../logger'
import { runJob } from './runJob'
import type { Job, JobResult } from './types'

/** How long the record of a job's runs is kept: long enough to see a quarter's pattern of failures. */
export const JOB_RUNS_KEPT_DAYS = 90
const DAY_MS = 24 * 60 * 60 * 1000

/** Job runs for the web pages: the admin's list, and running a job on demand with the same record as cron. */
export function jobRunsService(data: DataLayer, clock: Clock) {
  return {
    recent(limit = 50): Promise<JobRun[]> {
      return data.jobRuns.listRecent(limit)
    },

    lastRun(jobName: string): Promise<JobRun | undefined> {
      return data.jobRuns.lastRun(jobName)
    },

    /** Never throws: the outcome says whether it ran, was skipped (another run held the lock) or failed. */
    runNow(job: Job, logger: Logger) {
      return runJob(data, logger, job)
    },

    /** At start-up: a run still "running" that nothing holds was cut short by a crash, so it failed. */
    markAbandonedRunsFailed(): Promise<number> {
      return data.jobRuns.failAbandoned()
    },

    /** Daily: forgets runs older than the retention period. */
    pruneOld(): Promise<JobResult> {
      return data.db.transaction(async (trx): Promise<JobResult> => {
        if (!(await tryTransactionLock(trx, LOCK_KEYS.pruneJobRuns))) return { ran: false }
        const before = new Date(clock.now().getTime() - JOB_RUNS_KEPT_DAYS * DAY_MS)
        return { ran: true, counts: { deleted: await data.jobRuns.pruneBefore(before, trx) } }
      })
    },
  }
}

export type JobRunsService = ReturnType<typeof jobRunsService>

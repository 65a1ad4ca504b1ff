import type { DataLayer } from '../data'
import type { JobRun } from '../data/jobRuns'
import type { Logger } from '../logger'
import { runJob } from './runJob'
import type { Job } from './types'

/** Job runs for the web pages: the admin's list, and running a job on demand with the same record as cron. */
export function jobRunsService(data: DataLayer) {
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
  }
}

export type JobRunsService = ReturnType<typeof jobRunsService>

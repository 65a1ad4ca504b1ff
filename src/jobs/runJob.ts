import type { FinishedOutcome, JobRunsRepository } from '../data/jobRuns'
import { elapsedMs, startTimer } from '../services/clock'
import type { Logger } from '../logger'
import type { Job } from './types'

export type { Job, JobResult, ScheduledJob } from './types'

const MAX_ERROR_MESSAGE = 500

export interface RunOptions {
  /**
   * The minute cron fired the run for. Every instance fired for that minute claims the same slot, and
   * only the first runs: the others are recorded as skipped, even if the first has already finished.
   */
  scheduledFor?: Date
}

/** The message only, cut short: a stack trace or a driver's detail can quote row values. */
function shortErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : 'A value that is not an Error was thrown'
  return message.length > MAX_ERROR_MESSAGE ? message.slice(0, MAX_ERROR_MESSAGE - 1) + '…' : message
}

/** The error's type and database code, for the log; its message stays in job_runs, which only admins read. */
function errorSummary(error: unknown): { errorType: string; code?: string } {
  if (!(error instanceof Error)) return { errorType: typeof error }
  const code = (error as { code?: unknown }).code
  return { errorType: error.name, ...(typeof code === 'string' ? { code } : {}) }
}

/**
 * Runs a job and records the run. The record is written on the root connection before and after
 * the job, never inside its transaction: on the embedded database a query on the root connection
 * while a transaction holds the only connection would wait for ever. Never throws, so that a
 * failing job cannot take the server down with it.
 */
export async function runJob(
  data: { jobRuns: JobRunsRepository },
  logger: Logger,
  job: Job,
  options: RunOptions = {},
): Promise<FinishedOutcome> {
  const log = logger.child({ job: job.name })
  const scheduledFor = options.scheduledFor ?? null
  let runId: string
  try {
    const claimed = scheduledFor
      ? await data.jobRuns.startScheduled(job.name, scheduledFor)
      : await data.jobRuns.start(job.name)
    if (claimed === undefined) {
      // Another instance fired for the same minute and has (or had) the run.
      await data.jobRuns.recordSkipped(job.name, scheduledFor)
      log.info({ outcome: 'skipped' }, 'job skipped: another instance has this run')
      return 'skipped'
    }
    runId = claimed
  } catch (error) {
    // Without a record the run could not be seen on the admin page; the database is most likely down anyway.
    log.error(errorSummary(error), 'job not run: could not record its start')
    return 'failed'
  }

  const startedAt = startTimer()
  let outcome: FinishedOutcome
  let counts: Record<string, number> = {}
  let errorMessage: string | null = null
  try {
    const result = await job.run()
    outcome = result.ran ? 'succeeded' : 'skipped'
    if (result.ran) counts = result.counts
  } catch (error) {
    outcome = 'failed'
    errorMessage = shortErrorMessage(error)
    log.error({ runId, ...errorSummary(error) }, 'job failed')
  }

  try {
    await data.jobRuns.finish(runId, { outcome, counts, errorMessage })
  } catch (error) {
    log.error({ runId, ...errorSummary(error) }, 'could not record the end of a job run')
  }
  if (outcome !== 'failed') {
    log.info({ runId, outcome, counts, durationMs: Math.round(elapsedMs(startedAt)) }, `job ${outcome}`)
  }
  return outcome
}

import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron'
import { jobEnvVar, type JobsConfig } from '../config'
import type { Logger } from '../logger'
import type { RunOptions } from './runJob'
import type { Job, ScheduledJob } from './types'

/** Council staff think in UK time, and a 02:00 job should stay at 02:00 across the clock changes. */
export const JOBS_TIMEZONE = 'Europe/London'

export type JobRunner = (job: Job, options: RunOptions) => Promise<unknown>

/**
 * The minute a run was fired for, which every instance on the same schedule shares: node-cron gives
 * the moment it meant to fire, and a late tick (a busy event loop) still names the same minute.
 */
export function slotOf(firedFor: Date): Date {
  return new Date(Math.floor(firedFor.getTime() / 60_000) * 60_000)
}

export interface PlannedJob {
  job: ScheduledJob
  schedule: string
}

export interface ScheduledJobs {
  /** What was scheduled and when, for the start-up message. */
  scheduled: Array<{ name: string; schedule: string }>
  /** Stops the timers, then waits for runs already under way, so the database can be closed after. */
  stop(): Promise<void>
}

/**
 * Checks the settings against the jobs and works out each one's schedule, without starting
 * anything, so that a bad setting stops the app at start-up rather than at 2am.
 */
export function planJobs(jobs: readonly ScheduledJob[], settings: JobsConfig): PlannedJob[] {
  const known = new Set(jobs.map((j) => j.name))
  const knownList = [...known].join(', ')
  for (const name of Object.keys(settings.schedules)) {
    if (!known.has(name)) throw new Error(`${jobEnvVar(name, 'SCHEDULE')} names no job (jobs: ${knownList})`)
  }
  for (const name of settings.disabled) {
    if (!known.has(name)) throw new Error(`${jobEnvVar(name, 'ENABLED')} names no job (jobs: ${knownList})`)
  }

  const planned: PlannedJob[] = []
  for (const job of jobs) {
    const override = settings.schedules[job.name]
    const schedule = override ?? job.defaultSchedule
    const validation = cron.validateDetailed(schedule)
    if (!validation.valid) {
      const where =
        override === undefined ? `the default schedule of ${job.name}` : jobEnvVar(job.name, 'SCHEDULE')
      const why = validation.errors.map((e) => e.message).join('; ')
      throw new Error(`${where} is not a valid cron expression: "${schedule}"${why ? ` (${why})` : ''}`)
    }
    if (!settings.disabled.includes(job.name)) planned.push({ job, schedule })
  }
  return settings.enabled ? planned : []
}

/** node-cron's own messages (a missed run, an overlap) go to our log rather than the console. */
function cronLogger(logger: Logger, jobName: string): CronLogger {
  const log = logger.child({ job: jobName, source: 'node-cron' })
  const text = (message: string | Error) => (message instanceof Error ? message.name : message)
  return {
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message) => log.error(text(message)),
    debug: (message) => log.debug(text(message)),
  }
}

/**
 * Starts a timer per enabled job. noOverlap stops a slow run overlapping its own next run in this
 * instance; the job's advisory lock is what keeps other instances and on-demand runs out.
 */
export function scheduleJobs(
  jobs: readonly ScheduledJob[],
  settings: JobsConfig,
  runner: JobRunner,
  logger?: Logger,
): ScheduledJobs {
  const planned = planJobs(jobs, settings)
  const running = new Set<Promise<unknown>>()
  const tasks: ScheduledTask[] = planned.map(({ job, schedule }) =>
    cron.schedule(
      schedule,
      async (context) => {
        // The runner records failures itself; this catch only keeps a broken runner from an unhandled rejection.
        const run = runner(job, { scheduledFor: slotOf(context.date) }).catch((error: unknown) =>
          logger?.error(
            { job: job.name, errorType: error instanceof Error ? error.name : typeof error },
            'job runner threw',
          ),
        )
        running.add(run)
        try {
          await run
        } finally {
          running.delete(run)
        }
      },
      {
        name: job.name,
        timezone: JOBS_TIMEZONE,
        noOverlap: true,
        ...(logger ? { logger: cronLogger(logger, job.name) } : {}),
      },
    ),
  )
  return {
    scheduled: planned.map(({ job, schedule }) => ({ name: job.name, schedule })),
    async stop() {
      await Promise.all(tasks.map((task) => task.destroy()))
      await Promise.allSettled([...running])
    },
  }
}

/**
 * What a job's service call reports. `ran: false` means another app instance (or an on-demand run)
 * held the job's advisory lock, so this run did nothing and is recorded as skipped.
 */
export type JobResult = { ran: true; counts: Record<string, number> } | { ran: false }

/** A job as the runner sees it: a name for its record, and the service call that does the work. */
export interface Job {
  name: string
  run: () => Promise<JobResult>
}

/** A job cron runs. The name also names its environment variables: JOB_<NAME>_SCHEDULE, JOB_<NAME>_ENABLED. */
export interface ScheduledJob extends Job {
  /** A cron expression in Europe/London time. */
  defaultSchedule: string
}

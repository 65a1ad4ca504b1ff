import type { Services } from '../services'
import type { ScheduledJob } from './types'

export { runJob, type RunOptions } from './runJob'
export { planJobs, scheduleJobs, slotOf, JOBS_TIMEZONE, type JobRunner, type ScheduledJobs } from './schedule'
export type { Job, JobResult, ScheduledJob } from './types'

/**
 * Every job cron runs, with its default schedule (Europe/London time). A job's name is also its
 * record in job_runs and its environment variables (JOB_<NAME>_SCHEDULE, JOB_<NAME>_ENABLED), so
 * renaming one orphans its history and its settings.
 */
export function scheduledJobs(services: Services): ScheduledJob[] {
  return [
    {
      name: 'roll-calendar-forward',
      // Before the queue runs, so that it can use the sittings this adds.
      defaultSchedule: '0 2 * * *',
      run: () => services.sittings.rollForward(),
    },
    {
      name: 'recompute-deadlines',
      // Before the queue, which places cases by their stored next deadline: a rule changed by a release or a
      // bank-holiday override, or a milestone whose day has come, reaches every case's stored dates first.
      defaultSchedule: '15 2 * * *',
      run: () => services.storedDeadlines.recomputeAll(),
    },
    {
      name: 'place-cases',
      defaultSchedule: '30 2 * * *',
      run: () => services.queue.placeCases(),
    },
    {
      name: 'settle-queue',
      // A decision saved places only its own case (decisions.ts); the full run that lets others move up
      // into places it freed, or gives an urgent deferred case a less urgent one's place, follows here.
      defaultSchedule: '*/5 * * * *',
      run: () => services.queue.settle(),
    },
    {
      name: 'draft-apology-letters',
      // After the queue: a case placed overnight is still late if its date has passed.
      defaultSchedule: '0 3 * * *',
      run: () => services.apologies.draftApologies(),
    },
    {
      name: 'delete-expired-sessions',
      // Expired sessions are already refused on read; this only keeps the table small.
      defaultSchedule: '0 * * * *',
      run: () => services.sessionCleanup.deleteExpiredSessions(),
    },
    {
      name: 'deliver-emails',
      // Sends the e-mail outbox every five minutes, not every minute, so that job_runs is not mostly this
      // job; an e-mail that fails waits for its next try (see emailBackoff).
      defaultSchedule: '*/5 * * * *',
      run: () => services.emailDelivery.deliverDue(),
    },
    {
      name: 'tell-members-papers-ready',
      // Early, so that members see the e-mail at the start of their working day.
      defaultSchedule: '0 7 * * *',
      run: () => services.notifications.tellMembersPapersReady(),
    },
    {
      name: 'prune-job-runs',
      // Keeps 90 days of runs: deliver-emails alone adds 288 a day.
      defaultSchedule: '30 4 * * *',
      run: () => services.jobRuns.pruneOld(),
    },
    {
      name: 'apply-retention',
      // Issue 17 point 4: in the quiet hours, after the other nightly jobs; /admin/retention shows what it will remove.
      defaultSchedule: '0 5 * * *',
      run: () => services.retention.apply(),
    },
  ]
}

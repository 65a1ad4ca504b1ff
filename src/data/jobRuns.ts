import type { Db, Executor } from './db'
import { parsedJson, type JobRunRow } from './tables'
import { JOB_LOCK_KEYS, tryTransactionLock } from './locks'

export type JobOutcome = 'running' | 'succeeded' | 'failed' | 'skipped'
export type FinishedOutcome = Exclude<JobOutcome, 'running'>

export interface JobRun {
  id: string
  jobName: string
  startedAt: Date
  finishedAt: Date | null
  outcome: JobOutcome
  /** What the run did, by name: rows deleted, cases placed. Numbers only, never personal data. */
  counts: Record<string, number>
  errorMessage: string | null
  /** The minute cron fired the run for; null for a run on demand. */
  scheduledFor: Date | null
}

/** What a run cut short by a crash or a stop says on the admin page. */
export const ABANDONED_MESSAGE = 'The run was cut short: the app stopped before it finished'

export interface JobRunFinish {
  outcome: FinishedOutcome
  counts?: Record<string, number>
  errorMessage?: string | null
}

function toJobRun(row: JobRunRow): JobRun {
  return {
    // bigIncrements: a number on both drivers (data/db's type parsers); a string for callers.
    id: String(row.id),
    jobName: row.job_name,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    counts: parsedJson(row.counts),
    errorMessage: row.error_message,
    scheduledFor: row.scheduled_for,
  }
}

/**
 * The record of scheduled jobs' runs. Written on the root connection, never inside a job's
 * transaction: a failed job's rollback must not take its own record with it.
 */
export function jobRunsRepository(db: Db) {
  return {
    async start(jobName: string): Promise<string> {
      const [row] = await db<JobRunRow>('job_runs').insert({ job_name: jobName }).returning('id')
      if (!row) throw new Error('job_runs insert returned no id')
      return String(row.id)
    },

    /**
     * Starts a scheduled run for its slot, or returns undefined when another instance already claimed
     * that slot (its run may even have finished: a lock alone cannot tell a second run from a later one).
     */
    async startScheduled(jobName: string, scheduledFor: Date): Promise<string | undefined> {
      const result = await db.raw<{ rows: Pick<JobRunRow, 'id'>[] }>(
        `insert into job_runs (job_name, scheduled_for) values (?, ?)
         on conflict (job_name, scheduled_for) where scheduled_for is not null and outcome <> 'skipped'
         do nothing returning id`,
        [jobName, scheduledFor],
      )
      const row = result.rows[0]
      return row ? String(row.id) : undefined
    },

    /** A run that did nothing because another instance had its slot or its lock, recorded as such. */
    async recordSkipped(jobName: string, scheduledFor: Date | null): Promise<void> {
      await db<JobRunRow>('job_runs').insert({
        job_name: jobName,
        scheduled_for: scheduledFor,
        outcome: 'skipped',
        finished_at: db.fn.now(),
      })
    },

    /**
     * Marks as failed the runs still "running" that nothing is running any more: their job's lock is
     * free, so no transaction (in any instance) is doing their work. A run's own record could in a
     * moment of bad luck be caught between its start and its lock; its finish then writes its true
     * outcome over this one. Returns how many were marked.
     */
    async failAbandoned(): Promise<number> {
      const running = await db<JobRunRow>('job_runs').where({ outcome: 'running' }).select('id', 'job_name')
      let failed = 0
      for (const run of running) {
        const key = JOB_LOCK_KEYS[run.job_name]
        const abandoned = await db.transaction(async (trx) => {
          if (key !== undefined && !(await tryTransactionLock(trx, key))) return false
          const marked = await trx<JobRunRow>('job_runs')
            .where({ id: run.id, outcome: 'running' })
            .update({
              outcome: 'failed',
              finished_at: trx.fn.now(),
              error_message: ABANDONED_MESSAGE,
            })
            .returning('id')
          return marked.length > 0
        })
        if (abandoned) failed += 1
      }
      return failed
    },

    /**
     * Deletes the record of runs started before a moment, leaving any still running. Counts the returned
     * rows: knex-pglite answers a bare delete with its raw result, not a number.
     */
    async pruneBefore(before: Date, q: Executor = db): Promise<number> {
      const deleted = await q<JobRunRow>('job_runs')
        .where('started_at', '<', before)
        .whereNot({ outcome: 'running' })
        .delete()
        .returning('id')
      return deleted.length
    },

    async finish(id: string, result: JobRunFinish): Promise<void> {
      // The id as callers hold it, a string; PostgreSQL compares it with the bigint column.
      await db<JobRunRow>('job_runs')
        .where('id', id)
        .update({
          finished_at: db.fn.now(),
          outcome: result.outcome,
          counts: JSON.stringify(result.counts ?? {}),
          error_message: result.errorMessage ?? null,
        })
    },

    async listRecent(limit: number): Promise<JobRun[]> {
      const rows = await db<JobRunRow>('job_runs')
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
      return rows.map(toJobRun)
    },

    async lastRun(jobName: string): Promise<JobRun | undefined> {
      const row = await db<JobRunRow>('job_runs')
        .where({ job_name: jobName })
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .first()
      return row && toJobRun(row)
    },
  }
}

export type JobRunsRepository = ReturnType<typeof jobRunsRepository>

import type { Db } from './db'

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
}

export interface JobRunFinish {
  outcome: FinishedOutcome
  counts?: Record<string, number>
  errorMessage?: string | null
}

interface JobRunRow {
  id: string | number
  job_name: string
  started_at: Date
  finished_at: Date | null
  outcome: JobOutcome
  counts: Record<string, number> | string
  error_message: string | null
}

function toJobRun(row: JobRunRow): JobRun {
  return {
    // bigIncrements: a number on the embedded database, a string on pg; one type for callers.
    id: String(row.id),
    jobName: row.job_name,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    counts: typeof row.counts === 'string' ? (JSON.parse(row.counts) as Record<string, number>) : row.counts,
    errorMessage: row.error_message,
  }
}

/**
 * The record of scheduled jobs' runs. Written on the root connection, never inside a job's
 * transaction: a failed job's rollback must not take its own record with it.
 */
export function jobRunsRepository(db: Db) {
  return {
    async start(jobName: string): Promise<string> {
      const [row] = (await db('job_runs').insert({ job_name: jobName }).returning('id')) as Array<{
        id: string | number
      }>
      if (!row) throw new Error('job_runs insert returned no id')
      return String(row.id)
    },

    async finish(id: string, result: JobRunFinish): Promise<void> {
      await db('job_runs')
        .where({ id })
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

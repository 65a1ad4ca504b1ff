import type { Db } from './db'
import type { CaseRow, UserRow } from './tables'
import type { IsoDate } from '../domain/dates'
import { OPEN_STATUSES, type WorkloadCounts } from '../domain/workloadReport'

/** A caseworker's open cases, counted (bigint counts come back as numbers: see data/db's type parsers). */
type Row = Pick<CaseRow, 'caseworker_id'> &
  Pick<UserRow, 'full_name'> & { open_cases: number; due_soon: number; overdue: number }

export function workloadRepository(db: Db) {
  return {
    /**
     * Counted in one grouped query over the stored next deadline (cases.next_deadline_on, kept by
     * services/storedDeadlines.ts), so the report does not run every case's clock.
     */
    async countByCaseworker(today: IsoDate, dueSoonBefore: IsoDate): Promise<WorkloadCounts[]> {
      const rows = await db('cases as c')
        .join('users as u', 'u.id', 'c.caseworker_id')
        .whereIn('c.status', OPEN_STATUSES)
        .groupBy('c.caseworker_id', 'u.full_name')
        .orderBy('u.full_name')
        .select<Row[]>(
          'c.caseworker_id',
          'u.full_name',
          db.raw('count(*) AS open_cases'),
          db.raw(
            'count(*) FILTER (WHERE c.next_deadline_on >= ?::date AND c.next_deadline_on < ?::date) AS due_soon',
            [today, dueSoonBefore],
          ),
          db.raw('count(*) FILTER (WHERE c.next_deadline_on < ?::date) AS overdue', [today]),
        )
      return rows.map((r) => ({
        caseworkerId: r.caseworker_id,
        name: r.full_name,
        openCases: Number(r.open_cases),
        dueSoon: Number(r.due_soon),
        overdue: Number(r.overdue),
      }))
    },
  }
}

export type WorkloadRepository = ReturnType<typeof workloadRepository>

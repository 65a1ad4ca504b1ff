import type { Db } from './db'
import type { IsoDate } from '../domain/dates'
import { OPEN_STATUSES, type WorkloadCounts } from '../domain/workloadReport'

interface Row {
  caseworker_id: string
  full_name: string
  open_cases: string | number
  due_soon: string | number
  overdue: string | number
}

export function workloadRepository(db: Db) {
  return {
    /**
     * Counted in one grouped query over the stored next deadline (cases.next_deadline_on, kept by
     * services/storedDeadlines.ts), so the report does not run every case's clock.
     */
    async countByCaseworker(today: IsoDate, dueSoonBefore: IsoDate): Promise<WorkloadCounts[]> {
      const rows = (await db('cases as c')
        .join('users as u', 'u.id', 'c.caseworker_id')
        .whereIn('c.status', OPEN_STATUSES)
        .groupBy('c.caseworker_id', 'u.full_name')
        .orderBy('u.full_name')
        .select(
          'c.caseworker_id',
          'u.full_name',
          db.raw('count(*) AS open_cases'),
          db.raw(
            'count(*) FILTER (WHERE c.next_deadline_on >= ?::date AND c.next_deadline_on < ?::date) AS due_soon',
            [today, dueSoonBefore],
          ),
          db.raw('count(*) FILTER (WHERE c.next_deadline_on < ?::date) AS overdue', [today]),
        )) as Row[]
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

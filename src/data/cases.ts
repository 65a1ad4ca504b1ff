import type { Db, Executor } from './db'
import type { CaseRow, ChildRow, PanelRow, SittingRow, UserRow } from './tables'
import type { Knex } from 'knex'
import type { CaseKind, CaseStatus } from '../domain/vocabulary'
import type { DateWindow, DeadlineWindow } from '../domain/caseList'

export interface CaseListFilter {
  today: string
  caseworkerId?: string
  status?: CaseStatus
  kind?: CaseKind
  panelId?: string
  deadline?: DeadlineWindow
  /** When the next annual review falls due (cases.annual_review_due_on, indexed). */
  annualReview?: DateWindow
  page: number
  perPage: number
}

export interface CaseSummary {
  id: string
  reference: string
  kind: CaseKind
  status: CaseStatus
  receivedOn: string
  childName: string
  caseworkerName: string
  nextSittingOn: string | null
  nextPanelName: string | null
  nextDeadlineOn: string | null
  nextDeadlineStep: string | null
  annualReviewDueOn: string | null
  /** The scheduler found no sitting that can take it before its deadline. */
  atRisk: boolean
}

/** A case in the list, with its child, caseworker, next sitting and whether the scheduler found none in time. */
type CaseSummaryRow = Pick<
  CaseRow,
  | 'id'
  | 'reference'
  | 'kind'
  | 'status'
  | 'received_on'
  | 'next_deadline_on'
  | 'next_deadline_step'
  | 'annual_review_due_on'
> & {
  child_first_name: ChildRow['first_name']
  child_last_name: ChildRow['last_name']
  caseworker_name: UserRow['full_name']
  next_sitting_on: SittingRow['sitting_on'] | null
  next_panel_name: PanelRow['name'] | null
  at_risk: boolean
}

function toCaseSummary(row: CaseSummaryRow): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    receivedOn: row.received_on,
    childName: `${row.child_first_name} ${row.child_last_name}`,
    caseworkerName: row.caseworker_name,
    nextSittingOn: row.next_sitting_on,
    nextPanelName: row.next_panel_name,
    nextDeadlineOn: row.next_deadline_on,
    nextDeadlineStep: row.next_deadline_step,
    annualReviewDueOn: row.annual_review_due_on,
    atRisk: row.at_risk,
  }
}

export function casesRepository(db: Db) {
  /** Cases with their child, caseworker and the next sitting they are on (if any) from `today`. */
  function summaries(today: string) {
    const nextSitting = db('agenda_items as ai')
      .join('sittings as s', 's.id', 'ai.sitting_id')
      .join('panels as p', 'p.id', 's.panel_id')
      .whereRaw('ai.case_id = c.id')
      .andWhere('s.sitting_on', '>=', today)
      .andWhere('s.status', 'scheduled')
      .orderBy('s.sitting_on')
      .limit(1)
    return db('cases as c')
      .join('children as ch', 'ch.id', 'c.child_id')
      .join('users as u', 'u.id', 'c.caseworker_id')
      .select(
        'c.id',
        'c.reference',
        'c.kind',
        'c.status',
        'c.received_on',
        'c.next_deadline_on',
        'c.next_deadline_step',
        'c.annual_review_due_on',
        'ch.first_name as child_first_name',
        'ch.last_name as child_last_name',
        'u.full_name as caseworker_name',
        nextSitting.clone().select('s.sitting_on').as('next_sitting_on'),
        nextSitting.clone().select('p.name').as('next_panel_name'),
        db.raw(
          "exists (select 1 from case_queue q where q.case_id = c.id and q.state = 'at_risk') as at_risk",
        ),
      )
  }

  return {
    /** A page of cases, nearest open statutory deadline first, and how many match in all. */
    async list(filter: CaseListFilter): Promise<{ rows: CaseSummary[]; total: number }> {
      const where = (query: Knex.QueryBuilder) => {
        if (filter.caseworkerId) query.where('c.caseworker_id', filter.caseworkerId)
        if (filter.status) query.where('c.status', filter.status)
        if (filter.kind) query.where('c.kind', filter.kind)
        if (filter.panelId) {
          // Cases that are, or have been, on an agenda of that panel.
          query.whereExists(
            db('agenda_items as ai')
              .join('sittings as s', 's.id', 'ai.sitting_id')
              .whereRaw('ai.case_id = c.id')
              .where('s.panel_id', filter.panelId),
          )
        }
        const window = filter.deadline
        if (window?.kind === 'none') query.whereNull('c.next_deadline_on')
        if (window?.kind === 'at_risk')
          query.whereExists(db('case_queue as q').whereRaw('q.case_id = c.id').where('q.state', 'at_risk'))
        if (window?.kind === 'range') {
          if (window.from) query.where('c.next_deadline_on', '>=', window.from)
          if (window.before) query.where('c.next_deadline_on', '<', window.before)
        }
        const review = filter.annualReview
        if (review) {
          query.whereNotNull('c.annual_review_due_on')
          if (review.from) query.where('c.annual_review_due_on', '>=', review.from)
          if (review.before) query.where('c.annual_review_due_on', '<', review.before)
        }
        return query
      }
      const [countRow, rows] = await Promise.all([
        where(db('cases as c')).count('* as n').first() as Promise<{ n: number | string } | undefined>,
        where(summaries(filter.today))
          .orderBy([
            { column: 'c.next_deadline_on', order: 'asc', nulls: 'last' },
            { column: 'c.received_on', order: 'asc' },
            { column: 'c.reference' },
          ])
          .limit(filter.perPage)
          .offset((filter.page - 1) * filter.perPage) as Promise<CaseSummaryRow[]>,
      ])
      return { rows: rows.map(toCaseSummary), total: Number(countRow?.n ?? 0) }
    },

    async listForChildren(childIds: string[], today: string): Promise<(CaseSummary & { childId: string })[]> {
      if (childIds.length === 0) return []
      const rows: (CaseSummaryRow & { child_id: string })[] = await summaries(today)
        .select('c.child_id')
        .whereIn('c.child_id', childIds)
        .whereNot('c.status', 'draft')
        .orderBy('c.received_on', 'desc')
      return rows.map((row) => ({ ...toCaseSummary(row), childId: row.child_id }))
    },

    async countByStatus(): Promise<Record<string, number>> {
      const rows: { status: string; n: number | string }[] = await db('cases')
        .select('status')
        .count('* as n')
        .groupBy('status')
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
    },

    async countByKind(): Promise<Record<string, number>> {
      const rows: { kind: string; n: number | string }[] = await db('cases')
        .whereNotIn('status', ['closed', 'withdrawn'])
        .select('kind')
        .count('* as n')
        .groupBy('kind')
      return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]))
    },
  }
}

export type CasesRepository = ReturnType<typeof casesRepository>

/** Whose case it is: the caseworker a case belongs to, or undefined when there is no such case. */
export async function caseworkerOfCase(
  q: Executor,
  caseId: string,
): Promise<{ caseworkerId: string } | undefined> {
  const row = (await q('cases').where({ id: caseId }).first('caseworker_id')) as
    { caseworker_id: string } | undefined
  return row && { caseworkerId: row.caseworker_id }
}

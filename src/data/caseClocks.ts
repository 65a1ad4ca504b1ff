import type { StoredDeadlines } from '../domain/caseDeadlines'
import type { IsoDate } from '../domain/dates'
import type { TribunalAppeal } from '../domain/tribunalOrders'
import type { CaseKind } from '../domain/vocabulary'
import { MILESTONE_COLUMNS, toMilestones, type Milestones } from './caseMilestones'
import type { Transaction } from './db'
import type { CaseAppealRow, CaseRow } from './tables'

export type { StoredDeadlines }

/** A case's stored clock results as its columns (next_deadline_on/_step, annual_review_due_on). */
export function storedDeadlineColumns(s: StoredDeadlines) {
  return {
    next_deadline_on: s.nextDeadline?.on ?? null,
    next_deadline_step: s.nextDeadline?.step ?? null,
    annual_review_due_on: s.annualReviewDueOn,
  }
}

export interface CaseClockRow {
  id: string
  kind: CaseKind
  receivedOn: IsoDate
  milestones: Milestones
  appeals: TribunalAppeal[]
  stored: StoredDeadlines
}

const COLUMNS = [
  'id',
  'kind',
  'received_on',
  'next_deadline_on',
  'next_deadline_step',
  'annual_review_due_on',
  ...MILESTONE_COLUMNS,
] as const

/**
 * The next `limit` cases after `afterId` (in id order), locked for the caller's transaction, with what their clock
 * reads and what is stored: a batch of the recompute job. Locked so that an edit saved meanwhile is not overwritten
 * with dates worked out from what it replaced.
 */
export async function lockCaseClockBatch(
  trx: Transaction,
  afterId: string | null,
  limit: number,
): Promise<CaseClockRow[]> {
  const query = trx<CaseRow>('cases')
    .select(...COLUMNS)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
  if (afterId) query.where('id', '>', afterId)
  const rows = await query
  if (rows.length === 0) return []
  const appealRows = await trx<CaseAppealRow>('case_appeals')
    .whereIn(
      'case_id',
      rows.map((r) => r.id),
    )
    .orderBy(['decided_on', 'created_at'])
    .select('case_id', 'route', 'decided_on', 'about')
  const appeals = new Map<string, TribunalAppeal[]>()
  for (const a of appealRows) {
    const list = appeals.get(a.case_id) ?? []
    list.push({ route: a.route, on: a.decided_on, about: a.about })
    appeals.set(a.case_id, list)
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    receivedOn: r.received_on,
    milestones: toMilestones(r),
    appeals: appeals.get(r.id) ?? [],
    stored: {
      nextDeadline:
        r.next_deadline_on && r.next_deadline_step
          ? { on: r.next_deadline_on, step: r.next_deadline_step }
          : null,
      annualReviewDueOn: r.annual_review_due_on,
    },
  }))
}

/**
 * Corrects a case's stored dates without moving its version on: they are derived, not edited, so a form open on the
 * case stays good to save.
 */
export async function setStoredDeadlines(
  trx: Transaction,
  caseId: string,
  stored: StoredDeadlines,
): Promise<void> {
  await trx<CaseRow>('cases').where({ id: caseId }).update(storedDeadlineColumns(stored))
}

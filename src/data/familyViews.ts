import type { Executor, Transaction } from './db'
import type { FamilyViewRow, PanelRow, UserRow } from './tables'

type FamilyViewsRow = Pick<FamilyViewRow, 'id' | 'body' | 'sent_at' | 'sitting_id'> &
  Pick<UserRow, 'full_name'>

export interface FamilyViews {
  id: string
  body: string
  sentAt: Date
  sentByName: string
  sittingId: string | null
}

export async function insertFamilyViews(
  trx: Transaction,
  views: { caseId: string; sittingId: string | null; sentBy: string; body: string; sentAt: Date },
): Promise<string> {
  const [row] = await trx<FamilyViewRow>('family_views')
    .insert({
      case_id: views.caseId,
      sitting_id: views.sittingId,
      sent_by: views.sentBy,
      body: views.body,
      sent_at: views.sentAt,
    })
    .returning('id')
  return row!.id
}

/** Everything the family has sent about a case, oldest first, as the panel reads it. */
export async function listFamilyViews(q: Executor, caseId: string): Promise<FamilyViews[]> {
  const rows = await q('family_views as v')
    .join('users as u', 'u.id', 'v.sent_by')
    .where('v.case_id', caseId)
    .orderBy([{ column: 'v.sent_at' }, { column: 'v.id' }])
    .select<FamilyViewsRow[]>('v.id', 'v.body', 'v.sent_at', 'u.full_name', 'v.sitting_id')
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    sentAt: r.sent_at,
    sentByName: r.full_name,
    sittingId: r.sitting_id,
  }))
}

/** How many working days before a sitting its panel's papers must be complete. */
export async function papersCutoffWorkingDays(q: Executor, sittingId: string): Promise<number> {
  const row = await q('sittings as s')
    .join('panels as p', 'p.id', 's.panel_id')
    .where('s.id', sittingId)
    .first<Pick<PanelRow, 'papers_cutoff_working_days'> | undefined>('p.papers_cutoff_working_days')
  return row?.papers_cutoff_working_days ?? 0
}

import type { Knex } from 'knex'
import type { Db, Executor, Transaction } from './db'
import type { CaseKind, CaseStatus } from '../domain/vocabulary'

export interface AgendaEntry {
  caseId: string
  reference: string
  kind: CaseKind
  status: CaseStatus
  childName: string
  deadline: string | null
  deadlineStep: string | null
  papersCompleteOn: string | null
  position: number
  placedBy: 'scheduler' | 'chair'
}

/** A sitting's agenda in order. */
export async function listAgenda(trx: Executor, sittingId: string): Promise<AgendaEntry[]> {
  const rows: {
    case_id: string
    reference: string
    kind: CaseKind
    status: CaseStatus
    first_name: string
    last_name: string
    next_deadline_on: string | null
    next_deadline_step: string | null
    papers_complete_on: string | null
    position: number
    placed_by: 'scheduler' | 'chair'
  }[] = await trx('agenda_items as ai')
    .join('cases as c', 'c.id', 'ai.case_id')
    .join('children as ch', 'ch.id', 'c.child_id')
    .where('ai.sitting_id', sittingId)
    .select(
      'ai.case_id',
      'c.reference',
      'c.kind',
      'c.status',
      'ch.first_name',
      'ch.last_name',
      'c.next_deadline_on',
      'c.next_deadline_step',
      'c.papers_complete_on',
      'ai.position',
      'ai.placed_by',
    )
    .orderBy([{ column: 'ai.position' }, { column: 'c.reference' }])
  return rows.map((r) => ({
    caseId: r.case_id,
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    childName: `${r.first_name} ${r.last_name}`,
    deadline: r.next_deadline_on,
    deadlineStep: r.next_deadline_step,
    papersCompleteOn: r.papers_complete_on,
    position: r.position,
    placedBy: r.placed_by,
  }))
}

/** Writes a new order; the item the chair moved is marked as theirs, so that the scheduler leaves it there. */
export async function writeAgendaOrder(
  trx: Knex.Transaction,
  sittingId: string,
  order: readonly string[],
  movedByChair: string | null,
): Promise<void> {
  for (const [i, caseId] of order.entries()) {
    const change: Record<string, unknown> = { position: i + 1 }
    if (caseId === movedByChair) Object.assign(change, { placed_by: 'chair', placed_at: trx.fn.now() })
    await trx('agenda_items').where({ sitting_id: sittingId, case_id: caseId }).update(change)
  }
}

export async function removeAgendaItem(
  trx: Knex.Transaction,
  sittingId: string,
  caseId: string,
): Promise<void> {
  await trx('agenda_items').where({ sitting_id: sittingId, case_id: caseId }).delete()
}

export async function addChairItem(
  trx: Knex.Transaction,
  sittingId: string,
  caseId: string,
  position: number,
): Promise<void> {
  await trx('agenda_items').insert({ sitting_id: sittingId, case_id: caseId, position, placed_by: 'chair' })
}

export async function excludeFromSitting(
  trx: Knex.Transaction,
  caseId: string,
  sittingId: string,
  userId: string,
): Promise<void> {
  await trx('agenda_exclusions')
    .insert({ case_id: caseId, sitting_id: sittingId, excluded_by: userId })
    .onConflict(['case_id', 'sitting_id'])
    .ignore()
}

/** Every item on a sitting, for when it is cancelled and they all go back to the queue. */
export async function removeAllItems(trx: Knex.Transaction, sittingId: string): Promise<string[]> {
  const rows: { case_id: string }[] = await trx('agenda_items')
    .where({ sitting_id: sittingId })
    .delete()
    .returning('case_id')
  return rows.map((r) => r.case_id)
}

export function agendaRepository(db: Db) {
  return {
    list: (sittingId: string) => listAgenda(db, sittingId),
  }
}

export type AgendaRepository = ReturnType<typeof agendaRepository>

/**
 * Takes an ended case off every sitting still to be held where the panel has not decided it, and closes
 * the gap in each agenda's order. A held sitting's items are its record and stay. Returns the sittings it
 * came off.
 */
export async function removeUndecidedItems(trx: Transaction, caseId: string): Promise<string[]> {
  const rows: { sitting_id: string }[] = await trx('agenda_items as ai')
    .where('ai.case_id', caseId)
    .whereIn('ai.sitting_id', trx('sittings').where('status', 'scheduled').select('id'))
    .whereNotExists(trx('decisions as d').whereRaw('d.agenda_item_id = ai.id'))
    .select('ai.sitting_id')
  const sittingIds = rows.map((r) => r.sitting_id)
  if (sittingIds.length === 0) return []
  await trx('agenda_items').where('case_id', caseId).whereIn('sitting_id', sittingIds).delete()
  for (const sittingId of sittingIds) {
    const order = (await listAgenda(trx, sittingId)).map((i) => i.caseId)
    await writeAgendaOrder(trx, sittingId, order, null)
  }
  return sittingIds
}

/**
 * A case decided at one sitting holds no place on a later one it was queued for after an earlier
 * deferral: those undecided items go, and the agendas close their gaps. Returns each sitting it came off,
 * for telling the chair.
 */
export async function removeOtherUndecidedItems(
  trx: Transaction,
  caseId: string,
  keepAgendaItemId: string,
): Promise<{ sittingId: string; panelName: string; sittingOn: string }[]> {
  const rows: { sitting_id: string; panel_name: string; sitting_on: string }[] = await trx(
    'agenda_items as ai',
  )
    .join('sittings as s', 's.id', 'ai.sitting_id')
    .join('panels as p', 'p.id', 's.panel_id')
    .where('ai.case_id', caseId)
    .whereNot('ai.id', keepAgendaItemId)
    .whereNotExists(trx('decisions as d').whereRaw('d.agenda_item_id = ai.id'))
    .select('ai.sitting_id', 'p.name as panel_name', 's.sitting_on')
  if (rows.length === 0) return []
  const sittingIds = rows.map((r) => r.sitting_id)
  await trx('agenda_items').where('case_id', caseId).whereIn('sitting_id', sittingIds).delete()
  for (const sittingId of sittingIds) {
    const order = (await listAgenda(trx, sittingId)).map((i) => i.caseId)
    await writeAgendaOrder(trx, sittingId, order, null)
  }
  return rows.map((r) => ({ sittingId: r.sitting_id, panelName: r.panel_name, sittingOn: r.sitting_on }))
}

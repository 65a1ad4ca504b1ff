import type { Knex } from 'knex'
import type { Executor } from './db'
import type { IsoDate } from '../domain/dates'
import type { QueueState } from '../domain/scheduler'
import type { CaseKind } from '../domain/vocabulary'

/** What the placement and at-risk e-mails need to know about a case, and who its caseworker is. */
export interface CaseForNotice {
  id: string
  reference: string
  kind: CaseKind
  childFirstName: string
  childLastName: string
  deadline: IsoDate | null
  deadlineStep: string | null
  caseworkerName: string
  /** Null when the caseworker's account is disabled: nobody reads that inbox for the council any more. */
  caseworkerEmail: string | null
}

export async function casesForNotice(trx: Executor, caseIds: string[]): Promise<Map<string, CaseForNotice>> {
  if (caseIds.length === 0) return new Map()
  const rows: {
    id: string
    reference: string
    kind: CaseKind
    first_name: string
    last_name: string
    next_deadline_on: IsoDate | null
    next_deadline_step: string | null
    full_name: string
    email: string
    disabled_at: Date | null
  }[] = await trx('cases as c')
    .join('children as ch', 'ch.id', 'c.child_id')
    .join('users as u', 'u.id', 'c.caseworker_id')
    .whereIn('c.id', caseIds)
    .select(
      'c.id',
      'c.reference',
      'c.kind',
      'ch.first_name',
      'ch.last_name',
      'c.next_deadline_on',
      'c.next_deadline_step',
      'u.full_name',
      'u.email',
      'u.disabled_at',
    )
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        reference: r.reference,
        kind: r.kind,
        childFirstName: r.first_name,
        childLastName: r.last_name,
        deadline: r.next_deadline_on,
        deadlineStep: r.next_deadline_step,
        caseworkerName: r.full_name,
        caseworkerEmail: r.disabled_at === null ? r.email : null,
      },
    ]),
  )
}

export interface SittingForNotice {
  id: string
  panelId: string
  panelName: string
  sittingOn: IsoDate
  /** How many working days before the sitting its papers close, which is when the family's views close too. */
  papersCutoffWorkingDays: number
}

export async function sittingsForNotice(
  trx: Executor,
  sittingIds: string[],
): Promise<Map<string, SittingForNotice>> {
  if (sittingIds.length === 0) return new Map()
  const rows: {
    id: string
    panel_id: string
    name: string
    sitting_on: IsoDate
    papers_cutoff_working_days: number
  }[] = await trx('sittings as s')
    .join('panels as p', 'p.id', 's.panel_id')
    .whereIn('s.id', [...new Set(sittingIds)])
    .select('s.id', 's.panel_id', 'p.name', 's.sitting_on', 'p.papers_cutoff_working_days')
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        panelId: r.panel_id,
        panelName: r.name,
        sittingOn: r.sitting_on,
        papersCutoffWorkingDays: r.papers_cutoff_working_days,
      },
    ]),
  )
}

/**
 * The e-mail addresses of each case's family portal accounts that are still open, by case: for many
 * cases in one query (the per-case form is families.ts familyAccountsForCase). A case with none is absent.
 */
export async function familyEmailsForCases(
  trx: Executor,
  caseIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byCase = new Map<string, string[]>()
  const ids = [...new Set(caseIds)]
  for (let i = 0; i < ids.length; i += 1000) {
    const rows: { case_id: string; email: string }[] = await trx('cases as c')
      .join('family_contacts as fc', 'fc.child_id', 'c.child_id')
      .join('users as u', 'u.id', 'fc.user_id')
      .whereIn('c.id', ids.slice(i, i + 1000))
      .whereNull('u.disabled_at')
      .distinct('c.id as case_id', 'u.email')
      .orderBy([{ column: 'c.id' }, { column: 'u.email' }])
    for (const r of rows) {
      const list = byCase.get(r.case_id)
      if (list) list.push(r.email)
      else byCase.set(r.case_id, [r.email])
    }
  }
  return byCase
}

/**
 * The accounts of the chairs of active panels that decide each of these kinds, on the day, by kind: in
 * one query, for the at-risk e-mails of a whole run (chairEmailsForKind's rule for each kind).
 */
export async function chairEmailsForKinds(
  trx: Executor,
  kinds: readonly CaseKind[],
  on: IsoDate,
): Promise<Map<CaseKind, string[]>> {
  const byKind = new Map<CaseKind, string[]>(kinds.map((k) => [k, []]))
  if (kinds.length === 0) return byKind
  const rows: { case_kind: CaseKind; email: string }[] = await trx('panel_members as m')
    .join('panels as p', 'p.id', 'm.panel_id')
    .join('panel_case_kinds as k', 'k.panel_id', 'p.id')
    .join('users as u', 'u.id', 'm.user_id')
    .where({ 'm.is_chair': true, 'p.active': true })
    .whereIn('k.case_kind', [...new Set(kinds)])
    .whereNull('u.disabled_at')
    .where((q) => q.whereNull('m.member_from').orWhere('m.member_from', '<=', on))
    .where((q) => q.whereNull('m.member_until').orWhere('m.member_until', '>=', on))
    .distinct('k.case_kind', 'u.email')
    .orderBy([{ column: 'k.case_kind' }, { column: 'u.email' }])
  for (const r of rows) byKind.get(r.case_kind)?.push(r.email)
  return byKind
}

/** Each waiting case's state as the last run of the queue left it, read before this run replaces it. */
export async function previousQueueStates(trx: Executor): Promise<Map<string, QueueState>> {
  const rows: { case_id: string; state: QueueState }[] = await trx('case_queue').select('case_id', 'state')
  return new Map(rows.map((r) => [r.case_id, r.state]))
}

export interface SittingWithAgenda {
  id: string
  panelId: string
  panelName: string
  sittingOn: IsoDate
  status: 'scheduled' | 'held' | 'cancelled'
  itemCount: number
  papersReadyNotifiedAt: Date | null
}

/** Sittings from `from` to `to` whose members have not yet been told their papers are ready. */
export async function sittingsAwaitingPapersNotice(
  trx: Executor,
  from: IsoDate,
  to: IsoDate,
): Promise<SittingWithAgenda[]> {
  const rows: {
    id: string
    panel_id: string
    name: string
    sitting_on: IsoDate
    status: 'scheduled' | 'held' | 'cancelled'
    item_count: string | number
    papers_ready_notified_at: Date | null
  }[] = await trx('sittings as s')
    .join('panels as p', 'p.id', 's.panel_id')
    .whereBetween('s.sitting_on', [from, to])
    .where('s.status', 'scheduled')
    .whereNull('s.papers_ready_notified_at')
    .select(
      's.id',
      's.panel_id',
      'p.name',
      's.sitting_on',
      's.status',
      's.papers_ready_notified_at',
      trx.raw('(select count(*) from agenda_items ai where ai.sitting_id = s.id) as item_count'),
    )
    .orderBy([{ column: 's.sitting_on' }, { column: 'p.name' }])
  return rows.map((r) => ({
    id: r.id,
    panelId: r.panel_id,
    panelName: r.name,
    sittingOn: r.sitting_on,
    status: r.status,
    itemCount: Number(r.item_count),
    papersReadyNotifiedAt: r.papers_ready_notified_at,
  }))
}

/** The e-mail addresses of a panel's members with an account who are members on the day it sits. */
export async function memberEmailsForSitting(trx: Executor, panelId: string, on: IsoDate): Promise<string[]> {
  const rows: { email: string }[] = await trx('panel_members as m')
    .join('users as u', 'u.id', 'm.user_id')
    .where('m.panel_id', panelId)
    .whereNull('u.disabled_at')
    .where((q) => q.whereNull('m.member_from').orWhere('m.member_from', '<=', on))
    .where((q) => q.whereNull('m.member_until').orWhere('m.member_until', '>=', on))
    .distinct('u.email')
    .orderBy('u.email')
  return rows.map((r) => r.email)
}

export async function markPapersReadyNotified(trx: Knex.Transaction, sittingId: string): Promise<void> {
  await trx('sittings')
    .where({ id: sittingId })
    .update({ papers_ready_notified_at: trx.fn.now(), updated_at: trx.fn.now() })
    .returning('id')
}

import type { Db, Transaction, Executor } from './db'
import type { PanelCaseKindRow, PanelRow } from './tables'
import { CASE_KINDS, type CaseKind, type PanelType } from '../domain/vocabulary'
import type { QuorumRule } from '../domain/quorum'
import { panelMembersRepository } from './panelMembers'

export interface PanelSummary {
  id: string
  name: string
  panelType: PanelType
  weekday: number
  startsAt: string
  capacity: number
  memberCount: number
  active: boolean
}

/** What an admin sets for a panel. */
export interface PanelSettings {
  name: string
  panelType: PanelType
  caseKinds: CaseKind[]
  weekday: number
  /** 'HH:MM', 24-hour. */
  startsAt: string
  durationMinutes: number
  venue: string | null
  onlineLink: string | null
  capacity: number
  papersCutoffWorkingDays: number
  quorumRule: QuorumRule
  active: boolean
}

export interface PanelDetail extends Omit<PanelSettings, 'quorumRule'> {
  id: string
  /** As stored: read it with parseQuorumRule. */
  quorumRule: unknown
}

/** A panel as the list of panels shows it, with how many members it has. */
type PanelListRow = Pick<
  PanelRow,
  'id' | 'name' | 'panel_type' | 'weekday' | 'starts_at' | 'capacity' | 'active'
> & {
  member_count: number
}

function toColumns(settings: PanelSettings) {
  return {
    name: settings.name,
    panel_type: settings.panelType,
    weekday: settings.weekday,
    starts_at: settings.startsAt,
    duration_minutes: settings.durationMinutes,
    venue: settings.venue,
    online_link: settings.onlineLink,
    capacity: settings.capacity,
    papers_cutoff_working_days: settings.papersCutoffWorkingDays,
    quorum_rule: JSON.stringify(settings.quorumRule),
    active: settings.active,
  }
}

async function replaceCaseKinds(trx: Transaction, panelId: string, kinds: readonly CaseKind[]) {
  await trx<PanelCaseKindRow>('panel_case_kinds').where({ panel_id: panelId }).delete()
  if (kinds.length > 0) {
    await trx<PanelCaseKindRow>('panel_case_kinds').insert(
      kinds.map((kind) => ({ panel_id: panelId, case_kind: kind })),
    )
  }
}

export function panelsRepository(db: Db) {
  return {
    members: panelMembersRepository(db),

    async listAll(): Promise<PanelSummary[]> {
      // A subquery among the columns: knex cannot type this select, so the result's type is declared.
      const rows: PanelListRow[] = await db('panels as p')
        .select(
          'p.id',
          'p.name',
          'p.panel_type',
          'p.weekday',
          'p.starts_at',
          'p.capacity',
          'p.active',
          db('panel_members as m').whereRaw('m.panel_id = p.id').count('*').as('member_count'),
        )
        .orderBy('p.name')
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        panelType: r.panel_type,
        weekday: r.weekday,
        startsAt: r.starts_at.slice(0, 5),
        capacity: r.capacity,
        memberCount: Number(r.member_count),
        active: r.active,
      }))
    },

    /** Pass a transaction that has locked the panel (`lock`) to read it as it will be changed. */
    async findById(id: string, q: Executor = db): Promise<PanelDetail | undefined> {
      const row = await q<PanelRow>('panels').where({ id }).first()
      if (!row) return undefined
      const kinds = await q<PanelCaseKindRow>('panel_case_kinds').where({ panel_id: id }).select('case_kind')
      return {
        id: row.id,
        name: row.name,
        panelType: row.panel_type,
        caseKinds: CASE_KINDS.filter((kind) => kinds.some((k) => k.case_kind === kind)),
        weekday: row.weekday,
        startsAt: row.starts_at.slice(0, 5),
        durationMinutes: row.duration_minutes,
        venue: row.venue,
        onlineLink: row.online_link,
        capacity: row.capacity,
        papersCutoffWorkingDays: row.papers_cutoff_working_days,
        quorumRule: row.quorum_rule,
        active: row.active,
      }
    },

    /** Changes to one panel and its members queue here, so that two admins cannot make two chairs at once. */
    async lock(trx: Transaction, id: string): Promise<boolean> {
      const row = await trx<PanelRow>('panels').where({ id }).forUpdate().first('id')
      return row !== undefined
    },

    /** Names are unique regardless of case and spacing at the ends, as people read them. */
    async idWithName(trx: Transaction, name: string): Promise<string | undefined> {
      const row = await trx<PanelRow>('panels')
        .whereRaw('lower(trim(name)) = lower(?)', [name.trim()])
        .first('id')
      return row?.id
    },

    async insert(trx: Transaction, settings: PanelSettings): Promise<string> {
      const [row] = await trx<PanelRow>('panels').insert(toColumns(settings)).returning('id')
      const id = row!.id
      await replaceCaseKinds(trx, id, settings.caseKinds)
      return id
    },

    async update(trx: Transaction, id: string, settings: PanelSettings): Promise<void> {
      await trx<PanelRow>('panels')
        .where({ id })
        .update({ ...toColumns(settings), updated_at: trx.fn.now() })
      await replaceCaseKinds(trx, id, settings.caseKinds)
    },
  }
}

export type PanelsRepository = ReturnType<typeof panelsRepository>

import type { Db } from './db'
import type { PanelType } from '../domain/vocabulary'

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

export function panelsRepository(db: Db) {
  return {
    async listAll(): Promise<PanelSummary[]> {
      const rows: {
        id: string
        name: string
        panel_type: PanelType
        weekday: number
        starts_at: string
        capacity: number
        member_count: number | string
        active: boolean
      }[] = await db('panels as p')
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
  }
}

export type PanelsRepository = ReturnType<typeof panelsRepository>

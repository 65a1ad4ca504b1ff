import type { Db } from './db'
import type { PanelType } from '../domain/vocabulary'

export interface SittingSummary {
  id: string
  sittingOn: string
  startsAt: string
  panelName: string
  panelType: PanelType
  isSummer: boolean
  status: 'scheduled' | 'held' | 'cancelled'
  itemCount: number
  capacity: number
  isChair: boolean
}

interface SittingSummaryRow {
  id: string
  sitting_on: string
  starts_at: string
  panel_name: string
  panel_type: PanelType
  is_summer: boolean
  status: SittingSummary['status']
  item_count: number | string
  capacity: number
  is_chair: boolean
}

export function sittingsRepository(db: Db) {
  return {
    /** Sittings from `today` of the panels that this user sits on (as chair or member). */
    async listUpcomingForUser(userId: string, today: string, limit = 12): Promise<SittingSummary[]> {
      const rows: SittingSummaryRow[] = await db('sittings as s')
        .join('panels as p', 'p.id', 's.panel_id')
        .join('panel_members as m', function () {
          this.on('m.panel_id', '=', 'p.id').andOnVal('m.user_id', '=', userId)
        })
        .where('s.sitting_on', '>=', today)
        .select(
          's.id',
          's.sitting_on',
          's.starts_at',
          's.is_summer',
          's.status',
          'p.name as panel_name',
          'p.panel_type',
          'p.capacity',
          'm.is_chair',
          db('agenda_items as ai').whereRaw('ai.sitting_id = s.id').count('*').as('item_count'),
        )
        .orderBy([{ column: 's.sitting_on' }, { column: 's.starts_at' }])
        .limit(limit)
      return rows.map((row) => ({
        id: row.id,
        sittingOn: row.sitting_on,
        startsAt: row.starts_at.slice(0, 5),
        panelName: row.panel_name,
        panelType: row.panel_type,
        isSummer: row.is_summer,
        status: row.status,
        itemCount: Number(row.item_count),
        capacity: row.capacity,
        isChair: row.is_chair,
      }))
    },
  }
}

export type SittingsRepository = ReturnType<typeof sittingsRepository>

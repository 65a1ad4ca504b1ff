import type { Knex } from 'knex'
import type { Db } from './db'
import type { PanelRow, SittingRow } from './tables'
import type { IsoDate } from '../domain/dates'
import type { PanelType } from '../domain/vocabulary'

export interface CalendarPanel {
  id: string
  name: string
  panelType: PanelType
  weekday: number
  startsAt: string
  durationMinutes: number
  venue: string | null
  onlineLink: string | null
  active: boolean
}

/** A sitting as calendars show it: panel and sitting facts, and how many items are on its agenda. */
export interface CalendarSitting {
  id: string
  panelId: string
  panelName: string
  sittingOn: IsoDate
  startsAt: string
  durationMinutes: number
  venue: string | null
  onlineLink: string | null
  origin: 'weekly' | 'extra'
  isSummer: boolean
  status: 'scheduled' | 'held' | 'cancelled'
  cancelledReason: string | null
  itemCount: number
  updatedAt: Date
}

type CalendarPanelRow = Pick<
  PanelRow,
  | 'id'
  | 'name'
  | 'panel_type'
  | 'weekday'
  | 'starts_at'
  | 'duration_minutes'
  | 'venue'
  | 'online_link'
  | 'active'
>

/** A sitting with its panel; its place is the panel's where it has none of its own. */
type CalendarSittingRow = Pick<
  SittingRow,
  | 'id'
  | 'panel_id'
  | 'sitting_on'
  | 'starts_at'
  | 'origin'
  | 'is_summer'
  | 'status'
  | 'cancelled_reason'
  | 'updated_at'
> &
  Pick<PanelRow, 'duration_minutes'> & {
    panel_name: PanelRow['name']
    venue: string | null
    online_link: string | null
    item_count: number
  }

const PANEL_COLUMNS = [
  'p.id',
  'p.name',
  'p.panel_type',
  'p.weekday',
  'p.starts_at',
  'p.duration_minutes',
  'p.venue',
  'p.online_link',
  'p.active',
]

function toPanel(row: CalendarPanelRow): CalendarPanel {
  return {
    id: row.id,
    name: row.name,
    panelType: row.panel_type,
    weekday: row.weekday,
    startsAt: row.starts_at.slice(0, 5),
    durationMinutes: row.duration_minutes,
    venue: row.venue,
    onlineLink: row.online_link,
    active: row.active,
  }
}

function toSitting(row: CalendarSittingRow): CalendarSitting {
  return {
    id: row.id,
    panelId: row.panel_id,
    panelName: row.panel_name,
    sittingOn: row.sitting_on,
    startsAt: row.starts_at.slice(0, 5),
    durationMinutes: row.duration_minutes,
    venue: row.venue,
    onlineLink: row.online_link,
    origin: row.origin,
    isSummer: row.is_summer,
    status: row.status,
    cancelledReason: row.cancelled_reason,
    itemCount: Number(row.item_count),
    updatedAt: new Date(row.updated_at),
  }
}

export function sittingCalendarRepository(db: Db) {
  /** Sittings with their panel, cancelled ones included; the caller narrows by panel, member and dates. */
  function sittingsQuery(): Knex.QueryBuilder {
    return db('sittings as s')
      .join('panels as p', 'p.id', 's.panel_id')
      .select(
        's.id',
        's.panel_id',
        'p.name as panel_name',
        's.sitting_on',
        's.starts_at',
        'p.duration_minutes',
        // A sitting without its own place is held where the panel usually meets.
        db.raw('coalesce(s.venue, p.venue) as venue'),
        db.raw('coalesce(s.online_link, p.online_link) as online_link'),
        's.origin',
        's.is_summer',
        's.status',
        's.cancelled_reason',
        's.updated_at',
        db('agenda_items as ai').whereRaw('ai.sitting_id = s.id').count('*').as('item_count'),
      )
      .orderBy([{ column: 's.sitting_on' }, { column: 's.starts_at' }, { column: 'p.name' }])
  }

  return {
    async findPanel(panelId: string): Promise<CalendarPanel | undefined> {
      const row = await db('panels as p')
        .where('p.id', panelId)
        .first<CalendarPanelRow | undefined>(PANEL_COLUMNS)
      return row ? toPanel(row) : undefined
    },

    async listActivePanels(): Promise<CalendarPanel[]> {
      const rows = await db('panels as p')
        .where('p.active', true)
        .select<CalendarPanelRow[]>(PANEL_COLUMNS)
        .orderBy('p.name')
      return rows.map(toPanel)
    },

    /** One panel's sittings from `from`, and up to `to` when given (both inclusive). */
    async listPanelSittings(panelId: string, from: IsoDate, to?: IsoDate): Promise<CalendarSitting[]> {
      const rows: CalendarSittingRow[] = await sittingsQuery()
        .where('s.panel_id', panelId)
        .where('s.sitting_on', '>=', from)
        .modify((q) => {
          if (to) q.where('s.sitting_on', '<=', to)
        })
      return rows.map(toSitting)
    },

    /**
     * The sittings, from `from`, of every panel the user is a member of (chair included) on that
     * sitting's date: someone who has left a panel stops getting its new sittings.
     */
    async listMemberSittings(userId: string, from: IsoDate): Promise<CalendarSitting[]> {
      const rows: CalendarSittingRow[] = await sittingsQuery()
        .whereExists(
          db('panel_members as m')
            .whereRaw('m.panel_id = s.panel_id')
            .where('m.user_id', userId)
            .where((q) => q.whereNull('m.member_from').orWhereRaw('m.member_from <= s.sitting_on'))
            .where((q) => q.whereNull('m.member_until').orWhereRaw('m.member_until >= s.sitting_on')),
        )
        .where('s.sitting_on', '>=', from)
      return rows.map(toSitting)
    },

    /** Whether the user sits on any panel, as chair or member. */
    async isPanelMember(userId: string): Promise<boolean> {
      const row: unknown = await db('panel_members').where('user_id', userId).first('id')
      return row !== undefined
    },
  }
}

export type SittingCalendarRepository = ReturnType<typeof sittingCalendarRepository>

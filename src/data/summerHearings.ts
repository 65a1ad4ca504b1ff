import type { Db } from './db'
import { MILESTONE_COLUMNS, toMilestones, type MilestoneRow, type Milestones } from './caseMilestones'
import type { IsoDate } from '../domain/dates'
import type { CaseKind, CaseStatus } from '../domain/vocabulary'

/** A decision recorded at a summer sitting, with what its case's clock and its panel's later calendar need. */
export interface SummerHearingRecord {
  decisionId: string
  caseId: string
  reference: string
  kind: CaseKind
  caseStatus: CaseStatus
  receivedOn: IsoDate
  milestones: Milestones
  panelId: string
  panelName: string
  panelWeekday: number
  sittingOn: IsoDate
  decidedOn: IsoDate
  outcome: string
  laterSittings: IsoDate[]
}

interface Row extends MilestoneRow {
  decision_id: string
  case_id: string
  reference: string
  kind: CaseKind
  status: CaseStatus
  received_on: IsoDate
  panel_id: string
  panel_name: string
  weekday: number
  sitting_on: IsoDate
  decided_on: IsoDate
  outcome: string
  later_sittings: IsoDate[] | string | null
}

/**
 * How far after a summer sitting its panel's later sittings are read: the holiday is at most about seven
 * weeks, so the first sittings of the autumn term always fall inside it.
 */
const LATER_SITTINGS_DAYS = 120

function dates(value: Row['later_sittings']): IsoDate[] {
  if (value === null) return []
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value
  return Array.isArray(parsed) ? parsed.filter((d): d is IsoDate => typeof d === 'string') : []
}

export function summerHearingsRepository(db: Db) {
  return {
    /**
     * Every decision recorded at a summer sitting, with the case's clock facts and the panel's next sittings
     * that are neither summer sittings nor cancelled: one query.
     */
    async listSummerHearings(): Promise<SummerHearingRecord[]> {
      const rows = (await db('decisions as d')
        .join('agenda_items as a', 'a.id', 'd.agenda_item_id')
        .join('sittings as s', 's.id', 'a.sitting_id')
        .join('panels as p', 'p.id', 's.panel_id')
        .join('cases as c', 'c.id', 'd.case_id')
        .where('s.is_summer', true)
        .orderBy([{ column: 's.sitting_on' }, { column: 'p.name' }, { column: 'c.reference' }])
        .select(
          'd.id as decision_id',
          'c.id as case_id',
          'c.reference',
          'c.kind',
          'c.status',
          'c.received_on',
          ...MILESTONE_COLUMNS.map((column) => `c.${column}`),
          'p.id as panel_id',
          'p.name as panel_name',
          'p.weekday',
          's.sitting_on',
          'd.decided_on',
          'd.outcome',
          db.raw(
            `(SELECT json_agg(n.sitting_on ORDER BY n.sitting_on) FROM sittings n
               WHERE n.panel_id = s.panel_id AND NOT n.is_summer AND n.status <> 'cancelled'
                 AND n.sitting_on > s.sitting_on AND n.sitting_on <= s.sitting_on + ?::int) AS later_sittings`,
            [LATER_SITTINGS_DAYS],
          ),
        )) as Row[]
      return rows.map((r) => ({
        decisionId: r.decision_id,
        caseId: r.case_id,
        reference: r.reference,
        kind: r.kind,
        caseStatus: r.status,
        receivedOn: r.received_on,
        milestones: toMilestones(r),
        panelId: r.panel_id,
        panelName: r.panel_name,
        panelWeekday: Number(r.weekday),
        sittingOn: r.sitting_on,
        decidedOn: r.decided_on,
        outcome: r.outcome,
        laterSittings: dates(r.later_sittings),
      }))
    },
  }
}

export type SummerHearingsRepository = ReturnType<typeof summerHearingsRepository>

import type { Db } from './db'
import type { IsoDate } from '../domain/dates'
import { DISAGREEMENT_GROUNDS, type DisagreementGround } from '../domain/decisionRules'
import type { PreferenceDecision } from '../domain/preferenceReport'
import type { CaseKind, CaseStatus } from '../domain/vocabulary'

interface Row {
  decision_id: string
  case_id: string
  reference: string
  kind: CaseKind
  status: CaseStatus
  panel_id: string
  panel_name: string
  decided_on: IsoDate
  outcome: string
  matches_preference: boolean | null
  disagreement_ground: string | null
  disagreement_explanation: string | null
  named_setting: string | null
  preferred_setting: string | null
}

function isGround(value: string | null): value is DisagreementGround {
  return value !== null && (DISAGREEMENT_GROUNDS as readonly string[]).includes(value)
}

export function preferenceDecisionsRepository(db: Db) {
  return {
    /**
     * Every decision dated inside the period that decided something (a deferral's matches_preference is
     * empty), with its case, panel and the family's preferred setting: one query (decisions joined through
     * the agenda item to its sitting's panel). The explanation is read only where the decision differed:
     * it is all the report shows of it, and a year of a large council's decisions is a lot of text.
     */
    async listDecidedBetween(from: IsoDate, to: IsoDate): Promise<PreferenceDecision[]> {
      const rows = (await db('decisions as d')
        .join('cases as c', 'c.id', 'd.case_id')
        .join('agenda_items as a', 'a.id', 'd.agenda_item_id')
        .join('sittings as s', 's.id', 'a.sitting_id')
        .join('panels as p', 'p.id', 's.panel_id')
        .whereBetween('d.decided_on', [from, to])
        .whereNotNull('d.matches_preference')
        .orderBy([{ column: 'd.decided_on' }, { column: 'c.reference' }, { column: 'd.id' }])
        .select(
          'd.id as decision_id',
          'c.id as case_id',
          'c.reference',
          'c.kind',
          'c.status',
          'p.id as panel_id',
          'p.name as panel_name',
          'd.decided_on',
          'd.outcome',
          'd.matches_preference',
          'd.disagreement_ground',
          db.raw(
            'CASE WHEN d.matches_preference THEN NULL ELSE d.disagreement_explanation END AS disagreement_explanation',
          ),
          'd.named_setting',
          'c.preferred_setting',
        )) as Row[]
      return rows.map((r) => ({
        decisionId: r.decision_id,
        caseId: r.case_id,
        reference: r.reference,
        kind: r.kind,
        caseStatus: r.status,
        panelId: r.panel_id,
        panelName: r.panel_name,
        decidedOn: r.decided_on,
        outcome: r.outcome,
        matchesPreference: r.matches_preference,
        disagreementGround: isGround(r.disagreement_ground) ? r.disagreement_ground : null,
        disagreementExplanation: r.disagreement_explanation,
        namedSetting: r.named_setting,
        preferredSetting: r.preferred_setting,
      }))
    },
  }
}

export type PreferenceDecisionsRepository = ReturnType<typeof preferenceDecisionsRepository>

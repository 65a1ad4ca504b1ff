import { insertRow, type Transaction, type Executor } from './db'
import type { CaseRow, DecisionRow, LetterRow, PanelRow, UserRow } from './tables'
import type { IsoDate } from '../domain/dates'
import type { DisagreementGround } from '../domain/decisionRules'
import type { StoredLetter } from '../domain/letters/easyReadLetter'
import type { LetterModel } from '../domain/letters/types'

export interface DecisionForLetter {
  id: string
  outcome: string
  reasons: string
  matchesPreference: boolean | null
  disagreementGround: DisagreementGround | null
  disagreementExplanation: string | null
  conditions: string | null
  deferralAction: string | null
  deferralOwner: string | null
  deferralDueOn: IsoDate | null
  namedSetting: string | null
  decidedOn: IsoDate
  panelName: string
}

type DecisionWithPanelRow = Pick<
  DecisionRow,
  | 'id'
  | 'outcome'
  | 'reasons'
  | 'matches_preference'
  | 'disagreement_ground'
  | 'disagreement_explanation'
  | 'conditions'
  | 'deferral_action'
  | 'deferral_owner'
  | 'deferral_due_on'
  | 'named_setting'
  | 'decided_on'
> & { panel_name: PanelRow['name'] }

/** A case's decisions, newest first, each with the panel that made it. */
export async function listDecisionsForCase(trx: Executor, caseId: string): Promise<DecisionForLetter[]> {
  const rows = await trx('decisions as d')
    .join('agenda_items as ai', 'ai.id', 'd.agenda_item_id')
    .join('sittings as s', 's.id', 'ai.sitting_id')
    .join('panels as p', 'p.id', 's.panel_id')
    .where('d.case_id', caseId)
    .orderBy([
      { column: 'd.decided_on', order: 'desc' },
      { column: 'd.created_at', order: 'desc' },
    ])
    .select<DecisionWithPanelRow[]>(
      'd.id',
      'd.outcome',
      'd.reasons',
      'd.matches_preference',
      'd.disagreement_ground',
      'd.disagreement_explanation',
      'd.conditions',
      'd.deferral_action',
      'd.deferral_owner',
      'd.deferral_due_on',
      'd.named_setting',
      'd.decided_on',
      'p.name as panel_name',
    )
  return rows.map((r) => ({
    id: r.id,
    outcome: r.outcome,
    reasons: r.reasons,
    matchesPreference: r.matches_preference,
    disagreementGround: r.disagreement_ground,
    disagreementExplanation: r.disagreement_explanation,
    conditions: r.conditions,
    deferralAction: r.deferral_action,
    deferralOwner: r.deferral_owner,
    deferralDueOn: r.deferral_due_on,
    namedSetting: r.named_setting,
    decidedOn: r.decided_on,
    panelName: r.panel_name,
  }))
}

export interface LetterSummary {
  id: string
  decisionId: string | null
  version: number
  format: 'standard' | 'large_print' | 'easy_read'
  title: string | null
  issuedOn: IsoDate | null
  issuedByName: string | null
  sha256: string | null
  correctionReason: string | null
}

type LetterSummaryRow = Pick<
  LetterRow,
  'id' | 'decision_id' | 'version' | 'format' | 'title' | 'issued_on' | 'sha256' | 'correction_reason'
> & { issued_by_name: UserRow['full_name'] | null }

/** A case's issued letters, newest first. */
export async function listLetters(trx: Executor, caseId: string): Promise<LetterSummary[]> {
  const rows = await trx('letters as l')
    .leftJoin('users as u', 'u.id', 'l.issued_by')
    .where({ 'l.case_id': caseId, 'l.status': 'issued' })
    .orderBy([
      { column: 'l.created_at', order: 'desc' },
      { column: 'l.version', order: 'desc' },
    ])
    .select<LetterSummaryRow[]>(
      'l.id',
      'l.decision_id',
      'l.version',
      'l.format',
      'l.title',
      'l.issued_on',
      'u.full_name as issued_by_name',
      'l.sha256',
      'l.correction_reason',
    )
  return rows.map((r) => ({
    id: r.id,
    decisionId: r.decision_id,
    version: r.version,
    format: r.format,
    title: r.title,
    issuedOn: r.issued_on,
    issuedByName: r.issued_by_name,
    sha256: r.sha256,
    correctionReason: r.correction_reason,
  }))
}

export interface NewLetter {
  caseId: string
  decisionId: string
  version: number
  supersedesId: string | null
  correctionReason: string | null
  format: 'standard' | 'large_print' | 'easy_read'
  pdf: Buffer
  sha256: string
  issuedOn: IsoDate
  issuedBy: string
  content: StoredLetter
}

/** An issued letter is written once and never updated: a correction is a new row. */
export async function insertIssuedLetter(trx: Transaction, l: NewLetter): Promise<string> {
  return insertRow(trx, 'letters', {
    case_id: l.caseId,
    decision_id: l.decisionId,
    letter_kind: 'decision',
    version: l.version,
    supersedes_id: l.supersedesId,
    correction_reason: l.correctionReason,
    status: 'issued',
    format: l.format,
    pdf: l.pdf,
    sha256: l.sha256,
    issued_on: l.issuedOn,
    issued_by: l.issuedBy,
    title: l.content.title,
    content: JSON.stringify(l.content),
  })
}

/** An issued letter's PDF (never null once issued: a CHECK says so) with its case's reference. */
type IssuedPdfRow = { pdf: Uint8Array } & Pick<LetterRow, 'version'> & Pick<CaseRow, 'reference'>

export async function findLetterPdf(
  trx: Executor,
  caseId: string,
  letterId: string,
): Promise<{ pdf: Buffer; version: number; reference: string } | undefined> {
  const row = await trx('letters as l')
    .join('cases as c', 'c.id', 'l.case_id')
    .where({ 'l.id': letterId, 'l.case_id': caseId, 'l.status': 'issued' })
    .first<IssuedPdfRow | undefined>('l.pdf', 'l.version', 'c.reference')
  return row && { pdf: Buffer.from(row.pdf), version: row.version, reference: row.reference }
}

/** The newest issued letter telling the family of a decision, as it was issued (its stored content). */
export async function latestDecisionLetter(
  trx: Executor,
  caseId: string,
): Promise<{ decisionId: string; issuedOn: IsoDate; content: LetterModel } | undefined> {
  const row: { decision_id: string; issued_on: IsoDate; content: LetterModel | string } | undefined =
    await trx('letters')
      .where({ case_id: caseId, status: 'issued' })
      .whereNotNull('decision_id')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'version', order: 'desc' },
      ])
      .first('decision_id', 'issued_on', 'content')
  if (!row) return undefined
  // jsonb comes back parsed from pg and PGlite alike; a string would mean a driver that does not.
  const content = typeof row.content === 'string' ? (JSON.parse(row.content) as LetterModel) : row.content
  return { decisionId: row.decision_id, issuedOn: row.issued_on, content }
}

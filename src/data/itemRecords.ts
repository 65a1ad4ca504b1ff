import { insertRow, type Transaction, type Executor } from './db'
import {
  parsedJson,
  type AgendaItemRow,
  type CaseRow,
  type ChildRow,
  type DeclarationRow,
  type DecisionRow as DecisionsTableRow,
  type ItemRecordRow,
  type LeftJoined,
  type PanelMemberRow,
  type UserRow,
} from './tables'
import type { IsoDate } from '../domain/dates'
import type { CaseKind, CaseStatus, Interpreter, SettingType } from '../domain/vocabulary'

export interface Dissent {
  panelMemberId: string
  memberName: string
  view: string
}

/** What a decision says, as the chair recorded it. */
export interface DecisionRow {
  outcome: string
  reasons: string
  matchesPreference: boolean | null
  disagreementGround: string | null
  disagreementExplanation: string | null
  conditions: string | null
  withoutFamilyReason: string | null
  deferralAction: string | null
  deferralOwner: string | null
  deferralDueOn: IsoDate | null
  inquorateReason: string | null
  dissents: Dissent[]
  /** The setting the decision names, where it names one (namesSetting). */
  namedSetting: { name: string; type: SettingType } | null
}

/** A decision as stored: what it says, and when and by whom it was last saved. */
export interface StoredDecision extends DecisionRow {
  id: string
  decidedOn: IsoDate
  version: number
  recordedByName: string
  updatedAt: Date
}

export interface ItemRecord {
  familyAttended: boolean
  familyAttendees: string | null
  interpreter: Interpreter | null
  notes: string | null
}

export interface MeetingItem {
  agendaItemId: string
  caseId: string
  position: number
  reference: string
  kind: CaseKind
  status: CaseStatus
  childName: string
  caseworkerId: string
  preference: string | null
  preferredSetting: string | null
  preferredSettingIsMainstream: boolean | null
  record: ItemRecord | null
  decision: StoredDecision | null
}

/** An agenda item with its case and child, and what has been recorded for it (null columns until then). */
type MeetingItemRow = { agenda_item_id: AgendaItemRow['id'] } & Pick<AgendaItemRow, 'case_id' | 'position'> &
  Pick<
    CaseRow,
    | 'reference'
    | 'kind'
    | 'status'
    | 'caseworker_id'
    | 'preference'
    | 'preferred_setting'
    | 'preferred_setting_is_mainstream'
  > &
  Pick<ChildRow, 'first_name' | 'last_name'> & { has_record: boolean } & LeftJoined<
    Pick<ItemRecordRow, 'family_attended' | 'family_attendees' | 'interpreter' | 'notes'>
  > &
  LeftJoined<
    Pick<
      DecisionsTableRow,
      | 'outcome'
      | 'reasons'
      | 'matches_preference'
      | 'disagreement_ground'
      | 'disagreement_explanation'
      | 'conditions'
      | 'without_family_reason'
      | 'deferral_action'
      | 'deferral_owner'
      | 'deferral_due_on'
      | 'inquorate_reason'
      | 'dissents'
      | 'named_setting'
      | 'named_setting_type'
      | 'decided_on'
    > & {
      decision_id: DecisionsTableRow['id']
      decision_version: DecisionsTableRow['version']
      decision_updated_at: DecisionsTableRow['updated_at']
    }
  > & { recorded_by_name: UserRow['full_name'] | null }

function itemsQuery(trx: Executor, sittingId: string) {
  return trx('agenda_items as ai')
    .join('cases as c', 'c.id', 'ai.case_id')
    .join('children as ch', 'ch.id', 'c.child_id')
    .leftJoin('item_records as r', 'r.agenda_item_id', 'ai.id')
    .leftJoin('decisions as d', 'd.agenda_item_id', 'ai.id')
    .leftJoin('users as u', 'u.id', 'd.recorded_by')
    .where('ai.sitting_id', sittingId)
    .select<MeetingItemRow[]>(
      'ai.id as agenda_item_id',
      'ai.case_id',
      'ai.position',
      'c.reference',
      'c.kind',
      'c.status',
      'ch.first_name',
      'ch.last_name',
      'c.caseworker_id',
      'c.preference',
      'c.preferred_setting',
      'c.preferred_setting_is_mainstream',
      trx.raw('r.agenda_item_id is not null as has_record'),
      'r.family_attended',
      'r.family_attendees',
      'r.interpreter',
      'r.notes',
      'd.id as decision_id',
      'd.outcome',
      'd.reasons',
      'd.matches_preference',
      'd.disagreement_ground',
      'd.disagreement_explanation',
      'd.conditions',
      'd.without_family_reason',
      'd.deferral_action',
      'd.deferral_owner',
      'd.deferral_due_on',
      'd.inquorate_reason',
      'd.dissents',
      'd.named_setting',
      'd.named_setting_type',
      'd.decided_on',
      'd.version as decision_version',
      'u.full_name as recorded_by_name',
      'd.updated_at as decision_updated_at',
    )
}

function toMeetingItem(r: MeetingItemRow): MeetingItem {
  return {
    agendaItemId: r.agenda_item_id,
    caseId: r.case_id,
    position: r.position,
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    childName: `${r.first_name} ${r.last_name}`,
    caseworkerId: r.caseworker_id,
    preference: r.preference,
    preferredSetting: r.preferred_setting,
    preferredSettingIsMainstream: r.preferred_setting_is_mainstream,
    record: r.has_record
      ? {
          familyAttended: r.family_attended ?? false,
          familyAttendees: r.family_attendees,
          interpreter: r.interpreter,
          notes: r.notes,
        }
      : null,
    decision:
      r.decision_id === null
        ? null
        : {
            id: r.decision_id,
            outcome: r.outcome!,
            reasons: r.reasons!,
            matchesPreference: r.matches_preference,
            disagreementGround: r.disagreement_ground,
            disagreementExplanation: r.disagreement_explanation,
            conditions: r.conditions,
            withoutFamilyReason: r.without_family_reason,
            deferralAction: r.deferral_action,
            deferralOwner: r.deferral_owner,
            deferralDueOn: r.deferral_due_on,
            inquorateReason: r.inquorate_reason,
            dissents: r.dissents === null ? [] : parsedJson(r.dissents),
            namedSetting:
              r.named_setting && r.named_setting_type
                ? { name: r.named_setting, type: r.named_setting_type }
                : null,
            decidedOn: r.decided_on!,
            version: r.decision_version!,
            recordedByName: r.recorded_by_name ?? '',
            updatedAt: r.decision_updated_at!,
          },
  }
}

/** A sitting's items in agenda order, each with what has been recorded for it. */
export async function listMeetingItems(trx: Executor, sittingId: string): Promise<MeetingItem[]> {
  const rows = await itemsQuery(trx, sittingId).orderBy([
    { column: 'ai.position' },
    { column: 'c.reference' },
  ])
  return rows.map(toMeetingItem)
}

/** One item, its agenda row locked so that two saves of the same item queue one behind the other. */
export async function lockMeetingItem(
  trx: Transaction,
  sittingId: string,
  caseId: string,
): Promise<MeetingItem | undefined> {
  const locked = await trx('agenda_items')
    .where({ sitting_id: sittingId, case_id: caseId })
    .forUpdate()
    .first('id')
  if (!locked) return undefined
  const row = (await itemsQuery(trx, sittingId).where('ai.case_id', caseId).first()) as
    MeetingItemRow | undefined
  return row && toMeetingItem(row)
}

export async function saveItemRecord(
  trx: Transaction,
  agendaItemId: string,
  record: ItemRecord,
): Promise<void> {
  await trx('item_records')
    .insert({
      agenda_item_id: agendaItemId,
      family_attended: record.familyAttended,
      family_attendees: record.familyAttendees,
      interpreter: record.interpreter,
      notes: record.notes,
    })
    .onConflict('agenda_item_id')
    .merge(['family_attended', 'family_attendees', 'interpreter', 'notes', 'updated_at'])
}

function decisionColumns(d: DecisionRow) {
  return {
    outcome: d.outcome,
    reasons: d.reasons,
    matches_preference: d.matchesPreference,
    disagreement_ground: d.disagreementGround,
    disagreement_explanation: d.disagreementExplanation,
    conditions: d.conditions,
    without_family_reason: d.withoutFamilyReason,
    deferral_action: d.deferralAction,
    deferral_owner: d.deferralOwner,
    deferral_due_on: d.deferralDueOn,
    inquorate_reason: d.inquorateReason,
    dissents: JSON.stringify(d.dissents),
    named_setting: d.namedSetting?.name ?? null,
    named_setting_type: d.namedSetting?.type ?? null,
  }
}

export async function insertDecision(
  trx: Transaction,
  item: { agendaItemId: string; caseId: string; decidedOn: IsoDate; recordedBy: string },
  d: DecisionRow,
): Promise<string> {
  return insertRow(trx, 'decisions', {
    ...decisionColumns(d),
    agenda_item_id: item.agendaItemId,
    case_id: item.caseId,
    decided_on: item.decidedOn,
    recorded_by: item.recordedBy,
  })
}

export async function updateDecision(
  trx: Transaction,
  decisionId: string,
  recordedBy: string,
  d: DecisionRow,
): Promise<void> {
  await trx('decisions')
    .where({ id: decisionId })
    .update({
      ...decisionColumns(d),
      recorded_by: recordedBy,
      version: trx.raw('version + 1'),
      updated_at: trx.fn.now(),
    })
}

export interface Declaration {
  id: string
  caseId: string
  panelMemberId: string
  memberName: string
  nature: string
  leftDiscussion: boolean
}

type DeclarationWithMemberRow = Pick<
  DeclarationRow,
  'id' | 'panel_member_id' | 'nature' | 'left_discussion'
> &
  Pick<AgendaItemRow, 'case_id'> &
  Pick<PanelMemberRow, 'full_name'>

export async function listDeclarations(trx: Executor, sittingId: string): Promise<Declaration[]> {
  const rows = await trx('declarations as dc')
    .join('agenda_items as ai', 'ai.id', 'dc.agenda_item_id')
    .join('panel_members as pm', 'pm.id', 'dc.panel_member_id')
    .where('ai.sitting_id', sittingId)
    .orderBy([{ column: 'dc.created_at' }, { column: 'dc.id' }])
    .select<DeclarationWithMemberRow[]>(
      'dc.id',
      'ai.case_id',
      'dc.panel_member_id',
      'pm.full_name',
      'dc.nature',
      'dc.left_discussion',
    )
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    panelMemberId: r.panel_member_id,
    memberName: r.full_name,
    nature: r.nature,
    leftDiscussion: r.left_discussion,
  }))
}

export async function addDeclaration(
  trx: Transaction,
  d: {
    agendaItemId: string
    panelMemberId: string
    nature: string
    leftDiscussion: boolean
    recordedBy: string
  },
): Promise<string> {
  return insertRow(trx, 'declarations', {
    agenda_item_id: d.agendaItemId,
    panel_member_id: d.panelMemberId,
    nature: d.nature,
    left_discussion: d.leftDiscussion,
    recorded_by: d.recordedBy,
  })
}

export async function removeDeclaration(
  trx: Transaction,
  agendaItemId: string,
  declarationId: string,
): Promise<boolean> {
  const rows = await trx('declarations')
    .where({ id: declarationId, agenda_item_id: agendaItemId })
    .delete()
    .returning('id')
  return rows.length > 0
}

import type { Refused } from './result'
import type { DataLayer } from '../data'
import { recordAuditEvent } from '../data/audit'
import { lockCase, updateCase } from '../data/caseRecords'
import { milestoneColumns } from '../data/caseMilestones'
import { storedDeadlineColumns } from '../data/caseClocks'
import { recomputeStoredDeadlines } from './storedDeadlines'
import {
  insertDecision,
  lockMeetingItem,
  saveItemRecord,
  updateDecision,
  type DecisionRow,
  type ItemRecord,
  type MeetingItem,
  type StoredDecision,
} from '../data/itemRecords'
import type { User } from '../data/users'
import type { IsoDate } from '../domain/dates'
import { decisionMilestones } from '../domain/decisionMilestones'
import { decisionProblems } from '../domain/decisionRules'
import { reasonsFrom } from '../domain/minutes'
import { namesSetting, type Interpreter, type SettingType } from '../domain/vocabulary'
import type { Clock } from './clock'
import type { NotificationSettings } from './notifications'
import { recordWriter, type MeetingChange } from './meeting'
import { itemQuorumOf, presentForItem, type MeetingRecord } from './meetingRecord'
import { placeOneCaseIn } from './queue'
import { explainDecidedElsewhere, type ExplainedMove } from '../domain/queueMoves'
import type { Transaction } from '../data/db'
import { removeOtherUndecidedItems } from '../data/agenda'
import { loadBankHolidays, loadNextHearingFacts } from '../data/queue'
import { papersCutoff } from '../domain/sittingPlan'
import { firstPossibleSitting, lateDeferral, type LateDeferral } from '../domain/deferralTiming'
import { listJargon } from '../data/jargon'
import { hardToRead, readability, type JargonTerm } from '../domain/readability'

/** What the chair typed for an item, read from the form but not yet checked against the rules. */
export interface DecisionInput {
  /** The decision's version the form was read at; 0 for a new decision. */
  version: number
  outcome: string
  reasons: string
  matchesPreference: boolean | null
  disagreementGround: string | null
  disagreementExplanation: string | null
  conditions: string | null
  familyAttended: boolean | null
  familyAttendees: string | null
  interpreter: Interpreter | null
  withoutFamilyReason: string | null
  /** A dissenting view by panel member id; blank for a member who agreed. */
  dissents: Record<string, string>
  deferralAction: string | null
  deferralOwner: string | null
  deferralDueOn: IsoDate | null
  inquorateReason: string | null
  notes: string | null
  namedSetting: string | null
  namedSettingType: SettingType | null
  /** The chair's word that the panel's words go to the family as written, though they are hard to read. */
  sendAsWritten: boolean
  /**
   * The deferral date the chair saved knowing the case's first possible sitting is after its deadline;
   * a different date is checked (and warned about) again.
   */
  lateDeferralAcceptedFor: IsoDate | null
}

/** The decision's words that reach the family in its letter, each held to the letter's standard. */
export const FAMILY_TEXT_FIELDS = [
  'reasons',
  'disagreementExplanation',
  'deferralAction',
  'conditions',
] as const
export type FamilyTextField = (typeof FAMILY_TEXT_FIELDS)[number]

const FAMILY_TEXT_LABELS: Record<FamilyTextField, string> = {
  reasons: 'The reasons',
  disagreementExplanation: 'The explanation',
  deferralAction: 'What is needed',
  conditions: 'The conditions or support agreed',
}

/**
 * The words a family would find hard to read (readability.ts hardToRead), each by its field, unless
 * the chair has said they should go as written; a field the outcome does not keep is not checked.
 */
export function plainWordsProblems(
  input: DecisionInput,
  jargon: readonly JargonTerm[],
): { field: string; message: string }[] {
  if (input.sendAsWritten) return []
  const kept: Record<FamilyTextField, string | null> = {
    reasons: input.reasons,
    disagreementExplanation:
      input.outcome !== 'defer' && input.matchesPreference === false ? input.disagreementExplanation : null,
    deferralAction: input.outcome === 'defer' ? input.deferralAction : null,
    conditions: input.conditions,
  }
  const problems = FAMILY_TEXT_FIELDS.flatMap((field) => {
    const why = kept[field] ? hardToRead(readability(kept[field]!, jargon)) : null
    return why
      ? [
          {
            field,
            message: `${FAMILY_TEXT_LABELS[field]} may be hard for the family to read. ${why}. Make it plainer`,
          },
        ]
      : []
  })
  return problems.length > 0
    ? [
        ...problems,
        {
          field: 'sendAsWritten',
          message: 'Make the words plainer, or tick that they should go to the family as written',
        },
      ]
    : []
}

export type DecisionSave =
  | Exclude<MeetingChange, { ok: true }>
  /** `moves`: where the queue put the case a deferral sent back (or that it waits, and why), for the chair. */
  | { ok: true; moves: ExplainedMove[] }
  | (Refused<'stale-decision'> & { current: StoredDecision })
  | (Refused<'late-deferral'> & { warning: LateDeferral })

/**
 * Whether a deferral to `dueOn` takes the case past its statutory deadline: its first possible sitting
 * after that date, among the panels that decide its kind, meets after the deadline (or there is none).
 */
async function lateDeferralFor(
  trx: Transaction,
  item: MeetingItem,
  dueOn: IsoDate,
  today: IsoDate,
): Promise<LateDeferral | null> {
  const facts = await loadNextHearingFacts(trx, item.caseId, item.kind, today)
  const bankHolidays = await loadBankHolidays(trx)
  const sittings = facts.sittings.map((s) => ({
    ...s,
    cutoffOn: papersCutoff(s.sittingOn, s.cutoffWorkingDays, bankHolidays),
  }))
  return lateDeferral(facts.deadline, firstPossibleSitting(sittings, dueOn, today))
}

type Problem = { field: string; message: string }

/** The rules that need the record (who came, the quorum), then the decision's own rules. */
export function problemsWith(input: DecisionInput, item: MeetingItem, record: MeetingRecord): Problem[] {
  const problems: Problem[] = []
  if (record.quorum.notRecorded)
    problems.push({ field: 'outcome', message: 'Record who is present before recording a decision' })
  if (input.familyAttended === null)
    problems.push({ field: 'familyAttended', message: 'Select whether the family attended' })
  if (input.familyAttended === true && !input.familyAttendees)
    problems.push({ field: 'familyAttendees', message: 'Enter who came for the family' })
  if (input.familyAttended === true && !input.interpreter)
    problems.push({ field: 'interpreter', message: 'Select whether an interpreter was needed and present' })
  if (input.familyAttended === false && !input.withoutFamilyReason)
    problems.push({
      field: 'withoutFamilyReason',
      message: 'Enter why the item was discussed without the family',
    })
  // A deferral decides nothing yet, so it neither matches nor differs from what the family asked.
  if (input.matchesPreference === null && input.outcome !== 'defer')
    problems.push({
      field: 'matchesPreference',
      message: 'Select whether the decision matches what the family asked for',
    })
  if (input.outcome === 'defer') {
    if (!input.deferralAction)
      problems.push({ field: 'deferralAction', message: 'Enter what is needed before the panel decides' })
    if (!input.deferralOwner) problems.push({ field: 'deferralOwner', message: 'Enter who will do it' })
    if (!input.deferralDueOn)
      problems.push({ field: 'deferralDueOn', message: 'Enter the date the action is due' })
  }
  const ruleProblems = decisionProblems({
    kind: item.kind,
    outcome: input.outcome,
    reasons: reasonsFrom(input.reasons),
    matchesPreference: input.outcome === 'defer' ? true : (input.matchesPreference ?? true),
    familyAskedForMainstream: item.preferredSettingIsMainstream,
    disagreementGround: input.disagreementGround,
    disagreementExplanation: input.disagreementExplanation ?? '',
    deferral:
      input.outcome === 'defer'
        ? { action: input.deferralAction ?? '', owner: input.deferralOwner ?? '', dueOn: input.deferralDueOn }
        : null,
    decidedOn: record.access.sitting.sittingOn,
    namedSetting: { name: input.namedSetting ?? '', type: input.namedSettingType },
    preferredSetting: item.preferredSetting,
  })
  for (const p of ruleProblems) {
    if (p.field === 'matchesPreference' && input.matchesPreference === null) continue
    if (p.field === 'deferral') {
      // Each missing part has its own message above; what is left is a date too early.
      if (input.deferralAction && input.deferralOwner && input.deferralDueOn)
        problems.push({ field: 'deferralDueOn', message: p.message })
      continue
    }
    problems.push(p)
  }
  const presentIds = new Set(presentForItem(record, item.caseId).map((s) => s.panelMemberId))
  for (const [memberId, view] of Object.entries(input.dissents)) {
    if (view && !presentIds.has(memberId))
      problems.push({
        field: 'dissents',
        message: 'Only a member who took part in this item can record a dissenting view',
      })
  }
  const quorum = itemQuorumOf(record, item.caseId)
  if (!quorum.quorate && !quorum.notRecorded && !input.inquorateReason)
    problems.push({
      field: 'inquorateReason',
      message:
        quorum.left.length > 0 && record.quorum.quorate
          ? `The panel is not quorate for this item once ${quorum.left.join(' and ')} left the discussion (${quorum.shortfall}). Say why it must decide now`
          : `The panel is not quorate (${quorum.shortfall}). Say why it must decide now, or record who else is present`,
    })
  return problems
}

/** The row to store: fields that do not apply to the outcome are dropped rather than kept silently. */
export function decisionRow(input: DecisionInput, record: MeetingRecord, item: MeetingItem): DecisionRow {
  const { caseId, kind } = item
  const names = new Map(record.seats.map((s) => [s.panelMemberId, s.name]))
  const deferred = input.outcome === 'defer'
  const differs = !deferred && input.matchesPreference === false
  return {
    outcome: input.outcome,
    reasons: reasonsFrom(input.reasons).join('\n'),
    // A deferral decides nothing, so it neither matches nor differs from what the family asked.
    matchesPreference: deferred ? null : input.matchesPreference,
    disagreementGround: differs && !deferred ? input.disagreementGround : null,
    disagreementExplanation: differs ? input.disagreementExplanation : null,
    conditions: input.conditions,
    withoutFamilyReason: input.familyAttended === false ? input.withoutFamilyReason : null,
    deferralAction: deferred ? input.deferralAction : null,
    deferralOwner: deferred ? input.deferralOwner : null,
    deferralDueOn: deferred ? input.deferralDueOn : null,
    inquorateReason: itemQuorumOf(record, caseId).quorate ? null : input.inquorateReason,
    dissents: Object.entries(input.dissents)
      .filter(([id, view]) => view && names.has(id))
      .map(([id, view]) => ({ panelMemberId: id, memberName: names.get(id)!, view })),
    namedSetting:
      namesSetting(kind, input.outcome) && input.namedSetting && input.namedSettingType
        ? { name: input.namedSetting, type: input.namedSettingType }
        : null,
  }
}

function sameDecision(stored: StoredDecision, row: DecisionRow): boolean {
  const keys: (keyof DecisionRow)[] = [
    'outcome',
    'reasons',
    'matchesPreference',
    'disagreementGround',
    'disagreementExplanation',
    'conditions',
    'withoutFamilyReason',
    'deferralAction',
    'deferralOwner',
    'deferralDueOn',
    'inquorateReason',
  ]
  return (
    keys.every((k) => stored[k] === row[k]) &&
    JSON.stringify(stored.namedSetting) === JSON.stringify(row.namedSetting) &&
    JSON.stringify(stored.dissents.map((d) => [d.panelMemberId, d.view])) ===
      JSON.stringify(row.dissents.map((d) => [d.panelMemberId, d.view]))
  )
}

function sameRecord(stored: ItemRecord | null, record: ItemRecord): boolean {
  return (
    stored !== null &&
    stored.familyAttended === record.familyAttended &&
    stored.familyAttendees === record.familyAttendees &&
    stored.interpreter === record.interpreter &&
    stored.notes === record.notes
  )
}

/**
 * Moves the case on: a decision closes its wait and says which way the clock's step went (the step is
 * met when the family is told); a deferral sends it back to the queue with papers due on the
 * deferral's date, so that it goes to a sitting after that.
 */
async function applyToCase(
  trx: Transaction,
  item: MeetingItem,
  row: DecisionRow,
  today: IsoDate,
): Promise<ExplainedMove[]> {
  const current = await lockCase(trx, item.caseId)
  if (!current) return []
  if (row.outcome === 'defer') {
    // A later sitting it was queued for stays while the new date allows: saving the deferral again is no
    // reason to take it off and e-mail everyone that it is back on (issue 14); the queue moves it if not.
    await updateCase(trx, item.caseId, { status: 'submitted', papers_complete_on: row.deferralDueOn })
    return []
  }
  // Decided now: a later sitting it was queued for after an earlier deferral holds no place.
  const offSittings = await removeOtherUndecidedItems(trx, item.caseId, item.agendaItemId)
  // Which way it went; the steps it meets are met when the family is told, by the letter (letters.ts).
  const change = decisionMilestones(item.kind, row.outcome)
  const milestones = { ...current.milestones, ...change }
  const stored = await recomputeStoredDeadlines(
    trx,
    item.caseId,
    { kind: current.kind, receivedOn: current.receivedOn, milestones },
    today,
  )
  await updateCase(trx, item.caseId, {
    status: 'decided',
    ...milestoneColumns(change),
    ...storedDeadlineColumns(stored),
  })
  return explainDecidedElsewhere(item, offSittings)
}

export function decisionsService(data: DataLayer, clock: Clock, notices: NotificationSettings) {
  const write = recordWriter(data, clock)

  return {
    /**
     * Records an item's decision with what happened at the item. A second submission of the same form
     * changes nothing; a form read before someone else's save is refused with their version to compare.
     */
    async record(user: User, sittingId: string, caseId: string, input: DecisionInput): Promise<DecisionSave> {
      let stale: StoredDecision | undefined
      let late: LateDeferral | null = null
      let moves: ExplainedMove[] = []
      const result = await write(user, sittingId, async (trx, record) => {
        const item = await lockMeetingItem(trx, sittingId, caseId)
        if (!item) return { ok: false, reason: 'not-found' }
        const problems = [
          ...problemsWith(input, item, record),
          ...plainWordsProblems(input, await listJargon(trx)),
        ]
        if (problems.length > 0) return { ok: false, reason: 'invalid', problems }
        const row = decisionRow(input, record, item)
        const existing = item.decision
        const itemRecord = {
          familyAttended: input.familyAttended ?? false,
          familyAttendees: input.familyAttended ? input.familyAttendees : null,
          interpreter: input.familyAttended ? input.interpreter : null,
          notes: input.notes,
        }
        // The same form sent twice (a double click, a resubmitted page) records one decision.
        if (existing && sameDecision(existing, row) && sameRecord(item.record, itemRecord))
          return { ok: true }
        if (existing && existing.version !== input.version) {
          stale = existing
          return { ok: false, reason: 'stale', message: 'stale' }
        }
        if (
          row.outcome === 'defer' &&
          row.deferralDueOn &&
          input.lateDeferralAcceptedFor !== row.deferralDueOn &&
          existing?.deferralDueOn !== row.deferralDueOn
        ) {
          late = await lateDeferralFor(trx, item, row.deferralDueOn, clock.today())
          // Nothing is written; the write wrapper knows only MeetingChange, so `late` carries the why.
          if (late) return { ok: false, reason: 'stale', message: 'late-deferral' }
        }
        const decidedOn = record.access.sitting.sittingOn
        const decisionId = existing
          ? (await updateDecision(trx, existing.id, user.id, row), existing.id)
          : await insertDecision(
              trx,
              { agendaItemId: item.agendaItemId, caseId, decidedOn, recordedBy: user.id },
              row,
            )
        await saveItemRecord(trx, item.agendaItemId, itemRecord)
        const decidedOff = await applyToCase(trx, item, row, clock.today())
        // Only this case is placed here; the full run that may move others is the settle-queue job's.
        const placed = await placeOneCaseIn(trx, clock.today(), caseId, user.id, notices)
        // That it waits is news only when the deferral is (new, or to a new date); a move always is.
        const backInQueue =
          row.outcome === 'defer' &&
          (existing?.outcome !== 'defer' || existing.deferralDueOn !== row.deferralDueOn)
        moves = [...decidedOff, ...placed.moves, ...(backInQueue && placed.waits ? [placed.waits] : [])]
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: existing ? 'decision_changed' : 'decision_recorded',
          // Kept against the case, so that its timeline shows the panel's decision.
          entityType: 'case',
          entityId: caseId,
          details: {
            decisionId,
            outcome: row.outcome,
            matchesPreference: row.matchesPreference,
            version: (existing?.version ?? 0) + 1,
            ...(input.sendAsWritten ? { sentAsWritten: true } : {}),
          },
        })
        return { ok: true }
      })
      if (!result.ok && result.reason === 'stale' && stale)
        return { ok: false, reason: 'stale-decision', current: stale }
      if (late) return { ok: false, reason: 'late-deferral', warning: late }
      return result.ok ? { ok: true, moves } : result
    },
  }
}

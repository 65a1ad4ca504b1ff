import type { Executor } from '../data/db'
import { listAttendance, listGuests, type Guest, type SeatAttendance } from '../data/attendance'
import { listDeclarations, listMeetingItems, type Declaration, type MeetingItem } from '../data/itemRecords'
import { listMinutes, type StoredMinutes } from '../data/minutes'
import type { User } from '../data/users'
import { formatLongDate } from '../domain/dates'
import { DISAGREEMENT_GROUND_LABELS, type DisagreementGround } from '../domain/decisionRules'
import { reasonsFrom, type MinutesContent } from '../domain/minutes'
import { describeQuorumRule, describeShortfall, isQuorate, parseQuorumRule } from '../domain/quorum'
import { SETTING_TYPE_LABELS, type Agency } from '../domain/vocabulary'
import { accessTo, type SittingAccess } from './sittings'

/**
 * Whether the chair may write the record of a sitting now: from the day it sits until its minutes are
 * approved, and again while a correction is open.
 */
export type RecordState =
  { open: true } | { open: false; why: 'cancelled' | 'not_yet' | 'approved'; message: string }

export function recordState(
  access: SittingAccess,
  latest: StoredMinutes | undefined,
  today: string,
): RecordState {
  const { sitting } = access
  if (sitting.status === 'cancelled')
    return { open: false, why: 'cancelled', message: 'This sitting was cancelled, so it has no record.' }
  if (sitting.sittingOn > today)
    return {
      open: false,
      why: 'not_yet',
      message: `You can record the meeting from the day the panel sits, ${formatLongDate(sitting.sittingOn)}.`,
    }
  if (latest?.status === 'approved')
    return {
      open: false,
      why: 'approved',
      message: 'The minutes are approved, so the record is closed. To change it, correct the minutes.',
    }
  return { open: true }
}

export interface QuorumView {
  rule: string
  quorate: boolean
  shortfall: string | null
  /** True until the chair has said who came. */
  notRecorded: boolean
}

export function quorumOf(quorumRule: unknown, seats: readonly SeatAttendance[]): QuorumView {
  const { rule } = parseQuorumRule(quorumRule)
  const present: Agency[] = seats.filter((s) => s.attendance === 'present').map((s) => s.agency)
  const result = isQuorate(rule, present)
  return {
    rule: describeQuorumRule(rule),
    quorate: result.quorate,
    shortfall: result.quorate ? null : describeShortfall(result.short),
    notRecorded: seats.every((s) => s.attendance === null),
  }
}

export interface ItemQuorumView extends QuorumView {
  /** Members present at the sitting who declared an interest in this item and left its discussion. */
  left: string[]
}

/** The members who took part in an item: present at the sitting, and not gone for a declared interest. */
export function presentForItem(record: MeetingRecord, caseId: string): SeatAttendance[] {
  const leftIds = new Set(
    record.declarations.filter((d) => d.caseId === caseId && d.leftDiscussion).map((d) => d.panelMemberId),
  )
  return record.seats.filter((s) => s.attendance === 'present' && !leftIds.has(s.panelMemberId))
}

/**
 * The quorum for one item: a member who declared an interest and left the discussion took no part in
 * the decision, so they do not count towards it (the panel's own rule decides the numbers).
 */
export function itemQuorumOf(record: MeetingRecord, caseId: string): ItemQuorumView {
  const taking = presentForItem(record, caseId)
  const ids = new Set(taking.map((s) => s.panelMemberId))
  return {
    ...quorumOf(record.access.sitting.quorumRule, taking),
    notRecorded: record.quorum.notRecorded,
    left: record.seats
      .filter((s) => s.attendance === 'present' && !ids.has(s.panelMemberId))
      .map((s) => s.name),
  }
}

export interface MeetingRecord {
  access: SittingAccess
  state: RecordState
  seats: SeatAttendance[]
  guests: Guest[]
  quorum: QuorumView
  items: MeetingItem[]
  declarations: Declaration[]
  minutes: StoredMinutes[]
}

/** Everything recorded about a sitting, for someone on its panel; undefined for anyone else. */
export async function readRecord(
  trx: Executor,
  sittingId: string,
  user: User,
  today: string,
): Promise<MeetingRecord | undefined> {
  const access = await accessTo(trx, sittingId, user, today)
  if (!access) return undefined
  const seats = await listAttendance(trx, sittingId)
  const minutes = await listMinutes(trx, sittingId)
  return {
    access,
    state: recordState(access, minutes[0], today),
    seats,
    guests: await listGuests(trx, sittingId),
    quorum: quorumOf(access.sitting.quorumRule, seats),
    items: await listMeetingItems(trx, sittingId),
    declarations: await listDeclarations(trx, sittingId),
    minutes,
  }
}

function groundLabel(ground: string | null): string | null {
  return ground && ground in DISAGREEMENT_GROUND_LABELS
    ? DISAGREEMENT_GROUND_LABELS[ground as DisagreementGround]
    : null
}

/** The minutes as the record stands: what the chair approves, and what an approved version keeps. */
export function minutesContent(record: MeetingRecord): MinutesContent {
  const { sitting } = record.access
  return {
    panelName: sitting.panelName,
    sittingOn: sitting.sittingOn,
    startsAt: sitting.startsAt,
    venue: sitting.venue,
    members: record.seats
      .filter((s) => s.attendance !== null)
      .map((s) => ({ name: s.name, agency: s.agency, isChair: s.isChair, attendance: s.attendance! })),
    guests: record.guests.map((g) => ({ name: g.name, role: g.role })),
    quorum: { rule: record.quorum.rule, quorate: record.quorum.quorate, shortfall: record.quorum.shortfall },
    items: record.items.map((item, index) => {
      const d = item.decision
      return {
        position: index + 1,
        caseId: item.caseId,
        reference: item.reference,
        childName: item.childName,
        kind: item.kind,
        preference: item.preference,
        familyAttended: item.record?.familyAttended ?? false,
        familyAttendees: item.record?.familyAttendees ?? null,
        interpreter: item.record?.interpreter ?? null,
        withoutFamilyReason: d?.withoutFamilyReason ?? null,
        declarations: record.declarations
          .filter((x) => x.caseId === item.caseId)
          .map((x) => ({ memberName: x.memberName, nature: x.nature, leftDiscussion: x.leftDiscussion })),
        quorum: (({ quorate, shortfall, left }) => ({ quorate, shortfall, left }))(
          itemQuorumOf(record, item.caseId),
        ),
        decision: d && {
          outcome: d.outcome,
          reasons: reasonsFrom(d.reasons),
          matchesPreference: d.matchesPreference,
          namedSetting: d.namedSetting
            ? `${d.namedSetting.name} (${SETTING_TYPE_LABELS[d.namedSetting.type].toLowerCase()})`
            : null,
          disagreementGround: groundLabel(d.disagreementGround),
          disagreementExplanation: d.disagreementExplanation,
          conditions: d.conditions,
          dissents: d.dissents.map((x) => ({ memberName: x.memberName, view: x.view })),
          deferral:
            d.deferralAction && d.deferralDueOn
              ? { action: d.deferralAction, owner: d.deferralOwner ?? '', dueOn: d.deferralDueOn }
              : null,
          inquorateReason: d.inquorateReason,
        },
        notes: item.record?.notes ?? null,
      }
    }),
  }
}

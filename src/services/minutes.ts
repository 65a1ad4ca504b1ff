import type { DataLayer } from '../data'
import { recordAuditEvent } from '../data/audit'
import {
  approveDraft,
  isFamilyOfCase,
  latestApprovedMinutesForCase,
  listMinutes,
  openDraft,
} from '../data/minutes'
import { caseworkerOfCase } from '../data/cases'
import { findSitting, lockSitting, markSittingHeld, membershipOf } from '../data/sittings'
import type { User } from '../data/users'
import { childExtract, type MinutesContent, type MinutesVersion } from '../domain/minutes'
import { renderMinutesPdf } from '../letters/minutesPdf'
import type { TextEngine } from '../letters/textEngine'
import type { Clock } from './clock'
import { invalid, recordWriter, STALE_RECORD, type MeetingChange } from './meeting'
import { minutesContent, readRecord, type MeetingRecord } from './meetingRecord'

/** What must be recorded before the chair can approve the minutes. */
export function approvalBlockers(record: MeetingRecord): string[] {
  const blockers: string[] = []
  if (record.seats.some((s) => s.attendance === null)) blockers.push('Record whether each member was present')
  for (const item of record.items)
    if (!item.decision) blockers.push(`Record the decision for ${item.childName}`)
  return blockers
}

export interface Extract {
  minutes: MinutesVersion
  childName: string
}

/** The child's part of approved minutes; also what a subject access request gives. */
export function extractOf(minutes: MinutesVersion, caseId: string): Extract | undefined {
  const content: MinutesContent | undefined = childExtract(minutes.content, caseId)
  if (!content) return undefined
  // The reason for a correction is about the whole sitting and may name any child, so it stays out.
  const correctionReason =
    minutes.correctionReason && 'This version corrects an earlier version of the minutes.'
  return { minutes: { ...minutes, content, correctionReason }, childName: content.items[0]!.childName }
}

/** Minutes: the draft built from the record, approval, corrections as new versions, and extracts. */
export function minutesService(data: DataLayer, clock: Clock, textEngine: TextEngine) {
  const db = data.db
  const write = recordWriter(data, clock)

  return {
    /** The record with its draft minutes (while the record is open) and every version so far. */
    async page(user: User, sittingId: string) {
      const record = await readRecord(db, sittingId, user, clock.today())
      if (!record) return undefined
      const draft: MinutesVersion | null = record.state.open
        ? {
            version: (record.minutes[0]?.status === 'draft' ? 0 : 1) + (record.minutes[0]?.version ?? 0),
            status: 'draft',
            approvedByName: null,
            approvedAt: null,
            correctionReason:
              record.minutes[0]?.status === 'draft' ? record.minutes[0].correctionReason : null,
            content: minutesContent(record),
          }
        : null
      return { record, draft, blockers: approvalBlockers(record) }
    },

    approve(user: User, sittingId: string, recordVersion: number): Promise<MeetingChange> {
      return write(user, sittingId, async (trx, record) => {
        if (record.access.sitting.recordVersion !== recordVersion) return STALE_RECORD
        const blockers = approvalBlockers(record)
        if (blockers.length > 0)
          return {
            ok: false,
            reason: 'invalid',
            problems: blockers.map((message) => ({ field: 'minutes', message })),
          }
        const latest = record.minutes[0]
        const version = latest?.status === 'draft' ? latest.version : (latest?.version ?? 0) + 1
        const draftId =
          latest?.status === 'draft' ? latest.id : await openDraft(trx, sittingId, version, null)
        await approveDraft(trx, draftId, minutesContent(record), user.id)
        await markSittingHeld(trx, sittingId)
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'minutes_approved',
          entityType: 'sitting',
          entityId: sittingId,
          details: { version },
        })
        return { ok: true }
      })
    },

    /** Opens a new version for correction; the approved one stays as it was. */
    correct(user: User, sittingId: string, reason: string): Promise<MeetingChange> {
      return db.transaction(async (trx): Promise<MeetingChange> => {
        if (!(await lockSitting(trx, sittingId))) return { ok: false, reason: 'not-found' }
        const record = await readRecord(trx, sittingId, user, clock.today())
        if (!record) return { ok: false, reason: 'not-found' }
        if (!record.access.isChair) return { ok: false, reason: 'forbidden' }
        const latest = record.minutes[0]
        if (latest?.status !== 'approved')
          return invalid(
            'reason',
            'Only approved minutes can be corrected. Change the record, then approve it.',
          )
        await openDraft(trx, sittingId, latest.version + 1, reason)
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'minutes_correction_opened',
          entityType: 'sitting',
          entityId: sittingId,
          details: { version: latest.version + 1 },
        })
        return { ok: true }
      })
    },

    /** One stored version, for its panel. */
    async version(user: User, sittingId: string, version: number) {
      const record = await readRecord(db, sittingId, user, clock.today())
      const minutes = record?.minutes.find((m) => m.version === version && m.status === 'approved')
      return record && minutes && { record, minutes }
    },

    pdf(minutes: MinutesVersion, title: string, extractFor?: string): Promise<Buffer> {
      return renderMinutesPdf(minutes, { title, extractFor, engine: textEngine })
    },

    /**
     * A child's extract from the latest approved minutes (of the given sitting, or of the last sitting
     * that decided the case), for the panel, the child's caseworker, managers and admins. Undefined when
     * the user may not see it or there is none.
     */
    async staffExtract(user: User, caseId: string, sittingId?: string): Promise<Extract | undefined> {
      const found = sittingId
        ? await listMinutes(db, sittingId).then((all) => {
            const minutes = all.find((m) => m.status === 'approved')
            return minutes && { sittingId, minutes }
          })
        : await latestApprovedMinutesForCase(db, caseId)
      if (!found) return undefined
      const sitting = await findSitting(db, found.sittingId)
      const c = await caseworkerOfCase(db, caseId)
      if (!sitting || !c) return undefined
      const allowed =
        user.role === 'admin' ||
        user.role === 'manager' ||
        (user.role === 'caseworker' && c.caseworkerId === user.id) ||
        ((user.role === 'chair' || user.role === 'member') &&
          (await membershipOf(db, sitting.panelId, user.id, clock.today())) !== undefined)
      return allowed ? extractOf(found.minutes, caseId) : undefined
    },

    /** The family's extract for their own child's case: the latest approved minutes that decided it. */
    async familyExtract(user: User, caseId: string): Promise<Extract | undefined> {
      if (user.role !== 'family' || !(await isFamilyOfCase(db, user.id, caseId))) return undefined
      const found = await latestApprovedMinutesForCase(db, caseId)
      return found && extractOf(found.minutes, caseId)
    },
  }
}

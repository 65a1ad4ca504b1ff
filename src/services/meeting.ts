import type { Transaction } from '../data/db'
import type { DataLayer } from '../data'
import {
  addGuest,
  bumpRecordVersion,
  lockRecordVersion,
  removeGuest,
  saveAttendance,
} from '../data/attendance'
import { recordAuditEvent } from '../data/audit'
import { addDeclaration, removeDeclaration } from '../data/itemRecords'
import { lockSittingWrites } from '../data/locks'
import type { User } from '../data/users'
import type { Attendance } from '../domain/vocabulary'
import type { Clock } from './clock'
import { quorumOf, readRecord, type MeetingRecord } from './meetingRecord'
import type { Forbidden, InvalidAnswers, NotFound, Refused, Result, Stale } from './result'

export type MeetingChange = Result<
  object,
  | NotFound
  | Forbidden
  | (Refused<'closed'> & { message: string })
  | InvalidAnswers
  | (Stale & { message: string })
>

export const STALE_RECORD: MeetingChange = {
  ok: false,
  reason: 'stale',
  message: 'Someone else changed this record after you opened it. Check what it says now, then save again.',
}

export function invalid(field: string, message: string): MeetingChange {
  return { ok: false, reason: 'invalid', problems: [{ field, message }] }
}

/**
 * Runs a change to a sitting's record as its chair, in one transaction: the sitting's row is locked so
 * that changes queue, the record must be open, and every change moves the record's version on.
 * It holds the queue's lock too, because a decision can send a case back to the queue.
 */
export function recordWriter(data: DataLayer, clock: Clock) {
  return function write(
    user: User,
    sittingId: string,
    work: (trx: Transaction, record: MeetingRecord) => Promise<MeetingChange>,
  ): Promise<MeetingChange> {
    return data.db.transaction(async (trx) => {
      await lockSittingWrites(trx)
      if ((await lockRecordVersion(trx, sittingId)) === undefined) return { ok: false, reason: 'not-found' }
      const record = await readRecord(trx, sittingId, user, clock.today())
      if (!record) return { ok: false, reason: 'not-found' }
      if (!record.access.isChair) return { ok: false, reason: 'forbidden' }
      if (!record.state.open) return { ok: false, reason: 'closed', message: record.state.message }
      const result = await work(trx, record)
      if (result.ok) await bumpRecordVersion(trx, sittingId)
      return result
    })
  }
}

/** The chair's record of who came and who declared an interest. */
export function meetingService(data: DataLayer, clock: Clock) {
  const write = recordWriter(data, clock)

  return {
    /** The quorum for attendance as marked so far, before it is saved. */
    quorumFor: quorumOf,

    record(user: User, sittingId: string): Promise<MeetingRecord | undefined> {
      return readRecord(data.db, sittingId, user, clock.today())
    },

    /** Saves the whole attendance form; every seat must be answered, and the form must not be stale. */
    saveAttendance(
      user: User,
      sittingId: string,
      form: { version: number; attendance: Record<string, Attendance | undefined> },
    ): Promise<MeetingChange> {
      return write(user, sittingId, async (trx, record) => {
        if (record.access.sitting.recordVersion !== form.version) return STALE_RECORD
        const problems = record.seats
          .filter((s) => !form.attendance[s.panelMemberId])
          .map((s) => ({
            field: `attendance-${s.panelMemberId}`,
            message: `Select whether ${s.name} was present`,
          }))
        if (problems.length > 0) return { ok: false, reason: 'invalid', problems }
        await saveAttendance(
          trx,
          sittingId,
          record.seats.map((s) => ({ ...s, attendance: form.attendance[s.panelMemberId]! })),
        )
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'attendance_recorded',
          entityType: 'sitting',
          entityId: sittingId,
          details: { present: Object.values(form.attendance).filter((a) => a === 'present').length },
        })
        return { ok: true }
      })
    },

    addGuest(user: User, sittingId: string, guest: { name: string; role: string }): Promise<MeetingChange> {
      return write(user, sittingId, async (trx) => {
        const id = await addGuest(trx, sittingId, guest)
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'guest_added',
          entityType: 'sitting',
          entityId: sittingId,
          details: { guestId: id },
        })
        return { ok: true }
      })
    },

    removeGuest(user: User, sittingId: string, guestId: string): Promise<MeetingChange> {
      return write(user, sittingId, async (trx) => {
        if (!(await removeGuest(trx, sittingId, guestId))) return { ok: false, reason: 'not-found' }
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'guest_removed',
          entityType: 'sitting',
          entityId: sittingId,
          details: { guestId },
        })
        return { ok: true }
      })
    },

    addDeclaration(
      user: User,
      sittingId: string,
      caseId: string,
      d: { panelMemberId: string; nature: string; leftDiscussion: boolean },
    ): Promise<MeetingChange> {
      return write(user, sittingId, async (trx, record) => {
        const item = record.items.find((i) => i.caseId === caseId)
        if (!item) return { ok: false, reason: 'not-found' }
        // Only a member at the sitting can declare an interest in one of its items.
        if (!record.seats.some((s) => s.panelMemberId === d.panelMemberId && s.attendance === 'present'))
          return invalid('panelMemberId', 'Select the member who declared the interest, from those present')
        const id = await addDeclaration(trx, { ...d, agendaItemId: item.agendaItemId, recordedBy: user.id })
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'declaration_recorded',
          entityType: 'agenda_item',
          entityId: item.agendaItemId,
          details: { declarationId: id, leftDiscussion: d.leftDiscussion },
        })
        return { ok: true }
      })
    },

    removeDeclaration(
      user: User,
      sittingId: string,
      caseId: string,
      declarationId: string,
    ): Promise<MeetingChange> {
      return write(user, sittingId, async (trx, record) => {
        const item = record.items.find((i) => i.caseId === caseId)
        if (!item || !(await removeDeclaration(trx, item.agendaItemId, declarationId)))
          return { ok: false, reason: 'not-found' }
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'declaration_removed',
          entityType: 'agenda_item',
          entityId: item.agendaItemId,
          details: { declarationId },
        })
        return { ok: true }
      })
    },
  }
}

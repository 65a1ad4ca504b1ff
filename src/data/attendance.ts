import { insertRow, type Transaction, type Executor } from './db'
import type { PanelMemberRow, SittingAttendanceRow, SittingRow } from './tables'
import type { Agency, Attendance } from '../domain/vocabulary'

export interface SeatAttendance {
  panelMemberId: string
  name: string
  agency: Agency
  isChair: boolean
  /** Null until the chair records it. */
  attendance: Attendance | null
}

/** A member's seat at a sitting, with what was recorded for it (null while nothing is). */
type SeatRow = Pick<PanelMemberRow, 'id' | 'full_name' | 'agency' | 'is_chair'> & {
  recorded_name: SittingAttendanceRow['full_name'] | null
  recorded_agency: SittingAttendanceRow['agency'] | null
  recorded_is_chair: SittingAttendanceRow['is_chair'] | null
  attendance: SittingAttendanceRow['attendance'] | null
}

/**
 * Everyone who sat on the panel on the sitting's date, with what was recorded for them. A member who
 * has left since keeps the name and agency recorded at the time.
 */
export async function listAttendance(trx: Executor, sittingId: string): Promise<SeatAttendance[]> {
  const seats = await trx('sittings as s')
    .join('panel_members as pm', 'pm.panel_id', 's.panel_id')
    .leftJoin('sitting_attendance as a', function () {
      this.on('a.sitting_id', 's.id').andOn('a.panel_member_id', 'pm.id')
    })
    .where('s.id', sittingId)
    .where((q) =>
      q
        .whereNotNull('a.panel_member_id')
        .orWhere((seat) =>
          seat
            .where((f) => f.whereNull('pm.member_from').orWhereRaw('pm.member_from <= s.sitting_on'))
            .where((u) => u.whereNull('pm.member_until').orWhereRaw('pm.member_until >= s.sitting_on')),
        ),
    )
    .select<SeatRow[]>(
      'pm.id',
      'pm.full_name',
      'pm.agency',
      'pm.is_chair',
      'a.full_name as recorded_name',
      'a.agency as recorded_agency',
      'a.is_chair as recorded_is_chair',
      'a.attendance',
    )
    .orderBy([{ column: 'pm.is_chair', order: 'desc' }, { column: 'pm.full_name' }])
  return seats.map((s) => ({
    panelMemberId: s.id,
    name: s.recorded_name ?? s.full_name,
    agency: s.recorded_agency ?? s.agency,
    isChair: s.recorded_is_chair ?? s.is_chair,
    attendance: s.attendance,
  }))
}

export async function saveAttendance(
  trx: Transaction,
  sittingId: string,
  seats: readonly SeatAttendance[],
): Promise<void> {
  for (const seat of seats) {
    if (seat.attendance === null) continue
    await trx('sitting_attendance')
      .insert({
        sitting_id: sittingId,
        panel_member_id: seat.panelMemberId,
        full_name: seat.name,
        agency: seat.agency,
        is_chair: seat.isChair,
        attendance: seat.attendance,
      })
      .onConflict(['sitting_id', 'panel_member_id'])
      .merge(['attendance', 'updated_at'])
  }
}

export interface Guest {
  id: string
  name: string
  role: string
}

export async function listGuests(trx: Executor, sittingId: string): Promise<Guest[]> {
  return trx('sitting_guests')
    .where({ sitting_id: sittingId })
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .select('id', 'name', 'role')
}

export async function addGuest(
  trx: Transaction,
  sittingId: string,
  guest: { name: string; role: string },
): Promise<string> {
  return insertRow(trx, 'sitting_guests', { sitting_id: sittingId, name: guest.name, role: guest.role })
}

/** True when there was such a guest to remove. */
export async function removeGuest(trx: Transaction, sittingId: string, guestId: string): Promise<boolean> {
  const rows = await trx('sitting_guests')
    .where({ id: guestId, sitting_id: sittingId })
    .delete()
    .returning('id')
  return rows.length > 0
}

/** Moves the record's version on and returns the new one; the caller holds the sitting's row lock. */
export async function bumpRecordVersion(trx: Transaction, sittingId: string): Promise<number> {
  const [row] = await trx<SittingRow>('sittings')
    .where({ id: sittingId })
    .update({ record_version: trx.raw('record_version + 1'), updated_at: trx.fn.now() })
    .returning('record_version')
  return row!.record_version
}

export async function lockRecordVersion(trx: Transaction, sittingId: string): Promise<number | undefined> {
  const row = await trx<SittingRow>('sittings').where({ id: sittingId }).forUpdate().first('record_version')
  return row?.record_version
}

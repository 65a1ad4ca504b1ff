import type { Executor, Transaction } from '../data/db'
import type { DataLayer } from '../data'
import { recordAuditEvent } from '../data/audit'
import { LOCK_KEYS, lockSittingWrites, tryTransactionLock } from '../data/locks'
import { loadBankHolidays } from '../data/queue'
import {
  cancelSittingRow,
  reinstateSittingRow,
  findSitting,
  insertSittings,
  listActivePanelSlots,
  listSummerSittings,
  loadSchoolTerms,
  membershipOf,
  panelsChairedBy,
  setAgendaLocked,
  sittingsToLock,
  weeklySittingDates,
  type SittingDetail,
} from '../data/sittings'
import { removeAllItems } from '../data/agenda'
import type { User } from '../data/users'
import { horizonEnd, papersCutoff, sittingsToCreate, summerHolidays } from '../domain/sittingPlan'
import { isWorkingDay } from '../domain/workingDays'
import type { JobResult } from '../jobs/types'
import type { ExplainedMove } from '../domain/queueMoves'
import type { Clock } from './clock'
import type { NotificationSettings } from './notifications'
import { placeCasesIn } from './queue'
import type { Forbidden, Invalid, NotFound, Result } from './result'

export interface SittingSettings {
  /** How far ahead weekly sittings are generated. */
  sittingHorizonWeeks: number
}

export type SittingAccess = { sitting: SittingDetail; isChair: boolean; isAdmin: boolean }

/** `moves`: the cases the queue moved as a result, with why, for the chair to see. */
export type SittingChange = Result<
  { sittingId: string; moves?: ExplainedMove[] },
  NotFound | Forbidden | Invalid
>

/** Who may see a sitting: its panel's members; who may change it: its chair (and an admin, for cancelling). */
export async function accessTo(
  trx: Executor,
  sittingId: string,
  user: User,
  today: string,
): Promise<SittingAccess | undefined> {
  const sitting = await findSitting(trx, sittingId)
  if (!sitting) return undefined
  if (user.role === 'admin') return { sitting, isChair: false, isAdmin: true }
  const seat = await membershipOf(trx, sitting.panelId, user.id, today)
  if (!seat) return undefined
  return { sitting, isChair: seat.isChair && user.role === 'chair', isAdmin: false }
}

/**
 * Creates the weekly sittings missing from today to the horizon, and locks the agendas of sittings
 * whose papers cut-off has passed. Both are idempotent: a second run the same day finds nothing to do.
 */
export async function rollForwardIn(
  trx: Transaction,
  today: string,
  weeks: number,
): Promise<{ created: number; summer: number; locked: number }> {
  const bankHolidays = await loadBankHolidays(trx)
  const summers = summerHolidays(await loadSchoolTerms(trx))
  const to = horizonEnd(today, weeks)
  let created = 0
  let summer = 0
  for (const panel of await listActivePanelSlots(trx)) {
    const planned = sittingsToCreate({
      slot: panel,
      from: today,
      to,
      bankHolidays,
      summerHolidays: summers,
      existing: await weeklySittingDates(trx, panel.id, today, to),
    })
    const inserted = await insertSittings(
      trx,
      planned.map((p) => ({
        panelId: panel.id,
        sittingOn: p.sittingOn,
        startsAt: p.startsAt,
        venue: panel.venue,
        onlineLink: panel.onlineLink,
        origin: 'weekly',
        isSummer: p.isSummer,
        createdBy: null,
      })),
    )
    created += inserted.length
    summer += inserted.filter((s) => s.isSummer).length
  }
  let locked = 0
  for (const s of await sittingsToLock(trx, today)) {
    if (papersCutoff(s.sittingOn, s.cutoffWorkingDays, bankHolidays) < today) {
      await setAgendaLocked(trx, s.id, true)
      locked += 1
    }
  }
  return { created, summer, locked }
}

export function sittingsService(
  data: DataLayer,
  clock: Clock,
  settings: SittingSettings,
  notices: NotificationSettings,
) {
  const db = data.db

  return {
    async rollForward(): Promise<JobResult> {
      return db.transaction(async (trx): Promise<JobResult> => {
        if (!(await tryTransactionLock(trx, LOCK_KEYS.rollCalendarForward))) return { ran: false }
        await lockSittingWrites(trx)
        const counts = await rollForwardIn(trx, clock.today(), settings.sittingHorizonWeeks)
        return { ran: true, counts }
      })
    },

    access: (sittingId: string, user: User) => accessTo(db, sittingId, user, clock.today()),

    async summerSittings() {
      const today = clock.today()
      return (await listSummerSittings(db, today)).map((s) => ({
        ...s,
        canTurnBackOn: s.status === 'cancelled' && s.sittingOn > today,
      }))
    },

    panelsChairedBy: (user: User) =>
      user.role === 'chair' ? panelsChairedBy(db, user.id) : Promise.resolve([]),

    /** A chair adds a sitting outside the weekly pattern, usually to save cases at risk. */
    async addExtraSitting(
      user: User,
      input: { panelId: string; sittingOn: string; startsAt: string },
    ): Promise<SittingChange> {
      const today = clock.today()
      return db.transaction(async (trx): Promise<SittingChange> => {
        await lockSittingWrites(trx)
        const seat = await membershipOf(trx, input.panelId, user.id, today)
        if (!seat?.isChair || user.role !== 'chair') return { ok: false, reason: 'forbidden' }
        if (input.sittingOn <= today)
          return {
            ok: false,
            reason: 'invalid',
            field: 'sittingOn',
            message: 'The date must be in the future',
          }
        if (!isWorkingDay(input.sittingOn, await loadBankHolidays(trx)))
          return {
            ok: false,
            reason: 'invalid',
            field: 'sittingOn',
            message: 'The date must be a working day, not a weekend or bank holiday',
          }
        const panel = (await listActivePanelSlots(trx)).find((p) => p.id === input.panelId)
        if (!panel) return { ok: false, reason: 'not-found' }
        const summers = summerHolidays(await loadSchoolTerms(trx))
        const isSummer = summers.some((h) => h.startsOn <= input.sittingOn && input.sittingOn <= h.endsOn)
        const [added] = await insertSittings(trx, [
          {
            panelId: panel.id,
            sittingOn: input.sittingOn,
            startsAt: input.startsAt,
            venue: panel.venue,
            onlineLink: panel.onlineLink,
            origin: 'extra',
            isSummer,
            createdBy: user.id,
          },
        ])
        const id = added?.id
        if (!id)
          return {
            ok: false,
            reason: 'invalid',
            field: 'sittingOn',
            message: 'The panel already has a sitting at that date and time',
          }
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'extra_sitting_added',
          entityType: 'sitting',
          entityId: id,
          details: { panelId: panel.id, sittingOn: input.sittingOn },
        })
        const { moves } = await placeCasesIn(trx, today, user.id, { settings: notices })
        return { ok: true, sittingId: id, moves }
      })
    },

    /**
     * Cancels a sitting with its reason kept. Its cases go back to the queue and are placed again at
     * once. A chair cancels their panel's sittings; an admin may turn off a summer sitting.
     */
    async cancelSitting(user: User, sittingId: string, reason: string): Promise<SittingChange> {
      const today = clock.today()
      return db.transaction(async (trx): Promise<SittingChange> => {
        await lockSittingWrites(trx)
        const access = await accessTo(trx, sittingId, user, clock.today())
        if (!access) return { ok: false, reason: 'not-found' }
        const { sitting } = access
        const allowed = access.isChair || (access.isAdmin && sitting.isSummer)
        if (!allowed) return { ok: false, reason: 'forbidden' }
        if (sitting.status !== 'scheduled' || sitting.sittingOn < today)
          return {
            ok: false,
            reason: 'invalid',
            field: 'reason',
            message: 'Only a sitting still to come can be cancelled',
          }
        await cancelSittingRow(trx, sittingId, reason, user.id)
        const caseIds = await removeAllItems(trx, sittingId)
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: sitting.isSummer && access.isAdmin ? 'summer_sitting_turned_off' : 'sitting_cancelled',
          entityType: 'sitting',
          entityId: sittingId,
          details: { cases: caseIds.length },
        })
        for (const caseId of caseIds) {
          await recordAuditEvent(trx, {
            actorUserId: user.id,
            action: 'agenda_removed_sitting_cancelled',
            entityType: 'case',
            entityId: caseId,
            details: { sittingId },
          })
        }
        // Placed again elsewhere, its family is told the date has changed, not given a new one.
        const { moves } = await placeCasesIn(trx, today, user.id, {
          settings: notices,
          movedFrom: new Map(caseIds.map((caseId) => [caseId, sittingId])),
        })
        return { ok: true, sittingId, moves }
      })
    },

    /**
     * An admin turns a summer sitting that was turned off back on (issue 14: once off, it stayed off).
     * The queue may then place cases on it at once.
     */
    async turnSummerSittingBackOn(user: User, sittingId: string): Promise<SittingChange> {
      const today = clock.today()
      return db.transaction(async (trx): Promise<SittingChange> => {
        await lockSittingWrites(trx)
        const access = await accessTo(trx, sittingId, user, today)
        if (!access || !access.sitting.isSummer) return { ok: false, reason: 'not-found' }
        if (!access.isAdmin) return { ok: false, reason: 'forbidden' }
        if (access.sitting.status !== 'cancelled' || access.sitting.sittingOn <= today)
          return {
            ok: false,
            reason: 'invalid',
            field: 'sitting',
            message: 'Only a summer sitting still to come that is turned off can be turned back on',
          }
        await reinstateSittingRow(trx, sittingId)
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'summer_sitting_turned_on',
          entityType: 'sitting',
          entityId: sittingId,
        })
        const { moves } = await placeCasesIn(trx, today, user.id, { settings: notices })
        return { ok: true, sittingId, moves }
      })
    },

    async setAgendaLock(user: User, sittingId: string, locked: boolean): Promise<SittingChange> {
      return db.transaction(async (trx): Promise<SittingChange> => {
        await lockSittingWrites(trx)
        const access = await accessTo(trx, sittingId, user, clock.today())
        if (!access) return { ok: false, reason: 'not-found' }
        if (!access.isChair) return { ok: false, reason: 'forbidden' }
        await setAgendaLocked(trx, sittingId, locked)
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: locked ? 'agenda_locked' : 'agenda_unlocked',
          entityType: 'sitting',
          entityId: sittingId,
        })
        return { ok: true, sittingId }
      })
    },
  }
}

export type SittingsService = ReturnType<typeof sittingsService>

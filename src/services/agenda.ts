import type { Transaction } from '../data/db'
import type { DataLayer } from '../data'
import { recordAuditEvent } from '../data/audit'
import { lockSittingWrites } from '../data/locks'
import {
  addChairItem,
  excludeFromSitting,
  listAgenda,
  removeAgendaItem,
  writeAgendaOrder,
} from '../data/agenda'
import { loadBankHolidays } from '../data/queue'
import { sittingsTakingKind } from '../data/sittings'
import type { User } from '../data/users'
import { moveWithinAgenda } from '../domain/agendaOrder'
import { daysBetween, londonTime } from '../domain/dates'
import { moveChoices, stillToMeet } from '../domain/moveChoices'
import { papersCutoff } from '../domain/sittingPlan'
import type { Clock } from './clock'
import { accessTo, type SittingChange } from './sittings'
import { placeCasesIn } from './queue'
import { explainChairMove } from '../domain/queueMoves'
import { tellCasesPlaced, type NotificationSettings } from './notifications'

export type AgendaChange = SittingChange

/** The chair's agenda: the order of business, and moving cases on, off and between sittings. */
export function agendaService(data: DataLayer, clock: Clock, settings: NotificationSettings) {
  /** The clock's date and London time of day: a sitting later today may still take a case. */
  const nowInLondon = () => ({ nowOn: clock.today(), nowAt: londonTime(clock.now()) })

  const db = data.db

  /** Runs a change to an agenda while holding the queue's lock, so it never interleaves with a scheduler run. */
  function change(
    user: User,
    sittingId: string,
    work: (
      trx: Transaction,
      access: NonNullable<Awaited<ReturnType<typeof accessTo>>>,
    ) => Promise<AgendaChange>,
  ): Promise<AgendaChange> {
    return db.transaction(async (trx) => {
      await lockSittingWrites(trx)
      const access = await accessTo(trx, sittingId, user, clock.today())
      if (!access) return { ok: false, reason: 'not-found' }
      if (!access.isChair) return { ok: false, reason: 'forbidden' }
      if (access.sitting.agendaLockedAt || access.sitting.status !== 'scheduled')
        return {
          ok: false,
          reason: 'invalid',
          field: 'agenda',
          message: 'The agenda is locked. Unlock it to change it.',
        }
      return work(trx, access)
    })
  }

  return {
    /** The agenda as its panel's members see it; undefined for anyone not on the panel. */
    async agenda(user: User, sittingId: string) {
      const access = await accessTo(db, sittingId, user, clock.today())
      if (!access) return undefined
      const today = clock.today()
      const bankHolidays = await loadBankHolidays(db)
      const { sitting } = access
      const items = (await listAgenda(db, sittingId)).map((item) => ({
        ...item,
        daysLeft: item.deadline ? daysBetween(today, item.deadline) : null,
        papersReady: item.papersCompleteOn !== null,
      }))
      const cutoffOn = papersCutoff(sitting.sittingOn, sitting.papersCutoffWorkingDays, bankHolidays)
      return { ...access, items, cutoffOn, today }
    },

    /** Where a case on this agenda could go instead: sittings still to meet, those in time first. */
    async moveOptions(user: User, sittingId: string, caseId: string) {
      const view = await this.agenda(user, sittingId)
      const item = view?.items.find((i) => i.caseId === caseId)
      if (!view || !item) return undefined
      const choices = moveChoices(await sittingsTakingKind(db, item.kind, clock.today()), {
        fromSittingId: sittingId,
        deadline: item.deadline,
        ...nowInLondon(),
      })
      return { ...view, item, choices }
    },

    reorder(user: User, sittingId: string, caseId: string, direction: 'up' | 'down'): Promise<AgendaChange> {
      return change(user, sittingId, async (trx) => {
        const order = (await listAgenda(trx, sittingId)).map((i) => i.caseId)
        if (!order.includes(caseId)) return { ok: false, reason: 'not-found' }
        const reordered = moveWithinAgenda(order, caseId, direction)
        // Up at the top or down at the bottom (a double click, a stale page) changes nothing, so pins nothing.
        if (reordered.every((id, i) => id === order[i])) return { ok: true, sittingId }
        await writeAgendaOrder(trx, sittingId, reordered, caseId)
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'agenda_reordered',
          entityType: 'case',
          entityId: caseId,
          details: { sittingId, direction },
        })
        return { ok: true, sittingId }
      })
    },

    moveTo(user: User, sittingId: string, caseId: string, toSittingId: string): Promise<AgendaChange> {
      return change(user, sittingId, async (trx, access) => {
        const agenda = await listAgenda(trx, sittingId)
        const order = agenda.map((i) => i.caseId)
        const item = agenda.find((i) => i.caseId === caseId)
        if (!item) return { ok: false, reason: 'not-found' }
        const target = (await sittingsTakingKind(trx, item.kind, clock.today())).find(
          (s) => s.id === toSittingId,
        )
        if (!target || target.id === sittingId)
          return {
            ok: false,
            reason: 'invalid',
            field: 'toSittingId',
            message: 'Choose a sitting that can take this case',
          }
        const now = nowInLondon()
        if (!stillToMeet(target, now.nowOn, now.nowAt))
          return {
            ok: false,
            reason: 'invalid',
            field: 'toSittingId',
            message: 'That sitting has already met. Choose one still to come.',
          }
        if (target.itemCount >= target.capacity)
          return {
            ok: false,
            reason: 'invalid',
            field: 'toSittingId',
            message: 'That sitting is full. Choose another.',
          }
        await removeAgendaItem(trx, sittingId, caseId)
        await writeAgendaOrder(
          trx,
          sittingId,
          order.filter((id) => id !== caseId),
          null,
        )
        await addChairItem(trx, target.id, caseId, target.itemCount + 1)
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'agenda_moved_by_chair',
          entityType: 'case',
          entityId: caseId,
          details: { sittingId: target.id, fromSittingId: access.sitting.id },
        })
        await tellCasesPlaced(
          trx,
          [{ caseId, sittingId: target.id, fromSittingId: access.sitting.id }],
          clock.today(),
          settings,
        )
        return {
          ok: true,
          sittingId: target.id,
          moves: [explainChairMove(item, access.sitting, target)],
        }
      })
    },

    /** Takes a case off this sitting; the scheduler will not put it back here, but may place it on another. */
    sendBack(user: User, sittingId: string, caseId: string): Promise<AgendaChange> {
      return change(user, sittingId, async (trx) => {
        const order = (await listAgenda(trx, sittingId)).map((i) => i.caseId)
        if (!order.includes(caseId)) return { ok: false, reason: 'not-found' }
        await removeAgendaItem(trx, sittingId, caseId)
        await writeAgendaOrder(
          trx,
          sittingId,
          order.filter((id) => id !== caseId),
          null,
        )
        await excludeFromSitting(trx, caseId, sittingId, user.id)
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'agenda_sent_back',
          entityType: 'case',
          entityId: caseId,
          details: { sittingId },
        })
        const { moves } = await placeCasesIn(trx, clock.today(), user.id, {
          settings,
          movedFrom: new Map([[caseId, sittingId]]),
        })
        return { ok: true, sittingId, moves }
      })
    },

    /** A case's papers, for the members of a panel it is on the agenda of. */
    async papers(user: User, sittingId: string, caseId: string) {
      const view = await this.agenda(user, sittingId)
      if (!view || !view.items.some((i) => i.caseId === caseId)) return undefined
      const detail = await data.caseDetail.find(caseId)
      if (!detail) return undefined
      return { ...view, detail }
    },
  }
}

export type AgendaService = ReturnType<typeof agendaService>

import type { DataLayer } from '../data'
import type { Transaction } from '../data/db'
import type { User } from '../data/users'
import { recordAuditEvent } from '../data/audit'
import { lockCase, updateCase } from '../data/caseRecords'
import { removeUndecidedItems } from '../data/agenda'
import { deleteQueueFlags } from '../data/queue'
import { lockSittingWrites } from '../data/locks'
import {
  closureActionFor,
  closureProblems,
  ENDED_STATUS,
  isEnded,
  reopenedStatus,
  type ClosureInput,
} from '../domain/caseClosure'
import type { ExplainedMove } from '../domain/queueMoves'
import type { Clock } from './clock'
import { CASE_STALE, type EditResult } from './cases'
import type { NotificationSettings } from './notifications'
import { placeCasesIn } from './queue'

export type CaseEnding = ClosureInput & { version: number }

/**
 * Withdrawing, closing and reopening a case (domain/caseClosure.ts). Each is one transaction: the case's
 * state, its places on agendas still to be held, the queue's use of the places freed, and the audit row.
 */
export function caseEndingsService(data: DataLayer, clock: Clock, notices: NotificationSettings) {
  /** The queue after a change that freed a place or added a case, under the lock every agenda change takes. */
  async function placeNow(trx: Transaction, actor: User): Promise<ExplainedMove[]> {
    await lockSittingWrites(trx)
    return (await placeCasesIn(trx, clock.today(), actor.id, { settings: notices })).moves
  }

  return {
    async endCase(actor: User, caseId: string, ending: CaseEnding): Promise<EditResult> {
      return data.db.transaction(async (trx): Promise<EditResult> => {
        const current = await lockCase(trx, caseId)
        if (!current) return { ok: false, reason: 'not-found' }
        if (current.version !== ending.version) return CASE_STALE
        if (closureActionFor(current.status) !== ending.action) return CASE_STALE
        const problem = closureProblems(ending, { receivedOn: current.receivedOn, today: clock.today() })[0]
        if (problem) return { ok: false, reason: 'invalid', ...problem }
        await updateCase(trx, caseId, {
          status: ENDED_STATUS[ending.action],
          ended_on: ending.endedOn,
          ended_reason: ending.reason,
          ended_note: ending.note,
          status_before_end: current.status,
        })
        const offSittings = await removeUndecidedItems(trx, caseId)
        await deleteQueueFlags(trx, [caseId])
        // The reason's code, not the note: the note is the caseworker's words about the family.
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: ending.action === 'withdraw' ? 'case_withdrawn' : 'case_closed',
          entityType: 'case',
          entityId: caseId,
          details: {
            reason: ending.reason,
            endedOn: ending.endedOn,
            from: current.status,
            offAgendas: offSittings.length,
          },
        })
        const moves = offSittings.length > 0 ? await placeNow(trx, actor) : []
        return { ok: true, moves }
      })
    },

    /** Undoes an ending made by mistake: the case goes back to where it was, and a waiting one to the queue. */
    async reopenCase(actor: User, caseId: string, version: number): Promise<EditResult> {
      return data.db.transaction(async (trx): Promise<EditResult> => {
        const current = await lockCase(trx, caseId)
        if (!current) return { ok: false, reason: 'not-found' }
        if (current.version !== version || !isEnded(current.status)) return CASE_STALE
        const status = reopenedStatus(current.status, current.statusBeforeEnd)
        await updateCase(trx, caseId, {
          status,
          ended_on: null,
          ended_reason: null,
          ended_note: null,
          status_before_end: null,
        })
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'case_reopened',
          entityType: 'case',
          entityId: caseId,
          details: { from: current.status, to: status },
        })
        const moves = status === 'submitted' ? await placeNow(trx, actor) : []
        return { ok: true, moves }
      })
    },
  }
}

export type CaseEndingsService = ReturnType<typeof caseEndingsService>

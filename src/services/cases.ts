import type { DataLayer } from '../data'
import type { User } from '../data/users'
import { recordAuditEvent } from '../data/audit'
import {
  insertCase,
  insertChild,
  insertEvidence,
  insertFamilyContacts,
  nextCaseReference,
} from '../data/caseRecords'
import type { NewCase } from '../domain/caseIntake'
import { CASES_PER_PAGE, deadlineWindow, paginate, type DeadlineFilter } from '../domain/caseList'
import type { CaseKind, CaseStatus } from '../domain/vocabulary'
import type { Clock } from './clock'
import { caseDeadlines, nextOpenDeadline } from './caseDeadlines'

export const CASE_REFERENCE_PREFIX = 'NS'

export interface CaseListQuery {
  scope: 'mine' | 'all'
  status?: CaseStatus
  kind?: CaseKind
  deadline?: DeadlineFilter
  page: number
}

export type OpenCaseResult =
  { ok: true; id: string; reference: string } | { ok: false; field: string; message: string }

export function casesService(data: DataLayer, clock: Clock) {
  return {
    /**
     * A page of the case list. Caseworkers see their own cases unless they ask for all (colleagues cover
     * for each other); managers, who have none of their own, always see all.
     */
    async listCases(user: User, query: CaseListQuery) {
      const today = clock.today()
      const scope = user.role === 'manager' ? 'all' : query.scope
      const filter = {
        today,
        caseworkerId: scope === 'mine' ? user.id : undefined,
        status: query.status,
        kind: query.kind,
        deadline: query.deadline ? deadlineWindow(query.deadline, today) : undefined,
        perPage: CASES_PER_PAGE,
      }
      const first = await data.cases.list({ ...filter, page: query.page })
      const page = paginate(first.total, query.page)
      // A page past the end (a stale link) shows the last page rather than nothing.
      const { rows, total } =
        page.number === query.page ? first : await data.cases.list({ ...filter, page: page.number })
      return { cases: rows, total, page, scope, today }
    },

    listCaseworkers() {
      return data.caseDetail.listCaseworkers()
    },

    /** Opens a case: the child, the family, the case, its evidence and the audit event, in one transaction. */
    async openCase(actor: User, input: NewCase): Promise<OpenCaseResult> {
      const caseworkers = await data.caseDetail.listCaseworkers()
      if (!caseworkers.some((c) => c.id === input.caseworkerId)) {
        return { ok: false, field: 'caseworkerId', message: 'Select the named caseworker from the list' }
      }
      const today = clock.today()
      const nextDeadline = nextOpenDeadline(
        caseDeadlines(
          { kind: input.kind, receivedOn: input.receivedOn, milestones: input, exceptions: [] },
          today,
        ),
      )
      return data.db.transaction(async (trx) => {
        const childId = await insertChild(trx, input.child)
        await insertFamilyContacts(trx, childId, input.contacts)
        const reference = await nextCaseReference(trx, CASE_REFERENCE_PREFIX, Number(today.slice(0, 4)))
        const id = await insertCase(trx, { reference, childId, input, createdBy: actor.id, nextDeadline })
        await insertEvidence(trx, id, input.evidence)
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'case_opened',
          entityType: 'case',
          entityId: id,
          details: { reference, kind: input.kind, caseworkerId: input.caseworkerId },
        })
        return { ok: true as const, id, reference }
      })
    },

    /** The case page: the case, its deadlines as of today and its timeline. */
    async caseView(id: string) {
      const detail = await data.caseDetail.find(id)
      if (!detail) return undefined
      const timeline = await data.caseDetail.timeline(id)
      const today = clock.today()
      const deadlines = caseDeadlines(
        {
          kind: detail.kind,
          receivedOn: detail.receivedOn,
          milestones: detail.milestones,
          exceptions: detail.exceptions,
        },
        today,
      ).map((d) => ({ ...d, state: d.state(today) }))
      return { detail, timeline, deadlines }
    },
  }
}

export type CasesService = ReturnType<typeof casesService>

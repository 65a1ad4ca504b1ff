import type { Transaction } from '../data/db'
import { casesWithApprovedMinutes } from '../data/minutes'
import type { DataLayer } from '../data'
import type { User } from '../data/users'
import { recordAuditEvent } from '../data/audit'
import {
  addFamilyContact,
  deleteFamilyContacts,
  insertCase,
  insertChild,
  insertEvidence,
  insertException,
  insertFamilyContacts,
  lockCase,
  lockFamilyContacts,
  nextCaseReference,
  replaceEvidence,
  updateCase,
  updateFamilyContact,
  type ExceptionRowInput,
  type StoredContact,
} from '../data/caseRecords'
import type { NewCase, NewEvidence, NewFamilyContact } from '../domain/caseIntake'
import { milestoneColumns, type MilestoneChange } from '../data/caseMilestones'
import { adviceAsked, papersCompleteOn } from '../domain/papers'
import { lockSittingWrites } from '../data/locks'
import type { NotificationSettings } from './notifications'
import { placeCasesIn } from './queue'
import type { ExplainedMove } from '../domain/queueMoves'
import {
  annualReviewWindow,
  CASES_PER_PAGE,
  deadlineWindow,
  paginate,
  type AnnualReviewFilter,
  type DeadlineFilter,
} from '../domain/caseList'
import { CASE_STATUS_LABELS, type CaseKind, type CaseStatus } from '../domain/vocabulary'
import type { Clock } from './clock'
import { unconfirmedNote, unconfirmedYears } from '../domain/bankHolidays'
import { caseDeadlines, nextOpenDeadline, planIssuedInsideCommentPeriod } from '../domain/caseDeadlines'
import { insertCaseAppeal } from '../data/caseDetail'
import { storedDeadlineColumns } from '../data/caseClocks'
import { recomputeStoredDeadlines, storedDeadlinesOf } from './storedDeadlines'
import { unconfirmedRuleNote, type TribunalAppeal } from '../domain/tribunalOrders'
import { isSamePerson } from '../domain/familyAccess'
import { withdrawOpenInvitations } from '../data/families'
import { endFamilyAccess } from './familyAccess'
import { invalid, type Invalid, type NotFound, type Result, type Stale } from './result'

export const CASE_REFERENCE_PREFIX = 'NS'

export interface CaseListQuery {
  scope: 'mine' | 'all'
  status?: CaseStatus
  kind?: CaseKind
  panel?: string
  deadline?: DeadlineFilter
  review?: AnnualReviewFilter
  page: number
}

/** `moves`: what the queue did at once as a result (the case placed, others moved), for whoever acted. */
export type EditResult = Result<
  { moves?: ExplainedMove[] },
  NotFound | (Stale & { message: string }) | Invalid
>

/** Every edit of a case refused because the case changed since the form was read says this. */
export const CASE_STALE: EditResult = {
  ok: false,
  reason: 'stale',
  message:
    'Someone else changed this case after you opened it. Check the case as it is now, then make your change again.',
}

/** An exception as a caseworker records it, with the version of the case they read. */
export type NewException = Omit<ExceptionRowInput, 'recordedBy'> & { version: number }

/** The family's preference as a caseworker edits it. */
export type PreferenceChange = Pick<
  NewCase,
  'preference' | 'preferredSetting' | 'preferredSettingIsMainstream'
>

/** The family contacts as a caseworker edits them: every contact they were shown is either kept or removed. */
export interface FamilyContactsChange {
  kept: (NewFamilyContact & { id: string })[]
  removedIds: string[]
  added: NewFamilyContact | null
  /** The id of a kept contact, or 'new' for the one added. */
  mainContact: string
}

const CONTACT_DETAILS: (keyof NewFamilyContact)[] = [
  'fullName',
  'relationship',
  'address',
  'email',
  'phone',
  'preferredLanguage',
  'needsInterpreter',
  'letterFormat',
]

const detailsDiffer = (before: StoredContact, after: NewFamilyContact) =>
  CONTACT_DETAILS.some((k) => before[k] !== after[k])

export type OpenCaseResult = Result<{ id: string; reference: string }, Invalid>

function isWaiting(status: string): boolean {
  return status === 'submitted' || status === 'scheduled'
}

export function casesService(data: DataLayer, clock: Clock, notices: NotificationSettings) {
  /** Runs the queue in the caller's transaction, after the lock every change to agendas takes. */
  async function placeNow(trx: Transaction, actor: User): Promise<ExplainedMove[]> {
    await lockSittingWrites(trx)
    return (await placeCasesIn(trx, clock.today(), actor.id, { settings: notices })).moves
  }

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
        panelId: query.panel,
        deadline: query.deadline ? deadlineWindow(query.deadline, today) : undefined,
        annualReview: query.review ? annualReviewWindow(query.review, today) : undefined,
        perPage: CASES_PER_PAGE,
      }
      const first = await data.cases.list({ ...filter, page: query.page })
      const page = paginate(first.total, query.page)
      // A page past the end (a stale link) shows the last page rather than nothing.
      const { rows, total } =
        page.number === query.page ? first : await data.cases.list({ ...filter, page: page.number })
      const panels = await data.panels.listAll()
      return { cases: rows, total, page, scope, today, panels }
    },

    listCaseworkers() {
      return data.caseDetail.listCaseworkers()
    },

    /** Opens a case: the child, the family, the case, its evidence and the audit event, in one transaction. */
    async openCase(actor: User, input: NewCase): Promise<OpenCaseResult> {
      const caseworkers = await data.caseDetail.listCaseworkers()
      if (!caseworkers.some((c) => c.id === input.caseworkerId)) {
        return invalid('caseworkerId', 'Select the named caseworker from the list')
      }
      const today = clock.today()
      const stored = storedDeadlinesOf(
        { kind: input.kind, receivedOn: input.receivedOn, milestones: input, exceptions: [] },
        today,
        await data.calendar.loadBankHolidayCalendar(),
      )
      return data.db.transaction(async (trx) => {
        const childId = await insertChild(trx, input.child)
        await insertFamilyContacts(trx, childId, input.contacts)
        const reference = await nextCaseReference(trx, CASE_REFERENCE_PREFIX, Number(today.slice(0, 4)))
        const id = await insertCase(trx, { reference, childId, input, createdBy: actor.id, stored })
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

    /** Names another caseworker on the case, refusing a form read before someone else changed the case. */
    async changeCaseworker(
      actor: User,
      caseId: string,
      change: { caseworkerId: string; version: number },
    ): Promise<EditResult> {
      const caseworkers = await data.caseDetail.listCaseworkers()
      if (!caseworkers.some((c) => c.id === change.caseworkerId)) {
        return {
          ok: false,
          reason: 'invalid',
          field: 'caseworkerId',
          message: 'Select the named caseworker from the list',
        }
      }
      return data.db.transaction(async (trx): Promise<EditResult> => {
        const current = await lockCase(trx, caseId)
        if (!current) return { ok: false, reason: 'not-found' }
        if (current.version !== change.version) return CASE_STALE
        if (current.caseworkerId === change.caseworkerId) return { ok: true }
        await updateCase(trx, caseId, { caseworker_id: change.caseworkerId })
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'caseworker_changed',
          entityType: 'case',
          entityId: caseId,
          details: { fromCaseworkerId: current.caseworkerId, toCaseworkerId: change.caseworkerId },
        })
        return { ok: true }
      })
    },

    /** Records an exception to a time limit (regs 5(4), 10(4), 13(3)); it changes how lateness is counted, never a due date. */
    async recordException(actor: User, caseId: string, exception: NewException): Promise<EditResult> {
      return data.db.transaction(async (trx): Promise<EditResult> => {
        const current = await lockCase(trx, caseId)
        if (!current) return { ok: false, reason: 'not-found' }
        if (current.version !== exception.version) return CASE_STALE
        const exceptionId = await insertException(trx, caseId, { ...exception, recordedBy: actor.id })
        await updateCase(trx, caseId, {})
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'exception_recorded',
          entityType: 'case',
          entityId: caseId,
          details: { exceptionId, step: exception.step, reasonCode: exception.reasonCode },
        })
        return { ok: true }
      })
    },

    /**
     * Records advice asked for and received; the papers are complete when the last awaited advice
     * arrives, or, with none asked for, from the day a caseworker says none is needed.
     */
    async updateEvidence(
      actor: User,
      caseId: string,
      change: { evidence: NewEvidence[]; noAdviceNeeded: boolean; version: number },
    ): Promise<EditResult> {
      const today = clock.today()
      return data.db.transaction(async (trx): Promise<EditResult> => {
        const current = await lockCase(trx, caseId)
        if (!current) return { ok: false, reason: 'not-found' }
        if (current.version !== change.version) return CASE_STALE
        if (change.noAdviceNeeded && adviceAsked(change.evidence).length > 0)
          return {
            ok: false,
            reason: 'invalid',
            field: 'noAdviceNeeded',
            message: 'Clear the dates of the advice asked for, or untick ‘No advice is needed’',
          }
        const noAdviceNeededOn = change.noAdviceNeeded ? (current.noAdviceNeededOn ?? today) : null
        await replaceEvidence(trx, caseId, change.evidence)
        const papersComplete = papersCompleteOn(change.evidence, noAdviceNeededOn)
        await updateCase(trx, caseId, {
          papers_complete_on: papersComplete,
          no_advice_needed_on: noAdviceNeededOn,
        })
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'evidence_updated',
          entityType: 'case',
          entityId: caseId,
          details: { papersCompleteOn: papersComplete },
        })
        if ((noAdviceNeededOn === null) !== (current.noAdviceNeededOn === null))
          await recordAuditEvent(trx, {
            actorUserId: actor.id,
            action: noAdviceNeededOn ? 'papers_complete_no_advice_needed' : 'no_advice_needed_withdrawn',
            entityType: 'case',
            entityId: caseId,
            details: { papersCompleteOn: papersComplete },
          })
        // Papers complete (or no longer) change where a waiting case may go: the queue follows at once.
        if (isWaiting(current.status)) return { ok: true, moves: await placeNow(trx, actor) }
        return { ok: true }
      })
    },

    /** Records the statutory steps done; the case's next deadline is worked out again from them. */
    async updateMilestones(
      actor: User,
      caseId: string,
      change: { milestones: MilestoneChange; version: number },
    ): Promise<EditResult> {
      const today = clock.today()
      return data.db.transaction(async (trx): Promise<EditResult> => {
        const current = await lockCase(trx, caseId)
        if (!current) return { ok: false, reason: 'not-found' }
        if (current.version !== change.version) return CASE_STALE
        const milestones = { ...current.milestones, ...change.milestones }
        const stored = await recomputeStoredDeadlines(
          trx,
          caseId,
          { kind: current.kind, receivedOn: current.receivedOn, milestones },
          today,
        )
        const next = stored.nextDeadline
        await updateCase(trx, caseId, {
          ...milestoneColumns(change.milestones),
          ...storedDeadlineColumns(stored),
        })
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'milestones_updated',
          entityType: 'case',
          entityId: caseId,
          details: { nextDeadlineStep: next?.step ?? null },
        })
        return { ok: true }
      })
    },

    /**
     * Records a tribunal appeal decided for the family, or one the council told the tribunal it will not oppose:
     * its order starts the council's time limits (SEND Regulations 2014 regs 44 and 45).
     */
    async recordAppeal(
      actor: User,
      caseId: string,
      change: { appeal: TribunalAppeal; version: number },
    ): Promise<EditResult> {
      const today = clock.today()
      return data.db.transaction(async (trx): Promise<EditResult> => {
        const current = await lockCase(trx, caseId)
        if (!current) return { ok: false, reason: 'not-found' }
        if (current.version !== change.version) return CASE_STALE
        if (change.appeal.on < current.receivedOn) {
          return {
            ok: false,
            reason: 'invalid',
            field: 'appealOn',
            message: 'The date of the order or notice must be on or after the day the request was received',
          }
        }
        const appealId = await insertCaseAppeal(trx, caseId, change.appeal, actor.id)
        const stored = await recomputeStoredDeadlines(
          trx,
          caseId,
          { kind: current.kind, receivedOn: current.receivedOn, milestones: current.milestones },
          today,
        )
        const next = stored.nextDeadline
        await updateCase(trx, caseId, storedDeadlineColumns(stored))
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'appeal_recorded',
          entityType: 'case',
          entityId: caseId,
          details: { appealId, ...change.appeal, nextDeadlineStep: next?.step ?? null },
        })
        return { ok: true }
      })
    },

    async updatePreference(
      actor: User,
      caseId: string,
      change: PreferenceChange & { version: number },
    ): Promise<EditResult> {
      return data.db.transaction(async (trx): Promise<EditResult> => {
        const current = await lockCase(trx, caseId)
        if (!current) return { ok: false, reason: 'not-found' }
        if (current.version !== change.version) return CASE_STALE
        const preferenceChanged = current.preference !== change.preference
        const settingChanged =
          current.preferredSetting !== change.preferredSetting ||
          current.preferredSettingIsMainstream !== change.preferredSettingIsMainstream
        if (!preferenceChanged && !settingChanged) return { ok: true }
        await updateCase(trx, caseId, {
          preference: change.preference,
          preferred_setting: change.preferredSetting,
          preferred_setting_is_mainstream: change.preferredSettingIsMainstream,
        })
        // What changed, not the words: the family's preference is theirs, and the audit trail is read widely.
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'preference_changed',
          entityType: 'case',
          entityId: caseId,
          details: {
            preferenceChanged,
            preferredSettingChanged: settingChanged,
            preferredSettingIsMainstream: change.preferredSettingIsMainstream,
          },
        })
        return { ok: true }
      })
    },

    /**
     * Changes, adds and removes the child's family contacts. A contact's family portal account stays linked
     * while the contact is the same person; removing the contact, or changing it into someone else, ends
     * that account's access to the child in the same transaction (services/familyAccess.ts).
     */
    async updateContacts(
      actor: User,
      caseId: string,
      change: FamilyContactsChange & { version: number },
    ): Promise<EditResult> {
      return data.db.transaction(async (trx): Promise<EditResult> => {
        const current = await lockCase(trx, caseId)
        if (!current) return { ok: false, reason: 'not-found' }
        if (current.version !== change.version) return CASE_STALE
        const stored = await lockFamilyContacts(trx, current.childId)
        // The contacts are the child's, and the child may have other cases: a form shown before a change
        // made from one of those is stale too, though this case's version has not moved.
        const shown = [...change.kept.map((c) => c.id), ...change.removedIds]
        if (shown.length !== stored.length || !stored.every((c) => shown.includes(c.id))) return CASE_STALE
        const mainIsNew = change.mainContact === 'new'
        if (mainIsNew ? !change.added : !change.kept.some((c) => c.id === change.mainContact)) {
          return { ok: false, reason: 'invalid', field: 'mainContact', message: 'Select the main contact' }
        }
        const before = new Map(stored.map((c) => [c.id, c]))
        const updates = change.kept.filter((c) => {
          const was = before.get(c.id)!
          return detailsDiffer(was, c) || was.isMainContact !== (c.id === change.mainContact)
        })
        const changed = change.kept.filter((c) => detailsDiffer(before.get(c.id)!, c)).length
        const mainContactChanged = mainIsNew || !before.get(change.mainContact)!.isMainContact
        if (updates.length === 0 && !change.added && change.removedIds.length === 0) return { ok: true }

        // A removed contact, or one changed into someone else, takes its account's access to the child with it.
        const now = clock.now()
        const accessEnds = [
          ...stored
            .filter((c) => c.userId && change.removedIds.includes(c.id))
            .map((c) => ({ contact: c, reason: 'contact_removed' as const })),
          ...change.kept
            .filter((c) => !isSamePerson(before.get(c.id)!, c))
            .map((c) => ({ contact: before.get(c.id)!, reason: 'contact_changed' as const })),
        ]
        for (const { contact, reason } of accessEnds) {
          if (contact.userId) {
            const access = { userId: contact.userId, childId: current.childId, contactIds: [contact.id] }
            await endFamilyAccess(trx, actor, { ...access, reason, caseId }, now)
          } else {
            await withdrawOpenInvitations(trx, [contact.id], now)
          }
        }
        await deleteFamilyContacts(trx, change.removedIds)
        for (const c of updates) await updateFamilyContact(trx, c.id, c, c.id === change.mainContact)
        if (change.added) await addFamilyContact(trx, current.childId, change.added, mainIsNew)
        await updateCase(trx, caseId, {})
        // Counts only: names, addresses and the like stay out of the audit trail.
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'contacts_changed',
          entityType: 'case',
          entityId: caseId,
          details: {
            changed,
            added: change.added ? 1 : 0,
            removed: change.removedIds.length,
            mainContactChanged,
            accessEnded: accessEnds.filter((a) => a.contact.userId).length,
          },
        })
        return { ok: true }
      })
    },

    /** Puts a draft case forward for a panel; from here the scheduler can place it on an agenda. */
    async submitCase(actor: User, caseId: string, version: number): Promise<EditResult> {
      return data.db.transaction(async (trx): Promise<EditResult> => {
        const current = await lockCase(trx, caseId)
        if (!current) return { ok: false, reason: 'not-found' }
        // Checked before the version: a colleague who submitted it first has moved both, and this says why.
        if (current.status !== 'draft') {
          return {
            ok: false,
            reason: 'invalid',
            field: 'status',
            message: `Only a draft case can be submitted to panel: this one is ${CASE_STATUS_LABELS[current.status].toLowerCase()}`,
          }
        }
        if (current.version !== version) return CASE_STALE
        await updateCase(trx, caseId, { status: 'submitted' })
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'case_submitted',
          entityType: 'case',
          entityId: caseId,
          details: { fromStatus: 'draft', toStatus: 'submitted' },
        })
        // Issue 14: placed at once, so the queue and the agendas never wait for the nightly run.
        return { ok: true, moves: await placeNow(trx, actor) }
      })
    },

    /** The case page: the case, its deadlines as of today and its timeline. */
    async caseView(id: string) {
      const detail = await data.caseDetail.find(id)
      if (!detail) return undefined
      const [timeline, caseworkers, placement, withMinutes] = await Promise.all([
        data.caseDetail.timeline(id),
        data.caseDetail.listCaseworkers(),
        data.queue.placementOf(id),
        casesWithApprovedMinutes(data.db, [id]),
      ])
      const today = clock.today()
      const holidays = await data.calendar.loadBankHolidayCalendar()
      const all = caseDeadlines(
        {
          kind: detail.kind,
          receivedOn: detail.receivedOn,
          milestones: detail.milestones,
          exceptions: detail.exceptions,
          appeals: detail.appeals,
        },
        today,
        holidays,
      )
      // The scheduler's answer bears on the next step only: that is the one a panel sitting decides.
      const next = nextOpenDeadline(all)
      const plannedOn =
        placement && (placement.state === 'at_risk' ? null : (placement.sittingOn ?? undefined))
      const deadlines = all.map((d) => ({
        ...d,
        state: d.state(today, next?.step === d.step ? plannedOn : undefined),
        bankHolidayNote: unconfirmedNote(unconfirmedYears(d.bankHolidayYears ?? [], holidays)),
        ruleNote: unconfirmedRuleNote(d),
      }))
      return {
        detail,
        timeline,
        deadlines,
        // A plan issued while the family could still comment on its draft (reg 13(1)(a); reg 22(2)(c)).
        issuedInsideCommentPeriod: planIssuedInsideCommentPeriod(all, today),
        caseworkers,
        placement: placement ?? null,
        hasMinutesExtract: withMinutes.has(id),
      }
    },
  }
}

export type CasesService = ReturnType<typeof casesService>

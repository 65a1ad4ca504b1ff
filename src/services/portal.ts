import type { NotFound, Refused, Result } from './result'
import type { Executor } from '../data/db'
import type { DataLayer } from '../data'
import type { User } from '../data/users'
import { recordAuditEvent } from '../data/audit'
import { caseDetailRepository, type CaseDetail } from '../data/caseDetail'
import { insertFamilyViews, listFamilyViews, papersCutoffWorkingDays } from '../data/familyViews'
import { listLetters } from '../data/letters'
import { casesWithApprovedMinutes, isFamilyOfCase } from '../data/minutes'
import { loadBankHolidays, queueRepository } from '../data/queue'
import {
  familyProgress,
  KIND_EXPLAINED,
  viewsClosedReason,
  viewsCloseOn,
  type FamilyProgressFacts,
} from '../domain/familyPortal'
import { latestDecisionLetter, listDecisionsForCase } from '../data/letters'
import { loadBankHolidayCalendar } from '../data/calendar'
import { loadLetterSettings } from '../data/letterSettings'
import { DEADLINE_STEPS, type DeadlineStep } from '../domain/statutoryClock'
import { addWorkingDays } from '../domain/workingDays'
import { caseDeadlines, nextOpenDeadline } from '../domain/caseDeadlines'
import type { IsoDate } from '../domain/dates'
import type { Clock } from './clock'

export const VIEWS_MAX_LENGTH = 10_000

export type SendViewsResult = Result<object, NotFound | (Refused<'closed'> & { message: string })>

/** The family's own pages: one child's case at a time, and only a case about their own child. */
export function portalService(data: DataLayer, clock: Clock) {
  const db = data.db

  /** Whether the family can still send views, and until when; read inside the caller's transaction. */
  async function viewsWindow(q: Executor, caseId: string, status: string) {
    if (status !== 'submitted' && status !== 'scheduled')
      return { open: false, closesOn: null, sitting: null }
    const placement = await queueRepository(q).placementOf(caseId)
    const sitting =
      placement?.sittingId && placement.sittingOn
        ? { id: placement.sittingId, sittingOn: placement.sittingOn, panelName: placement.panelName }
        : null
    if (!sitting) return { open: true, closesOn: null, sitting }
    const closesOn = viewsCloseOn(
      sitting.sittingOn,
      await papersCutoffWorkingDays(q, sitting.id),
      await loadBankHolidays(q),
    )
    return { open: clock.today() <= closesOn, closesOn: closesOn as IsoDate | null, sitting }
  }

  /**
   * What the family's page needs to give a next date in every state: the newest decision letter as
   * issued, the next statutory step, and the caseworker's follow-up day where the law sets none.
   */
  async function progressFacts(detail: CaseDetail): Promise<Omit<FamilyProgressFacts, 'sittingOn'>> {
    const [letter, decisions, calendar, { settings }] = await Promise.all([
      latestDecisionLetter(db, detail.id),
      listDecisionsForCase(db, detail.id),
      loadBankHolidayCalendar(db),
      loadLetterSettings(db),
    ])
    const today = clock.today()
    const next = nextOpenDeadline(
      caseDeadlines(
        {
          kind: detail.kind,
          receivedOn: detail.receivedOn,
          milestones: detail.milestones,
          exceptions: [],
          appeals: detail.appeals,
        },
        today,
        calendar,
      ),
    )
    const latest = decisions[0]
    // The letter promised the call this many working days after it; before it, count from the panel.
    const from = letter?.issuedOn ?? latest?.decidedOn
    return {
      status: detail.status,
      childFirstName: detail.child.firstName,
      decisionLetter: letter
        ? {
            decision: letter.content.sections[0]?.paragraphs[0]?.text ?? letter.content.title,
            issuedOn: letter.issuedOn,
            appealBy: letter.content.appealBy,
          }
        : null,
      nextStep:
        next && (DEADLINE_STEPS as readonly string[]).includes(next.step)
          ? { step: next.step as DeadlineStep, on: next.on }
          : null,
      followUpOn: from ? addWorkingDays(from, settings.followUpWorkingDays, calendar) : null,
      deferredUntil: latest?.outcome === 'defer' ? latest.deferralDueOn : null,
    }
  }

  return {
    /** For staff who may already see the case, such as the panel reading its papers. */
    familyViewsFor: (caseId: string) => listFamilyViews(db, caseId),

    async familyCase(user: User, caseId: string) {
      if (user.role !== 'family' || !(await isFamilyOfCase(db, user.id, caseId))) return undefined
      const detail = await data.caseDetail.find(caseId)
      // A draft is the caseworker's until it is submitted, as on the family's list of cases.
      if (!detail || detail.status === 'draft') return undefined
      const [window, letters, withMinutes, views] = await Promise.all([
        viewsWindow(db, caseId, detail.status),
        listLetters(db, caseId),
        casesWithApprovedMinutes(db, [caseId]),
        listFamilyViews(db, caseId),
      ])
      const progress = await progressFacts(detail)
      return {
        caseId: detail.id,
        reference: detail.reference,
        kind: detail.kind,
        status: detail.status,
        child: { firstName: detail.child.firstName, lastName: detail.child.lastName },
        caseworker: detail.caseworker,
        progress: familyProgress({ ...progress, sittingOn: window.sitting?.sittingOn ?? null }),
        explained: KIND_EXPLAINED[detail.kind](detail.child.firstName),
        sitting: window.sitting,
        views: {
          open: window.open,
          closesOn: window.closesOn,
          sent: views,
          closedBecause: viewsClosedReason(detail.status, window),
        },
        letters,
        hasMinutesExtract: withMinutes.has(caseId),
      }
    },

    /** The family's views go into the panel's papers and on the case's timeline, until the closing date. */
    sendViews(user: User, caseId: string, body: string): Promise<SendViewsResult> {
      return db.transaction(async (trx): Promise<SendViewsResult> => {
        if (user.role !== 'family' || !(await isFamilyOfCase(trx, user.id, caseId)))
          return { ok: false, reason: 'not-found' }
        const detail = await caseDetailRepository(trx).find(caseId)
        if (!detail || detail.status === 'draft') return { ok: false, reason: 'not-found' }
        const window = await viewsWindow(trx, caseId, detail.status)
        if (!window.open)
          return {
            ok: false,
            reason: 'closed',
            message: `It is too late to send views through your account. Contact ${detail.caseworker.fullName}, your caseworker`,
          }
        const viewsId = await insertFamilyViews(trx, {
          caseId,
          sittingId: window.sitting?.id ?? null,
          sentBy: user.id,
          body,
          sentAt: clock.now(),
        })
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'family_views_sent',
          entityType: 'case',
          entityId: caseId,
          details: { viewsId, sittingId: window.sitting?.id ?? null },
        })
        return { ok: true }
      })
    },
  }
}

export type PortalService = ReturnType<typeof portalService>

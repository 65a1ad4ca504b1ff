import crypto from 'node:crypto'
import type { DataLayer } from '../data'
import { insertApologyDraft, issueApologyDraft, listApologies, listOpenCaseClocks } from '../data/apologies'
import { recordAuditEvent } from '../data/audit'
import { loadBankHolidayCalendar } from '../data/calendar'
import { caseDetailRepository } from '../data/caseDetail'
import { lockCase } from '../data/caseRecords'
import { loadLetterSettings, loadLogo } from '../data/letterSettings'
import { LOCK_KEYS, tryTransactionLock } from '../data/locks'
import type { User } from '../data/users'
import type { IsoDate } from '../domain/dates'
import { privacyNoticeUrl } from '../domain/emails'
import { apologyLetter, apologyProblems } from '../domain/letters/apologyLetter'
import type { JobResult } from '../jobs/types'
import { renderLetterPdf } from '../letters/decisionLetterPdf'
import { caseDeadlines } from '../domain/caseDeadlines'
import type { Clock } from './clock'
import { tellFamilyLetterIsReady } from './letterEmails'
import { addresseeOf, defaultFormat } from './letters'
import type { InvalidAnswers, NotFound, Result } from './result'

export type ApologyIssue = Result<object, NotFound | InvalidAnswers>

/** Apologies for missed statutory time limits: drafted by the daily job, issued by the caseworker. */
export function apologiesService(data: DataLayer, clock: Clock, portalUrl: string) {
  const db = data.db

  return {
    /**
     * Drafts an apology for every statutory step now past its date and not done, once per case and
     * step. A step with an exception to its time limit is not late in law, so it gets none.
     */
    draftApologies(): Promise<JobResult> {
      return db.transaction(async (trx): Promise<JobResult> => {
        if (!(await tryTransactionLock(trx, LOCK_KEYS.draftApologyLetters))) return { ran: false }
        const today = clock.today()
        const owed = new Set((await listApologies(trx)).map((a) => `${a.caseId}|${a.step}`))
        let drafted = 0
        const holidays = await loadBankHolidayCalendar(trx)
        for (const c of await listOpenCaseClocks(trx)) {
          const late = caseDeadlines(
            { kind: c.kind, receivedOn: c.receivedOn, milestones: c.milestones, exceptions: [] },
            today,
            holidays,
          ).filter(
            (d) =>
              d.basis === 'statutory' && d.completedOn === null && d.due < today && !c.excepted.has(d.step),
          )
          for (const step of late) {
            if (owed.has(`${c.id}|${step.step}`)) continue
            const letterId = await insertApologyDraft(trx, c.id, step.step, step.due)
            await recordAuditEvent(trx, {
              actorUserId: null,
              action: 'apology_drafted',
              entityType: 'case',
              entityId: c.id,
              details: { letterId, step: step.step, dueOn: step.due },
            })
            drafted++
          }
        }
        return { ran: true, counts: { drafted } }
      })
    },

    list(caseId: string) {
      return listApologies(db, caseId)
    },

    issue(
      user: User,
      caseId: string,
      letterId: string,
      form: { reason: string | null; newExpectedOn: IsoDate | null },
    ): Promise<ApologyIssue> {
      const today = clock.today()
      return db.transaction(async (trx): Promise<ApologyIssue> => {
        if (!(await lockCase(trx, caseId))) return { ok: false, reason: 'not-found' }
        const draft = (await listApologies(trx, caseId)).find((a) => a.id === letterId)
        const detail = await caseDetailRepository(trx).find(caseId)
        if (!draft || !detail) return { ok: false, reason: 'not-found' }
        if (draft.status !== 'draft')
          return {
            ok: false,
            reason: 'invalid',
            problems: [{ field: 'reason', message: 'This apology has already been issued' }],
          }
        const problems = apologyProblems(form.reason, form.newExpectedOn, today)
        if (problems.length > 0) return { ok: false, reason: 'invalid', problems }
        const { settings } = await loadLetterSettings(trx)
        const letter = apologyLetter(
          {
            child: { firstName: detail.child.firstName, lastName: detail.child.lastName },
            reference: detail.reference,
            addressee: addresseeOf(detail),
            letterDate: today,
            step: draft.step,
            dueOn: draft.dueOn,
            reason: form.reason!,
            newExpectedOn: form.newExpectedOn!,
            caseworker: {
              name: detail.caseworker.fullName,
              phone: detail.caseworker.phone,
              email: detail.caseworker.email,
            },
            privacyUrl: privacyNoticeUrl(portalUrl),
          },
          settings,
        )
        const logo = await loadLogo(trx)
        const pdf = await renderLetterPdf(letter, {
          // An apology has no Easy Read wording yet, so a family that chose Easy Read gets its 16pt type.
          format: defaultFormat(detail) === 'standard' ? 'standard' : 'large_print',
          logo: logo?.image ?? null,
        })
        const sha256 = crypto.createHash('sha256').update(pdf).digest('hex')
        await issueApologyDraft(trx, letterId, {
          pdf,
          sha256,
          issuedOn: today,
          issuedBy: user.id,
          letter,
          step: draft.step,
          dueOn: draft.dueOn,
        })
        await tellFamilyLetterIsReady(
          trx,
          detail,
          { councilName: letter.councilName, isApology: true },
          portalUrl,
        )
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'apology_issued',
          entityType: 'case',
          entityId: caseId,
          details: { letterId, step: draft.step, sha256 },
        })
        return { ok: true }
      })
    },
  }
}

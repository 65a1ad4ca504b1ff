import type { InvalidAnswers, NotFound, Result } from './result'
import type { Executor, Transaction } from '../data/db'
import crypto from 'node:crypto'
import type { DataLayer } from '../data'
import { listApologies } from '../data/apologies'
import { recordAuditEvent } from '../data/audit'
import { caseDetailRepository, type CaseDetail } from '../data/caseDetail'
import { lockCase, updateCase } from '../data/caseRecords'
import { milestoneColumns } from '../data/caseMilestones'
import { storedDeadlineColumns } from '../data/caseClocks'
import { recomputeStoredDeadlines } from './storedDeadlines'
import { loadLetterSettings, loadLogo } from '../data/letterSettings'
import {
  findLetterPdf,
  insertIssuedLetter,
  listDecisionsForCase,
  listLetters,
  type DecisionForLetter,
} from '../data/letters'
import { isFamilyOfCase } from '../data/minutes'
import { loadBankHolidays, queueRepository } from '../data/queue'
import type { User } from '../data/users'
import type { IsoDate } from '../domain/dates'
import type { BankHolidayLookup } from '../domain/workingDays'
import { decisionLetter } from '../domain/letters/decisionLetter'
import { privacyNoticeUrl } from '../domain/emails'
import { easyReadLetter } from '../domain/letters/easyReadLetter'
import { hasWording } from '../domain/letters/outcomeWording'
import { issueProblems } from '../domain/letters/rights'
import type { LetterFacts } from '../domain/letters/types'
import { reasonsFrom } from '../domain/minutes'
import { renderLetterPdf } from '../letters/decisionLetterPdf'
import { renderEasyReadLetterPdf } from '../letters/easyReadLetterPdf'
import type { TextEngine } from '../letters/textEngine'
import { caseDeadlines } from '../domain/caseDeadlines'
import { stepsMetByLetter } from '../domain/decisionMilestones'
import { tellFamilyLetterIsReady } from './letterEmails'
import type { Clock } from './clock'
import { listJargon } from '../data/jargon'
import { familyTextWarnings } from '../domain/readability'

export type LetterFormatChoice = 'standard' | 'large_print' | 'easy_read'

export interface IssueForm {
  decisionId: string
  format: LetterFormatChoice
  issuedCount: number
  correctionReason: string | null
}

export type IssueResult = Result<{ letterId: string }, NotFound | InvalidAnswers>

/** The format the family's main contact chose: a family that chose Easy Read gets Easy Read. */
export function defaultFormat(detail: CaseDetail): LetterFormatChoice {
  const main = detail.contacts.find((c) => c.isMainContact) ?? detail.contacts[0]
  return main?.letterFormat ?? 'standard'
}

/** Letters go to the family's main contact, at the address they gave. */
export function addresseeOf(detail: CaseDetail): { name: string; addressLines: string[] } {
  const main = detail.contacts.find((c) => c.isMainContact) ?? detail.contacts[0]
  return {
    name: main?.fullName ?? `The parent or carer of ${detail.child.firstName} ${detail.child.lastName}`,
    addressLines: (main?.address ?? '').split(/\r?\n|,\s*/).filter((line) => line.trim() !== ''),
  }
}

function factsFor(
  detail: CaseDetail,
  decision: DecisionForLetter,
  letterDate: IsoDate,
  bankHolidays: BankHolidayLookup,
  nextSittingOn: IsoDate | null,
  privacyUrl: string,
): LetterFacts {
  // This letter is the notice to the family, so the dates it promises count from its own date (an
  // amended plan 8 weeks from this notice, reg 22), not from a notice still to be given.
  const milestones = {
    ...detail.milestones,
    ...stepsMetByLetter(detail.kind, decision.outcome, letterDate, detail.milestones),
  }
  const main = detail.contacts.find((c) => c.isMainContact) ?? detail.contacts[0]
  const dueDates = Object.fromEntries(
    caseDeadlines(
      {
        kind: detail.kind,
        receivedOn: detail.receivedOn,
        milestones,
        exceptions: [],
        appeals: detail.appeals,
      },
      letterDate,
      bankHolidays,
    )
      .filter((d) => d.completedOn === null)
      .map((d) => [d.step, d.due]),
  )
  return {
    kind: detail.kind,
    outcome: decision.outcome,
    child: { firstName: detail.child.firstName, lastName: detail.child.lastName },
    reference: detail.reference,
    addressee: addresseeOf(detail),
    letterDate,
    reasons: reasonsFrom(decision.reasons),
    matchesPreference: decision.matchesPreference,
    familyAsked: detail.preference,
    preferredSetting: detail.preferredSetting,
    namedSetting: decision.namedSetting,
    disagreementGround: decision.disagreementGround,
    disagreementExplanation: decision.disagreementExplanation,
    conditions: decision.conditions,
    deferral:
      decision.deferralAction && decision.deferralDueOn
        ? {
            action: decision.deferralAction,
            owner: decision.deferralOwner ?? 'We',
            dueOn: decision.deferralDueOn,
            nextSittingOn: nextSittingOn && nextSittingOn > decision.deferralDueOn ? nextSittingOn : null,
          }
        : null,
    toYoungPerson: main?.relationship === 'young_person',
    privacyUrl,
    dueDates,
    caseworker: {
      name: detail.caseworker.fullName,
      phone: detail.caseworker.phone,
      email: detail.caseworker.email,
    },
    bankHolidays,
  }
}

/**
 * The first letter telling the family of a decision meets the clock's "tell the family" steps on the
 * day it is issued (decisionMilestones.ts). A step already met, by an earlier letter or by hand on the
 * case, keeps its date: a correction does not move the day the family was first told.
 */
async function meetFamilyToldSteps(
  trx: Transaction,
  detail: CaseDetail,
  outcome: string,
  issuedOn: IsoDate,
): Promise<string[]> {
  const change = stepsMetByLetter(detail.kind, outcome, issuedOn, detail.milestones)
  if (Object.keys(change).length === 0) return []
  const milestones = { ...detail.milestones, ...change }
  const stored = await recomputeStoredDeadlines(
    trx,
    detail.id,
    { kind: detail.kind, receivedOn: detail.receivedOn, milestones },
    issuedOn,
  )
  await updateCase(trx, detail.id, { ...milestoneColumns(change), ...storedDeadlineColumns(stored) })
  return Object.keys(change)
}

/** Decision letters: the preview, issuing with a version and checksum, and the letters issued so far. */
export interface LettersOptions {
  portalUrl: string
  /** How the PDFs draw their text (LETTER_TEXT_ENGINE). */
  textEngine: TextEngine
}

export function lettersService(data: DataLayer, clock: Clock, options: LettersOptions) {
  const db = data.db
  const { portalUrl, textEngine } = options

  async function build(
    trx: Executor,
    caseId: string,
    decisionId: string,
    letterDate: IsoDate = clock.today(),
  ) {
    const detail = await caseDetailRepository(trx).find(caseId)
    const decision = (await listDecisionsForCase(trx, caseId)).find((d) => d.id === decisionId)
    if (!detail || !decision || !hasWording(detail.kind, decision.outcome)) return undefined
    const { settings } = await loadLetterSettings(trx)
    const placement =
      decision.outcome === 'defer' ? await queueRepository(trx).placementOf(caseId) : undefined
    const facts = factsFor(
      detail,
      decision,
      letterDate,
      await loadBankHolidays(trx),
      placement?.sittingOn ?? null,
      privacyNoticeUrl(portalUrl),
    )
    return {
      detail,
      decision,
      letter: decisionLetter(facts, settings),
      easyRead: easyReadLetter(facts, settings),
    }
  }

  type Built = NonNullable<Awaited<ReturnType<typeof build>>>

  async function render(trx: Executor, built: Built, format: LetterFormatChoice) {
    const logo = (await loadLogo(trx))?.image ?? null
    return format === 'easy_read'
      ? renderEasyReadLetterPdf(built.easyRead, { logo, engine: textEngine })
      : renderLetterPdf(built.letter, { format, logo, engine: textEngine })
  }

  /** Both letters are checked, whichever is issued: each must give every right the decision carries. */
  const problemsOf = (built: Built) => [
    ...new Set([...issueProblems(built.letter), ...issueProblems(built.easyRead)]),
  ]

  /**
   * Issues the letter: refused while any right is missing. The first letter for a decision is version
   * 1; a later one corrects it, says why, and leaves the earlier one as it was.
   */
  async function issueIn(
    trx: Transaction,
    issuerId: string,
    caseId: string,
    form: IssueForm,
    options: { issuedOn: IsoDate; tellFamily: boolean },
  ): Promise<IssueResult> {
    if (!(await lockCase(trx, caseId))) return { ok: false, reason: 'not-found' }
    const built = await build(trx, caseId, form.decisionId, options.issuedOn)
    if (!built) return { ok: false, reason: 'not-found' }
    const problems = problemsOf(built).map((message) => ({ field: 'letter', message }))
    if (problems.length > 0) return { ok: false, reason: 'invalid', problems }
    const earlier = (await listLetters(trx, caseId)).filter((l) => l.decisionId === form.decisionId)
    if (earlier.length !== form.issuedCount)
      return {
        ok: false,
        reason: 'invalid',
        problems: [
          {
            field: 'letter',
            message:
              'A letter for this decision was issued after you opened this page. Check it before issuing another.',
          },
        ],
      }
    if (earlier.length > 0 && !form.correctionReason)
      return {
        ok: false,
        reason: 'invalid',
        problems: [
          { field: 'correctionReason', message: 'Say why this letter corrects the one already issued' },
        ],
      }
    const pdf = await render(trx, built, form.format)
    const version = earlier.length + 1
    const sha256 = crypto.createHash('sha256').update(pdf).digest('hex')
    const letterId = await insertIssuedLetter(trx, {
      caseId,
      decisionId: form.decisionId,
      version,
      supersedesId: earlier[0]?.id ?? null,
      correctionReason: earlier.length > 0 ? form.correctionReason : null,
      format: form.format,
      pdf,
      sha256,
      issuedOn: options.issuedOn,
      issuedBy: issuerId,
      // The standard letter's words are stored for every format, as the portal reads the decision from
      // them; an Easy Read letter keeps its own words beside them, for printing it again.
      content: form.format === 'easy_read' ? { ...built.letter, easyRead: built.easyRead } : built.letter,
    })
    const met = await meetFamilyToldSteps(trx, built.detail, built.decision.outcome, options.issuedOn)
    if (options.tellFamily)
      await tellFamilyLetterIsReady(
        trx,
        built.detail,
        { councilName: built.letter.councilName, isApology: false },
        portalUrl,
      )
    await recordAuditEvent(trx, {
      actorUserId: issuerId,
      action: 'letter_issued',
      entityType: 'case',
      entityId: caseId,
      details: {
        letterId,
        decisionId: form.decisionId,
        version,
        format: form.format,
        sha256,
        ...(met.length > 0 ? { stepsMet: met.join(', ') } : {}),
      },
    })
    return { ok: true, letterId }
  }

  return {
    /** The case's decisions with their letters, for the letters page. */
    async page(caseId: string) {
      const detail = await data.caseDetail.find(caseId)
      if (!detail) return undefined
      const [decisions, letters] = await Promise.all([
        listDecisionsForCase(db, caseId),
        listLetters(db, caseId),
      ])
      const jargon = await listJargon(db)
      const checks = await Promise.all(
        decisions.map(async (d) => {
          const built = await build(db, caseId, d.id)
          return {
            decisionId: d.id,
            problems: built ? problemsOf(built) : ['No letter wording for this decision'],
            // The same standard the chair's words were held to, so the caseworker sees it before issuing.
            warnings: familyTextWarnings(
              [
                { label: 'The reasons', text: d.reasons },
                { label: 'The explanation', text: d.disagreementExplanation },
                { label: 'What is needed', text: d.deferralAction },
                { label: 'The conditions or support agreed', text: d.conditions },
              ],
              jargon,
            ),
          }
        }),
      )
      const apologies = await listApologies(db, caseId)
      return { detail, decisions, letters, checks, apologies, defaultFormat: defaultFormat(detail) }
    },

    /** The letter's words as they would be issued today, for reading in the browser. */
    async previewLetter(caseId: string, decisionId: string) {
      const built = await build(db, caseId, decisionId)
      return built && { letter: built.letter, detail: built.detail, problems: issueProblems(built.letter) }
    },

    /** The letter as it would be issued today, not stored. */
    async preview(caseId: string, decisionId: string, format?: LetterFormatChoice) {
      const built = await build(db, caseId, decisionId)
      if (!built) return undefined
      return { pdf: await render(db, built, format ?? defaultFormat(built.detail)), letter: built.letter }
    },

    /**
     * Issues the letter: refused while any right is missing. The first letter for a decision is version
     * 1; a later one corrects it, says why, and leaves the earlier one as it was.
     */
    issue(user: User, caseId: string, form: IssueForm): Promise<IssueResult> {
      return db.transaction((trx) =>
        issueIn(trx, user.id, caseId, form, { issuedOn: clock.today(), tellFamily: true }),
      )
    },

    /**
     * Issues inside the caller's transaction, dated `issuedOn`: for the demo council, whose letters were
     * sent before anyone could be told by e-mail.
     */
    issueIn,

    download(caseId: string, letterId: string) {
      return findLetterPdf(db, caseId, letterId)
    },

    /** An issued letter, for the family of the child it is about and nobody else. */
    async familyLetter(user: User, caseId: string, letterId: string) {
      if (user.role !== 'family' || !(await isFamilyOfCase(db, user.id, caseId))) return undefined
      return findLetterPdf(db, caseId, letterId)
    },
  }
}

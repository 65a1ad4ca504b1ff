import type { Transaction } from '../data/db'
import type { DataLayer } from '../data'
import { enqueueEmail, enqueueEmails, type NewEmail } from '../data/emailOutbox'
import { loadLetterSettings } from '../data/letterSettings'
import { LOCK_KEYS, lockSittingWrites, tryTransactionLock } from '../data/locks'
import {
  casesForNotice,
  chairEmailsForKinds,
  familyEmailsForCases,
  markPapersReadyNotified,
  memberEmailsForSitting,
  sittingsAwaitingPapersNotice,
  sittingsForNotice,
} from '../data/notifications'
import { loadBankHolidays } from '../data/queue'
import type { IsoDate } from '../domain/dates'
import {
  casePlacedEmail,
  casePlacedStaffEmail,
  deadlineAtRiskEmail,
  papersReadyEmail,
  privacyNoticeUrl,
} from '../domain/emails'
import { viewsCloseOn } from '../domain/familyPortal'
import { isPapersReadyNoticeDue, papersReadyHorizon } from '../domain/papersReady'
import type { QueueReason } from '../domain/scheduler'
import type { JobResult } from '../jobs/types'
import type { Clock } from './clock'

export interface NotificationSettings {
  /** The family portal's address (PUBLIC_URL/portal); staff links are made from the same host. */
  portalUrl: string
  /** How many working days before a sitting its members are told the papers are ready. */
  papersReadyWorkingDays: number
}

/** The settings the services were built with, with the defaults for any not given. */
export function notificationSettings(s: NotificationSettings): NotificationSettings {
  return { portalUrl: s.portalUrl, papersReadyWorkingDays: s.papersReadyWorkingDays }
}

/** A staff page's address on the host families use: one PUBLIC_URL serves both. */
function staffLink(settings: NotificationSettings, path: string): string {
  return new URL(path, settings.portalUrl).toString()
}

/** An unset council name (a new install) would leave a sign-off reading "sent by ."; say who in general. */
async function councilName(trx: Transaction): Promise<string> {
  const name = (await loadLetterSettings(trx)).settings.councilName.trim()
  return name === '' ? 'your council' : name
}

export interface Placement {
  caseId: string
  sittingId: string
  /** The sitting the case was on before, for a move; null when it was on none. */
  fromSittingId: string | null
}

/**
 * Tells each case's family (every portal account) and its caseworker that the case is on a sitting, or
 * has moved to another, inside the transaction that placed it: no placement, no e-mail.
 */
export async function tellCasesPlaced(
  trx: Transaction,
  placements: Placement[],
  today: IsoDate,
  settings: NotificationSettings,
): Promise<number> {
  if (placements.length === 0) return 0
  const cases = await casesForNotice(
    trx,
    placements.map((p) => p.caseId),
  )
  const sittings = await sittingsForNotice(
    trx,
    placements.flatMap((p) => (p.fromSittingId ? [p.sittingId, p.fromSittingId] : [p.sittingId])),
  )
  const bankHolidays = await loadBankHolidays(trx)
  const council = await councilName(trx)
  // One query for every case's family accounts and one insert per few hundred e-mails, not one per case.
  const families = await familyEmailsForCases(
    trx,
    placements.map((p) => p.caseId),
  )
  const emails: NewEmail[] = []
  for (const p of placements) {
    const panelCase = cases.get(p.caseId)
    const sitting = sittings.get(p.sittingId)
    if (!panelCase || !sitting) continue
    const previousSittingOn = p.fromSittingId ? (sittings.get(p.fromSittingId)?.sittingOn ?? null) : null
    const moved = previousSittingOn !== null && previousSittingOn !== sitting.sittingOn
    const event = moved ? 'case_moved' : 'case_placed'
    const closesOn = viewsCloseOn(sitting.sittingOn, sitting.papersCutoffWorkingDays, bankHolidays)

    const familyEmail = casePlacedEmail({
      childFirstName: panelCase.childFirstName,
      sittingOn: sitting.sittingOn,
      previousSittingOn: moved ? previousSittingOn : null,
      viewsCloseOn: closesOn >= today ? closesOn : null,
      portalUrl: settings.portalUrl,
      caseworkerName: panelCase.caseworkerName,
      councilName: council,
      privacyUrl: privacyNoticeUrl(settings.portalUrl),
    })
    const accounts = families.get(panelCase.id) ?? []
    for (const to of accounts) emails.push({ to, ...familyEmail, event, caseId: panelCase.id })

    if (panelCase.caseworkerEmail) {
      const staffEmail = casePlacedStaffEmail({
        reference: panelCase.reference,
        childName: `${panelCase.childFirstName} ${panelCase.childLastName}`,
        panelName: sitting.panelName,
        sittingOn: sitting.sittingOn,
        previousSittingOn: moved ? previousSittingOn : null,
        familyEmailed: accounts.length > 0,
        caseUrl: staffLink(settings, `/cases/${panelCase.id}`),
        councilName: council,
        privacyUrl: privacyNoticeUrl(settings.portalUrl),
      })
      emails.push({ to: panelCase.caseworkerEmail, ...staffEmail, event, caseId: panelCase.id })
    }
  }
  await enqueueEmails(trx, emails)
  return emails.length
}

export interface AtRisk {
  caseId: string
  reason: QueueReason
  suggestedSittingOn: IsoDate | null
}

/**
 * Tells the caseworker and the chairs who could add a sitting that a case has just become at risk. The
 * caller sends only cases that were not at risk before, so each is told once per time it happens.
 */
export async function tellDeadlinesAtRisk(
  trx: Transaction,
  atRisk: AtRisk[],
  today: IsoDate,
  settings: NotificationSettings,
): Promise<number> {
  if (atRisk.length === 0) return 0
  const cases = await casesForNotice(
    trx,
    atRisk.map((a) => a.caseId),
  )
  const council = await councilName(trx)
  // The chairs of every kind at risk in one query, and the e-mails in a few inserts, not one per case.
  const chairsByKind = await chairEmailsForKinds(
    trx,
    [...cases.values()].map((c) => c.kind),
    today,
  )
  const emails: NewEmail[] = []
  for (const a of atRisk) {
    const panelCase = cases.get(a.caseId)
    // At risk means a deadline the case cannot meet; without one there is nothing to say.
    if (!panelCase?.deadline || !panelCase.deadlineStep) continue
    const about = {
      reference: panelCase.reference,
      step: panelCase.deadlineStep,
      dueOn: panelCase.deadline,
      reason: a.reason,
      suggestedSittingOn: a.suggestedSittingOn,
      councilName: council,
      privacyUrl: privacyNoticeUrl(settings.portalUrl),
    }
    if (panelCase.caseworkerEmail) {
      const email = deadlineAtRiskEmail({
        ...about,
        forChair: false,
        link: staffLink(settings, `/cases/${panelCase.id}`),
      })
      emails.push({
        to: panelCase.caseworkerEmail,
        ...email,
        event: 'deadline_at_risk',
        caseId: panelCase.id,
      })
    }
    // Chairs cannot open cases; the queue is where they see it and can add a sitting.
    const chairEmail = deadlineAtRiskEmail({ ...about, forChair: true, link: staffLink(settings, '/queue') })
    for (const to of chairsByKind.get(panelCase.kind) ?? []) {
      if (to === panelCase.caseworkerEmail) continue
      emails.push({ to, ...chairEmail, event: 'deadline_at_risk', caseId: panelCase.id })
    }
  }
  await enqueueEmails(trx, emails)
  return emails.length
}

/**
 * Tells the members of each sitting coming up within the set number of working days that its papers
 * are ready, once: the sitting is marked in the same transaction as the e-mails.
 */
export async function tellMembersPapersReadyIn(
  trx: Transaction,
  today: IsoDate,
  settings: NotificationSettings,
): Promise<{ sittings: number; emails: number }> {
  const bankHolidays = await loadBankHolidays(trx)
  const horizon = papersReadyHorizon(today, settings.papersReadyWorkingDays, bankHolidays)
  const candidates = await sittingsAwaitingPapersNotice(trx, today, horizon)
  const due = candidates.filter((s) =>
    isPapersReadyNoticeDue(s, today, settings.papersReadyWorkingDays, bankHolidays),
  )
  if (due.length === 0) return { sittings: 0, emails: 0 }
  const council = await councilName(trx)
  let emails = 0
  for (const sitting of due) {
    const email = papersReadyEmail({
      panelName: sitting.panelName,
      sittingOn: sitting.sittingOn,
      itemCount: sitting.itemCount,
      sittingUrl: staffLink(settings, `/sittings/${sitting.id}`),
      councilName: council,
      privacyUrl: privacyNoticeUrl(settings.portalUrl),
    })
    for (const to of await memberEmailsForSitting(trx, sitting.panelId, sitting.sittingOn)) {
      await enqueueEmail(trx, { to, ...email, event: 'papers_ready' })
      emails += 1
    }
    await markPapersReadyNotified(trx, sitting.id)
  }
  return { sittings: due.length, emails }
}

/** The scheduled notices that are not caused by a change someone makes. */
export function notificationsService(data: DataLayer, clock: Clock, settings: NotificationSettings) {
  return {
    /** Daily; the lock makes a second instance step aside, and the sitting's mark stops a second notice. */
    async tellMembersPapersReady(): Promise<JobResult> {
      return data.db.transaction(async (trx): Promise<JobResult> => {
        if (!(await tryTransactionLock(trx, LOCK_KEYS.tellMembersPapersReady))) return { ran: false }
        await lockSittingWrites(trx)
        const counts = await tellMembersPapersReadyIn(trx, clock.today(), settings)
        return { ran: true, counts }
      })
    },
  }
}

export type NotificationsService = ReturnType<typeof notificationsService>

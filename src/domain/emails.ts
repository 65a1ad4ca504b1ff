import { formatLongDate, type IsoDate } from './dates'
import type { QueueReason } from './scheduler'
import type { CaseKind } from './vocabulary'

/**
 * The e-mails the service sends. Each says what changed, in plain words, and where to read more; none
 * carries a letter, a decision or anything about the child's needs, because e-mail is not a safe
 * place for them. A family's e-mail uses only the child's first name; staff e-mails go by the case's
 * reference, with the child's name only where the caseworker needs it to know the case.
 */
export interface Email {
  subject: string
  body: string
}

const WHAT_IT_IS_ABOUT: Record<CaseKind, string> = {
  assessment_request: 'the request for an assessment',
  issue_plan: 'whether to write a plan',
  placement: 'the school or setting',
  annual_review: 'the annual review of the plan',
  phase_transfer: 'the move to the next school',
  alternative_provision: 'the request for extra support',
}

/**
 * The privacy notice's address on the service's own host (PUBLIC_URL, which the portal's address is
 * made from), as every other link in an e-mail is: never from a request's Host header.
 */
export function privacyNoticeUrl(portalUrl: string): string {
  return new URL('/privacy', portalUrl).toString()
}

/** Every e-mail ends by saying where to read how the council uses the information in it. */
export function privacyLine(privacyUrl: string): string {
  return `\n\nHow we use your information: ${privacyUrl}`
}

function signOff(councilName: string, privacyUrl: string): string {
  return (
    `\n\nThis e-mail was sent by ${councilName}. Please do not reply to it: contact your caseworker instead.` +
    privacyLine(privacyUrl)
  )
}

/** A decision letter was issued: the family can read it in their account. */
export function letterIssuedEmail(e: {
  childFirstName: string
  kind: CaseKind
  portalUrl: string
  caseworkerName: string
  councilName: string
  isApology: boolean
  privacyUrl: string
}): Email {
  const what = e.isApology
    ? `We have written to you about a delay with ${e.childFirstName}'s case.`
    : `We have written to you with our decision about ${WHAT_IT_IS_ABOUT[e.kind]} for ${e.childFirstName}.`
  return {
    subject: e.isApology
      ? `A letter about a delay in ${e.childFirstName}'s case`
      : `Our decision letter about ${e.childFirstName}`,
    body:
      `${what}\n\nYou can read the letter by signing in to your account:\n${e.portalUrl}\n\n` +
      `If you have questions, please contact your caseworker, ${e.caseworkerName}.` +
      signOff(e.councilName, e.privacyUrl),
  }
}

function staffSignOff(councilName: string, privacyUrl: string): string {
  return `\n\nThis e-mail was sent by the Panel service at ${councilName}.` + privacyLine(privacyUrl)
}

/**
 * A case was put on a sitting, or moved to another one: the family learns the date and how to have
 * their say before it. Nothing about what the panel is asked or may decide.
 */
export function casePlacedEmail(e: {
  childFirstName: string
  sittingOn: IsoDate
  /** The sitting it was on before, for a move; null when it is newly placed. */
  previousSittingOn: IsoDate | null
  /** The last day the family can send views for the papers; null when that day has passed. */
  viewsCloseOn: IsoDate | null
  portalUrl: string
  caseworkerName: string
  councilName: string
  /** The privacy notice, which every e-mail links to. */
  privacyUrl: string
}): Email {
  const name = e.childFirstName
  const date = formatLongDate(e.sittingOn)
  const moved = e.previousSittingOn !== null && e.previousSittingOn !== e.sittingOn
  const opening = moved
    ? `${name}'s case has a new panel date. It will now go to the panel on ${date}, not on ${formatLongDate(e.previousSittingOn!)}.`
    : `${name}'s case will go to the panel on ${date}.`
  const views =
    e.viewsCloseOn === null
      ? 'If there is something you want the panel to know, tell your caseworker as soon as you can.'
      : `You can send the panel your views in your account. Please send them by ${formatLongDate(e.viewsCloseOn)}, so that the panel can read them.`
  return {
    subject: moved ? `A new panel date for ${name}'s case` : `${name}'s case will go to the panel on ${date}`,
    body:
      `${opening}\n\n` +
      `The panel is a meeting of people from education, health and social care. They will read the papers and talk about ${name}'s case. ` +
      'After the meeting, you will get a letter from us.\n\n' +
      `${views}\n\nSign in to your account:\n${e.portalUrl}\n\n` +
      `If you have questions, please contact your caseworker, ${e.caseworkerName}.` +
      signOff(e.councilName, e.privacyUrl),
  }
}

/** The caseworker's copy of a placement: enough to find the case, and whether the family was e-mailed. */
export function casePlacedStaffEmail(e: {
  reference: string
  childName: string
  panelName: string
  sittingOn: IsoDate
  previousSittingOn: IsoDate | null
  familyEmailed: boolean
  caseUrl: string
  councilName: string
  /** The privacy notice, which every e-mail links to. */
  privacyUrl: string
}): Email {
  const date = formatLongDate(e.sittingOn)
  const moved = e.previousSittingOn !== null && e.previousSittingOn !== e.sittingOn
  const what = moved
    ? `Case ${e.reference} (${e.childName}) has moved to ${e.panelName} on ${date}. It was on the sitting on ${formatLongDate(e.previousSittingOn!)}.`
    : `Case ${e.reference} (${e.childName}) is on the agenda of ${e.panelName} on ${date}.`
  const family = e.familyEmailed
    ? 'We have e-mailed the family to tell them the date.'
    : 'The family has no account, so we have not e-mailed them. Please tell them the date.'
  return {
    subject: moved
      ? `Case ${e.reference} has moved to ${date}`
      : `Case ${e.reference} is on the panel on ${date}`,
    body: `${what}\n\n${family}\n\nSee the case:\n${e.caseUrl}` + staffSignOff(e.councilName, e.privacyUrl),
  }
}

/** Panel members are told a sitting's papers are ready to read. No child is named: the link is the way in. */
export function papersReadyEmail(e: {
  panelName: string
  sittingOn: IsoDate
  itemCount: number
  sittingUrl: string
  councilName: string
  /** The privacy notice, which every e-mail links to. */
  privacyUrl: string
}): Email {
  const date = formatLongDate(e.sittingOn)
  const cases = e.itemCount === 1 ? 'There is 1 case' : `There are ${e.itemCount} cases`
  return {
    subject: `Papers ready: ${e.panelName} on ${date}`,
    body:
      `The papers for ${e.panelName} on ${date} are ready to read. ${cases} on the agenda.\n\n` +
      `Read them here:\n${e.sittingUrl}\n\nPlease read them before the meeting. Do not print or forward them.` +
      staffSignOff(e.councilName, e.privacyUrl),
  }
}

const AT_RISK_WHY: Record<QueueReason, string> = {
  awaiting_papers: 'The papers are not complete yet.',
  no_panel: 'No panel decides this kind of case.',
  no_sitting: 'There is no panel sitting before the due date.',
  papers_late: 'The papers were ready too late for every sitting before the due date.',
  no_capacity: 'Every sitting before the due date that could take it is full.',
  deadline_passed: 'The due date has passed.',
  placed_after_deadline: 'It is on a sitting after the due date.',
  papers_due:
    'Advice is still awaited, and the last sitting before the due date closes for papers soon. Chase it now.',
}

/**
 * A case can no longer meet its next time limit at any planned sitting. Sent to its caseworker and the
 * chairs who could add a sitting, by reference only: e-mail is no place for the child's name.
 */
export function deadlineAtRiskEmail(e: {
  reference: string
  /** The step that is due, as DEADLINE_STEP_LABELS words it. */
  step: string
  dueOn: IsoDate
  reason: QueueReason
  /** An extra sitting on this day would let the panel decide it in time; null when none would. */
  suggestedSittingOn: IsoDate | null
  forChair: boolean
  link: string
  councilName: string
  /** The privacy notice, which every e-mail links to. */
  privacyUrl: string
}): Email {
  const step = e.step.charAt(0).toLowerCase() + e.step.slice(1)
  const save =
    e.suggestedSittingOn === null
      ? ''
      : ` An extra sitting on ${formatLongDate(e.suggestedSittingOn)} would let the panel decide it in time.`
  const action = e.forChair ? 'See the queue, where you can add a sitting:' : 'See the case:'
  return {
    subject: `Case ${e.reference} is at risk of missing its deadline`,
    body:
      `Case ${e.reference} is at risk of missing its deadline. The step due is to ${step}, by ${formatLongDate(e.dueOn)}.\n\n` +
      `${AT_RISK_WHY[e.reason]}${save}\n\n${action}\n${e.link}` +
      staffSignOff(e.councilName, e.privacyUrl),
  }
}

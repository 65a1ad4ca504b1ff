import { formatLongDate, type IsoDate } from './dates'
import type { CaseKind, CaseStatus } from './vocabulary'
import type { DeadlineStep } from './statutoryClock'
import { papersCutoff } from './sittingPlan'
import type { BankHolidayLookup } from './workingDays'

/** How long an invitation link works: long enough for a busy parent, short enough that an old e-mail is no key. */
export const INVITATION_VALID_DAYS = 7

/** A young person can have their own account from 16, as the SEND Code of Practice (2015) 8.13 gives them their own say then. */
export const YOUNG_PERSON_ACCOUNT_AGE = 16

/** Whole years of age on a date. */
export function ageOn(dateOfBirth: IsoDate, today: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)
}

export interface InvitableContact {
  fullName: string
  relationship: string
  email: string | null
  hasPortalAccount: boolean
}

/** Why this contact cannot be invited, in words for the caseworker; null when they can. */
export function invitationProblem(
  contact: InvitableContact,
  child: { firstName: string; dateOfBirth: IsoDate },
  today: IsoDate,
): string | null {
  if (contact.hasPortalAccount) return `${contact.fullName} already has an account`
  if (!contact.email) return `Add an email address for ${contact.fullName} before inviting them`
  if (contact.relationship === 'young_person' && ageOn(child.dateOfBirth, today) < YOUNG_PERSON_ACCOUNT_AGE)
    return `${child.firstName} is under ${YOUNG_PERSON_ACCOUNT_AGE}, so cannot have their own account yet. Invite a parent or carer instead`
  return null
}

export interface InvitationRecord {
  createdAt: Date
  expiresAt: Date
  acceptedAt: Date | null
}

/** Where a contact stands with their family account, for the caseworker's case page. */
export type FamilyAccountStatus =
  | { state: 'has-account'; everInvited: boolean }
  | { state: 'invited'; everInvited: true; sentAt: Date; expiresAt: Date }
  | { state: 'expired'; everInvited: true; sentAt: Date }
  | { state: 'not-invited'; everInvited: boolean }

/** `now` is handed in so that a page shows the same state on the tests' fixed clock as in use. */
export function familyAccountStatus(
  hasPortalAccount: boolean,
  invitation: InvitationRecord | undefined,
  now: Date,
): FamilyAccountStatus {
  const everInvited = invitation !== undefined
  if (hasPortalAccount) return { state: 'has-account', everInvited }
  if (!invitation || invitation.acceptedAt) return { state: 'not-invited', everInvited }
  if (invitation.expiresAt > now)
    return {
      state: 'invited',
      everInvited: true,
      sentAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
    }
  return { state: 'expired', everInvited: true, sentAt: invitation.createdAt }
}

/**
 * The last day a family can send views for a sitting: the panel's papers cut-off, the day its case
 * papers must be complete, so that the views are in the papers the members read.
 */
export function viewsCloseOn(
  sittingOn: IsoDate,
  papersCutoffWorkingDays: number,
  bankHolidays: BankHolidayLookup,
): IsoDate {
  return papersCutoff(sittingOn, papersCutoffWorkingDays, bankHolidays)
}

export interface FamilyProgress {
  /** Where the case is now. */
  now: string
  /** The decision in one sentence, as the family's letter gave it; null until a letter has. */
  decision: string | null
  /** The next dates, as sentences: there is always at least one, even if only "no more dates". */
  next: string[]
  /** What happens after that. */
  after: string
}

/** What a family is waiting for at each statutory step, in their words (the family is "you"). */
const STEP_FOR_FAMILY: Record<DeadlineStep, string> = {
  decide_whether_to_assess: 'tell you whether we will carry out an assessment',
  notify_plan_not_issued: 'tell you whether we will write an education, health and care plan',
  issue_final_plan: 'send you the final plan',
  circulate_review_papers: 'send out the reports for the review meeting',
  hold_review_meeting: 'hold the review meeting',
  notify_review_decision: 'tell you what we decided after the review meeting',
  issue_amended_plan: 'send you the changed plan',
  family_comments_on_draft: 'hear from you about the draft plan',
  hold_next_annual_review: 'hold the next yearly review of the plan',
  appeal_notify_assessment: 'tell you, as the tribunal set, that we will carry out the assessment',
  appeal_notify_no_plan: 'tell you, as the tribunal set, whether we will write a plan',
  appeal_issue_draft_plan: 'send you the draft plan the tribunal ordered',
  appeal_issue_final_plan: 'send you the final plan the tribunal ordered',
  appeal_issue_amended_plan: 'send you the changed plan the tribunal ordered',
}

/** The steps met by telling the family of a decision: before the letter, its date is what they wait for. */
const TELL_THE_FAMILY: readonly DeadlineStep[] = [
  'decide_whether_to_assess',
  'notify_plan_not_issued',
  'notify_review_decision',
]

export interface FamilyProgressFacts {
  status: CaseStatus
  /** The sitting the case is on, while it waits for one. */
  sittingOn: IsoDate | null
  childFirstName: string
  /** The newest letter telling the family of a decision, as issued. */
  decisionLetter: { decision: string; issuedOn: IsoDate; appealBy: IsoDate | null } | null
  /** The case's next statutory step still to do. */
  nextStep: { step: DeadlineStep; on: IsoDate } | null
  /** Where the law sets no date, the day the caseworker said (or will say) they would be in touch. */
  followUpOn: IsoDate | null
  /** After a deferral, the date the panel's action is due: the case goes to a sitting after it. */
  deferredUntil: IsoDate | null
}

function stepSentence(next: FamilyProgressFacts['nextStep']): string | null {
  if (!next) return null
  // The family's 15 days are theirs to use, not a step we must take.
  if (next.step === 'family_comments_on_draft')
    return `Please tell us what you think of the draft plan by ${formatLongDate(next.on)}.`
  return `We must ${STEP_FOR_FAMILY[next.step]} by ${formatLongDate(next.on)}.`
}

/**
 * Where a case is, for the family, in plain words, with a next date in every state: the panel's date
 * while the case waits; after the panel, the date the letter is due; after the letter, the dates it
 * promised (the next step the law sets, the last day to appeal, or when the caseworker will call).
 */
export function familyProgress(f: FamilyProgressFacts): FamilyProgress {
  const name = f.childFirstName
  const step = stepSentence(f.nextStep)
  switch (f.status) {
    case 'draft':
      return {
        now: `We are getting ${name}'s case ready for the panel.`,
        decision: null,
        next: [step ?? 'We will tell you when the panel will look at it.'],
        after: 'We will tell you when the panel will look at it.',
      }
    case 'submitted':
      return {
        now: f.deferredUntil
          ? `The panel needs one more thing before it can decide. It will look at ${name}'s case again after ${formatLongDate(f.deferredUntil)}.`
          : `${name}'s case is ready. It is waiting for a panel date.`,
        decision: null,
        next: [step ?? 'We will email you when we know the panel date.'],
        after: 'We will email you when we know the date the panel will meet.',
      }
    case 'scheduled':
      return {
        now: `${name}'s case is going to the panel.`,
        decision: null,
        next: [
          f.sittingOn
            ? `The panel meets on ${formatLongDate(f.sittingOn)}.`
            : 'We will email you the panel date.',
          ...(step ? [step] : []),
        ],
        after: 'After the meeting, we will write to you with the decision and the reasons for it.',
      }
    case 'decided': {
      const letter = f.decisionLetter
      if (!letter) {
        const due =
          f.nextStep && TELL_THE_FAMILY.includes(f.nextStep.step) ? f.nextStep.on : (f.followUpOn ?? null)
        return {
          now: 'The panel has made its decision.',
          decision: null,
          next: [
            due
              ? `We will write to you with the decision by ${formatLongDate(due)}.`
              : 'We will write to you with the decision soon.',
          ],
          after: 'The letter will be on this page too. It will give the reasons and what you can do next.',
        }
      }
      const next = [
        ...(step ? [step] : []),
        ...(letter.appealBy
          ? [
              `If you want to appeal, the tribunal must get your appeal by ${formatLongDate(letter.appealBy)}.`,
            ]
          : []),
      ]
      if (next.length === 0 && f.followUpOn)
        next.push(`Your caseworker will contact you by ${formatLongDate(f.followUpOn)}.`)
      return {
        now: `The panel has made its decision. We wrote to you on ${formatLongDate(letter.issuedOn)}.`,
        decision: letter.decision,
        next: next.length > 0 ? next : ['There are no more dates for this decision.'],
        after:
          'Read the decision letter below. It gives the reasons, what happens next, and what you can do if you disagree.',
      }
    }
    case 'closed':
      return {
        now: 'This case is finished.',
        decision: f.decisionLetter?.decision ?? null,
        next: ['There are no more dates for this case.'],
        after: 'You can still read its letters here.',
      }
    case 'withdrawn':
      return {
        now: 'This case was stopped.',
        decision: null,
        next: ['There are no more dates for this case.'],
        after: 'Contact your caseworker if you have questions.',
      }
  }
}

/** Why the family cannot send views now, in their words; null when they can. */
export function viewsClosedReason(
  status: CaseStatus,
  views: { open: boolean; closesOn: IsoDate | null },
): string | null {
  if (views.open) return null
  if (status === 'decided')
    return 'The panel has already made its decision, so it is too late to send views for it.'
  if (status === 'closed' || status === 'withdrawn')
    return 'This case is finished, so it is not taking views.'
  if (views.closesOn)
    return `The panel’s papers closed on ${formatLongDate(views.closesOn)}, so new views would not reach the members before they meet.`
  return 'The case is not taking views at the moment.'
}

/**
 * What the case is about, with "EHC" explained where the page first uses it, so that nobody has to
 * know the acronym to follow their own child's case.
 */
export const KIND_EXPLAINED: Record<CaseKind, (name: string) => string> = {
  assessment_request: (n) =>
    `An EHC needs assessment is a close look at what help ${n} needs. EHC stands for education, health and care.`,
  issue_plan: (n) =>
    `An EHC plan is an education, health and care plan. It is a legal document that says what help ${n} needs and who will give it.`,
  placement: (n) =>
    `This is about which school or setting is named in ${n}'s EHC plan, the education, health and care plan.`,
  annual_review: (n) =>
    `Every year we look again at ${n}'s EHC plan to check it still fits. EHC stands for education, health and care.`,
  phase_transfer: (n) =>
    `Before ${n} moves to a new school or college, we check the EHC plan and name the new setting. EHC stands for education, health and care.`,
  alternative_provision: (n) =>
    `This is about extra support or funding for ${n}, outside what the school gives.`,
}

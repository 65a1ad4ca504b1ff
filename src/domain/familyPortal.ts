import { formatLongDate, type IsoDate } from './dates'
import type { CaseStatus } from './vocabulary'
import { papersCutoff } from './sittingPlan'

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
  bankHolidays: ReadonlySet<IsoDate>,
): IsoDate {
  return papersCutoff(sittingOn, papersCutoffWorkingDays, bankHolidays)
}

export interface FamilyProgress {
  /** Where the case is now. */
  now: string
  /** The next date, as a sentence; null when there is none yet. */
  next: string | null
  /** What happens after that. */
  after: string
}

/** Where a case is, for the family, in plain words. */
export function familyProgress(c: {
  status: CaseStatus
  sittingOn: IsoDate | null
  childFirstName: string
  hasLetter: boolean
}): FamilyProgress {
  const name = c.childFirstName
  switch (c.status) {
    case 'draft':
      return {
        now: `We are getting ${name}'s case ready for the panel.`,
        next: null,
        after: 'We will tell you when the panel will look at it.',
      }
    case 'submitted':
      return {
        now: `${name}'s case is ready. It is waiting for a panel date.`,
        next: null,
        after: 'We will email you when we know the date.',
      }
    case 'scheduled':
      return {
        now: `${name}'s case is going to the panel.`,
        next: c.sittingOn ? `The panel meets on ${formatLongDate(c.sittingOn)}.` : null,
        after: 'After the meeting, we will write to you with the decision and the reasons for it.',
      }
    case 'decided':
      return {
        now: 'The panel has made its decision.',
        next: null,
        after: c.hasLetter
          ? 'Read the decision letter below. It says what happens next, and what you can do if you disagree.'
          : 'We will write to you with the decision soon. The letter will be here too.',
      }
    case 'closed':
      return {
        now: 'This case is finished.',
        next: null,
        after: 'You can still read its letters here.',
      }
    case 'withdrawn':
      return {
        now: 'This case was stopped.',
        next: null,
        after: 'Contact your caseworker if you have questions.',
      }
  }
}

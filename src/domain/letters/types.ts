import type { IsoDate } from '../dates'
import type { DisagreementGround } from '../decisionRules'
import type { DeadlineStep } from '../statutoryClock'
import type { CaseKind } from '../vocabulary'
import type { BankHolidayLookup } from '../workingDays'

export interface Contact {
  name: string
  phone: string
  email: string
}

/** What the admin sets once for every letter: who the council is, and who families can turn to. */
export interface LetterSettings {
  councilName: string
  councilAddress: readonly string[]
  /** Who to ask for the letter in large print, another language or Easy Read. */
  sendTeam: { phone: string; email: string }
  /** The local SEND information, advice and support service: free and independent. */
  informationAdvice: Contact & { website: string }
  mediation: Contact
  disagreementResolution: Contact
  tribunalUrl: string
  /** The council's complaints page: where a family goes when a decision carries no appeal. */
  complaintsUrl: string
  signature: { name: string; jobTitle: string }
  /** How soon the caseworker gets in touch where the law sets no date. */
  followUpWorkingDays: number
  /** The council's own words at the end of every letter, such as where to find its local offer; may be empty. */
  localOfferWords: string
}

/** Everything about the decision and the case that a letter says. */
export interface LetterFacts {
  kind: CaseKind
  outcome: string
  child: { firstName: string; lastName: string }
  reference: string
  addressee: { name: string; addressLines: readonly string[] }
  letterDate: IsoDate
  reasons: readonly string[]
  /** Null for a deferral, which decides nothing yet. */
  matchesPreference: boolean | null
  /** What the family asked for, in their words. */
  familyAsked: string | null
  preferredSetting: string | null
  /** The setting the decision names, where it names one other than (or, at a phase transfer, as) the preference. */
  namedSetting: string | null
  disagreementGround: DisagreementGround | null
  disagreementExplanation: string | null
  conditions: string | null
  /** What the panel needs, who is getting it and by when, and the sitting the case is now on, if known. */
  deferral: { action: string; owner: string; dueOn: IsoDate; nextSittingOn: IsoDate | null } | null
  /** The letter goes to the young person (16 or over) themselves, so it speaks to them. */
  toYoungPerson: boolean
  /** The case's statutory dates still to come, from the statutory clock. */
  dueDates: Partial<Record<DeadlineStep, IsoDate>>
  caseworker: { name: string; phone: string | null; email: string }
  bankHolidays: BankHolidayLookup
  /** The privacy notice's address (PUBLIC_URL/privacy), which every letter gives. */
  privacyUrl: string
}

/** Words the council wrote (checked for readability) or the panel's own words about this child. */
export interface LetterText {
  text: string
  from: 'template' | 'panel'
}

export const SECTION_IDS = ['decision', 'why', 'asked', 'next', 'disagree', 'formats', 'caseworker'] as const
/**
 * An apology letter's sections, short enough to fit on one page: what is late, why and when it will be
 * done, and who to contact (the named caseworker first, advice, complaints, other formats).
 */
export const APOLOGY_SECTION_IDS = ['late', 'why_late', 'unhappy'] as const
export type SectionId = (typeof SECTION_IDS)[number] | (typeof APOLOGY_SECTION_IDS)[number]

export interface LetterSection {
  id: SectionId
  heading: string
  paragraphs: LetterText[]
  list?: LetterText[]
}

/**
 * What a letter can tell a family about disagreeing. `appeal` is an appeal from this letter, with its
 * last day; `appeal_later` says the right comes with the final or amended plan. Which a letter must
 * carry follows its decision (rightsOfAppeal.ts).
 */
export const RIGHTS = [
  'appeal',
  'appeal_later',
  'mediation',
  'disagreement_resolution',
  'information_advice',
  'complaints',
] as const
export type Right = (typeof RIGHTS)[number]

export interface LetterModel {
  title: string
  councilName: string
  councilAddress: readonly string[]
  addressee: { name: string; addressLines: readonly string[] }
  date: IsoDate
  reference: string
  greeting: string
  sections: LetterSection[]
  signOff: { name: string; jobTitle: string }
  /** The last day the tribunal must receive an appeal; none for a letter that decides nothing. */
  appealBy: IsoDate | null
  /** The rights the letter tells the family about. */
  rightsGiven: Right[]
  /** The rights its decision carries in law; a letter that lacks any of them cannot be issued. */
  rightsRequired: Right[]
  /** A page after the letter on the legal detail of the family's rights. */
  factSheet: FactSheet
}

export interface FactSheet {
  heading: string
  sections: { heading: string; paragraphs: LetterText[] }[]
}

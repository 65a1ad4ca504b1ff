import type { IsoDate } from '../dates'

/** The sections of the privacy notice whose words the council can change; the rest are built from settings. */
export const PRIVACY_SECTION_IDS = ['held', 'why', 'shared', 'rights'] as const
export type PrivacySectionId = (typeof PRIVACY_SECTION_IDS)[number]

/**
 * How many years a closed case is kept after the child's 25th birthday, unless the admin sets another
 * number. An EHC plan can last until a young person is 25 (Children and Families Act 2014 s.46), and the
 * Information and Records Management Society's retention guidelines keep SEN files for 6 years more
 * ("date of birth + 31 years"). That figure was found quoted from the IRMS Toolkit for Schools; its
 * retention schedule for local authorities could not be read to confirm it, so the admin must check it
 * against the council's own schedule.
 */
export const DEFAULT_RETENTION_YEARS_AFTER_25 = 6

/** What the admin sets for the accessibility statement and the privacy notice. */
export interface PublicPageSettings {
  /** Where to ask for another format and report a problem; the SEND team's when empty. */
  accessibilityEmail: string
  accessibilityPhone: string
  /** How many working days the council takes to answer a request for another format. */
  formatResponseWorkingDays: number
  statementPreparedOn: IsoDate | null
  statementReviewedOn: IsoDate | null
  dpo: { name: string; email: string; phone: string; address: readonly string[] }
  retentionYearsAfter25: number
  /** The council's own words for a section; a section not here reads the shipped words. */
  privacyWording: Partial<Record<PrivacySectionId, string>>
}

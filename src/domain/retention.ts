import type { IsoDate } from './dates'
import type { MinutesContent, MinutesItem } from './minutes'

/**
 * How long a closed case is kept (issue 17 point 4). The council's schedule keeps SEN records until the
 * child's 25th birthday, the age an EHC plan can last to (Children and Families Act 2014 s.46), and then
 * for a number of years the admin sets (DEFAULT_RETENTION_YEARS_AFTER_25 in publicPages/settings.ts gives
 * the default and its source, the IRMS guidelines' "date of birth + 31 years").
 *
 * A case is "closed" when its status is closed or withdrawn (domain/caseClosure.ts), and the caller passes
 * the day it ended (cases.ended_on, recorded by the caseworker who ended it).
 */
export const CLOSED_STATUSES = ['closed', 'withdrawn'] as const

export interface RetentionInput {
  dateOfBirth: IsoDate | null
  /** Null for a case that is still open: an open case is never removed. */
  closedOn: IsoDate | null
  yearsAfter25: number
}

/**
 * The same day `years` years on. A 29 February with no 29 February that year becomes 1 March: the later
 * day, so that a record is never removed a day early.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(y + years, m - 1, d))
  return target.toISOString().slice(0, 10)
}

/**
 * The last day a closed case is kept, or null when it must not be removed automatically: an open case,
 * or one whose child's date of birth is unknown (the schema requires one, but an unknown age must never
 * read as "old enough to delete"; a person decides). A case that closes after the 25th birthday plus the
 * years (a late appeal, a record found late) is kept for the same number of years after it closed, so a
 * case is never deleted on the day it closes.
 */
export function retentionEndsOn(input: RetentionInput): IsoDate | null {
  if (input.closedOn === null || input.dateOfBirth === null) return null
  const years = Math.max(0, Math.floor(input.yearsAfter25))
  const afterBirthday = addYears(input.dateOfBirth, 25 + years)
  const afterClosing = addYears(input.closedOn, years)
  return afterBirthday > afterClosing ? afterBirthday : afterClosing
}

/** Due for removal once the last day it is kept has passed. */
export function isPastRetention(input: RetentionInput, today: IsoDate): boolean {
  const ends = retentionEndsOn(input)
  return ends !== null && today > ends
}

/** At most the child's initials are shown to the admin before removal: enough to recognise, no more. */
export function initials(firstName: string, lastName: string): string {
  return [firstName, lastName]
    .map((n) => n.trim().charAt(0).toUpperCase())
    .filter(Boolean)
    .join('')
}

export const REMOVED_ITEM_TEXT = 'Item removed: the case has passed its retention period'

/**
 * The minutes of a sitting are the council's record of the other children's items too, so the removed
 * child's item stays as a placeholder at its place in the order, with nothing that identifies the child.
 */
export function anonymiseMinutesItem(item: MinutesItem): MinutesItem {
  return {
    position: item.position,
    caseId: '',
    reference: '',
    childName: REMOVED_ITEM_TEXT,
    kind: item.kind,
    preference: null,
    familyAttended: false,
    familyAttendees: null,
    interpreter: null,
    withoutFamilyReason: null,
    declarations: [],
    decision: null,
    notes: null,
  }
}

export function anonymiseMinutesContent(content: MinutesContent, caseId: string): MinutesContent {
  if (!content.items?.some((i) => i.caseId === caseId)) return content
  return { ...content, items: content.items.map((i) => (i.caseId === caseId ? anonymiseMinutesItem(i) : i)) }
}

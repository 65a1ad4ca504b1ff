/**
 * Subject access and the log of who looked at a child's record (issue 17, points 5 and 6): the rules,
 * without I/O.
 */

/** What a read event says was opened. Staff pages first, then the family's own portal. */
export const READ_KINDS = [
  'case',
  'letters',
  'letter_pdf',
  'papers',
  'minutes_extract',
  'portal_case',
  'portal_letter_pdf',
  'portal_minutes_extract',
] as const
export type ReadKind = (typeof READ_KINDS)[number]

export const READ_KIND_LABELS: Record<ReadKind, string> = {
  case: 'Case page',
  letters: 'Letters page',
  letter_pdf: 'Letter (PDF)',
  papers: 'Panel papers',
  minutes_extract: 'Minutes extract (PDF)',
  portal_case: 'Family portal: case page',
  portal_letter_pdf: 'Family portal: letter (PDF)',
  portal_minutes_extract: 'Family portal: minutes extract (PDF)',
}

export interface ReadEvent {
  readAt: Date
  userId: string
  caseId: string
  kind: ReadKind
  /** The letter or sitting opened, where the page is about one. */
  objectId: string | null
}

/** How many read events wait in memory before they are written, whatever the timer says. */
export const READ_BATCH_SIZE = 200
/** How long a read event waits in memory at most before it is written. */
export const READ_FLUSH_MS = 1_000

/** Rows of the log on one page. */
export const READ_LOG_PAGE_SIZE = 50

/** The number of pages for a count of rows: at least one, so that an empty log still has a page 1. */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage))
}

/** The page asked for, kept within the pages there are. */
export function clampPage(page: number, total: number, perPage: number): number {
  if (!Number.isInteger(page) || page < 1) return 1
  return Math.min(page, pageCount(total, perPage))
}

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"):
 * a name typed as `=HYPERLINK(...)` must reach the officer's spreadsheet as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/** A CSV cell's text made safe to open in a spreadsheet: a leading formula character is quoted with `'`. */
export function csvSafeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** A child's name for the search results and file names: "Maya Thompson". */
export function childName(child: { firstName: string; lastName: string }): string {
  return `${child.firstName} ${child.lastName}`
}

/** A file name inside the ZIP from words a person typed: letters, digits and hyphens only. */
export function safeFileName(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
  return cleaned.length > 0 ? cleaned.slice(0, 60) : 'file'
}

import { z } from 'zod'
import { typedText } from '../validation'
import { TERM_NAMES } from '../../domain/schoolTerms'
import type { BankHoliday, SchoolTermSettings } from '../../services/records'
import { formatDate } from '../../domain/dates'
import { FormErrorCollector } from '../formErrors'
import { dateValues, requiredText, type ParsedForm } from './forms'
import type { SavedValue } from './staleForm'

export const TERM_DATE_FIELDS = ['startsOn', 'endsOn'] as const
export const HOLIDAY_DATE_FIELDS = ['date'] as const

const termSchema = z.object({
  academicYear: typedText('The academic year', { missing: 'Enter the academic year, like 2026/27' })
    .trim()
    .min(1, 'Enter the academic year, like 2026/27')
    .regex(/^20\d\d\/\d\d$/, 'Enter the academic year as 2 years with a slash, like 2026/27')
    .refine(
      (year) => (Number(year.slice(0, 4)) + 1) % 100 === Number(year.slice(5)),
      'The academic year must be 2 years in a row, like 2026/27',
    ),
  term: z.enum(TERM_NAMES, { error: 'Select the term' }),
})

/** The window an academic year's terms fall in: 1 August to 31 August of the next year. */
export function academicYearWindow(academicYear: string): { from: string; to: string } {
  const first = Number(academicYear.slice(0, 4))
  return { from: `${first}-08-01`, to: `${first + 1}-08-31` }
}

export function parseTermForm(body: Record<string, unknown>): ParsedForm<SchoolTermSettings> {
  const form = new FormErrorCollector(body, ['academicYear', 'term', ...TERM_DATE_FIELDS])
  const parsed = termSchema.safeParse(body)
  if (!parsed.success) form.addZod(parsed.error)
  const startsOn = form.date('startsOn', 'Start date', { required: true })
  const endsOn = form.date('endsOn', 'End date', { required: true })
  if (startsOn && endsOn && endsOn <= startsOn)
    form.add('endsOn', 'The end date must be after the start date')
  if (parsed.success && startsOn && endsOn) {
    // A year typed wrongly would otherwise move the summer holiday, and with it the summer sittings.
    const { from, to } = academicYearWindow(parsed.data.academicYear)
    const message = `The term must be within the ${parsed.data.academicYear} academic year, from ${formatDate(from)} to ${formatDate(to)}`
    if (startsOn < from || startsOn > to) form.add('startsOn', message)
    else if (endsOn > to) form.add('endsOn', message)
  }
  if (!parsed.success || !startsOn || !endsOn || !form.empty) return { ok: false, errors: form.errors() }
  return { ok: true, value: { ...parsed.data, startsOn, endsOn } }
}

const holidaySchema = z.object({
  title: requiredText(100, 'Enter the name of the bank holiday', 'The name'),
})

export function parseBankHolidayForm(body: Record<string, unknown>): ParsedForm<BankHoliday> {
  const form = new FormErrorCollector(body, ['date', 'title'])
  const date = form.date('date', 'Date of the bank holiday', { required: true })
  const parsed = holidaySchema.safeParse(body)
  if (!parsed.success) form.addZod(parsed.error)
  if (!parsed.success || !date || !form.empty) return { ok: false, errors: form.errors() }
  return { ok: true, value: { date, title: parsed.data.title } }
}

export function termFormValues(term: SchoolTermSettings): Record<string, unknown> {
  return {
    academicYear: term.academicYear,
    term: term.term,
    ...dateValues('startsOn', term.startsOn),
    ...dateValues('endsOn', term.endsOn),
  }
}

export function bankHolidayFormValues(holiday: BankHoliday): Record<string, unknown> {
  return { title: holiday.title, ...dateValues('date', holiday.date) }
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** The term as saved, for a form refused as stale. */
export function termSavedValues(term: SchoolTermSettings): SavedValue[] {
  return [
    { label: 'Academic year', value: term.academicYear },
    { label: 'Term', value: capitalised(term.term) },
    { label: 'First day of term', value: formatDate(term.startsOn) },
    { label: 'Last day of term', value: formatDate(term.endsOn) },
  ]
}

/** The bank holiday as saved, for a form refused as stale. */
export function bankHolidaySavedValues(holiday: BankHoliday): SavedValue[] {
  return [
    { label: 'Date', value: formatDate(holiday.date) },
    { label: 'Name', value: holiday.title },
  ]
}

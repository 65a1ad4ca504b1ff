import { isIsoDate, type IsoDate } from '../domain/dates'
import { controlCharactersMessage, hasControlCharacters } from '../domain/textInput'

export interface DateFieldInput {
  day: string
  month: string
  year: string
}

export type DateFieldResult =
  | { ok: true; value: IsoDate | undefined; raw: DateFieldInput }
  | { ok: false; error: string; fields: ('day' | 'month' | 'year')[]; raw: DateFieldInput }

interface DateFieldRules {
  /** How the date is named in messages, starting with a capital: "Date of birth". */
  label: string
  required: boolean
  /** The date must be today or earlier. */
  notAfter?: IsoDate
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

/**
 * Reads a GOV.UK date input (`<prefix>-day`, `-month`, `-year`) and gives the GOV.UK Design System's
 * messages for a missing part, a date that does not exist, or one in the future.
 */
export function parseDateField(
  body: Record<string, unknown>,
  prefix: string,
  rules: DateFieldRules,
): DateFieldResult {
  const raw = {
    day: text(body[`${prefix}-day`]),
    month: text(body[`${prefix}-month`]),
    year: text(body[`${prefix}-year`]),
  }
  const hidden = (['day', 'month', 'year'] as const).filter((part) => hasControlCharacters(raw[part], false))
  if (hidden.length > 0)
    return { ok: false, error: controlCharactersMessage(rules.label), fields: hidden, raw }
  const missing = (['day', 'month', 'year'] as const).filter((part) => raw[part] === '')
  if (missing.length === 3) {
    return rules.required
      ? { ok: false, error: `Enter the ${rules.label.toLowerCase()}`, fields: ['day', 'month', 'year'], raw }
      : { ok: true, value: undefined, raw }
  }
  if (missing.length > 0) {
    return {
      ok: false,
      error: `${rules.label} must include a ${missing.join(' and ')}`,
      fields: [...missing],
      raw,
    }
  }
  const [day, month, year] = [raw.day, raw.month, raw.year].map((part) =>
    /^\d+$/.test(part) ? Number(part) : NaN,
  )
  if (!/^\d{4}$/.test(raw.year)) {
    return { ok: false, error: `Year must include 4 numbers`, fields: ['year'], raw }
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  // The database's dates and the statutory clock need a year it can count in; 1900–2100 covers every real case.
  if (!isIsoDate(iso) || year! < 1900 || year! > 2100) {
    return { ok: false, error: `${rules.label} must be a real date`, fields: ['day', 'month', 'year'], raw }
  }
  if (rules.notAfter && iso > rules.notAfter) {
    return {
      ok: false,
      error: `${rules.label} must be today or in the past`,
      fields: ['day', 'month', 'year'],
      raw,
    }
  }
  return { ok: true, value: iso, raw }
}

/** A stored date back into the three boxes, for an edit form. */
export function dateFieldValues(value: IsoDate | null | undefined): DateFieldInput {
  if (!value) return { day: '', month: '', year: '' }
  const [year = '', month = '', day = ''] = value.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year }
}

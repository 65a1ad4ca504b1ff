import { z, type ZodError } from 'zod'
import { controlCharactersMessage, hasControlCharacters } from '../domain/textInput'

export interface ErrorSummaryItem {
  text: string
  href: string
}

/** A failed form, shaped for the GOV.UK error summary (in field order) and the inline message by each field. */
export interface FormErrors {
  summary: ErrorSummaryItem[]
  byField: Record<string, string>
  /** For a date input with an error: which of its boxes (day, month, year) to mark. */
  dateParts?: Record<string, string[]>
}

export function noErrors(): FormErrors {
  return { summary: [], byField: {} }
}

/** A service's refusal, shown by its field (a date input's first box) and in the error summary. */
export function fieldError(field: string, message: string, dateFields: readonly string[] = []): FormErrors {
  const isDate = dateFields.includes(field)
  return {
    byField: { [field]: message },
    dateParts: isDate ? { [field]: ['day', 'month', 'year'] } : {},
    summary: [{ text: message, href: `#${isDate ? `${field}-day` : field}` }],
  }
}

export function formErrors(error: ZodError): FormErrors {
  const byField: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    byField[field] ??= issue.message
  }
  return {
    byField,
    summary: Object.entries(byField).map(([field, text]) => ({ text, href: `#${field}` })),
  }
}

/**
 * Where every typed answer starts: a string without NUL or other control characters (tab and line
 * breaks allowed in a multi-line one), refused by its field with its own message before any other
 * check, so that no such text reaches the database or a letter. `missing` is the message for a field
 * not sent at all or sent twice.
 */
export function typedText(label: string, options: { multiLine?: boolean; missing?: string } = {}) {
  const multiLine = options.multiLine ?? false
  return z
    .string(options.missing === undefined ? undefined : { error: options.missing })
    .refine((value) => !hasControlCharacters(value, multiLine), {
      error: controlCharactersMessage(label),
      abort: true,
    })
}

import { z } from 'zod'
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

export { fieldError, formErrors } from './formErrors'

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

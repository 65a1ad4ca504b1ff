import type { ZodError } from 'zod'

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

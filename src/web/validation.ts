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

import type { ZodError } from 'zod'
import type { IsoDate } from '../domain/dates'
import { parseDateField } from './dateFields'
import type { FormErrors } from './validation'

/**
 * The one builder of a form's errors: gathers its problems, the first per field, and gives them back in
 * page order for the GOV.UK error summary (fields outside `fieldOrder` after, as they came), each linked
 * to the field (a date input's first box in error). The functions below it are its common uses.
 */
export class FormErrorCollector {
  private readonly byField: Record<string, string> = {}
  private readonly dateParts: Record<string, string[]> = {}
  private readonly dateFields = new Set<string>()

  constructor(
    private readonly body: Record<string, unknown>,
    private readonly fieldOrder: readonly string[],
    dateFields: readonly string[] = [],
  ) {
    for (const field of dateFields) this.dateFields.add(field)
  }

  add(field: string, message: string): void {
    this.byField[field] ??= message
  }

  addZod(error: ZodError): void {
    for (const issue of error.issues) this.add(String(issue.path[0]), issue.message)
  }

  /** Reads a GOV.UK date input; a problem is recorded against it and null returned. */
  date(field: string, label: string, options: { required: boolean; notAfter?: IsoDate }): IsoDate | null {
    this.dateFields.add(field)
    const result = parseDateField(this.body, field, { label, ...options })
    if (result.ok) return result.value ?? null
    this.add(field, result.error)
    this.dateParts[field] = result.fields
    return null
  }

  get empty(): boolean {
    return Object.keys(this.byField).length === 0
  }

  errors(): FormErrors {
    const anchor = (field: string) => {
      const part = this.dateParts[field]?.[0] ?? (this.dateFields.has(field) ? 'day' : undefined)
      return part ? `${field}-${part}` : field
    }
    return {
      byField: { ...this.byField },
      dateParts: { ...this.dateParts },
      summary: [
        ...this.fieldOrder.filter((f) => this.byField[f]),
        ...Object.keys(this.byField).filter((f) => !this.fieldOrder.includes(f)),
      ].map((f) => ({ text: this.byField[f]!, href: `#${anchor(f)}` })),
    }
  }
}

/** Problems a service gave (or a schema found), by their fields, in the form's order. */
export function problemErrors(
  problems: readonly { field: string; message: string }[],
  order: readonly string[] = [],
  dateFields: readonly string[] = [],
): FormErrors {
  const collector = new FormErrorCollector({}, order, dateFields)
  for (const p of problems) collector.add(p.field, p.message)
  return collector.errors()
}

/** One refusal, by its field (a date input's first box). */
export function fieldError(field: string, message: string, dateFields: readonly string[] = []): FormErrors {
  const errors = problemErrors([{ field, message }], [], dateFields)
  return dateFields.includes(field) ? { ...errors, dateParts: { [field]: ['day', 'month', 'year'] } } : errors
}

/** A schema's problems, the first per field, in the order the schema found them. */
export function formErrors(error: ZodError): FormErrors {
  return problemErrors(error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), message: i.message })))
}

/** A refusal of the whole form (it changed since it was read, a window closed): in the summary, linked to `href`. */
export function pageError(message: string, href: string): FormErrors {
  return { byField: {}, summary: [{ text: message, href }] }
}

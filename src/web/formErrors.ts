import type { ZodError } from 'zod'
import type { IsoDate } from '../domain/dates'
import { parseDateField } from './dateFields'
import type { FormErrors } from './validation'

/**
 * Gathers a form's problems, the first per field, and gives them back in page order for the GOV.UK
 * error summary, each linked to the field (a date input's first box in error).
 */
export class FormErrorCollector {
  private readonly byField: Record<string, string> = {}
  private readonly dateParts: Record<string, string[]> = {}
  private readonly dateFields = new Set<string>()

  constructor(
    private readonly body: Record<string, unknown>,
    private readonly fieldOrder: readonly string[],
  ) {}

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
      summary: this.fieldOrder
        .filter((f) => this.byField[f])
        .map((f) => ({ text: this.byField[f]!, href: `#${anchor(f)}` })),
    }
  }
}

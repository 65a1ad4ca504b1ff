import type { Request } from 'express'
import { z } from 'zod'
import { typedText, type FormErrors } from '../validation'
import { dateFieldValues } from '../dateFields'

export type ParsedForm<T> = { ok: true; value: T } | { ok: false; errors: FormErrors }

export function formBody(req: Request): Record<string, unknown> {
  return (req.body ?? {}) as Record<string, unknown>
}

export { fieldError } from '../validation'

/** Text that must be given. */
export function requiredText(
  max: number,
  missing: string,
  label: string,
  options: { multiLine?: boolean } = {},
) {
  return typedText(label, { ...options, missing })
    .trim()
    .min(1, missing)
    .max(max, `${label} must be ${max} characters or fewer`)
}

/** Text that may be left empty, which is stored as null. */
export function optionalText(max: number, label: string, options: { multiLine?: boolean } = {}) {
  return typedText(label, options)
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : null))
}

/** A whole number typed into a box, with the GOV.UK Design System's messages. */
export function wholeNumber(options: { label: string; missing: string; min: number; max: number }) {
  const { label, missing, min, max } = options
  return typedText(label, { missing })
    .trim()
    .min(1, missing)
    .regex(/^-?\d+$/, `${label} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${label} must be between ${min} and ${max}`)
}

/** A checkbox's value, or several: always a list. */
export function checkedValues<T extends string>(values: readonly [T, ...T[]], message: string) {
  return z
    .union([z.enum(values), z.array(z.enum(values))], { error: message })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
}

/** Which notification banner to show after a redirect; anything else shows none. */
export function doneParam<T extends string>(req: Request, values: readonly [T, ...T[]]): T | undefined {
  return z.enum(values).optional().catch(undefined).parse(req.query.done)
}

/** A stored date (or none) back into a date input's three boxes, as form values. */
export function dateValues(field: string, value: string | null): Record<string, string> {
  const parts = dateFieldValues(value)
  return { [`${field}-day`]: parts.day, [`${field}-month`]: parts.month, [`${field}-year`]: parts.year }
}

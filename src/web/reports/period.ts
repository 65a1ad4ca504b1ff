import { z } from 'zod'
import { isIsoDate, type IsoDate } from '../../domain/dates'
import { dateFieldValues } from '../dateFields'
import { FormErrorCollector } from '../formErrors'
import type { FormErrors } from '../validation'

const isoDate = z.string().refine(isIsoDate, { error: 'Enter a real date as yyyy-mm-dd' })
const periodQuery = z.object({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, {
  error: 'The end of the period must be on or after its start',
  path: ['to'],
})

export type Period = { ok: true; from: IsoDate; to: IsoDate } | { ok: false; errors: FormErrors }

/**
 * A report's period: the reports' forms send two GOV.UK date inputs (`from-day`…); a link or a script may
 * give `from` and `to` as yyyy-mm-dd instead. Problems are reported by the field.
 */
export function readPeriod(query: Record<string, unknown>): Period {
  const collector = new FormErrorCollector(query, ['from', 'to'])
  if (typeof query.from === 'string' || typeof query.to === 'string') {
    const parsed = periodQuery.safeParse(query)
    if (parsed.success) return { ok: true, ...parsed.data }
    collector.addZod(parsed.error)
    return { ok: false, errors: collector.errors() }
  }
  const from = collector.date('from', 'The start of the period', { required: true })
  const to = collector.date('to', 'The end of the period', { required: true })
  if (from && to && from > to) collector.add('to', 'The end of the period must be on or after its start')
  return from && to && collector.empty ? { ok: true, from, to } : { ok: false, errors: collector.errors() }
}

const PERIOD_FIELDS = ['from', 'to', 'from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year']

/** Whether the request chose a period at all: a report page opened from a link shows its default one. */
export function choosesPeriod(query: Record<string, unknown>): boolean {
  return PERIOD_FIELDS.some((field) => query[field] !== undefined)
}

/** A period back into the form's date inputs, so the form shows the period the figures are for. */
export function periodFormValues(period: { from: IsoDate; to: IsoDate }): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [field, date] of [
    ['from', period.from],
    ['to', period.to],
  ] as const) {
    const parts = dateFieldValues(date)
    values[`${field}-day`] = parts.day
    values[`${field}-month`] = parts.month
    values[`${field}-year`] = parts.year
  }
  return values
}

/** The period as the query of a link (a drill-down, a download). */
export function periodQueryString(
  period: { from: IsoDate; to: IsoDate },
  extra: Record<string, string> = {},
): string {
  return new URLSearchParams({ from: period.from, to: period.to, ...extra }).toString()
}

import { z } from 'zod'
import type { IsoDate } from '../../domain/dates'
import {
  APPEAL_ORDER_LABELS,
  APPEAL_ORDERS,
  APPEAL_ROUTE_LABELS,
  APPEAL_ROUTES,
  type TribunalAppeal,
} from '../../domain/tribunalOrders'
import { FormErrorCollector } from '../formErrors'
import type { FormErrors } from '../validation'

const FIELD_ORDER = ['route', 'appealOn', 'about']

export const APPEAL_ROUTE_OPTIONS = APPEAL_ROUTES.map((r) => ({ value: r, text: APPEAL_ROUTE_LABELS[r] }))
export const APPEAL_ORDER_OPTIONS = APPEAL_ORDERS.map((o) => ({ value: o, text: APPEAL_ORDER_LABELS[o] }))

const schema = z.object({
  route: z.enum(APPEAL_ROUTES, { error: 'Select whether the tribunal ordered it or we chose not to oppose' }),
  about: z.enum(APPEAL_ORDERS, { error: 'Select what the tribunal ordered, or what we agreed to' }),
})

/**
 * A tribunal appeal as a caseworker records it: the route, the date of the order or of our notice to the
 * tribunal (today or earlier, and not before the case's request), and what was ordered.
 */
export function parseAppealForm(
  body: Record<string, unknown>,
  receivedOn: IsoDate,
  today: IsoDate,
): { ok: true; value: TribunalAppeal } | { ok: false; errors: FormErrors } {
  const form = new FormErrorCollector(body, FIELD_ORDER)
  const parsed = schema.safeParse(body)
  if (!parsed.success) form.addZod(parsed.error)
  const on = form.date('appealOn', 'Date of the order or of our notice to the tribunal', {
    required: true,
    notAfter: today,
  })
  if (on && on < receivedOn)
    form.add(
      'appealOn',
      'Date of the order or of our notice must be on or after the day the request was received',
    )
  if (!parsed.success || !on || !form.empty) return { ok: false, errors: form.errors() }
  return { ok: true, value: { route: parsed.data.route, on, about: parsed.data.about } }
}

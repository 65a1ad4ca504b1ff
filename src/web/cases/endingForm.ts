import { z } from 'zod'
import {
  CLOSURE_REASON_LABELS,
  CLOSURE_REASONS,
  closureActionFor,
  closureProblems,
  REASONS_FOR,
  type ClosureAction,
  type ClosureInput,
  type ClosureReason,
} from '../../domain/caseClosure'
import { canUse } from '../../domain/permissions'
import type { IsoDate } from '../../domain/dates'
import type { CaseStatus, Role } from '../../domain/vocabulary'
import { FormErrorCollector } from '../formErrors'
import type { FormErrors } from '../validation'
import { optionalText } from './contactsForm'

const FIELD_ORDER = ['reason', 'note', 'endedOn']

/** What the form asks, in the words for withdrawing or for closing. */
export function endingFormLocals(status: CaseStatus) {
  const action = closureActionFor(status)
  if (action === null) return { action, reasons: [] }
  return {
    action,
    heading: action === 'withdraw' ? 'Withdraw this request' : 'Close this case',
    reasonLegend:
      action === 'withdraw' ? 'Why is the request being withdrawn?' : 'Why is the case being closed?',
    dateLegend: action === 'withdraw' ? 'Date the request was withdrawn' : 'Date the case closed',
    button: action === 'withdraw' ? 'Withdraw request' : 'Close case',
    reasons: REASONS_FOR[action].map((r) => ({ value: r, text: CLOSURE_REASON_LABELS[r] })),
  }
}

/** Today's date in the form's three boxes, as it opens. */
export function endingFormValues(today: IsoDate): Record<string, string> {
  const [year, month, day] = today.split('-')
  return { 'endedOn-day': String(Number(day)), 'endedOn-month': String(Number(month)), 'endedOn-year': year! }
}

export function parseEndingForm(
  body: Record<string, unknown>,
  facts: { action: ClosureAction | null; receivedOn: IsoDate; today: IsoDate },
): { ok: true; value: ClosureInput } | { ok: false; errors: FormErrors } {
  const form = new FormErrorCollector(body, FIELD_ORDER)
  const action = facts.action
  const reasonMessage =
    action === 'withdraw'
      ? 'Select why the request is being withdrawn'
      : 'Select why the case is being closed'
  const parsed = z
    .object({
      reason: z.enum(CLOSURE_REASONS, { error: reasonMessage }),
      note: optionalText(1000, 'The reason', { multiLine: true }),
    })
    .safeParse(body)
  if (!parsed.success) form.addZod(parsed.error)
  const endedOn = form.date('endedOn', action === 'withdraw' ? 'Date withdrawn' : 'Date closed', {
    required: true,
    notAfter: facts.today,
  })
  if (action === null) form.add('reason', 'This case has already ended')
  if (!parsed.success || !endedOn || action === null || !form.empty)
    return { ok: false, errors: form.errors() }
  const value: ClosureInput = { action, reason: parsed.data.reason, note: parsed.data.note, endedOn }
  for (const problem of closureProblems(value, facts)) form.add(problem.field, problem.message)
  return form.empty ? { ok: true, value } : { ok: false, errors: form.errors() }
}

/**
 * What the case page shows about ending the case: how it ended, and what the person looking may do (a
 * caseworker may end an open case or reopen an ended one; the routes check the same rule).
 */
export function presentEnding(
  detail: {
    status: CaseStatus
    ending: { on: IsoDate; reason: ClosureReason | null; note: string | null } | null
  },
  role: Role,
) {
  const mayChange = canUse(role, 'caseWork')
  const action = closureActionFor(detail.status)
  const ended = detail.ending
  return {
    endLink: mayChange && action ? endingFormLocals(detail.status).heading! : null,
    mayReopen: mayChange && ended !== null,
    summary: ended && {
      key: detail.status === 'withdrawn' ? 'Withdrawn' : 'Closed',
      on: ended.on,
      reason: ended.reason ? CLOSURE_REASON_LABELS[ended.reason] : null,
      note: ended.note,
    },
  }
}

import { z } from 'zod'
import {
  EXCEPTION_REASONS,
  exceptionProblems,
  STEPS_WITH_EXCEPTIONS,
  type ExceptionStep,
} from '../../domain/clockExceptions'
import type { IsoDate } from '../../domain/dates'
import type { CaseKind } from '../../domain/vocabulary'
import type { NewException } from '../../services/cases'
import { parseDateField } from '../dateFields'
import type { FormErrors } from '../validation'

/** The steps of a case's clock that the regulations allow an exception to. */
export function exceptionStepsFor(kind: CaseKind): ExceptionStep[] {
  if (kind === 'assessment_request') return [...STEPS_WITH_EXCEPTIONS]
  if (kind === 'issue_plan') return STEPS_WITH_EXCEPTIONS.filter((s) => s !== 'decide_whether_to_assess')
  return []
}

const FIELD_ORDER = [
  'step',
  'reasonCode',
  'startsOn',
  'endsOn',
  'adviceRequestedOn',
  'familyToldOn',
  'explanation',
]
const DATE_FIELDS = new Set(['startsOn', 'endsOn', 'adviceRequestedOn', 'familyToldOn'])

export function parseExceptionForm(
  body: Record<string, unknown>,
  kind: CaseKind,
  today: IsoDate,
): { ok: true; value: NewException } | { ok: false; errors: FormErrors } {
  const steps = exceptionStepsFor(kind)
  const schema = z.object({
    step: z
      .string({ error: 'Select the step the exception is for' })
      .refine((s) => (steps as string[]).includes(s), { error: 'Select the step the exception is for' }),
    reasonCode: z.enum(EXCEPTION_REASONS, { error: 'Select why the time limit cannot be met' }),
    explanation: z
      .string({ error: 'Explain why the time limit cannot be met' })
      .trim()
      .min(1, 'Explain why the time limit cannot be met')
      .max(2000, 'The explanation must be 2000 characters or fewer'),
    version: z.coerce.number().int().min(1),
  })
  const byField: Record<string, string> = {}
  const dateParts: Record<string, string[]> = {}
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) byField[String(issue.path[0])] ??= issue.message
  }
  const date = (field: string, label: string, required: boolean, notAfter?: IsoDate): IsoDate | null => {
    const result = parseDateField(body, field, { label, required, notAfter })
    if (result.ok) return result.value ?? null
    byField[field] ??= result.error
    dateParts[field] = result.fields
    return null
  }
  const startsOn = date('startsOn', 'Start date', true)
  const endsOn = date('endsOn', 'End date', false)
  const adviceRequestedOn = date('adviceRequestedOn', 'Date we asked the school for advice', false)
  const familyToldOn = date('familyToldOn', 'Date the family was told', false, today)

  // The regulations' own conditions are checked whenever the reason and dates are known, so that every
  // problem shows at once rather than one more after each attempt.
  const reason = EXCEPTION_REASONS.find((r) => r === body.reasonCode)
  if (reason && startsOn) {
    const problems = exceptionProblems({
      reason,
      // The conditions are the same for each of the three steps; the chosen step is checked above.
      step: STEPS_WITH_EXCEPTIONS[0],
      startsOn,
      endsOn,
      adviceRequestedOn,
      explanation: typeof body.explanation === 'string' ? body.explanation : '',
    })
    for (const problem of problems) byField[problem.field] ??= problem.message
  }

  if (!parsed.success || !startsOn || Object.keys(byField).length > 0) {
    return {
      ok: false,
      errors: {
        byField,
        dateParts,
        summary: FIELD_ORDER.filter((f) => byField[f]).map((f) => ({
          text: byField[f]!,
          href: `#${DATE_FIELDS.has(f) ? `${f}-${dateParts[f]?.[0] ?? 'day'}` : f}`,
        })),
      },
    }
  }
  return {
    ok: true,
    value: {
      step: parsed.data.step,
      reasonCode: parsed.data.reasonCode,
      startsOn,
      endsOn,
      adviceRequestedOn,
      familyToldOn,
      explanation: parsed.data.explanation,
      version: parsed.data.version,
    },
  }
}

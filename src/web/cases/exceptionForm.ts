import { z } from 'zod'
import { typedText } from '../validation'
import {
  EXCEPTION_REASONS,
  exceptionProblems,
  STEPS_WITH_EXCEPTIONS,
  type ExceptionStep,
} from '../../domain/clockExceptions'
import type { IsoDate } from '../../domain/dates'
import type { CaseKind } from '../../domain/vocabulary'
import type { NewException } from '../../services/cases'
import { FormErrorCollector } from '../formErrors'
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

export function parseExceptionForm(
  body: Record<string, unknown>,
  kind: CaseKind,
  today: IsoDate,
): { ok: true; value: Omit<NewException, 'version'> } | { ok: false; errors: FormErrors } {
  const steps = exceptionStepsFor(kind)
  const schema = z.object({
    step: z
      .string({ error: 'Select the step the exception is for' })
      .refine((s) => (steps as string[]).includes(s), { error: 'Select the step the exception is for' }),
    reasonCode: z.enum(EXCEPTION_REASONS, { error: 'Select why the time limit cannot be met' }),
    explanation: typedText('The explanation', {
      multiLine: true,
      missing: 'Explain why the time limit cannot be met',
    })
      .trim()
      .min(1, 'Explain why the time limit cannot be met')
      .max(2000, 'The explanation must be 2000 characters or fewer'),
  })
  const form = new FormErrorCollector(body, FIELD_ORDER)
  const parsed = schema.safeParse(body)
  if (!parsed.success) form.addZod(parsed.error)
  const startsOn = form.date('startsOn', 'Start date', { required: true })
  const endsOn = form.date('endsOn', 'End date', { required: false })
  const adviceRequestedOn = form.date('adviceRequestedOn', 'Date we asked the school for advice', {
    required: false,
  })
  const familyToldOn = form.date('familyToldOn', 'Date the family was told', {
    required: false,
    notAfter: today,
  })

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
    for (const problem of problems) form.add(problem.field, problem.message)
  }

  if (!parsed.success || !startsOn || !form.empty) return { ok: false, errors: form.errors() }
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
    },
  }
}

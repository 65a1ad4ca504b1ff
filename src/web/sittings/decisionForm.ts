import { problemErrors } from '../formErrors'
import { z } from 'zod'
import { INTERPRETER, SETTING_TYPES } from '../../domain/vocabulary'
import type { DecisionInput } from '../../services/decisions'
import { optionalText } from '../cases/contactsForm'
import { FormErrorCollector } from '../formErrors'
import { typedText, type FormErrors } from '../validation'
import { controlCharactersMessage, hasControlCharacters } from '../../domain/textInput'

/** The decision form's fields in page order, which the error summary follows. */
export const DECISION_FIELDS = [
  'familyAttended',
  'familyAttendees',
  'interpreter',
  'withoutFamilyReason',
  'outcome',
  'reasons',
  'matchesPreference',
  'disagreementGround',
  'disagreementExplanation',
  'namedSetting',
  'namedSettingType',
  'deferralAction',
  'deferralOwner',
  'deferralDueOn',
  'conditions',
  'dissents',
  'inquorateReason',
  'notes',
  'sendAsWritten',
] as const

const yesNo = z
  .enum(['yes', 'no'])
  .optional()
  .transform((v) => (v === undefined ? null : v === 'yes'))

const shape = z.object({
  version: z.coerce.number().int().min(0),
  outcome: typedText('The decision')
    .trim()
    .max(60)
    .optional()
    .transform((v) => v ?? ''),
  reasons: optionalText(4000, 'The reasons', { multiLine: true }),
  matchesPreference: yesNo,
  disagreementGround: typedText('The lawful ground')
    .trim()
    .max(80)
    .optional()
    .transform((v) => v || null),
  disagreementExplanation: optionalText(2000, 'The explanation', { multiLine: true }),
  conditions: optionalText(2000, 'The conditions or provision agreed', { multiLine: true }),
  familyAttended: yesNo,
  familyAttendees: optionalText(300, 'Who came for the family'),
  interpreter: z
    .enum(INTERPRETER)
    .optional()
    .transform((v) => v ?? null),
  withoutFamilyReason: optionalText(1000, 'The reason', { multiLine: true }),
  deferralAction: optionalText(1000, 'What is needed', { multiLine: true }),
  deferralOwner: optionalText(200, 'Who will do it'),
  inquorateReason: optionalText(1000, 'The reason', { multiLine: true }),
  notes: optionalText(4000, 'The notes', { multiLine: true }),
  namedSetting: optionalText(200, 'The name of the school or setting'),
  namedSettingType: z
    .enum(SETTING_TYPES)
    .optional()
    .transform((v) => v ?? null),
  sendAsWritten: z
    .literal('yes')
    .optional()
    .transform((v) => v === 'yes'),
  // The date the chair confirmed; anything else (a tampered value) just means "not confirmed".
  lateDeferralAcceptedFor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined)
    .transform((v) => v ?? null),
})

const DISSENT_FIELD = /^dissent-([0-9a-f-]{36})$/

function dissentsFrom(body: Record<string, unknown>, form: FormErrorCollector): Record<string, string> {
  const dissents: Record<string, string> = {}
  for (const [key, value] of Object.entries(body)) {
    const match = DISSENT_FIELD.exec(key)
    if (!match || typeof value !== 'string') continue
    const view = value.trim()
    if (hasControlCharacters(view, true)) form.add('dissents', controlCharactersMessage('A dissenting view'))
    else if (view.length > 2000) form.add('dissents', 'A dissenting view must be 2000 characters or fewer')
    dissents[match[1]!] = view
  }
  return dissents
}

export function parseDecisionForm(
  body: Record<string, unknown>,
): { ok: true; value: DecisionInput } | { ok: false; errors: FormErrors } {
  const form = new FormErrorCollector(body, DECISION_FIELDS)
  const parsed = shape.safeParse(body)
  const deferred = body.outcome === 'defer'
  const dueOn = form.date('deferralDueOn', 'Date the action is due', { required: false })
  const dissents = dissentsFrom(body, form)
  if (!parsed.success) {
    form.addZod(parsed.error)
    return { ok: false, errors: form.errors() }
  }
  if (!form.empty) return { ok: false, errors: form.errors() }
  return {
    ok: true,
    value: {
      ...parsed.data,
      reasons: parsed.data.reasons ?? '',
      dissents,
      deferralDueOn: deferred ? dueOn : null,
    },
  }
}

/** A decision service's problems, in the decision form's order (the deferral date links to its day box). */
export function decisionProblemErrors(problems: readonly { field: string; message: string }[]): FormErrors {
  return problemErrors(problems, DECISION_FIELDS, ['deferralDueOn'])
}

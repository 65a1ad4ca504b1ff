import { z } from 'zod'
import type { CaseKind } from '../../domain/vocabulary'
import type { PreferenceChange } from '../../services/cases'
import { FormErrorCollector } from '../formErrors'
import type { FormErrors } from '../validation'
import { optionalText } from './contactsForm'

export const PREFERENCE_FIELDS = ['preference', 'preferredSetting', 'preferredSettingIsMainstream'] as const

/** The preference's fields, as the intake form and the preference form both read them. */
export const preferenceShape = {
  preference: optionalText(2000, 'What the family is asking for', { multiLine: true }),
  preferredSetting: optionalText(200, 'The school or setting'),
  preferredSettingIsMainstream: z
    .enum(['yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? null : v === 'yes')),
}

type Preference = PreferenceChange

/**
 * A placement names a school or setting, so the family's choice is needed. A phase transfer may name the
 * next one (the panel can amend the plan to name it), once the family has chosen.
 */
export function asksForSetting(kind: CaseKind): boolean {
  return kind === 'placement' || kind === 'phase_transfer'
}

/** The rules that depend on the kind of case; a school or setting is kept only where the kind names one. */
export function checkPreference(form: FormErrorCollector, kind: CaseKind, v: Preference): Preference {
  const preference = v.preference
  if (!asksForSetting(kind)) return { preference, preferredSetting: null, preferredSettingIsMainstream: null }
  if (kind === 'placement' && !v.preferredSetting) {
    form.add('preferredSetting', 'Enter the school or setting the family wants')
  }
  if ((kind === 'placement' || v.preferredSetting) && v.preferredSettingIsMainstream === null) {
    form.add('preferredSettingIsMainstream', 'Select whether the school or setting is mainstream')
  }
  const { preferredSetting } = v
  return {
    preference,
    preferredSetting,
    preferredSettingIsMainstream: preferredSetting ? v.preferredSettingIsMainstream : null,
  }
}

export function parsePreferenceForm(
  body: Record<string, unknown>,
  kind: CaseKind,
): { ok: true; value: Preference } | { ok: false; errors: FormErrors } {
  const form = new FormErrorCollector(body, PREFERENCE_FIELDS)
  const parsed = z.object(preferenceShape).safeParse(body)
  if (!parsed.success) {
    form.addZod(parsed.error)
    return { ok: false, errors: form.errors() }
  }
  const value = checkPreference(form, kind, parsed.data)
  return form.empty ? { ok: true, value } : { ok: false, errors: form.errors() }
}

export function preferenceFormValues(p: Preference): Record<string, string> {
  const mainstream = p.preferredSettingIsMainstream
  return {
    preference: p.preference ?? '',
    preferredSetting: p.preferredSetting ?? '',
    ...(mainstream === null ? {} : { preferredSettingIsMainstream: mainstream ? 'yes' : 'no' }),
  }
}

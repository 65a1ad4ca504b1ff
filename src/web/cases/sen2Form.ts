import { z } from 'zod'
import type { IsoDate } from '../../domain/dates'
import {
  CEASE_REASON_CODES,
  ETHNICITY_CODES,
  MAX_SEN_TYPES,
  POSTCODE_PATTERN,
  REQUEST_SOURCE_CODES,
  SEN_SETTING_CODES,
  SEN_TYPE_CODES,
  SEX_CODES,
  UKPRN_PATTERN,
  ULN_PATTERN,
  UPN_PATTERN,
  UPN_UNKNOWN_CODES,
  URN_PATTERN,
} from '../../domain/sen2/codes'
import type { Sen2Details } from '../../services/sen2'
import { dateFieldValues } from '../dateFields'
import { FormErrorCollector } from '../formErrors'
import { typedText, type FormErrors } from '../validation'

/** The fields of /cases/:id/sen2, in page order (the error summary follows it). */
export const SEN2_FIELDS = [
  'sex',
  'ethnicity',
  'postcode',
  'upn',
  'uln',
  'upnUnknownReason',
  'senType1',
  'senType2',
  'attendingUrn',
  'attendingUkprn',
  'attendingSetting',
  'attendingSince',
  'requestSource',
  'requestFlags',
  'assessmentFlags',
  'planStartOn',
  'planCeasedOn',
  'planCeaseReason',
  'placementUrn',
  'placementUkprn',
  'placementSetting',
] as const

/** A code from a list, or nothing when the select was left on "Not known yet". */
function code<C extends string>(codes: readonly C[], what: string) {
  return z
    .string()
    .optional()
    .refine((v) => !v || (codes as readonly string[]).includes(v), { error: `Select ${what} from the list` })
    .transform((v): C | null => (v ? (v as C) : null))
}

/** Trimmed and upper-cased, or nothing; checked against the identifier's pattern. */
function identifier(label: string, pattern: RegExp, message: string) {
  return typedText(label)
    .max(20, { error: message })
    .optional()
    .transform((v) =>
      (v ?? '')
        .trim()
        .toUpperCase()
        .replace(/\s+/g, pattern === POSTCODE_PATTERN ? ' ' : ''),
    )
    .refine((v) => v === '' || pattern.test(v), { error: message })
    .transform((v) => (v === '' ? null : v))
}

const flags = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))

const shape = z.object({
  sex: code(SEX_CODES, 'the child’s sex'),
  ethnicity: code(ETHNICITY_CODES, 'the child’s ethnicity'),
  postcode: identifier('The postcode', POSTCODE_PATTERN, 'Enter a real UK postcode, like NS1 2AB'),
  upn: identifier('The UPN', UPN_PATTERN, 'Enter a UPN as a letter followed by 12 letters or digits'),
  uln: identifier('The ULN', ULN_PATTERN, 'Enter a ULN as 10 digits'),
  upnUnknownReason: code(UPN_UNKNOWN_CODES, 'the reason neither is known'),
  senType1: code(SEN_TYPE_CODES, 'the main need'),
  senType2: code(SEN_TYPE_CODES, 'the secondary need'),
  attendingUrn: identifier('The URN', URN_PATTERN, 'Enter a URN as 6 digits'),
  attendingUkprn: identifier('The UKPRN', UKPRN_PATTERN, 'Enter a UKPRN as 8 digits starting with 1'),
  attendingSetting: code(SEN_SETTING_CODES, 'the kind of setting'),
  requestSource: code(REQUEST_SOURCE_CODES, 'who made the request'),
  requestFlags: flags.refine((v) => v.every((f) => f === 'mediation' || f === 'tribunal'), {
    error: 'Select mediation, tribunal or neither',
  }),
  assessmentFlags: flags.refine((v) => v.every((f) => f === 'mediation' || f === 'tribunal'), {
    error: 'Select mediation, tribunal or neither',
  }),
  planCeaseReason: code(CEASE_REASON_CODES, 'the reason the plan ceased'),
  placementUrn: identifier('The URN', URN_PATTERN, 'Enter a URN as 6 digits'),
  placementUkprn: identifier('The UKPRN', UKPRN_PATTERN, 'Enter a UKPRN as 8 digits starting with 1'),
  placementSetting: code(SEN_SETTING_CODES, 'the kind of setting'),
})

export function parseSen2Form(
  body: Record<string, unknown>,
  today: IsoDate,
): { ok: true; value: Sen2Details } | { ok: false; errors: FormErrors } {
  const form = new FormErrorCollector(body, SEN2_FIELDS)
  const parsed = shape.safeParse(body)
  const past = { required: false, notAfter: today }
  const attendingSince = form.date('attendingSince', 'The day they started there', past)
  const planStartOn = form.date('planStartOn', 'The plan’s start date', past)
  const planCeasedOn = form.date('planCeasedOn', 'The day the plan ceased', past)
  if (!parsed.success) {
    form.addZod(parsed.error)
    return { ok: false, errors: form.errors() }
  }
  const v = parsed.data
  if (!v.upn && !v.uln && !v.upnUnknownReason)
    form.add('upnUnknownReason', 'Enter the UPN or ULN, or select the reason neither is known')
  if (v.senType2 && !v.senType1) form.add('senType1', 'Select the main need before the secondary need')
  if (v.senType2 && v.senType2 === v.senType1)
    form.add('senType2', 'The secondary need must differ from the main need')
  if (planCeasedOn && !v.planCeaseReason) form.add('planCeaseReason', 'Select the reason the plan ceased')
  if (v.planCeaseReason && !planCeasedOn && !form.errors().byField.planCeasedOn)
    form.add('planCeasedOn', 'Enter the day the plan ceased')
  if (planCeasedOn && planStartOn && planCeasedOn < planStartOn)
    form.add('planCeasedOn', 'The day the plan ceased must be on or after its start date')
  if (!form.empty) return { ok: false, errors: form.errors() }
  const senTypes = [v.senType1, v.senType2].filter((t): t is NonNullable<typeof t> => t !== null)
  return {
    ok: true,
    value: {
      sex: v.sex,
      ethnicity: v.ethnicity,
      postcode: v.postcode,
      upn: v.upn,
      uln: v.uln,
      upnUnknownReason: v.upn || v.uln ? null : v.upnUnknownReason,
      senTypes: senTypes.slice(0, MAX_SEN_TYPES),
      attendingUrn: v.attendingUrn,
      attendingUkprn: v.attendingUrn ? null : v.attendingUkprn,
      attendingSetting: v.attendingUrn || v.attendingUkprn ? null : v.attendingSetting,
      attendingSince,
      requestSource: v.requestSource,
      requestMediation: v.requestFlags.includes('mediation'),
      requestTribunal: v.requestFlags.includes('tribunal'),
      assessmentMediation: v.assessmentFlags.includes('mediation'),
      assessmentTribunal: v.assessmentFlags.includes('tribunal'),
      planStartOn,
      planCeasedOn,
      planCeaseReason: planCeasedOn ? v.planCeaseReason : null,
      placementUrn: v.placementUrn,
      placementUkprn: v.placementUrn ? null : v.placementUkprn,
      placementSetting: v.placementUrn || v.placementUkprn ? null : v.placementSetting,
    },
  }
}

function prefixed(name: string, date: IsoDate | null): Record<string, string> {
  const parts = dateFieldValues(date)
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [`${name}-${k}`, String(v ?? '')]))
}

export function sen2FormValues(d: Sen2Details): Record<string, unknown> {
  const requestFlags = [d.requestMediation && 'mediation', d.requestTribunal && 'tribunal'].filter(Boolean)
  const assessmentFlags = [d.assessmentMediation && 'mediation', d.assessmentTribunal && 'tribunal'].filter(
    Boolean,
  )
  return {
    sex: d.sex ?? '',
    ethnicity: d.ethnicity ?? '',
    postcode: d.postcode ?? '',
    upn: d.upn ?? '',
    uln: d.uln ?? '',
    upnUnknownReason: d.upnUnknownReason ?? '',
    senType1: d.senTypes[0] ?? '',
    senType2: d.senTypes[1] ?? '',
    attendingUrn: d.attendingUrn ?? '',
    attendingUkprn: d.attendingUkprn ?? '',
    attendingSetting: d.attendingSetting ?? '',
    ...prefixed('attendingSince', d.attendingSince),
    requestSource: d.requestSource ?? '',
    requestFlags,
    assessmentFlags,
    ...prefixed('planStartOn', d.planStartOn),
    ...prefixed('planCeasedOn', d.planCeasedOn),
    planCeaseReason: d.planCeaseReason ?? '',
    placementUrn: d.placementUrn ?? '',
    placementUkprn: d.placementUkprn ?? '',
    placementSetting: d.placementSetting ?? '',
  }
}

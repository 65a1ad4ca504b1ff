import { z } from 'zod'
import {
  ageOn,
  REQUESTER_LABELS,
  REQUESTERS,
  YEAR_GROUPS,
  type NewCase,
  type NewFamilyContact,
} from '../../domain/caseIntake'
import type { IsoDate } from '../../domain/dates'
import { AREAS_OF_NEED, CASE_KINDS, FAMILY_RELATIONSHIPS, LETTER_FORMATS } from '../../domain/vocabulary'
import { FormErrorCollector } from '../formErrors'
import type { FormErrors } from '../validation'
import { EVIDENCE_FIELDS, parseEvidence } from './evidenceFields'

type Body = Record<string, unknown>

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => (v === '' ? null : v))
    .optional()
    .transform((v) => v ?? null)

const requiredText = (max: number, empty: string, label: string) =>
  z.string({ error: empty }).trim().min(1, empty).max(max, `${label} must be ${max} characters or fewer`)

function contactSchema(n: 1 | 2) {
  const who = n === 1 ? 'the main family contact' : 'the second family contact'
  return z
    .object({
      [`contact${n}Name`]: requiredText(200, `Enter the name of ${who}`, `The name of ${who}`),
      [`contact${n}Relationship`]: z.enum(FAMILY_RELATIONSHIPS, {
        error: `Select how ${who} is related to the child`,
      }),
      [`contact${n}Address`]: optionalText(500, `The address of ${who}`),
      [`contact${n}Email`]: z
        .string()
        .trim()
        .max(254, `The email address of ${who} must be 254 characters or fewer`)
        .refine((v) => v === '' || z.email().safeParse(v).success, {
          error: `Enter the email address of ${who} in the correct format, like name@example.org`,
        })
        .optional(),
      [`contact${n}Phone`]: z
        .string()
        .trim()
        .max(30, `The phone number of ${who} must be 30 characters or fewer`)
        .refine((v) => v === '' || /^[+()\d\s-]{7,}$/.test(v), {
          error: `Enter the phone number of ${who}, like 01632 960 001 or 07700 900 982`,
        })
        .optional(),
      [`contact${n}Language`]: requiredText(
        60,
        `Enter the language ${who} prefers`,
        `The language of ${who}`,
      ),
      [`contact${n}Interpreter`]: z.enum(['yes', 'no'], {
        error: `Select whether ${who} needs an interpreter`,
      }),
      [`contact${n}LetterFormat`]: z.enum(LETTER_FORMATS, { error: `Select the letter format ${who} needs` }),
    })
    .superRefine((values, ctx) => {
      const address = String(values[`contact${n}Address`] ?? '')
      const email = String(values[`contact${n}Email`] ?? '')
      if (!address && !email) {
        ctx.addIssue({
          code: 'custom',
          path: [`contact${n}Address`],
          message: `Enter an address or an email address for ${who}, so that letters reach them`,
        })
      }
    })
}

const caseSchema = z.object({
  childFirstName: requiredText(100, 'Enter the child’s first name', 'First name'),
  childLastName: requiredText(100, 'Enter the child’s last name', 'Last name'),
  currentSetting: optionalText(200, 'School or setting'),
  yearGroup: z
    .union([z.enum(YEAR_GROUPS), z.literal('')])
    .optional()
    .transform((v) => (v ? v : null)),
  areasOfNeed: z
    .union([z.enum(AREAS_OF_NEED), z.array(z.enum(AREAS_OF_NEED))], {
      error: 'Select areas of need from the list',
    })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  kind: z.enum(CASE_KINDS, { error: 'Select what the panel is asked to decide' }),
  requestedBy: z.enum(REQUESTERS, { error: 'Select who made the request' }),
  isComplex: z
    .literal('yes')
    .optional()
    .transform((v) => v === 'yes'),
  preference: optionalText(2000, 'What the family is asking for'),
  preferredSetting: optionalText(200, 'The school or setting'),
  preferredSettingIsMainstream: z
    .enum(['yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? null : v === 'yes')),
  transferYear: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(
      z
        .string()
        .regex(/^20\d\d$/, 'Enter the year of transfer as 4 numbers, like 2027')
        .transform(Number)
        .nullable(),
    ),
  transferType: z
    .enum(['school', 'post16'])
    .optional()
    .transform((v) => v ?? null),
  caseworkerId: z.uuid({ error: 'Select the named caseworker' }),
})

/** The form's fields in page order, so that the error summary lists problems in the order a person meets them. */
const FIELD_ORDER = [
  'childFirstName',
  'childLastName',
  'dateOfBirth',
  'currentSetting',
  'yearGroup',
  'areasOfNeed',
  ...[1, 2].flatMap((n) =>
    ['Name', 'Relationship', 'Address', 'Email', 'Phone', 'Language', 'Interpreter', 'LetterFormat'].map(
      (f) => `contact${n}${f}`,
    ),
  ),
  'kind',
  'received',
  'requestedBy',
  'reviewMeeting',
  'reviewNotice',
  'transferYear',
  'transferType',
  'preference',
  'preferredSetting',
  'preferredSettingIsMainstream',
  ...EVIDENCE_FIELDS,
  'caseworkerId',
]

export type IntakeResult = { ok: true; value: NewCase } | { ok: false; errors: FormErrors }

function hasSecondContact(body: Body): boolean {
  return ['Name', 'Address', 'Email', 'Phone'].some((f) => String(body[`contact2${f}`] ?? '').trim() !== '')
}

export function parseIntakeForm(body: Body, today: IsoDate): IntakeResult {
  const form = new FormErrorCollector(body, FIELD_ORDER)
  const main = caseSchema.safeParse(body)
  if (!main.success) form.addZod(main.error)
  const contactNumbers: (1 | 2)[] = hasSecondContact(body) ? [1, 2] : [1]
  const contacts: NewFamilyContact[] = []
  for (const n of contactNumbers) {
    const parsed = contactSchema(n).safeParse(body)
    if (!parsed.success) {
      form.addZod(parsed.error)
      continue
    }
    const v = parsed.data as Record<string, string | null | undefined>
    contacts.push({
      fullName: String(v[`contact${n}Name`]),
      relationship: v[`contact${n}Relationship`] as NewFamilyContact['relationship'],
      address: v[`contact${n}Address`] ?? null,
      email: v[`contact${n}Email`] || null,
      phone: v[`contact${n}Phone`] || null,
      preferredLanguage: String(v[`contact${n}Language`]),
      needsInterpreter: v[`contact${n}Interpreter`] === 'yes',
      letterFormat: v[`contact${n}LetterFormat`] as NewFamilyContact['letterFormat'],
    })
  }

  const past = { required: true, notAfter: today }
  const dateOfBirth = form.date('dateOfBirth', 'Date of birth', past)
  const receivedOn = form.date('received', 'Date the request was received', past)
  const kind = main.success ? main.data.kind : undefined
  // An annual review case starts from a meeting that has been held. A phase transfer is planned back from
  // its deadline, so its meeting may still be ahead, or not yet arranged.
  const reviewMeetingOn =
    kind === 'annual_review'
      ? form.date('reviewMeeting', 'Date of the review meeting', past)
      : kind === 'phase_transfer'
        ? form.date('reviewMeeting', 'Date of the review meeting', { required: false })
        : null
  const reviewNoticeOn =
    kind === 'annual_review' || kind === 'phase_transfer'
      ? form.date('reviewNotice', 'Date of the notice of amendments', { required: false, notAfter: today })
      : null
  if (reviewMeetingOn && reviewNoticeOn && reviewNoticeOn < reviewMeetingOn) {
    form.add('reviewNotice', 'Date of the notice of amendments must be on or after the review meeting')
  }
  if (dateOfBirth && receivedOn) {
    if (dateOfBirth > receivedOn)
      form.add('dateOfBirth', 'Date of birth must be before the date the request was received')
    else if (ageOn(dateOfBirth, receivedOn) > 25) {
      form.add('dateOfBirth', 'The child or young person must be 25 or under when the request was received')
    }
  }

  const evidence = parseEvidence(form, today)

  if (main.success) {
    const v = main.data
    if (v.kind === 'placement') {
      if (!v.preferredSetting) form.add('preferredSetting', 'Enter the school or setting the family wants')
      if (v.preferredSettingIsMainstream === null) {
        form.add('preferredSettingIsMainstream', 'Select whether the school or setting is mainstream')
      }
    }
    if (v.kind === 'phase_transfer') {
      if (v.transferYear === null) form.add('transferYear', 'Enter the year of transfer')
      if (v.transferType === null) form.add('transferType', 'Select the kind of move')
    }
  }

  if (!main.success || !form.empty || !dateOfBirth || !receivedOn) return { ok: false, errors: form.errors() }

  const v = main.data
  return {
    ok: true,
    value: {
      child: {
        firstName: v.childFirstName,
        lastName: v.childLastName,
        dateOfBirth,
        currentSetting: v.currentSetting,
        yearGroup: v.yearGroup,
        areasOfNeed: v.areasOfNeed,
      },
      contacts,
      kind: v.kind,
      receivedOn,
      requestedBy: REQUESTER_LABELS[v.requestedBy],
      isComplex: v.isComplex,
      preference: v.preference,
      preferredSetting: v.kind === 'placement' ? v.preferredSetting : null,
      preferredSettingIsMainstream: v.kind === 'placement' ? v.preferredSettingIsMainstream : null,
      reviewMeetingOn,
      reviewNoticeOn,
      transferYear: v.kind === 'phase_transfer' ? v.transferYear : null,
      transferType: v.kind === 'phase_transfer' ? v.transferType : null,
      evidence,
      caseworkerId: v.caseworkerId,
    },
  }
}

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
import { AREAS_OF_NEED, CASE_KINDS } from '../../domain/vocabulary'
import { FormErrorCollector } from '../formErrors'
import { typedText, type FormErrors } from '../validation'
import {
  contactFieldNames,
  hasContactDetails,
  optionalText,
  parseContact,
  requiredText,
} from './contactsForm'
import { EVIDENCE_FIELDS, parseEvidence } from './evidenceFields'
import { checkPreference, PREFERENCE_FIELDS, preferenceShape } from './preferenceForm'

type Body = Record<string, unknown>

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
  ...preferenceShape,
  transferYear: typedText('The year of transfer')
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
  ...contactFieldNames('contact1'),
  ...contactFieldNames('contact2'),
  'kind',
  'received',
  'requestedBy',
  'reviewMeeting',
  'reviewNotice',
  'transferYear',
  'transferType',
  ...PREFERENCE_FIELDS,
  ...EVIDENCE_FIELDS,
  'caseworkerId',
]

export type IntakeResult = { ok: true; value: NewCase } | { ok: false; errors: FormErrors }

export function parseIntakeForm(body: Body, today: IsoDate): IntakeResult {
  const form = new FormErrorCollector(body, FIELD_ORDER)
  const main = caseSchema.safeParse(body)
  if (!main.success) form.addZod(main.error)
  const contacts = [parseContact(form, body, 'contact1', 'the main family contact')]
  if (hasContactDetails(body, 'contact2')) {
    contacts.push(parseContact(form, body, 'contact2', 'the second family contact'))
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

  const preference = main.success ? checkPreference(form, main.data.kind, main.data) : undefined
  if (main.success) {
    const v = main.data
    if (v.kind === 'phase_transfer') {
      if (v.transferYear === null) form.add('transferYear', 'Enter the year of transfer')
      if (v.transferType === null) form.add('transferType', 'Select the kind of move')
    }
  }

  if (!main.success || !preference || !form.empty || !dateOfBirth || !receivedOn) {
    return { ok: false, errors: form.errors() }
  }

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
      // Every contact parsed, or the form would not be empty.
      contacts: contacts.filter((c): c is NewFamilyContact => c !== null),
      kind: v.kind,
      receivedOn,
      requestedBy: REQUESTER_LABELS[v.requestedBy],
      isComplex: v.isComplex,
      ...preference,
      reviewMeetingOn,
      reviewNoticeOn,
      transferYear: v.kind === 'phase_transfer' ? v.transferYear : null,
      transferType: v.kind === 'phase_transfer' ? v.transferType : null,
      evidence,
      caseworkerId: v.caseworkerId,
    },
  }
}

import { z } from 'zod'
import { looksLikeEmail, looksLikePhone } from '../../domain/letters/settingsForm'
import {
  DEFAULT_PRIVACY_WORDING,
  privacyWordingFor,
  PRIVACY_HEADINGS,
} from '../../domain/publicPages/privacyNotice'
import {
  PRIVACY_SECTION_IDS,
  type PrivacySectionId,
  type PublicPageSettings,
} from '../../domain/publicPages/settings'
import { FormErrorCollector } from '../formErrors'
import { typedText } from '../validation'
import { dateValues, optionalText, requiredText, wholeNumber, type ParsedForm } from './forms'

const wordingField = (id: PrivacySectionId) => `privacy-${id}`

export const PUBLIC_PAGES_FIELDS = [
  'accessibilityEmail',
  'accessibilityPhone',
  'formatResponseWorkingDays',
  'statementPreparedOn',
  'statementReviewedOn',
  'dpoName',
  'dpoEmail',
  'dpoPhone',
  'dpoAddress',
  'retentionYearsAfter25',
  ...PRIVACY_SECTION_IDS.map(wordingField),
]

const MAX_ADDRESS_LINES = 8
const WORDING_MAX = 4000

const email = (label: string, missing: string) =>
  requiredText(254, missing, label).refine(
    looksLikeEmail,
    `Enter ${label.toLowerCase()} in the correct format, like name@example.org`,
  )
const phone = (label: string) =>
  optionalText(30, label).refine(
    (v) => v === null || looksLikePhone(v),
    `Enter ${label.toLowerCase()} in the correct format, like 01632 960 001`,
  )

const schema = z.object({
  accessibilityEmail: email(
    'The email address for accessibility',
    'Enter the email address for requests for another format and accessibility problems',
  ),
  accessibilityPhone: phone('The phone number for accessibility'),
  formatResponseWorkingDays: wholeNumber({
    label: 'The number of working days',
    missing: 'Enter how many working days you take to answer a request for another format',
    min: 1,
    max: 30,
  }),
  dpoName: optionalText(100, 'The data protection officer’s name'),
  dpoEmail: email(
    'The data protection officer’s email address',
    'Enter the data protection officer’s email address',
  ),
  dpoPhone: phone('The data protection officer’s phone number'),
  dpoAddress: optionalText(800, 'The data protection officer’s address', { multiLine: true })
    .transform((v) =>
      (v ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .refine(
      (lines) => lines.length <= MAX_ADDRESS_LINES,
      `The data protection officer’s address must be ${MAX_ADDRESS_LINES} lines or fewer`,
    ),
  retentionYearsAfter25: wholeNumber({
    label: 'The number of years',
    missing: 'Enter how many years a case is kept after the child’s 25th birthday',
    min: 0,
    max: 50,
  }),
  ...Object.fromEntries(
    PRIVACY_SECTION_IDS.map((id) => [
      wordingField(id),
      typedText(`The words for “${PRIVACY_HEADINGS[id]}”`, { multiLine: true, missing: 'Enter the words' })
        .trim()
        .max(
          WORDING_MAX,
          `The words for “${PRIVACY_HEADINGS[id]}” must be ${WORDING_MAX} characters or fewer`,
        )
        .optional(),
    ]),
  ),
})

const sameWords = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim()

/** The settings the form describes, or its problems in page order. */
export function parsePublicPagesForm(body: Record<string, unknown>): ParsedForm<PublicPageSettings> {
  const form = new FormErrorCollector(body, PUBLIC_PAGES_FIELDS)
  const parsed = schema.safeParse(body)
  if (!parsed.success) form.addZod(parsed.error)
  const preparedOn = form.date('statementPreparedOn', 'The date the statement was prepared', {
    required: true,
  })
  const reviewedOn = form.date('statementReviewedOn', 'The date the statement was last reviewed', {
    required: true,
  })
  if (preparedOn && reviewedOn && reviewedOn < preparedOn) {
    form.add(
      'statementReviewedOn',
      'The date the statement was last reviewed must be the same as or after the date it was prepared',
    )
  }
  if (!parsed.success || !form.empty) return { ok: false, errors: form.errors() }
  const d = parsed.data
  const privacyWording: Partial<Record<PrivacySectionId, string>> = {}
  for (const id of PRIVACY_SECTION_IDS) {
    const text = (d as Record<string, unknown>)[wordingField(id)]
    // Words left as shipped (or emptied) are not stored, so the page follows the shipped words.
    if (typeof text === 'string' && text !== '' && !sameWords(text, DEFAULT_PRIVACY_WORDING[id]))
      privacyWording[id] = text.replace(/\r\n/g, '\n')
  }
  return {
    ok: true,
    value: {
      accessibilityEmail: d.accessibilityEmail,
      accessibilityPhone: d.accessibilityPhone ?? '',
      formatResponseWorkingDays: d.formatResponseWorkingDays,
      statementPreparedOn: preparedOn,
      statementReviewedOn: reviewedOn,
      dpo: { name: d.dpoName ?? '', email: d.dpoEmail, phone: d.dpoPhone ?? '', address: d.dpoAddress },
      retentionYearsAfter25: d.retentionYearsAfter25,
      privacyWording,
    },
  }
}

/** The stored settings as the form's values; each privacy section shows the words the page reads. */
export function publicPagesFormValues(s: PublicPageSettings, version: number): Record<string, unknown> {
  return {
    version: String(version),
    accessibilityEmail: s.accessibilityEmail,
    accessibilityPhone: s.accessibilityPhone,
    formatResponseWorkingDays: String(s.formatResponseWorkingDays),
    ...dateValues('statementPreparedOn', s.statementPreparedOn),
    ...dateValues('statementReviewedOn', s.statementReviewedOn),
    dpoName: s.dpo.name,
    dpoEmail: s.dpo.email,
    dpoPhone: s.dpo.phone,
    dpoAddress: s.dpo.address.join('\n'),
    retentionYearsAfter25: String(s.retentionYearsAfter25),
    ...Object.fromEntries(PRIVACY_SECTION_IDS.map((id) => [wordingField(id), privacyWordingFor(s, id)])),
  }
}

export const PRIVACY_WORDING_FIELDS = PRIVACY_SECTION_IDS.map((id) => ({
  id,
  field: wordingField(id),
  heading: PRIVACY_HEADINGS[id],
}))

import { z } from 'zod'
import type { CaseDetail } from '../../services/records'
import type { NewFamilyContact } from '../../domain/caseIntake'
import type { FamilyContactsChange } from '../../services/cases'
import { FAMILY_RELATIONSHIPS, LETTER_FORMATS } from '../../domain/vocabulary'
import { FormErrorCollector } from '../formErrors'
import { typedText, type FormErrors } from '../validation'

type Body = Record<string, unknown>

/** A text field that may be left blank: blank is stored as null. Shared by the case forms. */
export const optionalText = (max: number, label: string, options: { multiLine?: boolean } = {}) =>
  typedText(label, options)
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => (v === '' ? null : v))
    .optional()
    .transform((v) => v ?? null)

export const requiredText = (max: number, empty: string, label: string) =>
  typedText(label, { missing: empty })
    .trim()
    .min(1, empty)
    .max(max, `${label} must be ${max} characters or fewer`)

/** A contact's fields are named `<prefix><suffix>`: contact1Name, newContactEmail. */
export const CONTACT_FIELD_SUFFIXES = [
  'Name',
  'Relationship',
  'Address',
  'Email',
  'Phone',
  'Language',
  'Interpreter',
  'LetterFormat',
] as const

export const contactFieldNames = (prefix: string) => CONTACT_FIELD_SUFFIXES.map((s) => `${prefix}${s}`)

/** `who` names the contact in messages: "the main family contact", "family contact 2". */
function contactSchema(who: string) {
  return z
    .object({
      Name: requiredText(200, `Enter the name of ${who}`, `The name of ${who}`),
      Relationship: z.enum(FAMILY_RELATIONSHIPS, { error: `Select how ${who} is related to the child` }),
      Address: optionalText(500, `The address of ${who}`, { multiLine: true }),
      Email: typedText(`The email address of ${who}`)
        .trim()
        .max(254, `The email address of ${who} must be 254 characters or fewer`)
        .refine((v) => v === '' || z.email().safeParse(v).success, {
          error: `Enter the email address of ${who} in the correct format, like name@example.org`,
        })
        .optional(),
      Phone: typedText(`The phone number of ${who}`)
        .trim()
        .max(30, `The phone number of ${who} must be 30 characters or fewer`)
        .refine((v) => v === '' || /^[+()\d\s-]{7,}$/.test(v), {
          error: `Enter the phone number of ${who}, like 01632 960 001 or 07700 900 982`,
        })
        .optional(),
      Language: requiredText(60, `Enter the language ${who} prefers`, `The language of ${who}`),
      Interpreter: z.enum(['yes', 'no'], { error: `Select whether ${who} needs an interpreter` }),
      LetterFormat: z.enum(LETTER_FORMATS, { error: `Select the letter format ${who} needs` }),
    })
    .superRefine((v, ctx) => {
      if (!v.Address && !v.Email) {
        ctx.addIssue({
          code: 'custom',
          path: ['Address'],
          message: `Enter an address or an email address for ${who}, so that letters reach them`,
        })
      }
    })
}

/**
 * Whether anything was typed for an optional contact. The language and letter format are filled in
 * for the caseworker, so they alone do not count.
 */
export function hasContactDetails(body: Body, prefix: string): boolean {
  return ['Name', 'Address', 'Email', 'Phone'].some((f) => String(body[`${prefix}${f}`] ?? '').trim() !== '')
}

/** One contact's fields, checked as at intake; its problems are recorded against its fields. */
export function parseContact(
  form: FormErrorCollector,
  body: Body,
  prefix: string,
  who: string,
): NewFamilyContact | null {
  const fields = Object.fromEntries(CONTACT_FIELD_SUFFIXES.map((s) => [s, body[`${prefix}${s}`]]))
  const parsed = contactSchema(who).safeParse(fields)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) form.add(`${prefix}${String(issue.path[0])}`, issue.message)
    return null
  }
  const v = parsed.data
  return {
    fullName: v.Name,
    relationship: v.Relationship,
    address: v.Address,
    email: v.Email || null,
    phone: v.Phone || null,
    preferredLanguage: v.Language,
    needsInterpreter: v.Interpreter === 'yes',
    letterFormat: v.LetterFormat,
  }
}

/** What is filled in for a contact not yet typed. */
const NEW_CONTACT_DEFAULTS = (prefix: string) => ({
  [`${prefix}Language`]: 'English',
  [`${prefix}LetterFormat`]: 'standard',
})

export const NEW_CONTACT = 'newContact'
/** Far more than any family has; a bound on what a posted form can make the server read. */
const MAX_CONTACTS = 20

/** The family contacts as stored, into the form: one numbered set of fields each, its id hidden. */
export function contactsFormValues(contacts: CaseDetail['contacts']): Record<string, string> {
  const values: Record<string, string> = { ...NEW_CONTACT_DEFAULTS(NEW_CONTACT) }
  contacts.forEach((c, i) => {
    const p = `contact${i + 1}`
    Object.assign(values, {
      [`${p}Id`]: c.id,
      [`${p}Name`]: c.fullName,
      [`${p}Relationship`]: c.relationship,
      [`${p}Address`]: c.address ?? '',
      [`${p}Email`]: c.email ?? '',
      [`${p}Phone`]: c.phone ?? '',
      [`${p}Language`]: c.preferredLanguage,
      [`${p}Interpreter`]: c.needsInterpreter ? 'yes' : 'no',
      [`${p}LetterFormat`]: c.letterFormat,
    })
    if (c.isMainContact) values.mainContact = c.id
  })
  return values
}

/** The ids of the contacts the form was shown with, in the order shown. */
function postedContactIds(body: Body): string[] {
  const ids: string[] = []
  for (let n = 1; n <= MAX_CONTACTS; n++) {
    const id = body[`contact${n}Id`]
    if (typeof id !== 'string' || id === '') break
    ids.push(id)
  }
  return ids
}

/**
 * The family contacts form: each contact shown is kept (and checked as at intake) or removed, one may be
 * added, at least one must remain, and exactly one of those remaining is the main contact.
 */
export function parseContactsForm(
  body: Body,
): { ok: true; value: FamilyContactsChange } | { ok: false; errors: FormErrors } {
  const ids = postedContactIds(body)
  const order = [
    ...ids.flatMap((_, i) => [...contactFieldNames(`contact${i + 1}`), `contact${i + 1}Remove`]),
    ...contactFieldNames(NEW_CONTACT),
    'mainContact',
  ]
  const form = new FormErrorCollector(body, order)
  const kept: FamilyContactsChange['kept'] = []
  const removedIds: string[] = []
  ids.forEach((id, i) => {
    const prefix = `contact${i + 1}`
    if (body[`${prefix}Remove`] === 'yes') {
      removedIds.push(id)
      return
    }
    const contact = parseContact(form, body, prefix, `family contact ${i + 1}`)
    if (contact) kept.push({ ...contact, id })
  })
  const adding = hasContactDetails(body, NEW_CONTACT)
  const added = adding ? parseContact(form, body, NEW_CONTACT, 'the new family contact') : null

  if (ids.length === removedIds.length && !adding) {
    const firstRemoved = ids.findIndex((id) => removedIds.includes(id))
    form.add(
      firstRemoved >= 0 ? `contact${firstRemoved + 1}Remove` : `${NEW_CONTACT}Name`,
      'A child must have at least one family contact: keep one, or add a new one',
    )
  }
  const main = typeof body.mainContact === 'string' ? body.mainContact : ''
  if (main === 'new' && !adding) {
    form.add('mainContact', 'Enter the new family contact’s details, or select another main contact')
  } else if (removedIds.includes(main)) {
    form.add('mainContact', 'Select a main contact who is not being removed')
  } else if (main !== 'new' && !ids.includes(main)) {
    form.add('mainContact', 'Select the main contact')
  }

  if (!form.empty) return { ok: false, errors: form.errors() }
  return { ok: true, value: { kept, removedIds, added, mainContact: main } }
}

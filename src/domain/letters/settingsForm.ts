import { readability, type JargonTerm } from '../readability'
import { controlCharactersMessage, hasControlCharacters } from '../textInput'
import type { LetterSettings } from './types'

/** The letter settings form's fields, in the order the page shows them. */
export const SETTINGS_FIELDS = [
  'councilName',
  'councilAddress',
  'sendTeamPhone',
  'sendTeamEmail',
  'informationAdviceName',
  'informationAdvicePhone',
  'informationAdviceEmail',
  'informationAdviceWebsite',
  'mediationName',
  'mediationPhone',
  'mediationEmail',
  'disagreementResolutionName',
  'disagreementResolutionPhone',
  'disagreementResolutionEmail',
  'tribunalUrl',
  'complaintsUrl',
  'signatureName',
  'signatureJobTitle',
  'followUpWorkingDays',
  'localOfferWords',
] as const
export type SettingsField = (typeof SETTINGS_FIELDS)[number]
export type SettingsForm = Record<SettingsField, string>

export const MAX_ADDRESS_LINES = 8
const ADDRESS_LINE_MAX = 100

interface Rule {
  kind: 'text' | 'phone' | 'email' | 'web'
  label: string
  required: boolean
  max?: number
}

/**
 * What each field holds, named as its messages say it. Only the SEND team's contacts are required of
 * the services: the letter always gives them. A service left blank is reported as a right the letter
 * leaves out (rights.ts), which is what an admin needs to know, rather than refused here.
 */
const RULES: Record<
  Exclude<SettingsField, 'councilAddress' | 'followUpWorkingDays' | 'localOfferWords'>,
  Rule
> = {
  councilName: { kind: 'text', label: 'the council’s name', required: true, max: 200 },
  sendTeamPhone: { kind: 'phone', label: 'the SEND team’s phone number', required: true },
  sendTeamEmail: { kind: 'email', label: 'the SEND team’s email address', required: true },
  informationAdviceName: { kind: 'text', label: 'the advice service’s name', required: false, max: 200 },
  informationAdvicePhone: { kind: 'phone', label: 'the advice service’s phone number', required: false },
  informationAdviceEmail: { kind: 'email', label: 'the advice service’s email address', required: false },
  informationAdviceWebsite: { kind: 'web', label: 'the advice service’s website', required: false },
  mediationName: { kind: 'text', label: 'the mediation service’s name', required: false, max: 200 },
  mediationPhone: { kind: 'phone', label: 'the mediation service’s phone number', required: false },
  mediationEmail: { kind: 'email', label: 'the mediation service’s email address', required: false },
  disagreementResolutionName: {
    kind: 'text',
    label: 'the disagreement resolution service’s name',
    required: false,
    max: 200,
  },
  disagreementResolutionPhone: {
    kind: 'phone',
    label: 'the disagreement resolution service’s phone number',
    required: false,
  },
  disagreementResolutionEmail: {
    kind: 'email',
    label: 'the disagreement resolution service’s email address',
    required: false,
  },
  tribunalUrl: { kind: 'web', label: 'the tribunal’s web address', required: false },
  complaintsUrl: { kind: 'web', label: 'the web address of the council’s complaints page', required: false },
  signatureName: {
    kind: 'text',
    label: 'the name of the person who signs the letters',
    required: true,
    max: 100,
  },
  signatureJobTitle: {
    kind: 'text',
    label: 'the job title of the person who signs the letters',
    required: true,
    max: 100,
  },
}

const MAX_BY_KIND = { text: 200, phone: 30, email: 254, web: 500 }

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Each field named as a heading, for showing the settings as saved. */
export function settingsFieldLabel(field: SettingsField): string {
  if (field === 'councilAddress') return 'The council’s address'
  if (field === 'followUpWorkingDays') return 'Working days before the caseworker calls'
  if (field === 'localOfferWords') return 'The words about the local offer'
  return capitalised(RULES[field].label)
}

/** UK numbers have 10 or 11 digits; +44 and a bracketed (0) make up to 13. */
export function looksLikePhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length
  return /^\+?[\d ()]+$/.test(value) && digits >= 10 && digits <= 13
}

export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value)

function looksLikeWebAddress(value: string): boolean {
  if (!value.startsWith('https://') || /\s/.test(value) || !URL.canParse(value)) return false
  return new URL(value).hostname.includes('.')
}

function fieldProblem(rule: Rule, value: string): string | undefined {
  if (value === '') return rule.required ? `Enter ${rule.label}` : undefined
  const max = rule.max ?? MAX_BY_KIND[rule.kind]
  if (value.length > max) return `${capitalised(rule.label)} must be ${max} characters or fewer`
  if (rule.kind === 'phone' && !looksLikePhone(value)) {
    return `Enter ${rule.label} in the correct format, like 01632 960 001 or +44 808 157 0192`
  }
  if (rule.kind === 'email' && !looksLikeEmail(value)) {
    return `Enter ${rule.label} in the correct format, like name@example.org`
  }
  if (rule.kind === 'web' && !looksLikeWebAddress(value)) {
    return `Enter ${rule.label} in the correct format, starting with https://`
  }
  return undefined
}

export function addressLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

function addressProblem(text: string): string | undefined {
  const lines = addressLines(text)
  if (lines.length === 0) return 'Enter the council’s address'
  if (lines.length > MAX_ADDRESS_LINES)
    return `The council’s address must be ${MAX_ADDRESS_LINES} lines or fewer`
  if (lines.some((line) => line.length > ADDRESS_LINE_MAX)) {
    return `Each line of the council’s address must be ${ADDRESS_LINE_MAX} characters or fewer`
  }
  return undefined
}

function followUpProblem(text: string): string | undefined {
  if (text === '') return 'Enter the number of working days'
  if (!/^\d+$/.test(text)) return 'The number of working days must be a whole number'
  const days = Number(text)
  return days >= 1 && days <= 30 ? undefined : 'The number of working days must be between 1 and 30'
}

const WORDING_MAX = 500

/**
 * The council's own words go into every letter a family reads, so they are held to the letters' own
 * standard: reading ease 70 or more, no sentence of 20 words or more, and no word from the jargon list.
 * Web addresses are left out of the score: a family does not read them aloud.
 */
export function wordingProblem(text: string, jargon: readonly JargonTerm[]): string | undefined {
  if (text === '') return undefined
  if (text.length > WORDING_MAX)
    return `The words for every letter must be ${WORDING_MAX} characters or fewer`
  const report = readability(text.replace(/https?:\/\/\S+/g, 'it'), jargon)
  const hard: string[] = []
  if (report.score !== null && report.score < 70)
    hard.push(`their reading ease is ${report.score}, and should be 70 or more`)
  if (report.longSentences.length > 0) hard.push('split sentences of 20 words or more')
  for (const j of report.jargon) hard.push(`use “${j.plainer}” rather than “${j.term}”`)
  if (hard.length) return `The words for every letter are hard to read: ${hard.join('; ')}`
  // Young people of 16 or over get letters about themselves, so these words must fit them too.
  if (/\byour (child|son|daughter)/i.test(text))
    return 'The words for every letter also go to young people about themselves: write “you” rather than “your child”'
  return undefined
}

/** A form's values as strings, trimmed; anything else posted (or nothing) is an empty box. */
export function settingsFormFrom(body: Record<string, unknown>): SettingsForm {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
  return Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, text(body[f])])) as SettingsForm
}

export function settingsFormValues(s: LetterSettings): SettingsForm {
  return {
    councilName: s.councilName,
    councilAddress: s.councilAddress.join('\n'),
    sendTeamPhone: s.sendTeam.phone,
    sendTeamEmail: s.sendTeam.email,
    informationAdviceName: s.informationAdvice.name,
    informationAdvicePhone: s.informationAdvice.phone,
    informationAdviceEmail: s.informationAdvice.email,
    informationAdviceWebsite: s.informationAdvice.website,
    mediationName: s.mediation.name,
    mediationPhone: s.mediation.phone,
    mediationEmail: s.mediation.email,
    disagreementResolutionName: s.disagreementResolution.name,
    disagreementResolutionPhone: s.disagreementResolution.phone,
    disagreementResolutionEmail: s.disagreementResolution.email,
    tribunalUrl: s.tribunalUrl,
    complaintsUrl: s.complaintsUrl,
    signatureName: s.signature.name,
    signatureJobTitle: s.signature.jobTitle,
    followUpWorkingDays: String(s.followUpWorkingDays),
    localOfferWords: s.localOfferWords,
  }
}

function toSettings(f: SettingsForm): LetterSettings {
  return {
    councilName: f.councilName,
    councilAddress: addressLines(f.councilAddress),
    sendTeam: { phone: f.sendTeamPhone, email: f.sendTeamEmail },
    informationAdvice: {
      name: f.informationAdviceName,
      phone: f.informationAdvicePhone,
      email: f.informationAdviceEmail,
      website: f.informationAdviceWebsite,
    },
    mediation: { name: f.mediationName, phone: f.mediationPhone, email: f.mediationEmail },
    disagreementResolution: {
      name: f.disagreementResolutionName,
      phone: f.disagreementResolutionPhone,
      email: f.disagreementResolutionEmail,
    },
    tribunalUrl: f.tribunalUrl,
    complaintsUrl: f.complaintsUrl,
    signature: { name: f.signatureName, jobTitle: f.signatureJobTitle },
    followUpWorkingDays: Number(f.followUpWorkingDays),
    localOfferWords: f.localOfferWords,
  }
}

export interface SettingsProblem {
  field: SettingsField
  message: string
}

/** The settings the form describes, or its problems in page order. */
export function checkSettingsForm(
  f: SettingsForm,
  jargon: readonly JargonTerm[] = [],
): { ok: true; settings: LetterSettings } | { ok: false; problems: SettingsProblem[] } {
  const multiLine = new Set<SettingsField>(['councilAddress', 'localOfferWords'])
  const problems = SETTINGS_FIELDS.flatMap((field) => {
    const label =
      field === 'councilAddress'
        ? 'the council’s address'
        : field === 'localOfferWords'
          ? 'the words for every letter'
          : field === 'followUpWorkingDays'
            ? 'the number of working days'
            : RULES[field].label
    const message = hasControlCharacters(f[field], multiLine.has(field))
      ? controlCharactersMessage(capitalised(label))
      : field === 'councilAddress'
        ? addressProblem(f[field])
        : field === 'followUpWorkingDays'
          ? followUpProblem(f[field])
          : field === 'localOfferWords'
            ? wordingProblem(f[field], jargon)
            : fieldProblem(RULES[field], f[field])
    return message ? [{ field, message }] : []
  })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: toSettings(f) }
}

/** The fields whose saved value would change: an address differing only in blank lines is the same. */
export function changedFields(before: LetterSettings, after: LetterSettings): SettingsField[] {
  const [a, b] = [settingsFormValues(before), settingsFormValues(after)]
  return SETTINGS_FIELDS.filter((field) => a[field] !== b[field])
}

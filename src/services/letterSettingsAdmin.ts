import type { DataLayer } from '../data'
import { listJargon } from '../data/jargon'
import { recordAuditEvent } from '../data/audit'
import {
  loadLetterSettings,
  loadLogo,
  removeLogo,
  saveLetterSettings,
  saveLogo,
  type StoredLetterSettings,
} from '../data/letterSettings'
import type { User } from '../data/users'
import type { IsoDate } from '../domain/dates'
import { decisionLetter } from '../domain/letters/decisionLetter'
import { issueProblems } from '../domain/letters/rights'
import {
  changedFields,
  checkSettingsForm,
  type SettingsForm,
  type SettingsProblem,
} from '../domain/letters/settingsForm'
import type { LetterFacts, LetterSettings } from '../domain/letters/types'
import { LOGO_MESSAGES, logoProblem } from '../letters/logoImage'
import type { Clock } from './clock'
import type { InvalidAnswers, Result, Stale } from './result'

export type SettingsSave = Result<
  object,
  (InvalidAnswers & { problems: SettingsProblem[] }) | (Stale & { message: string })
>

/** What the browser sent for the logo: the file, one over the size limit (not read), or none. */
export type LogoUpload = { bytes: Buffer } | 'too-large' | 'none'

export type LogoSave = { ok: true } | { ok: false; message: string }

export const STALE_SETTINGS_MESSAGE =
  'Someone else saved the letter settings after you opened this page. Your changes were not saved. Open the page again to see theirs, then make your changes.'

const AUDIT_ENTITY = { entityType: 'letter_settings', entityId: '1' } as const

/**
 * A refusal to assess, as a family would get it; the check below also tries one decision of each
 * other kind of appeal right, so that it shows what any letter would leave out.
 */
function sampleFacts(letterDate: IsoDate): LetterFacts {
  return {
    kind: 'assessment_request',
    outcome: 'refuse_to_assess',
    child: { firstName: 'Sam', lastName: 'Taylor' },
    reference: 'SAMPLE',
    addressee: { name: 'Jo Taylor', addressLines: ['1 Sample Street', 'Anytown'] },
    letterDate,
    reasons: [
      'Sam is making good progress with the help his school gives him.',
      'His school has not yet tried all the support it can give.',
    ],
    matchesPreference: false,
    familyAsked: 'We want Sam’s needs assessed because he is finding reading hard.',
    preferredSetting: null,
    namedSetting: null,
    toYoungPerson: false,
    disagreementGround: null,
    disagreementExplanation: 'We think his school can meet his needs for now.',
    conditions: null,
    deferral: null,
    dueDates: {},
    caseworker: { name: 'Sample Caseworker', phone: null, email: 'caseworker@example.org' },
    bankHolidays: new Set(),
    // Only the rights the letter gives are checked, so any address will do.
    privacyUrl: 'https://panel.example.org/privacy',
  }
}

/**
 * The admin's letter settings: the council's details and where families get help, which every
 * decision letter gives. None of the fields is prose a family reads as such (they are names, contacts
 * and a job title), so they are checked for format rather than for readability.
 */
export function letterSettingsAdminService(data: DataLayer, clock: Clock) {
  const { db } = data

  /** Why letters made with these settings could not be issued; none when they can. */
  const issueCheck = (settings: LetterSettings): string[] => {
    const sample = sampleFacts(clock.today())
    const letters = [
      sample,
      { ...sample, kind: 'issue_plan' as const, outcome: 'issue_plan', matchesPreference: true },
      { ...sample, outcome: 'agree_to_assess', matchesPreference: true },
    ].map((facts) => decisionLetter(facts, settings))
    return [...new Set(letters.flatMap(issueProblems))]
  }

  return {
    issueCheck,

    async page(): Promise<StoredLetterSettings & { issueProblems: string[] }> {
      const stored = await loadLetterSettings(db)
      return { ...stored, issueProblems: issueCheck(stored.settings) }
    },

    /** Saves every text setting at once if no one saved since `version`; unchanged settings write nothing. */
    async save(actor: User, form: SettingsForm, version: number): Promise<SettingsSave> {
      const checked = checkSettingsForm(form, await listJargon(db))
      if (!checked.ok) return { ok: false, reason: 'invalid', problems: checked.problems }
      const stale = { ok: false, reason: 'stale', message: STALE_SETTINGS_MESSAGE } as const
      return db.transaction(async (trx): Promise<SettingsSave> => {
        const before = await loadLetterSettings(trx)
        if (before.version !== version) return stale
        const changed = changedFields(before.settings, checked.settings)
        if (changed.length === 0) return { ok: true }
        // The version in the update's condition catches a save that lands between the read and here.
        if (!(await saveLetterSettings(trx, checked.settings, version, actor.id))) return stale
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'letter_settings_changed',
          ...AUDIT_ENTITY,
          details: { fields: changed.join(', '), version: version + 1 },
        })
        return { ok: true }
      })
    },

    logo() {
      return loadLogo(db)
    },

    async replaceLogo(actor: User, upload: LogoUpload): Promise<LogoSave> {
      if (upload === 'none') return { ok: false, message: LOGO_MESSAGES.missing }
      if (upload === 'too-large') return { ok: false, message: LOGO_MESSAGES.tooLarge }
      const checked = logoProblem(upload.bytes)
      if ('message' in checked) return { ok: false, message: checked.message }
      await db.transaction(async (trx) => {
        await saveLogo(trx, { image: upload.bytes, type: checked.type }, actor.id)
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'letter_logo_changed',
          ...AUDIT_ENTITY,
          details: { type: checked.type, bytes: upload.bytes.length },
        })
      })
      return { ok: true }
    },

    /** False when there was no logo to remove. */
    removeLogo(actor: User): Promise<boolean> {
      return db.transaction(async (trx) => {
        if (!(await removeLogo(trx, actor.id))) return false
        await recordAuditEvent(trx, { actorUserId: actor.id, action: 'letter_logo_removed', ...AUDIT_ENTITY })
        return true
      })
    },
  }
}

export type LetterSettingsAdminService = ReturnType<typeof letterSettingsAdminService>

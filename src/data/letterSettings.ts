import type { Executor, Transaction } from './db'
import type { LetterSettingsRow } from './tables'
import type { LetterSettings } from '../domain/letters/types'

export interface StoredLetterSettings {
  settings: LetterSettings
  version: number
  hasLogo: boolean
}

const COLUMNS = [
  'council_name',
  'council_address',
  'send_team_phone',
  'send_team_email',
  'information_advice_name',
  'information_advice_phone',
  'information_advice_email',
  'information_advice_website',
  'mediation_name',
  'mediation_phone',
  'mediation_email',
  'disagreement_resolution_name',
  'disagreement_resolution_phone',
  'disagreement_resolution_email',
  'tribunal_url',
  'complaints_url',
  'signature_name',
  'signature_job_title',
  'follow_up_working_days',
  'local_offer_words',
  'version',
] as const

type SettingsRow = Pick<LetterSettingsRow, (typeof COLUMNS)[number]>

function toSettings(r: SettingsRow): LetterSettings {
  return {
    councilName: r.council_name,
    councilAddress: r.council_address.split('\n').filter((line) => line.trim() !== ''),
    sendTeam: { phone: r.send_team_phone, email: r.send_team_email },
    informationAdvice: {
      name: r.information_advice_name,
      phone: r.information_advice_phone,
      email: r.information_advice_email,
      website: r.information_advice_website,
    },
    mediation: { name: r.mediation_name, phone: r.mediation_phone, email: r.mediation_email },
    disagreementResolution: {
      name: r.disagreement_resolution_name,
      phone: r.disagreement_resolution_phone,
      email: r.disagreement_resolution_email,
    },
    tribunalUrl: r.tribunal_url,
    complaintsUrl: r.complaints_url,
    signature: { name: r.signature_name, jobTitle: r.signature_job_title },
    followUpWorkingDays: r.follow_up_working_days,
    localOfferWords: r.local_offer_words,
  }
}

export function settingsColumns(s: LetterSettings): Record<string, unknown> {
  return {
    council_name: s.councilName,
    council_address: s.councilAddress.join('\n'),
    send_team_phone: s.sendTeam.phone,
    send_team_email: s.sendTeam.email,
    information_advice_name: s.informationAdvice.name,
    information_advice_phone: s.informationAdvice.phone,
    information_advice_email: s.informationAdvice.email,
    information_advice_website: s.informationAdvice.website,
    mediation_name: s.mediation.name,
    mediation_phone: s.mediation.phone,
    mediation_email: s.mediation.email,
    disagreement_resolution_name: s.disagreementResolution.name,
    disagreement_resolution_phone: s.disagreementResolution.phone,
    disagreement_resolution_email: s.disagreementResolution.email,
    tribunal_url: s.tribunalUrl,
    complaints_url: s.complaintsUrl,
    signature_name: s.signature.name,
    signature_job_title: s.signature.jobTitle,
    follow_up_working_days: s.followUpWorkingDays,
    local_offer_words: s.localOfferWords,
  }
}

/** The settings are one row, id 1, which the migration that made the table wrote. */
const NO_SETTINGS_ROW = 'letter_settings has no row: run the migrations'

export async function loadLetterSettings(trx: Executor): Promise<StoredLetterSettings> {
  const row = await trx<LetterSettingsRow>('letter_settings')
    .where({ id: 1 })
    .first<(SettingsRow & { has_logo: boolean }) | undefined>([
      ...COLUMNS,
      trx.raw('logo is not null as has_logo'),
    ])
  if (!row) throw new Error(NO_SETTINGS_ROW)
  return { settings: toSettings(row), version: row.version, hasLogo: row.has_logo }
}

export async function loadLogo(trx: Executor): Promise<{ image: Buffer; type: string } | null> {
  const row = await trx<LetterSettingsRow>('letter_settings').where({ id: 1 }).first('logo', 'logo_type')
  if (!row) throw new Error(NO_SETTINGS_ROW)
  return row.logo && row.logo_type ? { image: Buffer.from(row.logo), type: row.logo_type } : null
}

/** Saves the settings if still at the version given; false when someone saved in between. */
export async function saveLetterSettings(
  trx: Transaction,
  s: LetterSettings,
  version: number,
  updatedBy: string,
): Promise<boolean> {
  const rows = await trx<LetterSettingsRow>('letter_settings')
    .where({ id: 1, version })
    .update({
      ...settingsColumns(s),
      version: trx.raw('version + 1'),
      updated_by: updatedBy,
      updated_at: trx.fn.now(),
    })
    .returning('id')
  return rows.length > 0
}

/** Keeps the version as it was: that guards the text settings, and a new logo makes no one's form stale. */
export async function saveLogo(
  trx: Transaction,
  logo: { image: Buffer; type: 'image/png' | 'image/jpeg' },
  updatedBy: string,
): Promise<void> {
  await trx<LetterSettingsRow>('letter_settings')
    .where({ id: 1 })
    .update({ logo: logo.image, logo_type: logo.type, updated_by: updatedBy, updated_at: trx.fn.now() })
}

/** False when there was no logo to remove. */
export async function removeLogo(trx: Transaction, updatedBy: string): Promise<boolean> {
  const rows = await trx<LetterSettingsRow>('letter_settings')
    .where({ id: 1 })
    .whereNotNull('logo')
    .update({ logo: null, logo_type: null, updated_by: updatedBy, updated_at: trx.fn.now() })
    .returning('id')
  return rows.length > 0
}

import type { Executor, Transaction } from './db'
import type { PublicPageSettingsRow } from './tables'
import {
  PRIVACY_SECTION_IDS,
  type PrivacySectionId,
  type PublicPageSettings,
} from '../domain/publicPages/settings'

export interface StoredPublicPageSettings {
  settings: PublicPageSettings
  version: number
}

/** jsonb comes back parsed on pg and PGlite alike; anything but a known section's text is dropped. */
function wordingFrom(value: unknown): Partial<Record<PrivacySectionId, string>> {
  const raw = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown> | null
  const wording: Partial<Record<PrivacySectionId, string>> = {}
  for (const id of PRIVACY_SECTION_IDS) {
    const text = raw?.[id]
    if (typeof text === 'string' && text.trim() !== '') wording[id] = text
  }
  return wording
}

function toSettings(r: PublicPageSettingsRow): PublicPageSettings {
  return {
    accessibilityEmail: r.accessibility_email,
    accessibilityPhone: r.accessibility_phone,
    formatResponseWorkingDays: r.format_response_working_days,
    statementPreparedOn: r.statement_prepared_on,
    statementReviewedOn: r.statement_reviewed_on,
    dpo: {
      name: r.dpo_name,
      email: r.dpo_email,
      phone: r.dpo_phone,
      address: r.dpo_address.split('\n').filter((line) => line.trim() !== ''),
    },
    retentionYearsAfter25: r.retention_years_after_25,
    privacyWording: wordingFrom(r.privacy_wording),
  }
}

export function publicPageSettingsColumns(s: PublicPageSettings): Record<string, unknown> {
  return {
    accessibility_email: s.accessibilityEmail,
    accessibility_phone: s.accessibilityPhone,
    format_response_working_days: s.formatResponseWorkingDays,
    statement_prepared_on: s.statementPreparedOn,
    statement_reviewed_on: s.statementReviewedOn,
    dpo_name: s.dpo.name,
    dpo_email: s.dpo.email,
    dpo_phone: s.dpo.phone,
    dpo_address: s.dpo.address.join('\n'),
    retention_years_after_25: s.retentionYearsAfter25,
    privacy_wording: JSON.stringify(s.privacyWording),
  }
}

export async function loadPublicPageSettings(trx: Executor): Promise<StoredPublicPageSettings> {
  const row = await trx<PublicPageSettingsRow>('public_page_settings').where({ id: 1 }).first()
  if (!row) throw new Error('public_page_settings has no row: run the migrations')
  return { settings: toSettings(row), version: row.version }
}

/** Saves the settings if still at the version given; false when someone saved in between. */
export async function savePublicPageSettings(
  trx: Transaction,
  s: PublicPageSettings,
  version: number,
  updatedBy: string,
): Promise<boolean> {
  const rows = await trx('public_page_settings')
    .where({ id: 1, version })
    .update({
      ...publicPageSettingsColumns(s),
      version: trx.raw('version + 1'),
      updated_by: updatedBy,
      updated_at: trx.fn.now(),
    })
    .returning('id')
  return rows.length > 0
}

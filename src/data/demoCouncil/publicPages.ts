import type { Transaction } from '../db'
import { publicPageSettingsColumns } from '../publicPageSettings'
import type { IsoDate } from '../../domain/dates'
import { DEFAULT_RETENTION_YEARS_AFTER_25 } from '../../domain/publicPages/settings'

/** The demo council's contacts for its public pages; the privacy notice keeps the shipped words. */
export async function insertPublicPageSettings(trx: Transaction, today: IsoDate): Promise<void> {
  await trx('public_page_settings')
    .where({ id: 1 })
    .update(
      publicPageSettingsColumns({
        accessibilityEmail: 'accessibility@northshire.example.org',
        accessibilityPhone: '01632 960100',
        formatResponseWorkingDays: 10,
        statementPreparedOn: today,
        statementReviewedOn: today,
        dpo: {
          name: 'Sam Okafor',
          email: 'dpo@northshire.example.org',
          phone: '01632 960150',
          address: ['Data Protection Officer', 'County Hall', 'Ashcombe', 'AS1 1AA'],
        },
        retentionYearsAfter25: DEFAULT_RETENTION_YEARS_AFTER_25,
        privacyWording: {},
      }),
    )
}

import type { DataLayer } from '../data'
import { recordAuditEvent } from '../data/audit'
import { loadLetterSettings } from '../data/letterSettings'
import {
  loadPublicPageSettings,
  publicPageSettingsColumns,
  savePublicPageSettings,
  type StoredPublicPageSettings,
} from '../data/publicPageSettings'
import type { User } from '../data/users'
import { privacyNotice, type NoticeSection } from '../domain/publicPages/privacyNotice'
import type { PublicPageSettings } from '../domain/publicPages/settings'

export type PublicPageSettingsSave = { ok: true } | { ok: false; reason: 'stale'; message: string }

export const STALE_PUBLIC_PAGES_MESSAGE =
  'Someone else saved these settings after you opened this page. Your changes were not saved. Check what they saved, shown below, then make your changes again.'

export interface PublicPagesView {
  councilName: string
  settings: PublicPageSettings
  /** Where to ask for another format or report a problem: the accessibility contact, or the SEND team's. */
  contact: { email: string; phone: string }
  privacy: NoticeSection[]
}

/**
 * The accessibility statement, the privacy notice and the cookies page, which anyone may read, and
 * the admin's settings for them. The council's name and the SEND team's contacts come from the letter
 * settings, so that they are set in one place.
 */
export function publicPagesService(data: DataLayer) {
  const { db } = data

  return {
    async view(fallbackCouncilName: string): Promise<PublicPagesView> {
      const [{ settings }, letters] = await Promise.all([loadPublicPageSettings(db), loadLetterSettings(db)])
      const councilName = letters.settings.councilName.trim() || fallbackCouncilName
      const sendTeam = letters.settings.sendTeam
      const contact = settings.accessibilityEmail
        ? { email: settings.accessibilityEmail, phone: settings.accessibilityPhone }
        : { email: sendTeam.email, phone: settings.accessibilityPhone || sendTeam.phone }
      return { councilName, settings, contact, privacy: privacyNotice(councilName, settings, sendTeam) }
    },

    settings(): Promise<StoredPublicPageSettings> {
      return loadPublicPageSettings(db)
    },

    /** Saves every setting at once if no one saved since `version`; unchanged settings write nothing. */
    save(actor: User, settings: PublicPageSettings, version: number): Promise<PublicPageSettingsSave> {
      const stale = { ok: false, reason: 'stale', message: STALE_PUBLIC_PAGES_MESSAGE } as const
      return db.transaction(async (trx): Promise<PublicPageSettingsSave> => {
        const before = await loadPublicPageSettings(trx)
        if (before.version !== version) return stale
        const [a, b] = [publicPageSettingsColumns(before.settings), publicPageSettingsColumns(settings)]
        const changed = Object.keys(b).filter((column) => a[column] !== b[column])
        if (changed.length === 0) return { ok: true }
        // The version in the update's condition catches a save that lands between the read and here.
        if (!(await savePublicPageSettings(trx, settings, version, actor.id))) return stale
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'public_page_settings_changed',
          entityType: 'public_page_settings',
          entityId: '1',
          details: { fields: changed.join(', '), version: version + 1 },
        })
        return { ok: true }
      })
    },
  }
}

export type PublicPagesService = ReturnType<typeof publicPagesService>

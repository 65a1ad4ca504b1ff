import crypto from 'node:crypto'
import type { DataLayer } from '../data'
import type { User } from '../data/users'
import type { CalendarPanel, CalendarSitting } from '../data/sittingCalendar'
import { recordAuditEvent } from '../data/audit'
import { addDays } from '../domain/dates'
import { buildIcsFeed } from '../domain/icalendar'
import { buildMonthGrid, monthOf, monthRange, parseMonth, type MonthGrid } from '../domain/monthCalendar'
import { canUse } from '../domain/permissions'
import type { Clock } from './clock'

/** Feeds reach back this far, so that a sitting cancelled last week still reaches calendars as cancelled. */
export const FEED_WEEKS_BACK = 8

export interface IcsFile {
  filename: string
  body: string
}

export interface PanelMonth {
  panel: CalendarPanel
  grid: MonthGrid<CalendarSitting>
}

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export function hashFeedToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

/** 'send-decision-making-panel-sittings.ics': a name any file system and header accepts. */
function icsFilename(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || 'panel'}-sittings.ics`
}

export function calendarService(data: DataLayer, clock: Clock) {
  const feedStart = () => addDays(clock.today(), -7 * FEED_WEEKS_BACK)

  function ics(name: string, filenameStem: string, sittings: CalendarSitting[]): IcsFile {
    return {
      filename: icsFilename(filenameStem),
      body: buildIcsFeed({ name, sittings, generatedAt: clock.now() }),
    }
  }

  async function panelFeed(panelId: string): Promise<IcsFile | undefined> {
    const panel = await data.sittingCalendar.findPanel(panelId)
    if (!panel) return undefined
    const sittings = await data.sittingCalendar.listPanelSittings(panel.id, feedStart())
    return ics(`${panel.name} sittings`, panel.name, sittings)
  }

  async function memberFeed(userId: string): Promise<IcsFile> {
    return ics(
      'My panel sittings',
      'my-panel',
      await data.sittingCalendar.listMemberSittings(userId, feedStart()),
    )
  }

  /** The owner of a feed address, if it is current and theirs is a staff account. */
  async function feedOwner(token: string) {
    if (!TOKEN_PATTERN.test(token)) return undefined
    const owner = await data.calendarFeedTokens.findOwner(hashFeedToken(token))
    return owner && canUse(owner.role, 'staff') ? owner : undefined
  }

  return {
    listPanels: () => data.sittingCalendar.listActivePanels(),

    /** A panel's month; a month that does not parse shows the current one, as a bad bookmark should. */
    async panelMonth(panelId: string, month: unknown): Promise<PanelMonth | undefined> {
      const panel = await data.sittingCalendar.findPanel(panelId)
      if (!panel) return undefined
      const today = clock.today()
      const shown = parseMonth(month) ?? monthOf(today)
      const { firstDay, lastDay } = monthRange(shown)
      const sittings = await data.sittingCalendar.listPanelSittings(panel.id, firstDay, lastDay)
      return { panel, grid: buildMonthGrid(shown, sittings, today) }
    },

    panelFeed,

    async memberFeedByToken(token: string): Promise<IcsFile | undefined> {
      const owner = await feedOwner(token)
      return owner ? memberFeed(owner.userId) : undefined
    },

    async panelFeedByToken(token: string, panelId: string): Promise<IcsFile | undefined> {
      return (await feedOwner(token)) ? panelFeed(panelId) : undefined
    },

    /** What the subscribe page shows before a new address is made: only whether one exists. */
    async subscription(user: User) {
      const [createdAt, isMember, panels] = await Promise.all([
        data.calendarFeedTokens.createdAt(user.id),
        data.sittingCalendar.isPanelMember(user.id),
        data.sittingCalendar.listActivePanels(),
      ])
      return { createdAt, isMember, panels }
    },

    /**
     * A new secret feed address for the user, replacing any old one. The raw token is returned once,
     * to show in the addresses; only its hash is kept.
     */
    async createFeedToken(user: User): Promise<string> {
      const token = crypto.randomBytes(32).toString('base64url')
      await data.db.transaction(async (trx) => {
        await data.calendarFeedTokens.replace(trx, user.id, hashFeedToken(token))
        await recordAuditEvent(trx, {
          actorUserId: user.id,
          action: 'calendar_feed_address_created',
          entityType: 'user',
          entityId: user.id,
        })
      })
      return token
    },
  }
}

export type CalendarService = ReturnType<typeof calendarService>

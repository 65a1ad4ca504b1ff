/**
 * Panel sittings as an iCalendar (RFC 5545) feed that calendar programs can subscribe to. Pure: the
 * caller passes the sittings and the time the feed is made. A feed is read outside the service, by
 * programs and people we do not control, so it holds panel and sitting facts only: never a child,
 * a family or a case.
 */

import type { IsoDate } from './dates'

export interface IcsSitting {
  id: string
  panelName: string
  sittingOn: IsoDate
  /** 'HH:MM' (seconds, if any, are ignored), local time in England. */
  startsAt: string
  durationMinutes: number
  venue: string | null
  onlineLink: string | null
  isSummer: boolean
  status: 'scheduled' | 'held' | 'cancelled'
  cancelledReason: string | null
  updatedAt: Date
}

export interface IcsFeed {
  /** The name calendar programs show for the subscribed calendar. */
  name: string
  sittings: readonly IcsSitting[]
  /** When the feed was made: every event's DTSTAMP. */
  generatedAt: Date
}

export const TIME_ZONE = 'Europe/London'
export const PRODUCT_ID = '-//Panel//SEND panel sittings//EN'

/**
 * The UK's rule since 1996: British Summer Time from 01:00 UTC on the last Sunday of March to 01:00 UTC
 * on the last Sunday of October. Written out so that programs without a time zone database agree with us.
 */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19810329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS

function lastSundayUtcMs(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0))
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay())
}

/** Minutes England is ahead of UTC at an instant: 60 in British Summer Time, otherwise 0. */
export function londonOffsetMinutes(instant: Date): number {
  const year = instant.getUTCFullYear()
  const bstStarts = lastSundayUtcMs(year, 2) + HOUR_MS
  const bstEnds = lastSundayUtcMs(year, 9) + HOUR_MS
  const t = instant.getTime()
  return t >= bstStarts && t < bstEnds ? 60 : 0
}

function wallClockMs(date: IsoDate, time: string): number {
  const [year, month, day] = date.split('-').map(Number)
  const [hour, minute] = time.split(':').map(Number)
  if ([year, month, day, hour, minute].some((n) => n === undefined || !Number.isInteger(n))) {
    throw new Error(`Not a date and time: "${date} ${time}"`)
  }
  return Date.UTC(year!, month! - 1, day!, hour!, minute!)
}

/**
 * The instant of a local time in England. In the hour the clocks go back, the first (BST) one is
 * meant; panels do not sit in the small hours of a Sunday, so the edge cases stay theoretical.
 */
export function londonToUtc(date: IsoDate, time: string): Date {
  const wallClock = wallClockMs(date, time)
  const asSummer = new Date(wallClock - HOUR_MS)
  return londonOffsetMinutes(asSummer) === 60 ? asSummer : new Date(wallClock)
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** 'YYYYMMDDTHHMMSS' of a Date's UTC fields. */
function basicDateTime(d: Date): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  )
}

function utcStamp(instant: Date): string {
  return `${basicDateTime(instant)}Z`
}

/** The local wall-clock time in England at an instant, as iCalendar writes it (with TZID, no Z). */
function londonLocal(instant: Date): string {
  return basicDateTime(new Date(instant.getTime() + londonOffsetMinutes(instant) * MINUTE_MS))
}

/**
 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, any line break as `\n`.
 * Other control characters are not allowed in a content line, so they are dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '') // eslint-disable-line no-control-regex
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1
  if (codePoint < 0x800) return 2
  if (codePoint < 0x10000) return 3
  return 4
}

const MAX_LINE_OCTETS = 75

/**
 * Folds a content line so that no line is longer than 75 octets of UTF-8 (RFC 5545 3.1), breaking only
 * between characters: a continuation line starts with a space, which counts towards its 75.
 */
export function foldLine(line: string): string {
  const lines: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!)
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current)
      current = ' '
      octets = 1
    }
    current += char
    octets += size
  }
  lines.push(current)
  return lines.join('\r\n')
}

/** Only an http(s) address is offered as a link: anything else in the column is not something to click. */
function safeUrl(value: string | null): string | null {
  if (!value) return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

function summaryOf(sitting: IcsSitting): string {
  const name = sitting.isSummer ? `${sitting.panelName} (summer sitting)` : sitting.panelName
  return sitting.status === 'cancelled' ? `Cancelled: ${name}` : name
}

function descriptionOf(sitting: IcsSitting, link: string | null): string {
  const lines: string[] = []
  if (sitting.status === 'cancelled') {
    lines.push(`This sitting is cancelled. Reason: ${sitting.cancelledReason ?? 'not given'}`)
  }
  if (sitting.isSummer) lines.push('A summer sitting, held during the school summer holiday.')
  if (link) lines.push(`Join online: ${link}`)
  return lines.join('\n')
}

function eventLines(sitting: IcsSitting, generatedAt: Date): string[] {
  const starts = londonToUtc(sitting.sittingOn, sitting.startsAt)
  const ends = new Date(starts.getTime() + sitting.durationMinutes * MINUTE_MS)
  const cancelled = sitting.status === 'cancelled'
  const link = safeUrl(sitting.onlineLink)
  const location = sitting.venue?.trim() || (link ? 'Online' : '')
  const description = descriptionOf(sitting, link)
  return [
    'BEGIN:VEVENT',
    `UID:${sitting.id}@panel`,
    `DTSTAMP:${utcStamp(generatedAt)}`,
    `LAST-MODIFIED:${utcStamp(sitting.updatedAt)}`,
    `DTSTART;TZID=${TIME_ZONE}:${londonLocal(starts)}`,
    `DTEND;TZID=${TIME_ZONE}:${londonLocal(ends)}`,
    // A changed SEQUENCE is what makes calendar programs replace the copy they already hold.
    `SEQUENCE:${cancelled ? 1 : 0}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${escapeText(summaryOf(sitting))}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    ...(link ? [`URL:${link}`] : []),
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    `TRANSP:${cancelled ? 'TRANSPARENT' : 'OPAQUE'}`,
    'END:VEVENT',
  ]
}

/** The whole feed, with CRLF line endings and folded lines, ready to send as text/calendar. */
export function buildIcsFeed(feed: IcsFeed): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(feed.name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    // Sittings are added and cancelled between visits: ask subscribers to look again every hour.
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...LONDON_VTIMEZONE,
    ...feed.sittings.flatMap((sitting) => eventLines(sitting, feed.generatedAt)),
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join('\r\n') + '\r\n'
}

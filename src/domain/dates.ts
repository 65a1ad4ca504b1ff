/** Calendar dates as 'YYYY-MM-DD' strings in Europe/London: statutory dates have no time of day. */

export type IsoDate = string

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The date in London at an instant handed in: only the clock module asks for the present one. */
export function londonToday(now: Date): IsoDate {
  return londonDate.format(now)
}

const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** The time of day in London at an instant handed in, as 'HH:MM' (a sitting's starts_at compares with it). */
export function londonTime(now: Date): string {
  return londonClock.format(now)
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})
const shortDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})

/** "Tuesday 14 July 2026", as GOV.UK writes dates. */
export function formatLongDate(date: IsoDate): string {
  return longDate.format(new Date(`${date}T00:00:00Z`)).replace(',', '')
}

/** "14 July 2026". */
export function formatDate(date: IsoDate): string {
  return shortDate.format(new Date(`${date}T00:00:00Z`))
}

/** "10am", "2:30pm", as GOV.UK writes times. */
export function formatTime(time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number)
  const suffix = h >= 12 ? 'pm' : 'am'
  const hour12 = h % 12 === 0 ? 12 : h % 12
  if (h === 12 && m === 0) return 'midday'
  return m === 0 ? `${hour12}${suffix}` : `${hour12}:${String(m).padStart(2, '0')}${suffix}`
}

const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: false,
})

/** "23 November 2026 at 4:05pm", in UK time, for events such as a case's timeline. */
export function formatDateTime(at: Date): string {
  const parts = Object.fromEntries(londonDateTime.formatToParts(at).map((p) => [p.type, p.value]))
  return `${parts.day} ${parts.month} ${parts.year} at ${formatTime(`${parts.hour}:${parts.minute}`)}`
}

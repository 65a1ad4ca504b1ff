import ICAL from 'ical.js'
import {
  buildIcsFeed,
  escapeText,
  foldLine,
  londonOffsetMinutes,
  londonToUtc,
  type IcsSitting,
} from '../../src/domain/icalendar'

const GENERATED_AT = new Date('2026-11-23T09:00:00Z')

function sitting(overrides: Partial<IcsSitting> = {}): IcsSitting {
  return {
    id: '5b7e9a52-6f0e-4c43-9d2f-0f3c1f3b8c11',
    panelName: 'SEND decision-making panel',
    sittingOn: '2027-01-12',
    startsAt: '10:00',
    durationMinutes: 180,
    venue: 'Committee Room 2, County Hall, Ashcombe',
    onlineLink: 'https://meet.example.org/northshire-send-panel',
    isSummer: false,
    status: 'scheduled',
    cancelledReason: null,
    updatedAt: new Date('2026-11-20T15:30:00Z'),
    ...overrides,
  }
}

const WINTER = sitting()
const SUMMER = sitting({
  id: '0c9e1a4d-7a51-4d6e-8f0a-2b6c3d4e5f60',
  sittingOn: '2027-08-10',
  isSummer: true,
})
const CANCELLED = sitting({
  id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  sittingOn: '2027-05-04',
  status: 'cancelled',
  cancelledReason: 'Chair unwell; items moved, to the next sitting',
})

function feed(sittings: IcsSitting[], name = 'SEND decision-making panel sittings'): string {
  return buildIcsFeed({ name, sittings, generatedAt: GENERATED_AT })
}

/** Undoes folding (RFC 5545 3.1): a CRLF followed by one space or tab joins the lines. */
function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n')
}

function eventBlock(text: string, uid: string): string[] {
  const lines = unfold(text)
  const start = lines.indexOf(`UID:${uid}@panel`)
  const end = lines.indexOf('END:VEVENT', start)
  return lines.slice(start, end)
}

describe('text values', () => {
  it('escapes backslash, semicolon and comma, and turns every kind of line break into \\n', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d')
    expect(escapeText('one\r\ntwo\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour')
    expect(escapeText('C:\\new')).toBe('C:\\\\new')
  })

  it('drops control characters, which a content line may not hold, but keeps tabs and other scripts', () => {
    expect(escapeText('bell\u0007 null\u0000 tab\tend')).toBe('bell null tab\tend')
    expect(escapeText('Ysgol Gymraeg – Côr ☕ 🎉')).toBe('Ysgol Gymraeg – Côr ☕ 🎉')
  })
})

describe('folding', () => {
  const octets = (line: string) => Buffer.byteLength(line, 'utf8')

  it('leaves a line of 75 octets alone and folds a longer one with CRLF and a space', () => {
    const exact = 'X'.repeat(75)
    expect(foldLine(exact)).toBe(exact)
    const folded = foldLine('Y'.repeat(200))
    const lines = folded.split('\r\n')
    expect(lines.map(octets)).toEqual([75, 75, 1 + 200 - 75 - 74])
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true)
    expect(unfold(folded)).toEqual(['Y'.repeat(200)])
  })

  it('never splits a multi-byte character, counting octets rather than characters', () => {
    // 2-, 3- and 4-octet characters (é, €, an emoji made of a surrogate pair) in every alignment.
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const line = `DESCRIPTION:${prefix}${'é€🎉'.repeat(30)}`
      const lines = foldLine(line).split('\r\n')
      for (const part of lines) {
        expect(octets(part)).toBeLessThanOrEqual(75)
        // Each physical line is valid UTF-8 on its own: no replacement character when decoded alone.
        expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part)
        expect(part).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
      }
      expect(unfold(lines.join('\r\n'))).toEqual([line])
      // Full lines are used: a fold happens only when the next character would not fit.
      for (const part of lines.slice(0, -1)) expect(octets(part)).toBeGreaterThan(71)
    }
  })
})

describe('British time', () => {
  it('is GMT in winter and BST (UTC+1) in summer, changing at 01:00 UTC on the last Sundays of March and October', () => {
    expect(londonToUtc('2027-01-12', '10:00').toISOString()).toBe('2027-01-12T10:00:00.000Z')
    expect(londonToUtc('2027-08-10', '10:00').toISOString()).toBe('2027-08-10T09:00:00.000Z')
    // 2026: clocks go forward on 29 March and back on 25 October.
    expect(londonToUtc('2026-03-29', '00:30').toISOString()).toBe('2026-03-29T00:30:00.000Z')
    expect(londonToUtc('2026-03-29', '03:00').toISOString()).toBe('2026-03-29T02:00:00.000Z')
    expect(londonToUtc('2026-10-25', '00:30').toISOString()).toBe('2026-10-24T23:30:00.000Z')
    expect(londonToUtc('2026-10-25', '03:00').toISOString()).toBe('2026-10-25T03:00:00.000Z')
  })

  it('agrees with the time zone database either side of 01:00 UTC, when clocks change, every day from 2025 to 2028', () => {
    const offsetFromIntl = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      timeZoneName: 'shortOffset',
    })
    const instants = []
    for (let day = Date.UTC(2025, 0, 1); day < Date.UTC(2029, 0, 1); day += 86_400_000) {
      instants.push(new Date(day + 59 * 60_000), new Date(day + 60 * 60_000), new Date(day + 12 * 3_600_000))
    }
    const disagreements = instants.filter((instant) => {
      const name = offsetFromIntl.formatToParts(instant).find((p) => p.type === 'timeZoneName')!.value
      return londonOffsetMinutes(instant) !== (name === 'GMT+1' ? 60 : 0)
    })
    expect(disagreements.map((d) => d.toISOString())).toEqual([])
    expect(instants.filter((i) => londonOffsetMinutes(i) === 60).length).toBeGreaterThan(1000)
  })
})

describe('the feed', () => {
  const text = feed([WINTER, SUMMER, CANCELLED])

  it('uses CRLF for every line, ends with one, and has no line longer than 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
  })

  it('has the calendar properties and a Europe/London time zone with the BST rules', () => {
    const lines = unfold(text)
    expect(lines.slice(0, 7)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Panel//SEND panel sittings//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:SEND decision-making panel sittings',
      'X-WR-TIMEZONE:Europe/London',
    ])
    expect(lines).toEqual(expect.arrayContaining(['BEGIN:VTIMEZONE', 'TZID:Europe/London']))
    expect(lines).toEqual(
      expect.arrayContaining([
        'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
        'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      ]),
    )
  })

  it('writes a scheduled winter sitting as a confirmed event in local time, with a stable UID', () => {
    const event = eventBlock(text, WINTER.id)
    expect(event).toEqual([
      `UID:${WINTER.id}@panel`,
      'DTSTAMP:20261123T090000Z',
      'LAST-MODIFIED:20261120T153000Z',
      'DTSTART;TZID=Europe/London:20270112T100000',
      'DTEND;TZID=Europe/London:20270112T130000',
      'SEQUENCE:0',
      'STATUS:CONFIRMED',
      'SUMMARY:SEND decision-making panel',
      'LOCATION:Committee Room 2\\, County Hall\\, Ashcombe',
      'URL:https://meet.example.org/northshire-send-panel',
      'DESCRIPTION:Join online: https://meet.example.org/northshire-send-panel',
      'TRANSP:OPAQUE',
    ])
    expect(feed([WINTER])).toContain(`UID:${WINTER.id}@panel`)
  })

  it('names a summer sitting as one', () => {
    const event = eventBlock(text, SUMMER.id)
    expect(event).toContain('SUMMARY:SEND decision-making panel (summer sitting)')
    expect(event).toContain('DTSTART;TZID=Europe/London:20270810T100000')
    expect(event.find((l) => l.startsWith('DESCRIPTION:'))).toMatch(/summer holiday/)
  })

  it('sends a cancelled sitting as a cancelled event with a higher SEQUENCE and its reason', () => {
    const event = eventBlock(text, CANCELLED.id)
    expect(event).toEqual(
      expect.arrayContaining([
        'SEQUENCE:1',
        'STATUS:CANCELLED',
        'SUMMARY:Cancelled: SEND decision-making panel',
        'TRANSP:TRANSPARENT',
      ]),
    )
    expect(event.find((l) => l.startsWith('DESCRIPTION:'))).toBe(
      'DESCRIPTION:This sitting is cancelled. Reason: Chair unwell\\; items moved\\, to the next sitting\\nJoin online: https://meet.example.org/northshire-send-panel',
    )
  })

  it('says "Online" for a panel that only meets online, and offers no link that is not a web address', () => {
    const online = feed([sitting({ venue: null })])
    expect(unfold(online)).toContain('LOCATION:Online')
    const odd = unfold(feed([sitting({ venue: null, onlineLink: 'javascript:alert(1)' })]))
    expect(odd.some((l) => l.startsWith('URL:') || l.startsWith('LOCATION:'))).toBe(false)
    expect(odd.join('\n')).not.toContain('javascript')
  })

  it('cannot be broken into extra properties by a name or reason holding line breaks', () => {
    const hostile = feed([
      sitting({
        panelName: 'Panel\r\nEND:VEVENT\r\nBEGIN:VEVENT',
        status: 'cancelled',
        cancelledReason: 'x\nATTENDEE:mailto:someone@example.org',
      }),
    ])
    const lines = unfold(hostile)
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1)
    expect(lines.some((l) => l.startsWith('ATTENDEE'))).toBe(false)
  })

  it('is an empty but valid calendar when there are no sittings', () => {
    const empty = new ICAL.Component(ICAL.parse(feed([])))
    expect(empty.getAllSubcomponents('vevent')).toHaveLength(0)
    expect(empty.getFirstPropertyValue('version')).toBe('2.0')
  })
})

describe('read by an independent parser (ical.js, as in Thunderbird)', () => {
  const DURATION_MS = 3 * 3_600_000

  function parse(text: string) {
    const calendar = new ICAL.Component(ICAL.parse(text))
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
    return calendar
  }

  afterAll(() => ICAL.TimezoneService.remove('Europe/London'))

  it('parses every event with its times in Europe/London, status and sequence', () => {
    const calendar = parse(feed([WINTER, SUMMER, CANCELLED]))
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('SEND decision-making panel sittings')
    const events = calendar.getAllSubcomponents('vevent').map((v) => ({ v, e: new ICAL.Event(v) }))
    expect(events.map(({ e }) => e.uid)).toEqual(
      [WINTER.id, SUMMER.id, CANCELLED.id].map((id) => `${id}@panel`),
    )

    const [winter, summer, cancelled] = events
    // 10am in January is 10:00 UTC; 10am in August (BST) is 09:00 UTC.
    expect(winter!.e.startDate.zone.tzid).toBe('Europe/London')
    expect(winter!.e.startDate.toJSDate().toISOString()).toBe('2027-01-12T10:00:00.000Z')
    expect(winter!.e.endDate.toJSDate().getTime() - winter!.e.startDate.toJSDate().getTime()).toBe(
      DURATION_MS,
    )
    expect(summer!.e.startDate.zone.tzid).toBe('Europe/London')
    expect(summer!.e.startDate.toJSDate().toISOString()).toBe('2027-08-10T09:00:00.000Z')
    expect(summer!.e.summary).toBe('SEND decision-making panel (summer sitting)')
    expect(summer!.e.location).toBe('Committee Room 2, County Hall, Ashcombe')

    expect(winter!.v.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(winter!.e.sequence).toBe(0)
    expect(cancelled!.v.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(cancelled!.e.sequence).toBe(1)
    expect(cancelled!.e.summary).toBe('Cancelled: SEND decision-making panel')
    expect(cancelled!.e.description).toContain('Reason: Chair unwell; items moved, to the next sitting')
  })

  it('reads folded multi-byte text back exactly', () => {
    const name = 'Panel Ysgol Gymraeg – Côr a Chân, “adolygu” ☕🎉 '.repeat(4).trim()
    const calendar = parse(feed([sitting({ panelName: name, venue: 'Neuadd y Sir; Caerdydd\nYstafell 2' })]))
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!)
    expect(event.summary).toBe(name)
    expect(event.location).toBe('Neuadd y Sir; Caerdydd\nYstafell 2')
  })
})

import fc from 'fast-check'
import {
  addYears,
  anonymiseMinutesContent,
  initials,
  isPastRetention,
  retentionEndsOn,
} from '../../src/domain/retention'
import type { MinutesContent, MinutesItem } from '../../src/domain/minutes'

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

describe('retention end date', () => {
  it('is the 25th birthday plus the years for a case closed before then', () => {
    expect(retentionEndsOn({ dateOfBirth: '2001-05-10', closedOn: '2020-03-01', yearsAfter25: 6 })).toBe(
      '2032-05-10',
    )
    expect(retentionEndsOn({ dateOfBirth: '2001-05-10', closedOn: '2020-03-01', yearsAfter25: 0 })).toBe(
      '2026-05-10',
    )
  })

  it('keeps a case closed after the 25th birthday for the years after it closed', () => {
    expect(retentionEndsOn({ dateOfBirth: '1990-01-01', closedOn: '2024-06-30', yearsAfter25: 6 })).toBe(
      '2030-06-30',
    )
  })

  it('never removes an open case or one whose date of birth is unknown', () => {
    expect(retentionEndsOn({ dateOfBirth: '1980-01-01', closedOn: null, yearsAfter25: 6 })).toBeNull()
    expect(retentionEndsOn({ dateOfBirth: null, closedOn: '2000-01-01', yearsAfter25: 6 })).toBeNull()
    expect(
      isPastRetention({ dateOfBirth: null, closedOn: '2000-01-01', yearsAfter25: 0 }, '2099-01-01'),
    ).toBe(false)
  })

  it('moves a 29 February to 1 March, never a day early', () => {
    expect(addYears('2004-02-29', 25)).toBe('2029-03-01')
    expect(addYears('2004-02-29', 28)).toBe('2032-02-29')
  })

  it('is past retention only after the last day kept', () => {
    const input = { dateOfBirth: '2001-05-10', closedOn: '2020-03-01', yearsAfter25: 6 }
    expect(isPastRetention(input, '2032-05-10')).toBe(false)
    expect(isPastRetention(input, '2032-05-11')).toBe(true)
  })

  it('gives initials at most', () => {
    expect(initials('maya', ' Okafor')).toBe('MO')
  })
})

describe('retention end date, properties', () => {
  const years = fc.integer({ min: 0, max: 40 })

  it('is never before the 25th birthday plus the years, nor before closing plus the years', () => {
    fc.assert(
      fc.property(isoDate, isoDate, years, (dateOfBirth, closedOn, yearsAfter25) => {
        const ends = retentionEndsOn({ dateOfBirth, closedOn, yearsAfter25 })!
        expect(ends >= addYears(dateOfBirth, 25 + yearsAfter25)).toBe(true)
        expect(ends >= addYears(closedOn, yearsAfter25)).toBe(true)
        expect(ends >= closedOn).toBe(true)
      }),
    )
  })

  it('never ends sooner when the admin keeps cases longer', () => {
    fc.assert(
      fc.property(isoDate, isoDate, years, years, (dateOfBirth, closedOn, a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a]
        const short = retentionEndsOn({ dateOfBirth, closedOn, yearsAfter25: fewer })!
        const long = retentionEndsOn({ dateOfBirth, closedOn, yearsAfter25: more })!
        expect(long >= short).toBe(true)
      }),
    )
  })

  it('is past retention exactly on the days after the end', () => {
    fc.assert(
      fc.property(isoDate, isoDate, years, isoDate, (dateOfBirth, closedOn, yearsAfter25, today) => {
        const input = { dateOfBirth, closedOn, yearsAfter25 }
        expect(isPastRetention(input, today)).toBe(today > retentionEndsOn(input)!)
      }),
    )
  })

  it('adding years keeps the month and day, or moves 29 February to 1 March', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 60 }), (date, n) => {
        const moved = addYears(date, n)
        expect(Number(moved.slice(0, 4))).toBe(Number(date.slice(0, 4)) + n)
        if (date.slice(5) === '02-29') expect(['02-29', '03-01']).toContain(moved.slice(5))
        else expect(moved.slice(5)).toBe(date.slice(5))
      }),
    )
  })
})

describe('minutes of a shared sitting', () => {
  const item = (caseId: string, childName: string, position: number): MinutesItem => ({
    position,
    caseId,
    reference: `REF-${position}`,
    childName,
    kind: 'placement',
    preference: 'Oak School',
    familyAttended: true,
    familyAttendees: 'Mum',
    interpreter: null,
    withoutFamilyReason: null,
    declarations: [{ memberName: 'Dr A', nature: 'knows family', leftDiscussion: true }],
    decision: null,
    notes: `Notes about ${childName}`,
  })

  it('replaces only the removed child’s item, keeping its place', () => {
    const content = {
      items: [item('a', 'Ann Smith', 1), item('b', 'Ben Jones', 2)],
    } as unknown as MinutesContent
    const out = anonymiseMinutesContent(content, 'a')
    expect(JSON.stringify(out)).not.toContain('Ann Smith')
    expect(out.items[0]!.position).toBe(1)
    expect(out.items[1]).toEqual(content.items[1])
  })
})

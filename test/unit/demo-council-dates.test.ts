import {
  addDays,
  addYears,
  ageOn,
  daysBetween,
  isIsoDate,
  isoWeekday,
  londonDate,
  planWeeklySittings,
  summerHolidays,
  weekdayOnOrBefore,
  weeklyDates,
} from '../../src/data/demoCouncil/dates'
import { BANK_HOLIDAYS } from '../../src/data/demoCouncil/bankHolidays'
import { SCHOOL_TERMS } from '../../src/data/demoCouncil/terms'

const bankHolidays = new Set(BANK_HOLIDAYS.map((h) => h.holidayOn))
const holidays = summerHolidays(SCHOOL_TERMS)

describe('date arithmetic on YYYY-MM-DD strings', () => {
  it('adds days across month and year ends, leap days and the clock changes', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01')
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29')
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30')
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26')
    expect(addDays('2026-11-23', -56)).toBe('2026-09-28')
    expect(daysBetween('2026-03-01', '2026-11-01')).toBe(245)
  })

  it('knows the ISO weekday', () => {
    expect(isoWeekday('2026-11-23')).toBe(1)
    expect(isoWeekday('2026-11-24')).toBe(2)
    expect(isoWeekday('2026-11-29')).toBe(7)
  })

  it('moves a weekend back to the Friday', () => {
    expect(weekdayOnOrBefore('2026-11-27')).toBe('2026-11-27')
    expect(weekdayOnOrBefore('2026-11-28')).toBe('2026-11-27')
    expect(weekdayOnOrBefore('2026-11-29')).toBe('2026-11-27')
    expect(weekdayOnOrBefore('2026-11-30')).toBe('2026-11-30')
  })

  it('counts ages and adds years as people do', () => {
    expect(ageOn('2016-11-23', '2026-11-23')).toBe(10)
    expect(ageOn('2016-11-24', '2026-11-23')).toBe(9)
    expect(addYears('2028-02-29', 1)).toBe('2029-03-01')
    expect(addYears('2026-11-23', -7)).toBe('2019-11-23')
  })

  it('rejects what is not a real date', () => {
    expect(isIsoDate('2026-02-28')).toBe(true)
    expect(isIsoDate('2026-02-30')).toBe(false)
    expect(isIsoDate('23/11/2026')).toBe(false)
    expect(() => addDays('2026-13-01', 1)).toThrow('Not a real date')
  })

  it("gives the date in England, not the server's", () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01')
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31')
    expect(londonDate(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29')
  })
})

describe('weekly dates', () => {
  it('lists one weekday, both ends included', () => {
    expect(weeklyDates('2026-11-24', '2026-12-15', 2)).toEqual([
      '2026-11-24',
      '2026-12-01',
      '2026-12-08',
      '2026-12-15',
    ])
    expect(weeklyDates('2026-11-23', '2026-12-06', 4)).toEqual(['2026-11-26', '2026-12-03'])
    expect(weeklyDates('2026-11-23', '2026-11-25', 5)).toEqual([])
  })
})

describe('the summer holiday', () => {
  it('is the gap between each summer term and the next autumn term: about six weeks, 2025 to 2028', () => {
    expect(holidays).toEqual([
      { startsOn: '2025-07-23', endsOn: '2025-09-02' },
      { startsOn: '2026-07-23', endsOn: '2026-09-02' },
      { startsOn: '2027-07-22', endsOn: '2027-09-01' },
      { startsOn: '2028-07-22', endsOn: '2028-09-03' },
    ])
    for (const h of holidays) expect(daysBetween(h.startsOn, h.endsOn) + 1).toBeGreaterThanOrEqual(42)
  })

  it('is not guessed for a summer term with no autumn term after it', () => {
    const lastYear = SCHOOL_TERMS.filter((t) => t.academicYear === '2028/29')
    expect(summerHolidays(lastYear)).toEqual([])
  })
})

describe('planning weekly sittings', () => {
  it('marks the sittings inside the summer holiday of 2026', () => {
    const sittings = planWeeklySittings({
      today: '2026-08-12',
      weekday: 2,
      weeksBefore: 8,
      weeksAfter: 12,
      bankHolidays,
      summerHolidays: holidays,
    })
    const summer = sittings.filter((s) => s.isSummer).map((s) => s.sittingOn)
    expect(summer).toEqual([
      '2026-07-28',
      '2026-08-04',
      '2026-08-11',
      '2026-08-18',
      '2026-08-25',
      '2026-09-01',
    ])
    expect(sittings.find((s) => s.sittingOn === '2026-07-21')?.isSummer).toBe(false)
    expect(sittings.find((s) => s.sittingOn === '2026-09-08')?.isSummer).toBe(false)
  })

  it('leaves out bank holidays', () => {
    const mondays = planWeeklySittings({
      today: '2026-08-12',
      weekday: 1,
      weeksBefore: 2,
      weeksAfter: 4,
      bankHolidays,
      summerHolidays: holidays,
    }).map((s) => s.sittingOn)
    expect(mondays).toEqual(['2026-08-03', '2026-08-10', '2026-08-17', '2026-08-24', '2026-09-07'])

    const fridays = planWeeklySittings({
      today: '2026-12-18',
      weekday: 5,
      weeksBefore: 0,
      weeksAfter: 3,
      bankHolidays,
      summerHolidays: holidays,
    }).map((s) => s.sittingOn)
    expect(fridays).toEqual(['2026-12-18', '2027-01-08'])
  })

  it('covers eight weeks back and twelve ahead; a sitting today has not happened yet', () => {
    const sittings = planWeeklySittings({
      today: '2026-11-24',
      weekday: 2,
      weeksBefore: 8,
      weeksAfter: 12,
      bankHolidays,
      summerHolidays: holidays,
    })
    expect(sittings[0]?.sittingOn).toBe('2026-09-29')
    expect(sittings.at(-1)?.sittingOn).toBe('2027-02-16')
    expect(sittings.filter((s) => s.isPast)).toHaveLength(8)
    expect(sittings.find((s) => s.sittingOn === '2026-11-24')?.isPast).toBe(false)
    expect(sittings.every((s) => !s.isSummer)).toBe(true)
  })
})

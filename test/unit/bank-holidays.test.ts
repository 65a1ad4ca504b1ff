import publishedList from '../../src/data/demoCouncil/bank-holidays-england-and-wales.json'
import {
  bankHolidayCalendar,
  bankHolidaysByRule,
  easterSunday,
  overrideFor,
  overridesToMatch,
  unconfirmedNote,
  unconfirmedYears,
  type BankHolidayOverride,
} from '../../src/domain/bankHolidays'

/*
 * Every date here was worked out by hand: Easter from the published tables of Easter dates (and checked
 * with Python's dateutil.easter), each weekday with `cal`, and the substitute days by the rule that a
 * weekend Christmas or Boxing Day takes the next weekday not already taken, and a weekend New Year's Day
 * the Monday after. Statute: Banking and Financial Dealings Act 1971, Schedule 1; the rest by proclamation.
 */

const dates = (year: number) => bankHolidaysByRule(year).map((d) => d.date)

describe('Easter Sunday (Anonymous Gregorian algorithm)', () => {
  test.each([
    [1978, '1978-03-26'],
    [1981, '1981-04-19'],
    [1995, '1995-04-16'],
    [2000, '2000-04-23'], // a century year divisible by 400
    [2002, '2002-03-31'],
    [2008, '2008-03-23'], // the earliest since 1913
    [2010, '2010-04-04'],
    [2011, '2011-04-24'],
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2021, '2021-04-04'],
    [2024, '2024-03-31'], // a leap year
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'], // Good Friday on 30 March: the appeal date
    [2032, '2032-03-28'],
    [2033, '2033-04-17'],
    [2038, '2038-04-25'], // the latest possible date
    [2044, '2044-04-17'],
    [2049, '2049-04-18'],
    [2079, '2079-04-23'],
    [2099, '2099-04-12'],
    [2100, '2100-03-28'], // a century year that is not a leap year
    [2285, '2285-03-22'], // the earliest possible date
  ])('%i: %s', (year, easter) => {
    expect(easterSunday(year)).toBe(easter)
  })
})

describe('bank holidays by rule, a year at a time', () => {
  test('2025 to 2028 are exactly the published list, names included', () => {
    // The project's copy of GOV.UK's list (the same events as /work/shared/data's): the app never reads ../shared.
    for (const year of [2025, 2026, 2027, 2028]) {
      expect(bankHolidaysByRule(year)).toEqual(
        publishedList.events.filter((e) => e.date.startsWith(`${year}-`)).map((e) => ({ ...e })),
      )
    }
    expect(overridesToMatch(publishedList.events)).toEqual([])
  })

  test.each([
    // Christmas on a Saturday: Christmas (substitute) Monday 27, Boxing Day (substitute) Tuesday 28.
    [2010, ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28']],
    // Christmas on a Sunday: Boxing Day keeps Monday 26, and Christmas (substitute) is Tuesday 27.
    [2016, ['01-01', '03-25', '03-28', '05-02', '05-30', '08-29', '12-26', '12-27']],
    // Christmas on a Friday: Boxing Day (Saturday) moves to Monday 28. (The rule's 2020, before VE Day moved early May.)
    [2020, ['01-01', '04-10', '04-13', '05-04', '05-25', '08-31', '12-25', '12-28']],
    [2021, ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28']],
    // New Year's Day on a Saturday moves to Monday 3 January; the rule's 2022, before the jubilee.
    [2022, ['01-03', '04-15', '04-18', '05-02', '05-30', '08-29', '12-26', '12-27']],
    // New Year's Day on a Sunday moves to Monday 2 January; early May on the 1st, spring on the 29th.
    [2023, ['01-02', '04-07', '04-10', '05-01', '05-29', '08-28', '12-25', '12-26']],
    // 2029: Good Friday 30 March, early May on the 7th, spring on the 28th, summer on 27 August.
    [2029, ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26']],
    // 1 May 2032 is a Saturday, so early May is the 3rd; 31 May and 30 August are Mondays.
    [2032, ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28']],
    [2033, ['01-03', '04-15', '04-18', '05-02', '05-30', '08-29', '12-26', '12-27']],
    // Easter at its latest: Good Friday 23 April, Easter Monday 26 April.
    [2038, ['01-01', '04-23', '04-26', '05-03', '05-31', '08-30', '12-27', '12-28']],
    [2044, ['01-01', '04-15', '04-18', '05-02', '05-30', '08-29', '12-26', '12-27']],
    [2049, ['01-01', '04-16', '04-19', '05-03', '05-31', '08-30', '12-27', '12-28']],
    // 2100 is not a leap year; Easter 28 March.
    [2100, ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28']],
  ] as const)('%i', (year, monthDays) => {
    expect(dates(year)).toEqual(monthDays.map((md) => `${year}-${md}`))
  })

  test('substitute days are named as such, as on the published lists', () => {
    expect(bankHolidaysByRule(2016).slice(-2)).toEqual([
      { date: '2016-12-26', title: 'Boxing Day' },
      { date: '2016-12-27', title: 'Christmas Day (substitute day)' },
    ])
    expect(bankHolidaysByRule(2033)[0]).toEqual({
      date: '2033-01-03',
      title: "New Year's Day (substitute day)",
    })
  })

  test('every year from 1978 to 2200 has eight days, all weekdays, none twice', () => {
    for (let year = 1978; year <= 2200; year++) {
      const days = dates(year)
      expect(new Set(days).size).toBe(8)
      for (const d of days) expect([1, 2, 3, 4, 5]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay())
    }
  })
})

describe('the council’s changes on top of the rule', () => {
  test('2020: early May moved to Friday 8 May for VE Day', () => {
    const overrides: BankHolidayOverride[] = [
      { date: '2020-05-04', title: 'Early May bank holiday', observed: false },
      { date: '2020-05-08', title: 'Early May bank holiday (VE day)', observed: true },
    ]
    const calendar = bankHolidayCalendar(overrides, [2020])
    expect(calendar.has('2020-05-04')).toBe(false)
    expect(calendar.has('2020-05-08')).toBe(true)
    expect(calendar.on('2020-05-08')).toEqual({
      date: '2020-05-08',
      title: 'Early May bank holiday (VE day)',
    })
    expect(calendar.daysIn(2020).map((d) => [d.date, d.source])).toContainEqual(['2020-05-04', 'removed'])
    expect(calendar.daysIn(2020).map((d) => [d.date, d.source])).toContainEqual(['2020-05-08', 'added'])
  })

  test('2022: spring moved to Thursday 2 June, the jubilee on Friday 3 June, the state funeral on 19 September', () => {
    const calendar = bankHolidayCalendar(
      [
        { date: '2022-05-30', title: 'Spring bank holiday', observed: false },
        { date: '2022-06-02', title: 'Spring bank holiday', observed: true },
        { date: '2022-06-03', title: 'Platinum Jubilee bank holiday', observed: true },
        {
          date: '2022-09-19',
          title: 'Bank holiday for the State Funeral of Queen Elizabeth II',
          observed: true,
        },
      ],
      [2022],
    )
    expect(
      calendar
        .daysIn(2022)
        .filter((d) => d.observed)
        .map((d) => d.date.slice(5)),
    ).toEqual(['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'])
  })

  test('2023: the coronation on Monday 8 May, a week after early May', () => {
    const calendar = bankHolidayCalendar(
      [{ date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III', observed: true }],
      [],
    )
    expect(calendar.has('2023-05-01')).toBe(true)
    expect(calendar.has('2023-05-08')).toBe(true)
    expect(calendar.has('2023-05-09')).toBe(false)
  })

  test('a change in one year leaves the others to the rule', () => {
    const calendar = bankHolidayCalendar([{ date: '2029-05-07', title: 'Early May', observed: false }], [])
    expect(calendar.has('2029-05-07')).toBe(false)
    expect(calendar.has('2030-05-06')).toBe(true)
  })

  test('a removal of a day the rule does not give changes nothing and is not listed', () => {
    const calendar = bankHolidayCalendar([{ date: '2029-06-01', title: 'Nothing', observed: false }], [])
    expect(calendar.daysIn(2029)).toHaveLength(8)
  })

  test('only what differs from the rule is kept as a change', () => {
    const christmas = { date: '2029-12-25', title: 'Christmas Day' }
    expect(overrideFor('2029-12-25', { title: 'Christmas Day' }, christmas)).toBeNull()
    expect(overrideFor('2029-12-25', { title: 'Christmas' }, christmas)).toEqual({
      date: '2029-12-25',
      title: 'Christmas',
      observed: true,
    })
    expect(overrideFor('2029-12-25', null, christmas)).toEqual({ ...christmas, observed: false })
    expect(overrideFor('2029-06-01', null, undefined)).toBeNull()
    expect(overrideFor('2029-06-01', { title: 'Closure' }, undefined)).toEqual({
      date: '2029-06-01',
      title: 'Closure',
      observed: true,
    })
  })
})

describe('confirmed years', () => {
  const calendar = bankHolidayCalendar([], [2025, 2026, 2027, 2028])

  test('are the years the council has checked; any other year is not', () => {
    expect(calendar.confirmedYears).toEqual([2025, 2026, 2027, 2028])
    expect(calendar.isConfirmed(2028)).toBe(true)
    expect(calendar.isConfirmed(2029)).toBe(false)
    expect(calendar.isConfirmed(2024)).toBe(false)
  })

  test('a date that depends on an unconfirmed year gets a note naming it; one on confirmed years none', () => {
    expect(unconfirmedYears([2028, 2029, 2029], calendar)).toEqual([2029])
    expect(unconfirmedNote(unconfirmedYears([2028, 2029], calendar))).toBe(
      'Bank holidays for 2029 are not yet confirmed; this date may change.',
    )
    expect(unconfirmedNote([2029, 2030])).toBe(
      'Bank holidays for 2029 and 2030 are not yet confirmed; this date may change.',
    )
    expect(unconfirmedNote(unconfirmedYears([2027, 2028], calendar))).toBeNull()
  })
})

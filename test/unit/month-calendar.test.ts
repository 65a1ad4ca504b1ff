import {
  addMonths,
  buildMonthGrid,
  monthLabel,
  monthOf,
  monthRange,
  parseMonth,
} from '../../src/domain/monthCalendar'

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7

describe('month grid', () => {
  it('lays out August 2027 (starting on a Sunday) in six weeks from Monday 26 July to Sunday 5 September', () => {
    const grid = buildMonthGrid('2027-08', [], '2026-11-23')
    expect(grid.label).toBe('August 2027')
    expect(grid.weeks).toHaveLength(6)
    expect(grid.weeks[0]![0]!.date).toBe('2027-07-26')
    expect(grid.weeks[5]![6]!.date).toBe('2027-09-05')
    expect(grid.weeks[0]!.map((d) => d.inMonth)).toEqual([false, false, false, false, false, false, true])
    expect(grid.weeks[0]![6]).toMatchObject({ date: '2027-08-01', dayOfMonth: 1, inMonth: true })
    expect(grid.weeks[5]!.filter((d) => d.inMonth).map((d) => d.dayOfMonth)).toEqual([30, 31])
  })

  it('makes every week run Monday to Sunday, with each day of the month exactly once', () => {
    for (const month of ['2026-02', '2026-11', '2027-08', '2028-02', '2027-12']) {
      const grid = buildMonthGrid(month, [], '2026-11-23')
      for (const week of grid.weeks) expect(week.map((d) => weekday(d.date))).toEqual([1, 2, 3, 4, 5, 6, 7])
      const inMonth = grid.weeks.flat().filter((d) => d.inMonth)
      const { lastDay } = monthRange(month)
      expect(inMonth.map((d) => d.dayOfMonth)).toEqual(
        Array.from({ length: Number(lastDay.slice(8)) }, (_, i) => i + 1),
      )
    }
  })

  it('needs only four weeks for a February from Monday 1st to Sunday 28th', () => {
    const grid = buildMonthGrid('2021-02', [], '2021-02-10')
    expect(grid.weeks).toHaveLength(4)
    expect(grid.weeks.flat().every((d) => d.inMonth)).toBe(true)
    expect(
      grid.weeks
        .flat()
        .filter((d) => d.isToday)
        .map((d) => d.date),
    ).toEqual(['2021-02-10'])
  })

  it('puts each sitting on its day, in the order given, and leaves out those of other months', () => {
    const items = [
      { id: 'a', sittingOn: '2027-08-03' },
      { id: 'b', sittingOn: '2027-08-03' },
      { id: 'c', sittingOn: '2027-08-31' },
      { id: 'july', sittingOn: '2027-07-27' },
      { id: 'september', sittingOn: '2027-09-01' },
    ]
    const grid = buildMonthGrid('2027-08', items, '2026-11-23')
    const days = grid.weeks.flat()
    const byDate = (date: string) => days.find((d) => d.date === date)!.items.map((i) => i.id)
    expect(byDate('2027-08-03')).toEqual(['a', 'b'])
    expect(byDate('2027-08-31')).toEqual(['c'])
    // Shown greyed out as part of August's first and last weeks, but without sittings of their own.
    expect(byDate('2027-07-27')).toEqual([])
    expect(byDate('2027-09-01')).toEqual([])
    expect(days.flatMap((d) => d.items)).toHaveLength(3)
  })

  it('links to the months either side, across the turn of the year', () => {
    expect(buildMonthGrid('2027-01', [], '2027-01-01')).toMatchObject({
      previous: '2026-12',
      next: '2027-02',
    })
    expect(buildMonthGrid('2026-12', [], '2027-01-01')).toMatchObject({
      previous: '2026-11',
      next: '2027-01',
    })
    expect(addMonths('2027-08', 12)).toBe('2028-08')
  })
})

describe('months', () => {
  it('reads a real YYYY-MM and nothing else', () => {
    expect(parseMonth('2027-08')).toBe('2027-08')
    for (const bad of [
      '2027-13',
      '2027-00',
      '2027-8',
      '27-08',
      '2027-08-01',
      'August',
      '',
      ' 2027-08',
      '1850-01',
    ]) {
      expect(parseMonth(bad)).toBeUndefined()
    }
    expect(parseMonth(['2027-08'])).toBeUndefined()
    expect(parseMonth(undefined)).toBeUndefined()
  })

  it('knows month lengths, leap years included, and names months as GOV.UK writes them', () => {
    expect(monthRange('2028-02')).toEqual({ firstDay: '2028-02-01', lastDay: '2028-02-29' })
    expect(monthRange('2027-02')).toEqual({ firstDay: '2027-02-01', lastDay: '2027-02-28' })
    expect(monthRange('2026-11').lastDay).toBe('2026-11-30')
    expect(monthLabel('2026-11')).toBe('November 2026')
    expect(monthOf('2026-11-23')).toBe('2026-11')
  })
})

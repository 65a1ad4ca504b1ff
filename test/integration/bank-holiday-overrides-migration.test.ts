import { migrationConfig } from '../../src/data/db'
import { loadBankHolidayCalendar } from '../../src/data/calendar'
import { bankHolidaysByRule } from '../../src/domain/bankHolidays'
import { createTestDatabase, type TestDatabase } from '../support/database'

const MIGRATION = '20261201100000_bank_holiday_overrides.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.destroy())

const config = () => ({ ...migrationConfig(t.schema), name: MIGRATION })
const rows = () => t.db('bank_holidays').orderBy('holiday_on').select('holiday_on', 'title', 'observed')

test('a council’s old list becomes its changes to the rule, with the years it held confirmed, and back', async () => {
  await t.db.migrate.down(config())
  // Before: the list was the whole truth. 2027 as published but for the spring bank holiday, moved a day on,
  // and Christmas renamed; plus one extra day in 2030.
  const list2027 = bankHolidaysByRule(2027)
    .filter((d) => d.date !== '2027-05-31')
    .map((d) => ({ holiday_on: d.date, title: d.date === '2027-12-27' ? 'Christmas (observed)' : d.title }))
  await t
    .db('bank_holidays')
    .insert([
      ...list2027,
      { holiday_on: '2027-06-01', title: 'Spring bank holiday' },
      { holiday_on: '2030-06-03', title: 'County day' },
    ])

  await t.db.migrate.up(config())
  // 2030 held one day, not a whole year's list: its day is an added one, and the rule gives the rest.
  expect(await t.db('bank_holiday_years').orderBy('year').pluck('year')).toEqual([2027])
  expect(await rows()).toEqual([
    { holiday_on: '2027-05-31', title: 'Spring bank holiday', observed: false },
    { holiday_on: '2027-06-01', title: 'Spring bank holiday', observed: true },
    { holiday_on: '2027-12-27', title: 'Christmas (observed)', observed: true },
    { holiday_on: '2030-06-03', title: 'County day', observed: true },
  ])
  // Every day the council counted as a holiday before still is, and no other day in the years it listed.
  const calendar = await loadBankHolidayCalendar(t.db)
  expect(
    calendar
      .daysIn(2027)
      .filter((d) => d.observed)
      .map((d) => d.date),
  ).toEqual([...list2027.map((d) => d.holiday_on), '2027-06-01'].sort())
  expect(calendar.has('2030-06-03') && calendar.has('2030-12-25')).toBe(true)

  await t.db.migrate.down(config())
  const restored: { holiday_on: string }[] = await t
    .db('bank_holidays')
    .orderBy('holiday_on')
    .select('holiday_on')
  expect(restored.filter((r) => r.holiday_on.startsWith('2027')).map((r) => r.holiday_on)).toEqual(
    [...list2027.map((d) => d.holiday_on), '2027-06-01'].sort(),
  )
  expect(restored.filter((r) => r.holiday_on.startsWith('2030'))).toEqual([{ holiday_on: '2030-06-03' }])
  await t.db.migrate.up(config())
})

import { parseDateField } from '../../src/web/dateFields'

const rules = { label: 'Date of birth', required: true, notAfter: '2026-11-23' }
const body = (day: string, month: string, year: string) => ({
  'dob-day': day,
  'dob-month': month,
  'dob-year': year,
})

test.each([
  [body('', '', ''), 'Enter the date of birth'],
  [body('12', '', '2019'), 'Date of birth must include a month'],
  [body('', '', '2019'), 'Date of birth must include a day and month'],
  [body('30', '2', '2020'), 'Date of birth must be a real date'],
  [body('x', '2', '2020'), 'Date of birth must be a real date'],
  [body('1', '2', '20'), 'Year must include 4 numbers'],
  [body('24', '11', '2026'), 'Date of birth must be today or in the past'],
])('%j → %s', (input, message) => {
  const result = parseDateField(input, 'dob', rules)
  expect(result.ok).toBe(false)
  if (!result.ok) expect(result.error).toBe(message)
})

test.each([
  [body('29', '2', '2020'), '2020-02-29'],
  [body(' 3 ', '09', '2015'), '2015-09-03'],
  [body('23', '11', '2026'), '2026-11-23'],
])('%j → %s', (input, iso) => {
  expect(parseDateField(input, 'dob', rules)).toMatchObject({ ok: true, value: iso })
})

test('an optional date left empty is no date, not an error', () => {
  expect(parseDateField(body('', '', ''), 'dob', { ...rules, required: false })).toMatchObject({
    ok: true,
    value: undefined,
  })
})

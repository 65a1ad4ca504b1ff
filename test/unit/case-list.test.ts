import fc from 'fast-check'
import { annualReviewWindow, deadlineWindow, paginate } from '../../src/domain/caseList'
import { addDays } from '../../src/domain/dates'

test.each([
  [1, 1, [1]],
  [60, 1, [1, 2, 3]],
  [250, 1, [1, 2, null, 10]],
  [250, 5, [1, null, 4, 5, 6, null, 10]],
  [250, 10, [1, null, 9, 10]],
  [250, 99, [1, null, 9, 10]],
  [0, 1, [1]],
])('%i cases, page %i → %j', (total, page, links) => {
  expect(paginate(total, page).links).toEqual(links)
})

test('deadline windows: overdue before today, due soon within 14 days, due later after that', () => {
  expect(deadlineWindow('overdue', '2026-11-23')).toEqual({ kind: 'range', before: '2026-11-23' })
  expect(deadlineWindow('due_soon', '2026-11-23')).toEqual({
    kind: 'range',
    from: '2026-11-23',
    before: '2026-12-08',
  })
  expect(deadlineWindow('on_track', '2026-11-23')).toEqual({ kind: 'range', from: '2026-12-08' })
  expect(deadlineWindow('none', '2026-11-23')).toEqual({ kind: 'none' })
})

describe('annual review windows (the next review, CFA 2014 s.44(1))', () => {
  const inWindow = (w: { from?: string; before?: string }, due: string) =>
    (!w.from || due >= w.from) && (!w.before || due < w.before)

  test.each([
    // [today, due, overdue, within 4 weeks, within 12 weeks]
    ['2026-11-23', '2026-11-22', true, false, false],
    ['2026-11-23', '2026-11-23', false, true, true],
    ['2026-11-23', '2026-12-21', false, true, true], // 28 days on: the last day of 4 weeks
    ['2026-11-23', '2026-12-22', false, false, true],
    ['2026-11-23', '2027-02-15', false, false, true], // 84 days on: the last day of 12 weeks
    ['2026-11-23', '2027-02-16', false, false, false],
    ['2028-02-01', '2028-02-29', false, true, true], // leap day, 28 days on
    ['2027-12-25', '2028-01-22', false, true, true], // across the year end
  ] as const)('today %s, due %s', (today, due, overdue, in4, in12) => {
    expect(inWindow(annualReviewWindow('overdue', today), due)).toBe(overdue)
    expect(inWindow(annualReviewWindow('within_4_weeks', today), due)).toBe(in4)
    expect(inWindow(annualReviewWindow('within_12_weeks', today), due)).toBe(in12)
  })

  test('every date due within 4 weeks is due within 12 weeks, and none of them is overdue', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -200, max: 200 }), (d, offset) => {
        const today = addDays('2000-01-01', d)
        const due = addDays(today, offset)
        if (inWindow(annualReviewWindow('within_4_weeks', today), due)) {
          expect(inWindow(annualReviewWindow('within_12_weeks', today), due)).toBe(true)
          expect(inWindow(annualReviewWindow('overdue', today), due)).toBe(false)
        }
        expect(inWindow(annualReviewWindow('overdue', today), due)).toBe(offset < 0)
      }),
    )
  })
})

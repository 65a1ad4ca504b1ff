import { deadlineWindow, paginate } from '../../src/domain/caseList'

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

import { papersCompleteOn } from '../../src/domain/papers'

const advice = (source: 'health' | 'school', requestedOn: string | null, receivedOn: string | null) => ({
  source,
  requestedOn,
  receivedOn,
})

test.each([
  [[], null],
  [[advice('health', '2026-09-01', null)], null],
  [[advice('health', '2026-09-01', '2026-10-02'), advice('school', '2026-09-03', null)], null],
  [
    [advice('health', '2026-09-01', '2026-10-02'), advice('school', '2026-09-03', '2026-09-20')],
    '2026-10-02',
  ],
  [[advice('school', null, '2026-09-20')], '2026-09-20'],
  [[advice('health', null, null)], null],
])('%j → %s', (evidence, expected) => {
  expect(papersCompleteOn(evidence)).toBe(expected)
})

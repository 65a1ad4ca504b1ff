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

describe('when a caseworker said no advice is needed', () => {
  test('with nothing asked for, the papers are complete from that day', () => {
    expect(papersCompleteOn([], '2026-11-23')).toBe('2026-11-23')
    expect(papersCompleteOn([advice('health', null, null)], '2026-11-23')).toBe('2026-11-23')
  })

  test('advice asked for after all is waited for as usual, the statement no longer counting', () => {
    expect(papersCompleteOn([advice('health', '2026-11-24', null)], '2026-11-23')).toBeNull()
    expect(papersCompleteOn([advice('health', '2026-11-24', '2026-11-30')], '2026-11-23')).toBe('2026-11-30')
  })
})

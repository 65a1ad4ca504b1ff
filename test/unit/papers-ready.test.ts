import { loadConfig } from '../../src/config'
import {
  DEFAULT_PAPERS_READY_WORKING_DAYS,
  isPapersReadyNoticeDue,
  papersReadyHorizon,
  type SittingForPapers,
} from '../../src/domain/papersReady'

/** Christmas and Boxing Day 2026 (Boxing Day falls on a Saturday, so the 28th is the holiday). */
const BANK_HOLIDAYS = new Set(['2026-12-25', '2026-12-28'])

const sitting = (over: Partial<SittingForPapers> = {}): SittingForPapers => ({
  sittingOn: '2026-11-30',
  status: 'scheduled',
  itemCount: 3,
  papersReadyNotifiedAt: null,
  ...over,
})

describe('when members are told a sitting’s papers are ready', () => {
  // Monday 23 November 2026: five working days on is Monday 30 November.
  const today = '2026-11-23'

  test('five working days from a Monday is the next Monday; bank holidays do not count', () => {
    expect(papersReadyHorizon(today, 5, BANK_HOLIDAYS)).toBe('2026-11-30')
    expect(papersReadyHorizon('2026-12-21', 5, BANK_HOLIDAYS)).toBe('2026-12-30')
    // From a Saturday, the count starts with Monday.
    expect(papersReadyHorizon('2026-11-28', 1, BANK_HOLIDAYS)).toBe('2026-11-30')
  })

  test('a sitting within the working days, with cases, not yet told, is due', () => {
    expect(isPapersReadyNoticeDue(sitting(), today, 5, BANK_HOLIDAYS)).toBe(true)
    expect(isPapersReadyNoticeDue(sitting({ sittingOn: today }), today, 5, BANK_HOLIDAYS)).toBe(true)
  })

  test('a sitting further ahead waits', () => {
    expect(isPapersReadyNoticeDue(sitting({ sittingOn: '2026-12-01' }), today, 5, BANK_HOLIDAYS)).toBe(false)
    expect(isPapersReadyNoticeDue(sitting({ sittingOn: '2026-12-01' }), today, 6, BANK_HOLIDAYS)).toBe(true)
  })

  test('bank holidays push the window out: before Christmas, five working days reach the 30th', () => {
    const beforeChristmas = sitting({ sittingOn: '2026-12-30' })
    expect(isPapersReadyNoticeDue(beforeChristmas, '2026-12-21', 5, BANK_HOLIDAYS)).toBe(true)
    expect(isPapersReadyNoticeDue(beforeChristmas, '2026-12-21', 5, new Set())).toBe(false)
  })

  test.each([
    ['already told', { papersReadyNotifiedAt: new Date('2026-11-20T07:00:00Z') }],
    ['with an empty agenda', { itemCount: 0 }],
    ['cancelled', { status: 'cancelled' as const }],
    ['already held', { status: 'held' as const }],
    ['in the past', { sittingOn: '2026-11-20' }],
  ])('a sitting %s is not', (_, over) => {
    expect(isPapersReadyNoticeDue(sitting(over), today, 5, BANK_HOLIDAYS)).toBe(false)
  })
})

describe('the setting', () => {
  test('members are told five working days ahead unless PAPERS_READY_WORKING_DAYS is a whole number from 1 to 20', () => {
    expect(loadConfig({}).papersReadyWorkingDays).toBe(DEFAULT_PAPERS_READY_WORKING_DAYS)
    expect(DEFAULT_PAPERS_READY_WORKING_DAYS).toBe(2)
    expect(loadConfig({ PAPERS_READY_WORKING_DAYS: '1' }).papersReadyWorkingDays).toBe(1)
    expect(loadConfig({ PAPERS_READY_WORKING_DAYS: '20' }).papersReadyWorkingDays).toBe(20)
    for (const bad of ['0', '21', '-3', '2.5', 'five']) {
      expect(() => loadConfig({ PAPERS_READY_WORKING_DAYS: bad })).toThrow(
        'PAPERS_READY_WORKING_DAYS must be a whole number',
      )
    }
  })
})

import { explainMoves, explainWait } from '../../src/domain/queueMoves'
import { QUEUE_REASONS } from '../../src/domain/scheduler'

const facts = {
  cases: new Map([
    ['amara', { reference: 'NS-1', childName: 'Amara Khan', deadline: '2026-12-04' }],
    ['ben', { reference: 'NS-2', childName: 'Ben Hall', deadline: '2026-12-20' }],
  ]),
  sittings: new Map([
    ['dec8', { panelName: 'SEND panel', sittingOn: '2026-12-08' }],
    ['dec15', { panelName: 'SEND panel', sittingOn: '2026-12-15' }],
  ]),
}

describe('the queue’s moves in a chair’s words', () => {
  test('each move says from where to where, and names the more urgent case it was for', () => {
    const [move] = explainMoves(
      [
        {
          caseId: 'ben',
          fromSittingId: 'dec8',
          toSittingId: 'dec15',
          because: 'displaced',
          forCaseId: 'amara',
        },
      ],
      facts,
    )
    expect(move).toMatchObject({ reference: 'NS-2', childName: 'Ben Hall' })
    expect(move!.from).toMatch(/^SEND panel, /)
    expect(move!.to).toMatch(/^SEND panel, /)
    expect(move!.why).toContain('NS-1 (deadline ')
    expect(move!.why).toContain('earlier deadline')
  })

  test('a case the chair took off is told as such, and one left with no place says it waits', () => {
    const moves = explainMoves(
      [
        { caseId: 'amara', fromSittingId: 'dec8', toSittingId: null, because: 'new', forCaseId: null },
        {
          caseId: 'ben',
          fromSittingId: 'dec8',
          toSittingId: null,
          because: 'no_longer_fits',
          forCaseId: null,
        },
      ],
      facts,
      new Set(['amara']),
    )
    expect(moves.map((m) => [m.to, m.why])).toEqual([
      [null, 'Taken off that sitting. No other sitting can take it yet: it waits in the queue.'],
      [null, expect.stringContaining('no other can take it yet')],
    ])
  })
})

describe('a case sent back that no sitting can take yet', () => {
  const amara = { caseId: 'amara', reference: 'NS-1', childName: 'Amara Khan', deadline: '2026-12-04' }
  test('says it waits, with a reason for every reason the queue gives, naming the deadline it risks', () => {
    for (const reason of QUEUE_REASONS) {
      const wait = explainWait(amara, reason)
      expect(wait).toMatchObject({ caseId: 'amara', reference: 'NS-1', from: null, to: null })
      expect(wait.why).toMatch(/waits in the queue/)
      if (['no_sitting', 'papers_late', 'no_capacity', 'deadline_passed', 'papers_due'].includes(reason)) {
        expect(wait.why).toContain('deadline of 4 December 2026')
        expect(wait.why).toContain('at risk')
      }
    }
  })

  test('with no statutory deadline, it is not said to be at risk', () => {
    for (const reason of ['no_sitting', 'papers_late', 'no_capacity'] as const) {
      const wait = explainWait({ ...amara, deadline: null }, reason)
      expect(wait.why).not.toContain('at risk')
      expect(wait.why).not.toContain('deadline')
    }
  })
})

import { explainMoves } from '../../src/domain/queueMoves'

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

import fc from 'fast-check'
import {
  CLOSURE_ACTIONS,
  CLOSURE_REASONS,
  closureActionFor,
  closureProblems,
  ENDED_STATUS,
  isEnded,
  REASONS_FOR,
  reopenedStatus,
} from '../../src/domain/caseClosure'
import { CASE_STATUSES } from '../../src/domain/vocabulary'

const isoDate = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

const input = fc.record({
  action: fc.constantFrom(...CLOSURE_ACTIONS),
  reason: fc.constantFrom(...CLOSURE_REASONS),
  note: fc.option(fc.string({ minLength: 1 }), { nil: null }),
  endedOn: isoDate,
})

describe('which way a case can end', () => {
  test('an open case can end one way, an ended one only by being reopened first', () => {
    for (const status of CASE_STATUSES) {
      const action = closureActionFor(status)
      if (isEnded(status)) expect(action).toBeNull()
      else expect(action).toBe(status === 'decided' ? 'close' : 'withdraw')
    }
  })

  test('every reason offered has words, and "another reason" is offered both ways', () => {
    for (const action of CLOSURE_ACTIONS) expect(REASONS_FOR[action]).toContain('other')
    expect(REASONS_FOR.withdraw).not.toContain('decision_carried_out')
    expect(REASONS_FOR.close).not.toContain('family_withdrew')
  })
})

describe('what is wrong with an ending (properties)', () => {
  test('an ending is accepted exactly when its reason fits, a note backs "another reason" and its date is in range', () => {
    fc.assert(
      fc.property(input, isoDate, isoDate, (ending, receivedOn, today) => {
        const problems = closureProblems(ending, { receivedOn, today })
        const fields = problems.map((p) => p.field)
        expect(fields.includes('reason')).toBe(!REASONS_FOR[ending.action].includes(ending.reason))
        expect(fields.includes('note')).toBe(ending.reason === 'other' && !ending.note)
        expect(fields.includes('endedOn')).toBe(ending.endedOn > today || ending.endedOn < receivedOn)
        for (const p of problems) expect(p.message.length).toBeGreaterThan(0)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('reopening (properties)', () => {
  test('an open case ended and reopened is back where it was, or waiting for a place it lost', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATUSES.filter((s) => !isEnded(s))), (before) => {
        const ended = ENDED_STATUS[closureActionFor(before)!]
        const back = reopenedStatus(ended, before)
        expect(back).toBe(before === 'scheduled' ? 'submitted' : before)
      }),
    )
  })

  test('a reopened case is never left ended, whatever was recorded before it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('closed' as const, 'withdrawn' as const),
        fc.option(fc.constantFrom(...CASE_STATUSES), { nil: null }),
        (ended, before) => {
          const back = reopenedStatus(ended, before)
          expect(isEnded(back)).toBe(false)
          if (before === null) expect(back).toBe(ended === 'closed' ? 'decided' : 'submitted')
        },
      ),
    )
  })
})

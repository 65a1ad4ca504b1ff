import fc from 'fast-check'
import { firstPossibleSitting, lateDeferral } from '../../src/domain/deferralTiming'
import type { QueueSitting } from '../../src/domain/scheduler'

const TODAY = '2026-11-23'

function sitting(
  id: string,
  sittingOn: string,
  cutoffOn: string,
  open = true,
  startsAt = '10:00',
): QueueSitting {
  return { id, panelId: 'p', sittingOn, startsAt, cutoffOn, capacity: 6, open }
}

describe('the first sitting a deferred case could go to', () => {
  test('is the earliest open one still to come whose cut-off is on or after the papers’ date', () => {
    const sittings = [
      sitting('past-cutoff', '2026-12-01', '2026-11-20'),
      sitting('too-soon', '2026-12-08', '2026-12-01'),
      sitting('closed', '2026-12-15', '2026-12-10', false),
      sitting('afternoon', '2026-12-22', '2026-12-15', true, '14:00'),
      sitting('morning', '2026-12-22', '2026-12-15', true, '09:30'),
    ]
    expect(firstPossibleSitting(sittings, '2026-12-10', TODAY)?.id).toBe('morning')
    expect(firstPossibleSitting(sittings, '2026-12-16', TODAY)).toBeNull()
  })

  test('warns only for a case with a deadline that its first possible sitting misses', () => {
    const first = sitting('s', '2026-12-22', '2026-12-15')
    expect(lateDeferral(null, first)).toBeNull()
    expect(lateDeferral('2026-12-22', first)).toBeNull()
    expect(lateDeferral('2026-12-21', first)).toEqual({
      deadline: '2026-12-21',
      firstSittingOn: '2026-12-22',
    })
    expect(lateDeferral('2026-12-21', null)).toEqual({ deadline: '2026-12-21', firstSittingOn: null })
  })

  test('property: it warns exactly when no sitting that may take the case meets by the deadline', () => {
    const day = fc.integer({ min: 1, max: 60 }).map((n) => {
      const d = new Date(Date.UTC(2026, 10, 23 + n))
      return d.toISOString().slice(0, 10)
    })
    const arbSitting = fc
      .record({ on: day, cutoffBack: fc.integer({ min: 0, max: 15 }), open: fc.boolean() })
      .map(({ on, cutoffBack, open }) => {
        const cutoff = new Date(Date.parse(`${on}T00:00:00Z`) - cutoffBack * 86_400_000)
          .toISOString()
          .slice(0, 10)
        return { on, cutoff, open }
      })
    fc.assert(
      fc.property(fc.array(arbSitting, { maxLength: 8 }), day, day, (raw, papersOn, deadline) => {
        const sittings = raw.map((r, i) => sitting(`s${i}`, r.on, r.cutoff, r.open))
        const warning = lateDeferral(deadline, firstPossibleSitting(sittings, papersOn, TODAY))
        const inTime = sittings.some(
          (s) =>
            s.open &&
            s.sittingOn > TODAY &&
            s.cutoffOn >= TODAY &&
            s.cutoffOn >= papersOn &&
            s.sittingOn <= deadline,
        )
        expect(warning === null).toBe(inTime)
      }),
    )
  })
})

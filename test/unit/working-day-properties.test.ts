import fc from 'fast-check'
import { addMonths, appealDeadline } from '../../src/domain/appealDeadline'
import {
  bankHolidayCalendar,
  bankHolidaysByRule,
  type BankHolidayOverride,
} from '../../src/domain/bankHolidays'
import { addDays, type IsoDate } from '../../src/domain/dates'
import { post16MoveDeadlines, annualReviewDeadlines } from '../../src/domain/statutoryClock'
import {
  firstWorkingDayAfter,
  isWorkingDay,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from '../../src/domain/workingDays'

/*
 * Whatever the date and whatever the council has changed: a last day moved forward is a working day and
 * never earlier than the plain calendar count; a latest safe date moved back is a working day and never
 * later than it.
 */

const FIRST = '1978-01-01'
const DAYS = 45_000 // to 2101

const date = fc.integer({ min: 0, max: DAYS }).map((n) => addDays(FIRST, n))

/** A council's changes: some of the rule's days removed, and some other days added. */
const overrides = fc
  .array(
    fc.record({
      year: fc.integer({ min: 1978, max: 2101 }),
      removeIndex: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
      addOn: fc.option(fc.integer({ min: 0, max: 364 }), { nil: undefined }),
    }),
    { maxLength: 6 },
  )
  .map((changes) => {
    const byDate = new Map<IsoDate, BankHolidayOverride>()
    for (const c of changes) {
      const removed = c.removeIndex === undefined ? undefined : bankHolidaysByRule(c.year)[c.removeIndex]
      if (removed) byDate.set(removed.date, { ...removed, observed: false })
      if (c.addOn !== undefined) {
        const added = addDays(`${c.year}-01-01`, c.addOn)
        byDate.set(added, { date: added, title: 'Added day', observed: true })
      }
    }
    return bankHolidayCalendar([...byDate.values()], [])
  })

test('the appeal’s last day is a working day, never before the later of letter + 2 months and certificate + 1', () => {
  fc.assert(
    fc.property(
      date,
      fc.option(fc.integer({ min: 0, max: 400 })),
      overrides,
      (letter, certificateAfter, holidays) => {
        const mediationCertificate = certificateAfter === null ? null : addDays(letter, certificateAfter)
        const afterLetter = addMonths(letter, 2)
        const afterCertificate = mediationCertificate ? addMonths(mediationCertificate, 1) : afterLetter
        const counted = afterCertificate > afterLetter ? afterCertificate : afterLetter
        const { lastDay, countedTo } = appealDeadline({ letter, mediationCertificate }, holidays)
        expect(countedTo).toBe(counted)
        expect(isWorkingDay(lastDay, holidays)).toBe(true)
        expect(lastDay >= counted).toBe(true)
        // Rule 12(3): a count ending in August, or from 25 December to 1 January, goes past the window.
        const year = Number(counted.slice(0, 4))
        if (counted.slice(5, 7) === '08') expect(lastDay > `${year}-08-31`).toBe(true)
        if (counted.slice(5) >= '12-25') expect(lastDay > `${year + 1}-01-01`).toBe(true)
        if (counted.slice(5) === '01-01') expect(lastDay > counted).toBe(true)
      },
    ),
    { numRuns: 2000 },
  )
})

test('moving forward to a working day never goes back, and stops at the first one', () => {
  fc.assert(
    fc.property(date, overrides, (day, holidays) => {
      const onOrAfter = workingDayOnOrAfter(day, holidays)
      expect(isWorkingDay(onOrAfter, holidays)).toBe(true)
      expect(onOrAfter >= day).toBe(true)
      for (let d = day; d < onOrAfter; d = addDays(d, 1)) expect(isWorkingDay(d, holidays)).toBe(false)
      const after = firstWorkingDayAfter(day, holidays)
      expect(after > day && isWorkingDay(after, holidays)).toBe(true)
    }),
    { numRuns: 2000 },
  )
})

test('moving back to a working day never goes forward, and stops at the first one', () => {
  fc.assert(
    fc.property(date, overrides, (day, holidays) => {
      const onOrBefore = workingDayOnOrBefore(day, holidays)
      expect(isWorkingDay(onOrBefore, holidays)).toBe(true)
      expect(onOrBefore <= day).toBe(true)
      for (let d = day; d > onOrBefore; d = addDays(d, -1)) expect(isWorkingDay(d, holidays)).toBe(false)
    }),
    { numRuns: 2000 },
  )
})

test('latest safe dates are working days, never after the plain count, each with its whole allowance after it', () => {
  fc.assert(
    fc.property(date, overrides, (moveOn, holidays) => {
      const [papers, meeting, notice, plan] = post16MoveDeadlines(moveOn, holidays)
      if (!papers || !meeting || !notice || !plan) throw new Error('four steps expected')
      for (const d of [papers, meeting, notice]) {
        expect(d.basis).toBe('latest_safe')
        expect(isWorkingDay(d.due, holidays)).toBe(true)
      }
      expect(plan.basis).toBe('statutory')
      // The plain calendar counts: 8, 12 and 14 weeks before the plan.
      expect(notice.due <= addDays(plan.due, -56)).toBe(true)
      expect(meeting.due <= addDays(plan.due, -84)).toBe(true)
      expect(papers.due <= addDays(plan.due, -98)).toBe(true)
      // Each step keeps its whole allowance before the next: 8 weeks, 4 weeks, 2 weeks.
      expect(addDays(notice.due, 56) <= plan.due).toBe(true)
      expect(addDays(meeting.due, 28) <= notice.due).toBe(true)
      expect(addDays(papers.due, 14) <= meeting.due).toBe(true)
    }),
    { numRuns: 1000 },
  )
})

test('an annual review’s derived plan date is a working day, never after meeting + 12 weeks', () => {
  fc.assert(
    fc.property(date, overrides, (meeting, holidays) => {
      const [, plan] = annualReviewDeadlines({ meeting }, holidays)
      expect(plan?.basis).toBe('latest_safe')
      expect(isWorkingDay(plan!.due, holidays)).toBe(true)
      expect(plan!.due <= addDays(meeting, 84)).toBe(true)
    }),
    { numRuns: 1000 },
  )
})

import { bankHolidayCalendar } from '../../src/domain/bankHolidays'
import {
  annualReviewDeadlines,
  phaseTransferDeadlines,
  post16MoveDeadlines,
  type Deadline,
} from '../../src/domain/statutoryClock'
import { workingDayOnOrBefore } from '../../src/domain/workingDays'
import { appealDeadline, appealDeadlineYears } from '../../src/domain/appealDeadline'

/*
 * Latest safe dates come back to the working day before when the count lands on a weekend or bank holiday.
 * Every date below was worked out by hand with `cal`: the count in whole weeks from the statutory date, then
 * back over any Saturday, Sunday or bank holiday (the rule's, as the council has not changed any).
 */
const holidays = bankHolidayCalendar([], [2025, 2026, 2027, 2028])

const steps = (deadlines: Deadline[]) => deadlines.map((d) => [d.step, d.due, d.basis])

describe('the working day on or before a date', () => {
  test.each([
    ['2026-02-13', '2026-02-13'], // a Friday is itself
    ['2026-02-15', '2026-02-13'], // Sunday back to Friday
    ['2026-02-14', '2026-02-13'], // Saturday back to Friday
    ['2026-04-06', '2026-04-02'], // Easter Monday, then Good Friday, back to Maundy Thursday
    ['2026-12-28', '2026-12-24'], // Boxing Day (substitute), Sunday, Saturday and Christmas Day
    ['2027-12-28', '2027-12-24'], // both substitute days and the weekend, to Christmas Eve
    ['2028-01-03', '2027-12-31'], // New Year's Day (substitute) back across the year end
    ['2027-08-30', '2027-08-27'], // the summer bank holiday Monday
    ['2027-05-31', '2027-05-28'], // the spring bank holiday, at the month's end
    ['2028-03-01', '2028-03-01'], // the day after a leap day is a Wednesday
    ['2032-02-29', '2032-02-27'], // a Sunday leap day
    ['2029-03-30', '2029-03-29'], // Good Friday 2029, by the rule
  ])('%s → %s', (date, working) => {
    expect(workingDayOnOrBefore(date, holidays)).toBe(working)
  })
})

describe('phase transfers (reg 18; regs 20 and 22 for the steps before): each step a working day', () => {
  test.each([
    // 15 February 2026 is a Sunday: the notice 8 weeks before is Sunday 21 December 2025, back to Friday 19;
    // the meeting 4 weeks before that, Friday 21 November; the papers 2 weeks before, Friday 7 November.
    [2026, 'school', '2025-11-07', '2025-11-21', '2025-12-19', '2026-02-15'],
    // 15 February 2027 is a Monday: nothing moves.
    [2027, 'school', '2026-11-09', '2026-11-23', '2026-12-21', '2027-02-15'],
    [2028, 'school', '2027-11-09', '2027-11-23', '2027-12-21', '2028-02-15'],
    // A Saturday 15 February 2031: Saturday 21 December 2030 back to Friday 20.
    [2031, 'school', '2030-11-08', '2030-11-22', '2030-12-20', '2031-02-15'],
    [2032, 'school', '2031-11-07', '2031-11-21', '2031-12-19', '2032-02-15'],
    // 31 March 2026 is a Tuesday: nothing moves.
    [2026, 'post16', '2025-12-23', '2026-01-06', '2026-02-03', '2026-03-31'],
    // 31 March 2029 is a Saturday: the notice on Saturday 3 February back to Friday 2; the meeting Friday
    // 5 January; the papers Friday 22 December 2028.
    [2029, 'post16', '2028-12-22', '2029-01-05', '2029-02-02', '2029-03-31'],
    // 31 March 2030, a Sunday: notice Sunday 3 February back to Friday 1 February.
    [2030, 'post16', '2029-12-21', '2030-01-04', '2030-02-01', '2030-03-31'],
  ] as const)('%i %s: papers %s, meeting %s, decision %s, plan %s', (year, transfer, ...expected) => {
    const [papers, meeting, decision, plan] = expected
    expect(steps(phaseTransferDeadlines(year, transfer, holidays))).toEqual([
      ['circulate_review_papers', papers, 'latest_safe'],
      ['hold_review_meeting', meeting, 'latest_safe'],
      ['notify_review_decision', decision, 'latest_safe'],
      ['issue_amended_plan', plan, 'statutory'],
    ])
  })

  test('for 2026 school moves none of the latest safe dates is a Sunday any more', () => {
    const derived = phaseTransferDeadlines(2026, 'school', holidays).filter((d) => d.basis === 'latest_safe')
    for (const d of derived) expect(new Date(`${d.due}T00:00:00Z`).getUTCDay()).toBe(5)
  })
})

describe('a post-16 move at another time (reg 18: the plan 5 months before), worked back to working days', () => {
  test.each([
    // Plan due Monday 24 May 2027; notice Easter Monday 29 March, back past Good Friday to Thursday 25 March.
    ['2027-10-24', '2027-02-11', '2027-02-25', '2027-03-25', '2027-05-24'],
    // Plan due Friday 19 February 2027; notice on Christmas Day 2026 (a Friday), back to Thursday 24 December.
    ['2027-07-19', '2026-11-12', '2026-11-26', '2026-12-24', '2027-02-19'],
    // Plan due Monday 25 October 2027; notice on the summer bank holiday, 30 August, back to Friday 27 August.
    ['2028-03-25', '2027-07-16', '2027-07-30', '2027-08-27', '2027-10-25'],
    // Plan due Monday 28 February 2028; notice on New Year's Day (substitute), Monday 3 January 2028, back
    // over the weekend to Friday 31 December 2027.
    ['2028-07-28', '2027-11-19', '2027-12-03', '2027-12-31', '2028-02-28'],
    // Plan due Tuesday 22 February 2028; notice on Boxing Day (substitute), Tuesday 28 December 2027, back
    // over Christmas (substitute) and the weekend to Friday 24 December.
    ['2028-07-22', '2027-11-12', '2027-11-26', '2027-12-24', '2028-02-22'],
    // Move on 31 July 2028: plan by Tuesday 29 February 2028 (the month's end); notice Tuesday 4 January.
    ['2028-07-31', '2027-11-23', '2027-12-07', '2028-01-04', '2028-02-29'],
  ])(
    'a move on %s: papers %s, meeting %s, decision %s, plan %s',
    (moveOn, papers, meeting, decision, plan) => {
      expect(post16MoveDeadlines(moveOn, holidays).map((d) => d.due)).toEqual([
        papers,
        meeting,
        decision,
        plan,
      ])
    },
  )
})

describe('an annual review with no notice yet: the amended plan a derived latest date (regs 20 and 22)', () => {
  test.each([
    // meeting, the latest safe date for the amended plan (meeting + 12 weeks, back to a working day)
    ['2027-02-01', '2027-04-26'], // a Monday, and nothing in the way
    ['2027-02-08', '2027-04-30'], // + 12 weeks is the early May bank holiday, Monday 3 May: back to Friday
    ['2026-10-02', '2026-12-24'], // + 12 weeks is Christmas Day, a Friday: back to Christmas Eve
    ['2027-06-05', '2027-08-27'], // a Saturday meeting: + 12 weeks a Saturday, back to Friday 27 August
    ['2028-02-01', '2028-04-25'], // the decision falls on the leap day; the plan Tuesday 25 April
  ])('meeting %s: the amended plan by %s, labelled a latest safe date', (meeting, plan) => {
    const [decision, amended] = annualReviewDeadlines({ meeting }, holidays)
    expect(decision?.basis).toBe('statutory')
    expect(amended).toMatchObject({ step: 'issue_amended_plan', due: plan, basis: 'latest_safe' })
  })

  test('with the notice known, the plan is the statutory 8 weeks from it, whatever day that is', () => {
    // Notice Sunday 3 January 2027 + 8 weeks is Sunday 28 February: a statutory date is not moved.
    const [, amended] = annualReviewDeadlines({ meeting: '2026-12-10', notice: '2027-01-03' }, holidays)
    expect(amended).toMatchObject({ due: '2027-02-28', basis: 'statutory' })
    expect(amended?.bankHolidayYears).toBeUndefined()
  })

  test('names the years its move depends on, so that a date in an unconfirmed year can say so', () => {
    // Meeting Monday 12 February 2029: + 12 weeks is the rule's early May bank holiday, 7 May 2029.
    const [, amended] = annualReviewDeadlines({ meeting: '2029-02-12' }, holidays)
    expect(amended).toMatchObject({ due: '2029-05-04', bankHolidayYears: [2029] })
  })
})

describe('appeal last days beyond the published list, by the rule (HESC Rules 2008, rules 12 and 20)', () => {
  test.each([
    // letter, mediation certificate, last day
    // The case: 2 months is Good Friday 30 March 2029; then the weekend and Easter Monday.
    ['2029-01-30', null, '2029-04-03'],
    ['2029-01-31', null, '2029-04-03'], // Saturday 31 March, Sunday, Easter Monday 2 April
    ['2029-03-07', null, '2029-05-08'], // the early May bank holiday, Monday 7 May 2029
    ['2029-03-28', null, '2029-05-29'], // the spring bank holiday, Monday 28 May 2029
    ['2029-10-25', null, '2030-01-02'], // Christmas Day: to the first working day after 1 January 2030
    ['2029-12-31', null, '2030-02-28'], // clamped to the end of February; a Thursday
    ['2031-12-31', null, '2032-03-01'], // the leap day 29 February 2032 is a Sunday
    ['2032-10-31', null, '2033-01-04'], // 1 January 2033 a Saturday: its substitute is Monday 3 January
    ['2038-02-23', null, '2038-04-27'], // Good Friday 23 April 2038, the latest Easter
    ['2044-10-26', null, '2045-01-03'], // 1 January 2045 a Sunday: its substitute is Monday 2 January
    ['2049-06-30', null, '2049-09-01'], // August (the summer bank holiday too) to Wednesday 1 September
    ['2100-01-26', null, '2100-03-30'], // Good Friday 26 March 2100, Easter Monday 29 March
    ['2100-10-27', null, '2101-01-04'], // 1 January 2101 a Saturday, Monday 3 January its substitute
    ['2029-01-10', '2029-03-02', '2029-04-03'], // the certificate's month ends on Easter Monday 2029
  ])('letter %s, certificate %s: last day %s', (letter, certificate, lastDay) => {
    expect(appealDeadline({ letter, mediationCertificate: certificate }, holidays).lastDay).toBe(lastDay)
  })

  test('the years a last day depends on run from the counted date to the last day', () => {
    const deadline = appealDeadline({ letter: '2028-10-31' }, holidays)
    expect(deadline).toMatchObject({ countedTo: '2028-12-31', lastDay: '2029-01-02' })
    expect(appealDeadlineYears(deadline)).toEqual([2028, 2029])
  })
})

import bankHolidayList from '../../src/data/demoCouncil/bank-holidays-england-and-wales.json'
import {
  addMonths,
  appealDeadline,
  firstWorkingDayAfter,
  isWorkingDay,
  workingDayOnOrAfter,
} from '../../src/domain/appealDeadline'
import {
  annualReviewDeadlines,
  assessmentDeadlines,
  deadlinesFor,
  deadlineState,
  draftCommentPeriod,
  hasStatutoryClock,
  issuePlanDeadlines,
  phaseTransferDeadlines,
  post16MoveDeadlines,
  type DeadlineStep,
} from '../../src/domain/statutoryClock'
import { exceptionProblems, timeliness, type ClockException } from '../../src/domain/clockExceptions'

// The real English and Welsh bank holidays 2025–2028, as the demo council seeds them.
const HOLIDAYS = bankHolidayList.events.map((e) => e.date)
const HOLIDAY_SET = new Set(HOLIDAYS)

function dueDates(deadlines: { step: DeadlineStep; due: string }[]): Record<string, string> {
  return Object.fromEntries(deadlines.map((d) => [d.step, d.due]))
}

// Every expected date below was worked out by hand and checked with `date -d '<date> +N days'` and `cal`.

describe('assessment request: 6, 16 and 20 weeks from the day the request was received', () => {
  test.each([
    // received, decide (+42), not issuing a plan (+112), final plan (+140)
    ['2026-01-05', '2026-02-16', '2026-04-27', '2026-05-25'],
    ['2026-07-20', '2026-08-31', '2026-11-09', '2026-12-07'], // no pause for the summer holiday
    ['2027-01-31', '2027-03-14', '2027-05-23', '2027-06-20'], // through a 28-day February
    ['2028-01-31', '2028-03-13', '2028-05-22', '2028-06-19'], // through 29 February 2028
    ['2027-12-31', '2028-02-11', '2028-04-21', '2028-05-19'], // across the year end and the leap day
    ['2028-02-29', '2028-04-11', '2028-06-20', '2028-07-18'], // received on the leap day
    ['2027-06-01', '2027-07-13', '2027-09-21', '2027-10-19'],
  ])(
    'received %s: decide by %s, tell them no plan by %s, final plan by %s',
    (received, decide, noPlan, finalPlan) => {
      expect(dueDates(assessmentDeadlines(received))).toEqual({
        decide_whether_to_assess: decide,
        notify_plan_not_issued: noPlan,
        issue_final_plan: finalPlan,
      })
    },
  )

  test('each deadline carries a plain-English label and is statutory', () => {
    const [decide] = assessmentDeadlines('2026-01-05')
    expect(decide).toEqual({
      step: 'decide_whether_to_assess',
      due: '2026-02-16',
      label: 'Decide whether to carry out an EHC needs assessment, and tell the family',
      basis: 'statutory',
    })
  })

  test('after the assessment, the 16 and 20 weeks still run from the original request', () => {
    expect(dueDates(issuePlanDeadlines('2027-12-31'))).toEqual({
      notify_plan_not_issued: '2028-04-21',
      issue_final_plan: '2028-05-19',
    })
  })

  // Served on the second working day after it is sent (CPR 6.26 by analogy); 15 days beginning with that day.
  test.each([
    ['2026-11-23', '2026-12-09'],
    ['2028-02-20', '2028-03-07'], // across 29 February
    ['2027-12-20', '2028-01-05'],
  ])('a draft plan sent on %s leaves the family until %s to comment', (sent, by) => {
    expect(draftCommentPeriod(sent, HOLIDAY_SET).lastDay).toBe(by)
  })
})

describe('annual review: the decision 4 weeks after the meeting, the amended plan 8 weeks after the notice', () => {
  test.each([
    // meeting, notice, decision (+28), amended plan (notice + 56, or meeting + 84)
    ['2026-11-23', null, '2026-12-21', '2027-02-15'],
    ['2027-02-01', null, '2027-03-01', '2027-04-26'],
    ['2028-02-01', null, '2028-02-29', '2028-04-25'], // the decision falls on the leap day
    ['2027-12-10', '2027-12-20', '2028-01-07', '2028-02-14'],
    ['2027-12-10', null, '2028-01-07', '2028-03-03'],
  ])('meeting %s, notice %s: decision by %s, amended plan by %s', (meeting, notice, decision, plan) => {
    expect(dueDates(annualReviewDeadlines({ meeting, notice }, HOLIDAY_SET))).toEqual({
      notify_review_decision: decision,
      issue_amended_plan: plan,
    })
  })
})

describe('phase transfer: worked back from 15 February (school) or 31 March (post-16)', () => {
  test.each([
    // year, transfer, papers out (-98), meeting (-84), decision and notice (-56), amended plan
    [2027, 'school', '2026-11-09', '2026-11-23', '2026-12-21', '2027-02-15'],
    [2028, 'school', '2027-11-09', '2027-11-23', '2027-12-21', '2028-02-15'],
    [2027, 'post16', '2026-12-23', '2027-01-06', '2027-02-03', '2027-03-31'],
    [2028, 'post16', '2027-12-24', '2028-01-07', '2028-02-04', '2028-03-31'], // back across 29 February
  ] as const)(
    '%i %s: papers %s, meeting %s, decision %s, plan %s',
    (year, transfer, papers, meeting, decision, plan) => {
      const deadlines = phaseTransferDeadlines(year, transfer, HOLIDAY_SET)
      expect(deadlines.map((d) => [d.step, d.due, d.basis])).toEqual([
        ['circulate_review_papers', papers, 'latest_safe'],
        ['hold_review_meeting', meeting, 'latest_safe'],
        ['notify_review_decision', decision, 'latest_safe'],
        ['issue_amended_plan', plan, 'statutory'],
      ])
    },
  )

  test.each([
    // a post-16 move at another time: the amended plan 5 calendar months before, clamped to the month's end
    // The notice 8 weeks before the plan falls on Sunday 3 January 2027, and comes back past New Year's Day
    // (Friday 1 January) to Thursday 31 December 2026; the meeting is 4 weeks before that.
    ['2027-07-31', '2027-02-28', '2026-12-03'],
    ['2028-07-31', '2028-02-29', '2027-12-07'],
    // Notice on Sunday 20 June 2027, back to Friday 18 June; the meeting 4 weeks before, Friday 21 May.
    ['2028-01-15', '2027-08-15', '2027-05-21'],
  ])('a post-16 move on %s needs the plan by %s and the meeting by %s', (moveOn, plan, meeting) => {
    const due = dueDates(post16MoveDeadlines(moveOn, HOLIDAY_SET))
    expect(due.issue_amended_plan).toBe(plan)
    expect(due.hold_review_meeting).toBe(meeting)
  })
})

describe('deadlinesFor', () => {
  test('picks the clock for each kind, and only those kinds have one', () => {
    expect(deadlinesFor({ kind: 'assessment_request', received: '2026-01-05' }, HOLIDAY_SET)).toHaveLength(3)
    expect(
      deadlinesFor({ kind: 'phase_transfer', transferYear: 2027, transfer: 'school' }, HOLIDAY_SET),
    ).toHaveLength(4)
    expect(hasStatutoryClock('annual_review')).toBe(true)
    expect(hasStatutoryClock('placement')).toBe(false)
    expect(hasStatutoryClock('alternative_provision')).toBe(false)
  })
})

describe('appeal: the last day for the tribunal to receive the appeal (HESC Rules 2008, rules 12 and 20)', () => {
  test.each([
    // letter, mediation certificate, counted to, last day, why it moved
    ['2026-04-15', null, '2026-06-15', '2026-06-15', null],
    ['2027-04-30', null, '2027-06-30', '2027-06-30', null],
    ['2026-05-31', null, '2026-07-31', '2026-07-31', null], // a Friday: 31 July is not in August
    ['2026-07-01', null, '2026-09-01', '2026-09-01', null],
    ['2026-10-24', null, '2026-12-24', '2026-12-24', null], // Christmas Eve is outside the window
    // month ends: 2 calendar months, clamped to the end of February
    ['2026-12-31', null, '2027-02-28', '2027-03-01', 'not_a_working_day'], // 28 Feb 2027 is a Sunday
    ['2027-12-31', null, '2028-02-29', '2028-02-29', null], // a Tuesday in a leap year
    // weekends
    ['2026-03-10', null, '2026-05-10', '2026-05-11', 'not_a_working_day'],
    ['2026-08-31', null, '2026-10-31', '2026-11-02', 'not_a_working_day'],
    ['2026-11-02', null, '2027-01-02', '2027-01-04', 'not_a_working_day'], // 2 January is after the window
    // A Saturday 31 July moves to the next working day, 2 August: rule 12(3) is about a limit that ends in August.
    ['2027-05-31', null, '2027-07-31', '2027-08-02', 'not_a_working_day'],
    // bank holidays
    ['2027-01-29', null, '2027-03-29', '2027-03-30', 'not_a_working_day'], // Easter Monday 2027
    ['2027-01-26', null, '2027-03-26', '2027-03-30', 'not_a_working_day'], // Good Friday, the weekend, Easter Monday
    ['2027-03-03', null, '2027-05-03', '2027-05-04', 'not_a_working_day'], // early May bank holiday 2027
    ['2028-03-01', null, '2028-05-01', '2028-05-02', 'not_a_working_day'], // early May bank holiday 2028
    ['2026-03-25', null, '2026-05-25', '2026-05-26', 'not_a_working_day'], // spring bank holiday 2026
    ['2028-02-14', null, '2028-04-14', '2028-04-18', 'not_a_working_day'], // Good Friday to after Easter Monday 2028
    // Christmas: 25 December to 1 January moves to the first working day after 1 January
    ['2025-10-28', null, '2025-12-28', '2026-01-02', 'christmas'], // 2 January 2026 is a Friday
    ['2026-10-25', null, '2026-12-25', '2027-01-04', 'christmas'], // 2 and 3 January 2027 are a weekend
    ['2026-10-31', null, '2026-12-31', '2027-01-04', 'christmas'],
    ['2026-11-01', null, '2027-01-01', '2027-01-04', 'christmas'],
    ['2027-10-27', null, '2027-12-27', '2028-01-04', 'christmas'], // 2 Jan a Sunday, 3 Jan the New Year substitute day
    ['2027-11-01', null, '2028-01-01', '2028-01-04', 'christmas'],
    ['2028-10-25', null, '2028-12-25', '2029-01-02', 'christmas'],
    // August: moves to the first working day after 31 August
    ['2027-06-01', null, '2027-08-01', '2027-09-01', 'august'],
    ['2026-06-30', null, '2026-08-30', '2026-09-01', 'august'],
    ['2028-06-15', null, '2028-08-15', '2028-09-01', 'august'],
    ['2029-06-15', null, '2029-08-15', '2029-09-03', 'august'], // 1 September 2029 is a Saturday
    // a mediation certificate: 1 month from it when that is later
    ['2026-10-01', '2026-11-29', '2026-12-29', '2027-01-04', 'christmas'],
    ['2027-03-10', '2027-05-20', '2027-06-20', '2027-06-21', 'not_a_working_day'],
    ['2027-05-10', '2027-05-20', '2027-07-10', '2027-07-12', 'not_a_working_day'], // the letter's 2 months are later
    ['2027-05-15', '2027-07-10', '2027-08-10', '2027-09-01', 'august'],
    ['2027-11-15', '2028-01-31', '2028-02-29', '2028-02-29', null], // one month after 31 January 2028
  ] as const)(
    'letter %s, certificate %s: counted to %s, last day %s (%s)',
    (letter, certificate, countedTo, lastDay, moved) => {
      expect(appealDeadline({ letter, mediationCertificate: certificate }, HOLIDAYS)).toEqual({
        lastDay,
        countedTo,
        movedBecause: moved,
      })
    },
  )
})

describe('calendar months and working days', () => {
  test.each([
    ['2026-12-31', 2, '2027-02-28'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-08-31', 1, '2027-09-30'],
    ['2027-07-31', -5, '2027-02-28'],
    ['2027-03-31', -13, '2026-02-28'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected)
  })

  test('weekends and bank holidays are not working days', () => {
    expect(isWorkingDay('2027-03-29', HOLIDAY_SET)).toBe(false) // Easter Monday
    expect(isWorkingDay('2027-12-28', HOLIDAY_SET)).toBe(false) // Boxing Day substitute
    expect(isWorkingDay('2027-03-27', HOLIDAY_SET)).toBe(false) // a Saturday
    expect(isWorkingDay('2027-03-30', HOLIDAY_SET)).toBe(true)
    expect(workingDayOnOrAfter('2027-12-25', HOLIDAY_SET)).toBe('2027-12-29')
    expect(firstWorkingDayAfter('2026-12-24', HOLIDAY_SET)).toBe('2026-12-29')
  })
})

describe('the state of a deadline', () => {
  test.each([
    // due, today, completed, planned, state, days left
    ['2026-12-21', '2026-11-23', null, undefined, 'on_track', 28],
    ['2026-12-08', '2026-11-23', null, undefined, 'on_track', 15],
    ['2026-12-07', '2026-11-23', null, undefined, 'due_soon', 14],
    ['2026-11-23', '2026-11-23', null, undefined, 'due_soon', 0],
    ['2026-11-22', '2026-11-23', null, undefined, 'overdue', -1],
    ['2027-02-15', '2026-11-23', null, null, 'at_risk', 84], // the scheduler found no sitting
    ['2026-12-21', '2026-11-23', null, '2026-12-22', 'at_risk', 28], // the sitting is after the due date
    ['2026-12-21', '2026-11-23', null, '2026-12-21', 'on_track', 28], // a sitting on the due date is in time
    ['2026-11-30', '2026-11-23', null, '2026-11-25', 'due_soon', 7],
    ['2026-11-22', '2026-11-23', null, null, 'overdue', -1], // overdue says more than at risk
    ['2026-12-21', '2026-11-23', '2026-11-20', undefined, 'met', null],
    ['2026-12-21', '2027-01-05', '2026-12-21', undefined, 'met', null], // done on the due date
    ['2026-12-21', '2027-01-05', '2026-12-22', undefined, 'met_late', null],
    ['2028-02-29', '2028-03-01', '2028-03-01', null, 'met_late', null],
  ] as const)(
    'due %s, today %s, done %s, planned %s: %s',
    (due, today, completedOn, plannedOn, state, daysLeft) => {
      expect(deadlineState({ due, today, completedOn, plannedOn })).toEqual({ state, daysLeft })
    },
  )

  test('the due-soon window can be changed', () => {
    expect(deadlineState({ due: '2026-12-07', today: '2026-11-23', dueSoonDays: 7 }).state).toBe('on_track')
    expect(deadlineState({ due: '2026-11-30', today: '2026-11-23', dueSoonDays: 7 }).state).toBe('due_soon')
  })
})

describe('exceptions (SEND Regulations 2014, regs 5(4), 10(4), 13(3))', () => {
  // A school closed for the summer from 21 July 2027, reopening on 2 September 2027 (43 days).
  const summerClosure = (adviceRequestedOn: string): ClockException => ({
    reason: 'school_closure',
    step: 'decide_whether_to_assess',
    startsOn: '2027-07-21',
    endsOn: '2027-09-02',
    adviceRequestedOn,
    explanation: 'We asked the school for advice just before it closed for the summer.',
  })

  test.each([
    ['2027-07-13', false], // 8 days before it closes: too early
    ['2027-07-14', true], // one week before it closes
    ['2027-08-26', true], // one week before it reopens
    ['2027-08-27', false], // 6 days before it reopens: too late
  ])('advice asked of a school on %s: allowed %s', (asked, allowed) => {
    expect(exceptionProblems(summerClosure(asked)).length === 0).toBe(allowed)
  })

  test('a school closed for less than 4 weeks is not an exception', () => {
    const christmas: ClockException = {
      ...summerClosure('2027-12-14'),
      startsOn: '2027-12-18',
      endsOn: '2028-01-04',
    }
    expect(exceptionProblems(christmas)).toEqual([
      { field: 'endsOn', message: 'The school must be closed for 4 weeks or more' },
    ])
  })

  test.each([
    ['2027-06-10', '2027-07-07', false], // 27 days away
    ['2027-06-10', '2027-07-08', true], // 28 days away
    ['2027-06-10', null, true], // still away
  ])('away from the area from %s until %s: allowed %s', (startsOn, endsOn, allowed) => {
    const away: ClockException = {
      reason: 'away_from_area',
      step: 'decide_whether_to_assess',
      startsOn,
      endsOn,
      explanation: 'The family were abroad caring for a relative.',
    }
    expect(exceptionProblems(away).length === 0).toBe(allowed)
  })

  test('an exception needs an explanation', () => {
    const unexplained: ClockException = {
      reason: 'exceptional_personal_circumstances',
      step: 'issue_final_plan',
      startsOn: '2027-08-01',
      endsOn: null,
      explanation: ' ',
    }
    expect(exceptionProblems(unexplained)).toEqual([
      { field: 'explanation', message: 'Explain why the time limit cannot be met' },
    ])
  })

  // Received 1 June 2027: decide by 13 July 2027, final plan by 19 October 2027.
  const away: ClockException = {
    reason: 'away_from_area',
    step: 'decide_whether_to_assess',
    startsOn: '2027-06-10',
    endsOn: '2027-07-15',
    explanation: 'The family were abroad caring for a relative.',
  }

  test.each([
    // step, due, done, today, exceptions, outcome, in time with exceptions, in time without
    ['decide_whether_to_assess', '2027-07-13', '2027-07-13', '2027-08-01', [away], 'in_time', true, true],
    [
      'decide_whether_to_assess',
      '2027-07-13',
      '2027-07-20',
      '2027-08-01',
      [away],
      'late_with_exception',
      true,
      false,
    ],
    ['decide_whether_to_assess', '2027-07-13', '2027-07-20', '2027-08-01', [], 'late', false, false],
    [
      'decide_whether_to_assess',
      '2027-07-13',
      null,
      '2027-07-14',
      [away],
      'late_with_exception',
      true,
      false,
    ],
    ['decide_whether_to_assess', '2027-07-13', null, '2027-07-13', [away], 'not_yet_due', null, null],
    // the exception on the decision never excuses the final plan, which keeps its own deadline
    ['issue_final_plan', '2027-10-19', '2027-10-25', '2027-11-01', [away], 'late', false, false],
    // an exception that began after the due date did not cause the delay
    [
      'decide_whether_to_assess',
      '2027-07-13',
      '2027-08-20',
      '2027-09-01',
      [{ ...away, startsOn: '2027-07-14', endsOn: '2027-08-18' }],
      'late',
      false,
      false,
    ],
    // an exception the regulations do not allow (away for only 3 weeks) excuses nothing
    [
      'decide_whether_to_assess',
      '2027-07-13',
      '2027-07-20',
      '2027-08-01',
      [{ ...away, endsOn: '2027-07-01' }],
      'late',
      false,
      false,
    ],
  ] as const)(
    '%s due %s, done %s, today %s (case %#)',
    (step, due, completedOn, today, exceptions, outcome, withEx, withoutEx) => {
      const result = timeliness({ step, due, completedOn, today, exceptions })
      expect(result.outcome).toBe(outcome)
      expect(result.inTimeWithExceptions).toBe(withEx)
      expect(result.inTimeWithoutExceptions).toBe(withoutEx)
    },
  )

  test('an exception never moves a due date', () => {
    expect(dueDates(assessmentDeadlines('2027-06-01'))).toEqual({
      decide_whether_to_assess: '2027-07-13',
      notify_plan_not_issued: '2027-09-21',
      issue_final_plan: '2027-10-19',
    })
  })
})

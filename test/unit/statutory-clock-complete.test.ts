import fc from 'fast-check'
import bankHolidayList from '../../src/data/demoCouncil/bank-holidays-england-and-wales.json'
import { addMonths } from '../../src/domain/appealDeadline'
import { bankHolidayCalendar } from '../../src/domain/bankHolidays'
import { addDays } from '../../src/domain/dates'
import {
  deadlinesFor,
  draftCommentPeriod,
  lastDayOfMonthsStartingWith,
  nextAnnualReviewDue,
  phaseTransferDeadlines,
  post16MoveDeadlines,
  post16MoveDue,
} from '../../src/domain/statutoryClock'
import {
  tribunalAppealDeadlines,
  unconfirmedRuleNote,
  type AppealOrder,
  type AppealRoute,
} from '../../src/domain/tribunalOrders'
import { isWorkingDay } from '../../src/domain/workingDays'

// The real English and Welsh bank holidays 2025–2028, as GOV.UK lists them and the demo council seeds them.
const HOLIDAYS = new Set(bankHolidayList.events.map((e) => e.date))

// Every date below was worked out by hand and checked with `date -d '<date> +N days'`, `cal` and the list above.

function due(deadlines: { step: string; due: string }[], step: string): string | undefined {
  return deadlines.find((d) => d.step === step)?.due
}

describe('a phase transfer whose review meeting is held: the decision within 4 weeks of it (SEND Regulations 2014 reg 20(10))', () => {
  test.each([
    ['2026-10-23', '2026-11-20'], // NS-2026-0018 in the issue: a Friday, so a Friday
    ['2026-11-02', '2026-11-30'],
    ['2026-11-30', '2026-12-28'], // the Boxing Day substitute: statutory, not moved
    ['2026-12-01', '2026-12-29'],
    ['2026-12-24', '2027-01-21'], // across Christmas and the year end
    ['2026-12-31', '2027-01-28'],
    ['2027-01-04', '2027-02-01'],
    ['2027-01-29', '2027-02-26'], // a 28-day February
    ['2027-02-01', '2027-03-01'],
    ['2028-02-01', '2028-02-29'], // onto the leap day
    ['2028-02-02', '2028-03-01'],
    ['2027-10-25', '2027-11-22'],
    ['2027-11-22', '2027-12-20'],
    ['2027-11-29', '2027-12-27'], // the Christmas substitute day 2027: not moved
    ['2027-12-27', '2028-01-24'], // held on a bank holiday, counted all the same
    ['2028-01-31', '2028-02-28'],
    ['2025-11-24', '2025-12-22'],
    ['2025-12-22', '2026-01-19'],
    ['2026-01-31', '2026-02-28'], // a Saturday meeting, a Saturday date
    ['2027-08-02', '2027-08-30'], // the August bank holiday Monday
    ['2028-08-28', '2028-09-25'], // held on the August bank holiday Monday
    ['2027-05-03', '2027-05-31'], // early May to the spring bank holiday
  ])('meeting held %s: decision due %s, statutory', (meeting, decision) => {
    const year = Number(meeting.slice(0, 4)) + 1
    const d = phaseTransferDeadlines(year, 'school', HOLIDAYS, { meeting }).find(
      (x) => x.step === 'notify_review_decision',
    )
    expect(d).toMatchObject({ due: decision, basis: 'statutory' })
  })

  test('NS-2026-0018: 20 November 2026 instead of the latest safe 21 December', () => {
    expect(due(phaseTransferDeadlines(2027, 'school', HOLIDAYS), 'notify_review_decision')).toBe('2026-12-21')
    expect(
      due(
        phaseTransferDeadlines(2027, 'school', HOLIDAYS, { meeting: '2026-10-23' }),
        'notify_review_decision',
      ),
    ).toBe('2026-11-20')
  })

  test('a post-16 move too: the decision 4 weeks after the meeting held', () => {
    expect(
      due(post16MoveDeadlines('2027-09-01', HOLIDAYS, { meeting: '2027-01-11' }), 'notify_review_decision'),
    ).toBe('2027-02-08')
  })
})

describe('a phase transfer after the amendment notice: the amended plan by the earlier of the reg 18 date and 8 weeks after the notice (reg 22(3))', () => {
  test.each([
    [2027, 'school', '2026-11-20', '2027-01-15'], // 8 weeks is earlier
    [2027, 'school', '2026-12-21', '2027-02-15'], // the same day
    [2027, 'school', '2026-12-22', '2027-02-15'], // 8 weeks would be 16 February: 15 February stays
    [2027, 'school', '2026-12-24', '2027-02-15'],
    [2027, 'school', '2026-10-30', '2026-12-25'], // Christmas Day: statutory, not moved
    [2027, 'school', '2027-01-04', '2027-02-15'],
    [2028, 'school', '2027-12-20', '2028-02-14'],
    [2028, 'school', '2027-12-21', '2028-02-15'],
    [2028, 'school', '2027-11-30', '2028-01-25'],
    [2028, 'post16', '2028-02-04', '2028-03-31'],
    [2028, 'post16', '2028-02-05', '2028-03-31'], // 1 April would be later
    [2028, 'post16', '2028-01-31', '2028-03-27'],
    [2028, 'post16', '2027-12-24', '2028-02-18'],
    [2027, 'post16', '2027-02-03', '2027-03-31'],
    [2027, 'post16', '2027-02-04', '2027-03-31'],
    [2026, 'school', '2025-12-22', '2026-02-15'], // a Sunday, as reg 18 sets it
    [2026, 'school', '2025-12-19', '2026-02-13'],
    [2025, 'school', '2024-12-21', '2025-02-15'],
    [2028, 'school', '2027-12-31', '2028-02-15'],
    [2027, 'post16', '2026-12-31', '2027-02-25'],
    [2026, 'post16', '2026-02-03', '2026-03-31'],
  ] as const)('%s %s, notice %s: amended plan by %s', (year, transfer, notice, plan) => {
    const d = phaseTransferDeadlines(year, transfer, HOLIDAYS, { notice }).find(
      (x) => x.step === 'issue_amended_plan',
    )
    expect(d).toMatchObject({ due: plan, basis: 'statutory' })
  })

  test('a post-16 move: the earlier of 5 months before the move and 8 weeks after the notice', () => {
    // 5 months before 1 September 2027 is 1 April; 8 weeks after 1 February is 29 March.
    expect(
      due(post16MoveDeadlines('2027-09-01', HOLIDAYS, { notice: '2027-02-01' }), 'issue_amended_plan'),
    ).toBe('2027-03-29')
    expect(
      due(post16MoveDeadlines('2027-09-01', HOLIDAYS, { notice: '2027-03-01' }), 'issue_amended_plan'),
    ).toBe('2027-04-01')
  })
})

describe('the family’s 15 days to comment on a draft, from the day it is served (reg 13(1)(a); reg 22(2)(c))', () => {
  // Served: the second working day after posting (CPR 6.26 by analogy); the last day is the 15th, counting that day.
  test.each([
    ['2026-11-02', '2026-11-04', '2026-11-18'],
    ['2026-11-06', '2026-11-10', '2026-11-24'], // posted on a Friday: Monday, then Tuesday
    ['2026-12-23', '2026-12-29', '2027-01-12'], // Christmas Day and the Boxing Day substitute (28th)
    ['2026-12-24', '2026-12-30', '2027-01-13'],
    ['2026-12-18', '2026-12-22', '2027-01-05'],
    ['2027-03-25', '2027-03-31', '2027-04-14'], // Good Friday and Easter Monday 2027
    ['2027-03-26', '2027-03-31', '2027-04-14'], // posted on Good Friday
    ['2027-04-01', '2027-04-05', '2027-04-19'],
    ['2027-08-27', '2027-09-01', '2027-09-15'], // the August bank holiday Monday 30 August
    ['2027-08-26', '2027-08-31', '2027-09-14'],
    ['2026-08-28', '2026-09-02', '2026-09-16'], // the August bank holiday Monday 31 August
    ['2028-02-25', '2028-02-29', '2028-03-14'], // served on the leap day
    ['2028-02-28', '2028-03-01', '2028-03-15'],
    ['2028-02-29', '2028-03-02', '2028-03-16'],
    ['2027-12-30', '2028-01-04', '2028-01-18'], // the New Year substitute day, 3 January 2028
    ['2027-12-31', '2028-01-05', '2028-01-19'],
    ['2025-12-23', '2025-12-29', '2026-01-12'],
    ['2026-04-02', '2026-04-08', '2026-04-22'], // Good Friday 3 April and Easter Monday 6 April 2026
    ['2026-05-22', '2026-05-27', '2026-06-10'], // the spring bank holiday Monday 25 May
    ['2027-05-28', '2027-06-02', '2027-06-16'], // the spring bank holiday Monday 31 May
    ['2028-04-12', '2028-04-18', '2028-05-02'], // Easter 2028
    ['2028-12-22', '2028-12-28', '2029-01-11'], // Christmas 2028 on a Monday
  ])('sent %s: served %s, the family may comment until %s', (sent, served, lastDay) => {
    expect(draftCommentPeriod(sent, HOLIDAYS)).toMatchObject({
      servedOn: served,
      lastDay,
      earliestFinalPlan: addDays(lastDay, 1),
    })
  })

  test('the comment period is a derived date, not a statutory one, and comes with any draft', () => {
    const deadlines = deadlinesFor(
      { kind: 'issue_plan', received: '2026-09-01', draftSent: '2026-11-02' },
      HOLIDAYS,
    )
    expect(deadlines.find((d) => d.step === 'family_comments_on_draft')).toMatchObject({
      due: '2026-11-18',
      basis: 'derived',
    })
  })
})

describe('the next annual review: within the 12 months starting with the plan or the last review (CFA 2014 s.44(1))', () => {
  test.each([
    ['2026-01-01', '2026-12-31'],
    ['2026-01-31', '2027-01-30'],
    ['2026-02-28', '2027-02-27'],
    ['2026-03-01', '2027-02-28'],
    ['2027-03-01', '2028-02-29'], // into a leap February
    ['2028-02-29', '2029-02-28'], // from the leap day: no 29 February 2029, so the month's end
    ['2028-03-01', '2029-02-28'],
    ['2027-02-28', '2028-02-27'],
    ['2026-12-31', '2027-12-30'],
    ['2026-12-25', '2027-12-24'], // Christmas Day
    ['2026-08-31', '2027-08-30'], // the August bank holiday Monday: statutory, not moved
    ['2026-08-01', '2027-07-31'],
    ['2027-04-30', '2028-04-29'],
    ['2027-05-31', '2028-05-30'],
    ['2028-01-01', '2028-12-31'],
    ['2026-11-23', '2027-11-22'],
    ['2025-09-01', '2026-08-31'], // ends on the August bank holiday Monday 2026
    ['2028-12-26', '2029-12-25'],
    ['2027-06-30', '2028-06-29'],
    ['2028-02-28', '2029-02-27'],
    ['2026-10-23', '2027-10-22'],
    ['2027-08-30', '2028-08-29'],
  ])('plan or review on %s: next review by %s', (from, by) => {
    expect(nextAnnualReviewDue(from)).toBe(by)
    expect(
      due(deadlinesFor({ kind: 'annual_review', meeting: from }, HOLIDAYS), 'hold_next_annual_review'),
    ).toBe(by)
  })

  test('from the final plan on an assessment case, and from the meeting held on a phase transfer', () => {
    expect(
      due(
        deadlinesFor(
          { kind: 'assessment_request', received: '2026-01-05', finalPlanIssued: '2026-05-20' },
          HOLIDAYS,
        ),
        'hold_next_annual_review',
      ),
    ).toBe('2027-05-19')
    expect(
      due(
        deadlinesFor(
          { kind: 'phase_transfer', transferYear: 2027, transfer: 'school', meeting: '2026-10-23' },
          HOLIDAYS,
        ),
        'hold_next_annual_review',
      ),
    ).toBe('2027-10-22')
    expect(
      due(deadlinesFor({ kind: 'issue_plan', received: '2026-01-05' }, HOLIDAYS), 'hold_next_annual_review'),
    ).toBe(undefined)
  })
})

describe('a move between post-16 institutions: the amended plan 5 months before it (reg 18(2))', () => {
  test.each([
    ['2027-09-01', '2027-04-01'],
    ['2027-07-31', '2027-02-28'], // no 31 February: the month's end, more than 5 months
    ['2028-07-31', '2028-02-29'], // the leap day
    ['2027-08-31', '2027-03-31'],
    ['2027-10-31', '2027-05-31'],
    ['2028-01-31', '2027-08-31'], // the August bank holiday Monday 2027, left where reg 18 puts it
    ['2028-03-31', '2027-10-31'],
    ['2027-05-31', '2026-12-31'],
    ['2028-09-04', '2028-04-04'],
    ['2027-12-25', '2027-07-25'],
    ['2028-01-01', '2027-08-01'],
    ['2027-06-30', '2027-01-30'],
    ['2027-04-29', '2026-11-29'],
    ['2028-04-29', '2027-11-29'],
    ['2027-04-30', '2026-11-30'],
    ['2028-08-29', '2028-03-29'],
    ['2027-11-30', '2027-06-30'],
    ['2027-03-15', '2026-10-15'],
    ['2028-02-29', '2027-09-29'],
    ['2027-01-06', '2026-08-06'],
    ['2028-05-31', '2027-12-31'],
  ])('move on %s: amended plan by %s, statutory', (moveOn, by) => {
    expect(post16MoveDue(moveOn)).toBe(by)
    const deadlines = deadlinesFor(
      { kind: 'phase_transfer', transfer: 'post16_move', transferOn: moveOn },
      HOLIDAYS,
    )
    expect(deadlines.find((d) => d.step === 'issue_amended_plan')).toMatchObject({
      due: by,
      basis: 'statutory',
    })
    expect(deadlines.filter((d) => d.basis === 'latest_safe').every((d) => d.due < by)).toBe(true)
  })
})

const APPEAL_DATES = [
  // on, +2, +5, +10, +11, +14 weeks
  ['2026-11-23', '2026-12-07', '2026-12-28', '2027-02-01', '2027-02-08', '2027-03-01'],
  ['2026-12-18', '2027-01-01', '2027-01-22', '2027-02-26', '2027-03-05', '2027-03-26'], // New Year's Day, not moved
  ['2027-02-26', '2027-03-12', '2027-04-02', '2027-05-07', '2027-05-14', '2027-06-04'],
  ['2027-07-30', '2027-08-13', '2027-09-03', '2027-10-08', '2027-10-15', '2027-11-05'], // through August
  ['2027-12-24', '2028-01-07', '2028-01-28', '2028-03-03', '2028-03-10', '2028-03-31'],
  ['2028-02-08', '2028-02-22', '2028-03-14', '2028-04-18', '2028-04-25', '2028-05-16'], // across the leap day
  ['2028-08-01', '2028-08-15', '2028-09-05', '2028-10-10', '2028-10-17', '2028-11-07'],
  ['2026-12-31', '2027-01-14', '2027-02-04', '2027-03-11', '2027-03-18', '2027-04-08'],
  // Worked out apart from the code (calendar weeks, no day moved for a weekend or a bank holiday):
  ['2027-01-31', '2027-02-14', '2027-03-07', '2027-04-11', '2027-04-18', '2027-05-09'], // month end; Sunday dates stay
  ['2027-04-30', '2027-05-14', '2027-06-04', '2027-07-09', '2027-07-16', '2027-08-06'], // month end
  ['2027-05-31', '2027-06-14', '2027-07-05', '2027-08-09', '2027-08-16', '2027-09-06'], // spring bank holiday Monday
  ['2028-02-29', '2028-03-14', '2028-04-04', '2028-05-09', '2028-05-16', '2028-06-06'], // leap day
  ['2028-02-01', '2028-02-15', '2028-03-07', '2028-04-11', '2028-04-18', '2028-05-09'], // 5 weeks over 29 February
  ['2032-02-29', '2032-03-14', '2032-04-04', '2032-05-09', '2032-05-16', '2032-06-06'], // leap day
  ['2026-12-25', '2027-01-08', '2027-01-29', '2027-03-05', '2027-03-12', '2027-04-02'], // Christmas Day
  ['2029-12-24', '2030-01-07', '2030-01-28', '2030-03-04', '2030-03-11', '2030-04-01'], // Christmas Eve
  ['2026-08-31', '2026-09-14', '2026-10-05', '2026-11-09', '2026-11-16', '2026-12-07'], // summer bank holiday
  ['2029-08-01', '2029-08-15', '2029-09-05', '2029-10-10', '2029-10-17', '2029-11-07'], // all through August
  ['2028-08-28', '2028-09-11', '2028-10-02', '2028-11-06', '2028-11-13', '2028-12-04'], // summer bank holiday
  ['2027-03-26', '2027-04-09', '2027-04-30', '2027-06-04', '2027-06-11', '2027-07-02'], // Good Friday
  ['2030-11-30', '2030-12-14', '2031-01-04', '2031-02-08', '2031-02-15', '2031-03-08'], // into the new year
  ['2099-12-31', '2100-01-14', '2100-02-04', '2100-03-11', '2100-03-18', '2100-04-08'], // 2100 has no 29 February
] as const

test('at least 20 dated examples for each appeal time limit', () => {
  expect(APPEAL_DATES.length).toBeGreaterThanOrEqual(20)
})

function appealDates(route: AppealRoute, on: string, about: AppealOrder): [string, string][] {
  return tribunalAppealDeadlines({ route, on, about }).map((d) => [d.step, d.due])
}

describe('after the tribunal orders it (reg 44(2))', () => {
  test.each(APPEAL_DATES)('ordered on %s', (on, w2, w5, w10, w11, w14) => {
    // (b): notify within 2 weeks; no plan within 10 weeks; the final plan within 14 weeks.
    expect(appealDates('ordered', on, 'assess')).toEqual([
      ['appeal_notify_assessment', w2],
      ['appeal_notify_no_plan', w10],
      ['appeal_issue_final_plan', w14],
    ])
    // (c): a draft within 5 weeks, the final plan within 11 weeks.
    expect(appealDates('ordered', on, 'make_plan')).toEqual([
      ['appeal_issue_draft_plan', w5],
      ['appeal_issue_final_plan', w11],
    ])
    // (e): the amended plan within 5 weeks; (f) a school only: within 2 weeks.
    expect(appealDates('ordered', on, 'amend_plan')).toEqual([['appeal_issue_amended_plan', w5]])
    expect(appealDates('ordered', on, 'name_school')).toEqual([['appeal_issue_amended_plan', w2]])
  })

  test('each cites its paragraph', () => {
    expect(
      tribunalAppealDeadlines({ route: 'ordered', on: '2027-01-04', about: 'assess' }).map((d) => d.rule),
    ).toEqual([
      'SEND Regulations 2014 reg 44(2)(b)',
      'SEND Regulations 2014 reg 44(2)(b)(i)',
      'SEND Regulations 2014 reg 44(2)(b)(ii)',
    ])
  })
})

describe('after we tell the tribunal we will not oppose (reg 45, as substituted by SI 2015/359)', () => {
  test.each(APPEAL_DATES)('notice to the tribunal on %s', (on, w2, w5, w10, w11, w14) => {
    // (3): notify within 2 weeks; (3A)(a) no plan within 10 weeks, (b) the final plan within 14 weeks.
    expect(appealDates('unopposed', on, 'assess')).toEqual([
      ['appeal_notify_assessment', w2],
      ['appeal_notify_no_plan', w10],
      ['appeal_issue_final_plan', w14],
    ])
    // (4): contents, or a refusal to amend: the amended plan within 5 weeks.
    expect(appealDates('unopposed', on, 'amend_plan')).toEqual([['appeal_issue_amended_plan', w5]])
    // Not confirmed against the substituted text: a school only in 2 weeks; a refused plan in 5 and 11 weeks.
    expect(appealDates('unopposed', on, 'name_school')).toEqual([['appeal_issue_amended_plan', w2]])
    expect(appealDates('unopposed', on, 'make_plan')).toEqual([
      ['appeal_issue_draft_plan', w5],
      ['appeal_issue_final_plan', w11],
    ])
  })

  test('the paragraphs whose substituted text was not read say so', () => {
    const unconfirmed = (['assess', 'make_plan', 'amend_plan', 'name_school'] as const).flatMap((about) =>
      tribunalAppealDeadlines({ route: 'unopposed', on: '2027-01-04', about })
        .filter((d) => !d.confirmed)
        .map((d) => d.rule),
    )
    expect([...new Set(unconfirmed)]).toEqual([
      'SEND Regulations 2014 reg 45(6)',
      'SEND Regulations 2014 reg 45(5)',
    ])
  })

  test('an appeal on a case of any kind adds its dates to the case’s', () => {
    const deadlines = deadlinesFor(
      {
        kind: 'annual_review',
        meeting: '2026-10-01',
        appeal: { route: 'ordered', on: '2026-11-23', about: 'name_school' },
      },
      HOLIDAYS,
    )
    expect(due(deadlines, 'appeal_issue_amended_plan')).toBe('2026-12-07')
  })
})

describe('properties over any date 2000–2099, with the bank holidays by rule', () => {
  const calendar = bankHolidayCalendar([], [])
  const isoDate = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10))

  test('the family’s last day is never earlier than 15 calendar days counted from the day sent, and the day of service is a working day', () => {
    fc.assert(
      fc.property(isoDate, (sent) => {
        const period = draftCommentPeriod(sent, calendar)
        expect(period.lastDay >= addDays(sent, 14)).toBe(true)
        expect(period.servedOn > sent).toBe(true)
        expect(isWorkingDay(period.servedOn, calendar)).toBe(true)
        expect(period.earliestFinalPlan).toBe(addDays(period.lastDay, 1))
      }),
    )
  })

  test('the next annual review is never earlier than 12 calendar months less a day, nor later than 12 months', () => {
    fc.assert(
      fc.property(isoDate, (from) => {
        const by = nextAnnualReviewDue(from)
        expect(by >= addDays(addMonths(from, 12), -1)).toBe(true)
        expect(by < addDays(from, 366 + 1)).toBe(true)
        expect(lastDayOfMonthsStartingWith(from, 12)).toBe(by)
      }),
    )
  })

  test('a tribunal’s time limit is never earlier than the plain count of weeks from the order', () => {
    const route = fc.constantFrom<AppealRoute>('ordered', 'unopposed')
    const about = fc.constantFrom<AppealOrder>('assess', 'make_plan', 'amend_plan', 'name_school')
    fc.assert(
      fc.property(isoDate, route, about, (on, r, a) => {
        for (const d of tribunalAppealDeadlines({ route: r, on, about: a })) {
          expect(d.due >= addDays(on, 14)).toBe(true)
        }
      }),
    )
  })

  test('a phase transfer’s decision after a meeting held is the plain 4 weeks; its amended plan never later than the reg 18 date', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (meeting, notice) => {
        const year = Number(meeting.slice(0, 4)) + 1
        const deadlines = phaseTransferDeadlines(year, 'school', calendar, { meeting, notice })
        expect(due(deadlines, 'notify_review_decision')).toBe(addDays(meeting, 28))
        const plan = due(deadlines, 'issue_amended_plan')!
        expect(plan <= `${year}-02-15`).toBe(true)
        expect(plan === `${year}-02-15` || plan === addDays(notice, 56)).toBe(true)
      }),
    )
  })

  test('a post-16 move’s amended plan is never less than 5 months before the move, and never more than 5 months and 3 days', () => {
    fc.assert(
      fc.property(isoDate, (moveOn) => {
        const by = post16MoveDue(moveOn)
        expect(addMonths(by, 5) <= moveOn).toBe(true)
        expect(by >= addDays(addMonths(moveOn, -5), 0)).toBe(true)
        expect(by > addDays(moveOn, -(31 * 5 + 1))).toBe(true)
      }),
    )
  })
})

describe('an appeal time limit says which paragraph sets it, and whether its words were read', () => {
  test.each([
    ['ordered', 'name_school', 'SEND Regulations 2014 reg 44(2)(f)', true],
    ['unopposed', 'amend_plan', 'SEND Regulations 2014 reg 45(4)', true],
    ['unopposed', 'name_school', 'SEND Regulations 2014 reg 45(5)', false],
  ] as const)('%s, %s: %s', (route, about, regulation, confirmed) => {
    const rows = deadlinesFor(
      { kind: 'issue_plan', received: '2026-09-01', appeal: { route, on: '2026-11-16', about } },
      HOLIDAYS,
    ).filter((d) => d.step.startsWith('appeal_'))
    expect(rows[0]).toMatchObject({ regulation, confirmed })
    expect(unconfirmedRuleNote(rows[0]!)).toBe(
      confirmed
        ? null
        : `Not confirmed: we could not read the words of ${regulation}. Check this date against it.`,
    )
  })

  test('the rows of the main clock carry neither', () => {
    const rows = deadlinesFor({ kind: 'issue_plan', received: '2026-09-01' }, HOLIDAYS)
    expect(rows.every((d) => d.regulation === undefined && unconfirmedRuleNote(d) === null)).toBe(true)
  })
})

import type { ClockException } from '../../src/domain/clockExceptions'
import {
  REPORTED_STEPS,
  timelinessReport,
  wholePercent,
  type ReportCase,
  type ReportDeadline,
  type TimelinessRow,
} from '../../src/domain/timelinessReport'
import { assessmentDeadlines, phaseTransferDeadlines } from '../../src/domain/statutoryClock'

const TODAY = '2026-11-23'

/** An assessment request received on `received`, with the day each of its three steps was done. */
function assessment(
  received: string,
  done: { decide?: string; notify?: string; issue?: string } = {},
  exceptions: ClockException[] = [],
): ReportCase {
  const completed: Record<string, string | undefined> = {
    decide_whether_to_assess: done.decide,
    notify_plan_not_issued: done.notify,
    issue_final_plan: done.issue,
  }
  return {
    deadlines: assessmentDeadlines(received).map((d): ReportDeadline => ({
      ...d,
      completedOn: completed[d.step] ?? null,
    })),
    exceptions,
  }
}

const awayFiveWeeks = (step: ClockException['step']): ClockException => ({
  reason: 'away_from_area',
  step,
  startsOn: '2026-08-20',
  endsOn: '2026-09-24',
  adviceRequestedOn: null,
  explanation: 'The family were abroad caring for a grandparent.',
})

const row = (rows: TimelinessRow[], step: TimelinessRow['step']): TimelinessRow => {
  const found = rows.find((r) => r.step === step)
  if (!found) throw new Error(`No row for ${step}`)
  return found
}

test('one row per statutory step, in the order a case meets them, with nothing due shown as no rate', () => {
  const rows = timelinessReport([], TODAY)
  expect(rows.map((r) => r.step)).toEqual([...REPORTED_STEPS])
  for (const r of rows) {
    expect(r).toMatchObject({ due: 0, doneInTime: 0, openPastDue: 0 })
    expect(r.percentWithoutExceptions).toBeNull()
    expect(r.percentWithExceptions).toBeNull()
  }
})

test('counts steps done in time, done late, open past the due date, and not yet due', () => {
  // Received 2026-08-03: decide due 2026-09-14, notify 2026-11-23 (today, so not yet late), issue 2026-12-21.
  const rows = timelinessReport(
    [
      assessment('2026-08-03', { decide: '2026-09-10' }), // in time
      assessment('2026-08-03', { decide: '2026-09-14' }), // on the due day: in time
      assessment('2026-08-03', { decide: '2026-09-20' }), // done late
      assessment('2026-08-03'), // not decided, 10 weeks on: open past due
      assessment('2026-11-02'), // due 2026-12-14: not yet due, not counted
      assessment('2026-11-02', { decide: '2026-11-20' }), // done early: counted, in time
    ],
    TODAY,
  )
  expect(row(rows, 'decide_whether_to_assess')).toMatchObject({
    due: 5,
    doneInTime: 3,
    doneLate: 1,
    openPastDue: 1,
    lateWithException: 0,
    inTimeWithExceptions: 3,
    percentWithoutExceptions: 60,
    percentWithExceptions: 60,
  })
  // Due today and not done is not late yet.
  expect(row(rows, 'notify_plan_not_issued').due).toBe(0)
  expect(row(rows, 'issue_final_plan').due).toBe(0)
})

test('an allowed exception on the late step counts it in time only in the "with exceptions" figure', () => {
  const rows = timelinessReport(
    [
      assessment('2026-08-03', { decide: '2026-09-10' }),
      assessment('2026-08-03', { decide: '2026-10-01' }, [awayFiveWeeks('decide_whether_to_assess')]),
    ],
    TODAY,
  )
  expect(row(rows, 'decide_whether_to_assess')).toMatchObject({
    due: 2,
    doneInTime: 1,
    doneLate: 1,
    lateWithException: 1,
    inTimeWithExceptions: 2,
    percentWithoutExceptions: 50,
    percentWithExceptions: 100,
  })
})

test('an exception on a different step excuses nothing', () => {
  const rows = timelinessReport(
    [
      assessment('2026-08-03', { decide: '2026-09-10' }),
      assessment('2026-08-03', { decide: '2026-10-01' }, [awayFiveWeeks('issue_final_plan')]),
    ],
    TODAY,
  )
  expect(row(rows, 'decide_whether_to_assess')).toMatchObject({
    due: 2,
    doneInTime: 1,
    lateWithException: 0,
    inTimeWithExceptions: 1,
    percentWithoutExceptions: 50,
    percentWithExceptions: 50,
  })
})

test('an exception the regulations do not allow (away for only 2 weeks) excuses nothing', () => {
  const short = { ...awayFiveWeeks('decide_whether_to_assess'), endsOn: '2026-09-03' }
  const rows = timelinessReport([assessment('2026-08-03', { decide: '2026-10-01' }, [short])], TODAY)
  expect(row(rows, 'decide_whether_to_assess')).toMatchObject({
    due: 1,
    lateWithException: 0,
    percentWithoutExceptions: 0,
    percentWithExceptions: 0,
  })
})

test('an overdue step still open under an allowed exception is open past due, and in time with exceptions', () => {
  const rows = timelinessReport(
    [assessment('2026-08-03', {}, [awayFiveWeeks('decide_whether_to_assess')])],
    TODAY,
  )
  expect(row(rows, 'decide_whether_to_assess')).toMatchObject({
    due: 1,
    openPastDue: 1,
    lateWithException: 1,
    percentWithoutExceptions: 0,
    percentWithExceptions: 100,
  })
})

test('a phase transfer’s worked-back dates are planning aids, not time limits: only the amended plan counts', () => {
  // For 15 February 2026: the decision was due (latest safe) 21 December 2025, the amended plan 15 February.
  const transfer: ReportCase = {
    deadlines: phaseTransferDeadlines(2026, 'school', new Set()).map((d) => ({
      ...d,
      completedOn: d.step === 'issue_amended_plan' ? '2026-02-20' : null,
    })),
    exceptions: [],
  }
  const rows = timelinessReport([transfer], TODAY)
  expect(row(rows, 'notify_review_decision').due).toBe(0)
  expect(row(rows, 'issue_amended_plan')).toMatchObject({ due: 1, doneLate: 1, percentWithoutExceptions: 0 })
})

test.each([
  [0, 0, null],
  [5, 6, 83],
  [2, 3, 67],
  [3, 3, 100],
  [0, 3, 0],
  [199, 200, 99],
  [1, 200, 1],
])('%i of %i in time shows as %p', (part, whole, percent) => {
  expect(wholePercent(part, whole)).toBe(percent)
})

import { caseDeadlines, nextOpenDeadline, type CaseClockFacts } from '../../src/services/caseDeadlines'

const TODAY = '2026-11-23'
const facts = (f: Partial<CaseClockFacts> & Pick<CaseClockFacts, 'kind'>): CaseClockFacts => ({
  receivedOn: '2026-09-03',
  milestones: {},
  exceptions: [],
  ...f,
})
const NO_HOLIDAYS: ReadonlySet<string> = new Set()
const steps = (f: CaseClockFacts) => caseDeadlines(f, TODAY, NO_HOLIDAYS).map((d) => d.step)

test('an assessment request: three steps, the first done when the panel decided', () => {
  const deadlines = caseDeadlines(
    facts({
      kind: 'assessment_request',
      milestones: { assessmentDecidedOn: '2026-10-13', assessmentDecision: 'agree' },
    }),
    TODAY,
    NO_HOLIDAYS,
  )
  expect(deadlines.map((d) => [d.step, d.due, d.completedOn])).toEqual([
    ['decide_whether_to_assess', '2026-10-15', '2026-10-13'],
    ['notify_plan_not_issued', '2026-12-24', null],
    ['issue_final_plan', '2027-01-21', null],
  ])
  expect(deadlines[0]!.state(TODAY).state).toBe('met')
  expect(nextOpenDeadline(deadlines)).toEqual({ on: '2026-12-24', step: 'notify_plan_not_issued' })
})

test('a refusal to assess ends the clock', () => {
  expect(
    steps(
      facts({
        kind: 'assessment_request',
        milestones: { assessmentDecidedOn: '2026-10-13', assessmentDecision: 'refuse' },
      }),
    ),
  ).toEqual(['decide_whether_to_assess'])
})

test('once the family is told no plan will be issued, no final plan falls due', () => {
  expect(
    steps(
      facts({ kind: 'issue_plan', milestones: { planDecisionOn: '2026-11-01', planDecision: 'not_issue' } }),
    ),
  ).not.toContain('issue_final_plan')
})

test('a decision to issue a plan answers the 16-week question; the plan itself is still due', () => {
  const deadlines = caseDeadlines(
    facts({ kind: 'issue_plan', milestones: { planDecisionOn: '2026-11-01', planDecision: 'issue' } }),
    TODAY,
    NO_HOLIDAYS,
  )
  expect(deadlines.map((d) => [d.step, d.completedOn])).toEqual([
    ['notify_plan_not_issued', '2026-11-01'],
    ['issue_final_plan', null],
  ])
})

test('a review that maintains or ceases the plan has no amended plan to issue', () => {
  const review = { reviewMeetingOn: '2026-10-01', reviewNoticeOn: '2026-10-20' }
  expect(
    steps(facts({ kind: 'annual_review', milestones: { ...review, reviewDecision: 'maintain' } })),
  ).toEqual(['notify_review_decision'])
  expect(
    steps(facts({ kind: 'annual_review', milestones: { ...review, reviewDecision: 'amend' } })),
  ).toContain('issue_amended_plan')
})

test('a phase transfer: a meeting held counts for the papers too; a meeting arranged for later is not done', () => {
  const transfer = { transferYear: 2027, transferType: 'school' as const }
  const held = caseDeadlines(
    facts({ kind: 'phase_transfer', milestones: { ...transfer, reviewMeetingOn: '2026-11-02' } }),
    TODAY,
    NO_HOLIDAYS,
  )
  expect(held.filter((d) => d.completedOn).map((d) => d.step)).toEqual([
    'circulate_review_papers',
    'hold_review_meeting',
  ])
  expect(held.some((d) => d.state(TODAY).state === 'overdue')).toBe(false)

  const arranged = caseDeadlines(
    facts({ kind: 'phase_transfer', milestones: { ...transfer, reviewMeetingOn: '2026-11-30' } }),
    TODAY,
    NO_HOLIDAYS,
  )
  expect(arranged.filter((d) => d.completedOn)).toEqual([])
})

test('placement and alternative provision cases have no statutory clock', () => {
  expect(steps(facts({ kind: 'placement' }))).toEqual([])
  expect(steps(facts({ kind: 'alternative_provision' }))).toEqual([])
})

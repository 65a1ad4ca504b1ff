import {
  caseDeadlines,
  clockRequest,
  clockRequestQuery,
  nextOpenDeadline,
  planIssuedInsideCommentPeriod,
  type CaseClockFacts,
} from '../../src/domain/caseDeadlines'

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
  ).toEqual(['notify_review_decision', 'hold_next_annual_review'])
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

describe('what the issue found', () => {
  test('NS-2026-0018: a phase transfer whose review was held on 23 October 2026 is overdue from 20 November', () => {
    const deadlines = caseDeadlines(
      facts({
        kind: 'phase_transfer',
        receivedOn: '2026-10-23',
        milestones: { reviewMeetingOn: '2026-10-23', transferYear: 2027, transferType: 'school' },
      }),
      TODAY,
      NO_HOLIDAYS,
    )
    const decision = deadlines.find((d) => d.step === 'notify_review_decision')!
    expect([decision.due, decision.basis]).toEqual(['2026-11-20', 'statutory'])
    expect(decision.state(TODAY)).toEqual({ state: 'overdue', daysLeft: -3 })
  })

  test('a review meeting arranged for a later date keeps the latest safe date until it is held', () => {
    const f = facts({
      kind: 'phase_transfer',
      milestones: { reviewMeetingOn: '2026-11-30', transferYear: 2027, transferType: 'school' },
    })
    const due = (today: string) =>
      caseDeadlines(f, today, NO_HOLIDAYS).find((d) => d.step === 'notify_review_decision')!.due
    expect(due(TODAY)).toBe('2026-12-21')
    expect(due('2026-11-30')).toBe('2026-12-28')
  })

  test('a final plan issued 3 days after the draft is issued inside the family’s 15 days, not Met', () => {
    const deadlines = caseDeadlines(
      facts({
        kind: 'issue_plan',
        milestones: {
          planDecisionOn: '2026-10-20',
          planDecision: 'issue',
          draftPlanSentOn: '2026-11-02',
          finalPlanIssuedOn: '2026-11-05',
        },
      }),
      TODAY,
      NO_HOLIDAYS,
    )
    const plan = deadlines.find((d) => d.step === 'issue_final_plan')!
    const comments = deadlines.find((d) => d.step === 'family_comments_on_draft')!
    expect(plan.state(TODAY).state).toBe('issued_too_early')
    expect(comments.due).toBe('2026-11-18')
    expect(comments.state(TODAY).state).toBe('issued_too_early')
    expect(planIssuedInsideCommentPeriod(deadlines, TODAY)).toEqual({
      issuedOn: '2026-11-05',
      lastDay: '2026-11-18',
    })
  })

  test('a final plan issued the day after the family’s last day is met, and the period has ended', () => {
    const deadlines = caseDeadlines(
      facts({
        kind: 'issue_plan',
        milestones: { draftPlanSentOn: '2026-11-02', finalPlanIssuedOn: '2026-11-19' },
      }),
      TODAY,
      NO_HOLIDAYS,
    )
    expect(deadlines.find((d) => d.step === 'issue_final_plan')!.state(TODAY).state).toBe('met')
    expect(deadlines.find((d) => d.step === 'family_comments_on_draft')!.state(TODAY).state).toBe('ended')
    expect(planIssuedInsideCommentPeriod(deadlines, TODAY)).toBeNull()
    // The next review runs from the plan; the family's period is never the case's next deadline.
    expect(nextOpenDeadline(deadlines)).toEqual({ on: '2027-11-18', step: 'hold_next_annual_review' })
  })

  test('while the family is still commenting, the period is running and is not the next deadline', () => {
    const deadlines = caseDeadlines(
      facts({ kind: 'issue_plan', milestones: { draftPlanSentOn: '2026-11-20' } }),
      TODAY,
      NO_HOLIDAYS,
    )
    const comments = deadlines.find((d) => d.step === 'family_comments_on_draft')!
    expect(comments.state(TODAY)).toEqual({ state: 'running', daysLeft: 15 }) // served Tuesday 24 November, last day 8 December
    expect(nextOpenDeadline(deadlines)?.step).not.toBe('family_comments_on_draft')
  })

  test('a plan that is ended has no next annual review', () => {
    expect(
      steps(
        facts({
          kind: 'annual_review',
          milestones: {
            reviewMeetingOn: '2026-10-01',
            reviewNoticeOn: '2026-10-20',
            reviewDecision: 'cease',
          },
        }),
      ),
    ).toEqual(['notify_review_decision'])
  })

  test('the calculator is asked the same question as the case: a post-16 move with its meeting and an appeal', () => {
    const f = facts({
      kind: 'phase_transfer',
      milestones: { reviewMeetingOn: '2026-11-02', transferType: 'post16_move', transferOn: '2027-09-01' },
      appeals: [
        { route: 'ordered', on: '2026-06-01', about: 'amend_plan' },
        { route: 'unopposed', on: '2026-11-16', about: 'name_school' },
      ],
    })
    const request = clockRequest(f, TODAY)!
    expect(clockRequestQuery(request).toString()).toBe(
      'kind=phase_transfer&transfer=post16_move&transferOn=2027-09-01&meeting=2026-11-02&appealRoute=unopposed&appealOn=2026-11-16&appealAbout=name_school',
    )
    const appeal = caseDeadlines(f, TODAY, NO_HOLIDAYS).find((d) => d.step === 'appeal_issue_amended_plan')!
    expect([appeal.due, appeal.state(TODAY).state]).toEqual(['2026-11-30', 'due_soon'])
  })
})

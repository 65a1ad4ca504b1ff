import { decisionMilestones } from '../../src/domain/decisionMilestones'
import { OUTCOMES_BY_KIND, CASE_KINDS } from '../../src/domain/vocabulary'

const ON = '2026-11-17'

describe('what a decision completes on the statutory clock', () => {
  test('an assessment decision either way completes the 6-week step', () => {
    expect(decisionMilestones('assessment_request', 'agree_to_assess', ON)).toEqual({
      assessmentDecidedOn: ON,
      assessmentDecision: 'agree',
    })
    expect(decisionMilestones('assessment_request', 'refuse_to_assess', ON)).toEqual({
      assessmentDecidedOn: ON,
      assessmentDecision: 'refuse',
    })
  })

  test('a decision whether to issue a plan answers the 16-week question either way', () => {
    expect(decisionMilestones('issue_plan', 'issue_plan', ON)).toEqual({
      planDecisionOn: ON,
      planDecision: 'issue',
    })
    expect(decisionMilestones('issue_plan', 'do_not_issue_plan', ON)).toEqual({
      planDecisionOn: ON,
      planDecision: 'not_issue',
    })
  })

  test('a review decision is the notice after the review', () => {
    for (const kind of ['annual_review', 'phase_transfer'] as const)
      for (const outcome of ['maintain', 'amend', 'cease'] as const)
        expect(decisionMilestones(kind, outcome, ON)).toEqual({ reviewNoticeOn: ON, reviewDecision: outcome })
  })

  test('a deferral completes nothing, whatever the kind', () => {
    for (const kind of CASE_KINDS) expect(decisionMilestones(kind, 'defer', ON)).toEqual({})
  })

  test('placements and alternative provision have no clock step of their own', () => {
    for (const kind of ['placement', 'alternative_provision'] as const)
      for (const outcome of OUTCOMES_BY_KIND[kind]) expect(decisionMilestones(kind, outcome, ON)).toEqual({})
  })
})

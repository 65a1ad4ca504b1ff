import {
  decisionMilestones,
  familyToldMilestones,
  stepsMetByLetter,
} from '../../src/domain/decisionMilestones'
import { OUTCOMES_BY_KIND, CASE_KINDS } from '../../src/domain/vocabulary'

const TOLD = '2026-11-18'

describe('which way a decision went, for the statutory clock', () => {
  test('an assessment decision says which way it went, and is met when the family is told', () => {
    expect(decisionMilestones('assessment_request', 'agree_to_assess')).toEqual({
      assessmentDecision: 'agree',
    })
    expect(decisionMilestones('assessment_request', 'refuse_to_assess')).toEqual({
      assessmentDecision: 'refuse',
    })
    for (const outcome of ['agree_to_assess', 'refuse_to_assess'])
      expect(familyToldMilestones('assessment_request', outcome, TOLD)).toEqual({ assessmentDecidedOn: TOLD })
  })

  test('a decision whether to issue a plan answers the 16-week question either way, once the family is told', () => {
    expect(decisionMilestones('issue_plan', 'issue_plan')).toEqual({ planDecision: 'issue' })
    expect(decisionMilestones('issue_plan', 'do_not_issue_plan')).toEqual({ planDecision: 'not_issue' })
    for (const outcome of ['issue_plan', 'do_not_issue_plan'])
      expect(familyToldMilestones('issue_plan', outcome, TOLD)).toEqual({ planDecisionOn: TOLD })
  })

  test('a review decision is the notice after the review, given on the day the family is told', () => {
    for (const kind of ['annual_review', 'phase_transfer'] as const)
      for (const outcome of ['maintain', 'amend', 'cease'] as const) {
        expect(decisionMilestones(kind, outcome)).toEqual({ reviewDecision: outcome })
        expect(familyToldMilestones(kind, outcome, TOLD)).toEqual({ reviewNoticeOn: TOLD })
      }
  })

  test('the decision itself dates nothing: only telling the family does', () => {
    for (const kind of CASE_KINDS)
      for (const outcome of OUTCOMES_BY_KIND[kind]) {
        const settled = decisionMilestones(kind, outcome)
        expect(Object.keys(settled).some((k) => k.endsWith('On'))).toBe(false)
      }
  })

  test('a deferral completes nothing, whatever the kind', () => {
    for (const kind of CASE_KINDS) {
      expect(decisionMilestones(kind, 'defer')).toEqual({})
      expect(familyToldMilestones(kind, 'defer', TOLD)).toEqual({})
    }
  })

  test('placements and alternative provision have no clock step of their own', () => {
    for (const kind of ['placement', 'alternative_provision'] as const)
      for (const outcome of OUTCOMES_BY_KIND[kind]) {
        expect(decisionMilestones(kind, outcome)).toEqual({})
        expect(familyToldMilestones(kind, outcome, TOLD)).toEqual({})
      }
  })
})

test('a letter meets only the steps not already met: a correction keeps the day the family was first told', () => {
  expect(stepsMetByLetter('assessment_request', 'agree_to_assess', TOLD, {})).toEqual({
    assessmentDecidedOn: TOLD,
  })
  expect(
    stepsMetByLetter('assessment_request', 'agree_to_assess', TOLD, { assessmentDecidedOn: '2026-11-10' }),
  ).toEqual({})
  expect(stepsMetByLetter('placement', 'name_preference', TOLD, {})).toEqual({})
})

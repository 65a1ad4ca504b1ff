import { decisionProblems, groundsAllowed, type DecisionDraft } from '../../src/domain/decisionRules'

const base: DecisionDraft = {
  kind: 'placement',
  outcome: 'name_preference',
  reasons: ['Brookfield Vale can meet Alfie’s needs.'],
  matchesPreference: true,
  familyAskedForMainstream: false,
  disagreementGround: null,
  disagreementExplanation: '',
  deferral: null,
  decidedOn: '2026-12-01',
}
const fields = (d: Partial<DecisionDraft>) => decisionProblems({ ...base, ...d }).map((p) => p.field)

test('a decision that names the preference with a reason is fine', () => {
  expect(fields({})).toEqual([])
})

test('the outcome must be one of the kind’s, and there must be a reason', () => {
  expect(fields({ outcome: 'maintain' })).toEqual(['outcome'])
  expect(fields({ reasons: ['  ', ''] })).toEqual(['reasons'])
})

test('a placement that names a different school needs a lawful ground and an explanation', () => {
  const different = { outcome: 'name_different_setting', matchesPreference: false }
  expect(fields(different)).toEqual(['disagreementGround', 'disagreementExplanation'])
  expect(
    fields({
      ...different,
      disagreementGround: 'unsuitable_for_child',
      disagreementExplanation: 'It cannot meet her needs.',
    }),
  ).toEqual([])
  expect(fields({ ...different, matchesPreference: true })).toContain('matchesPreference')
})

test('the s.33 mainstream ground is there only when the family asked for mainstream', () => {
  expect(groundsAllowed(false)).not.toContain('mainstream_incompatible_no_reasonable_steps')
  expect(groundsAllowed(true)).toContain('mainstream_incompatible_no_reasonable_steps')
  const mainstreamGround = {
    outcome: 'name_different_setting',
    matchesPreference: false,
    disagreementGround: 'mainstream_incompatible_no_reasonable_steps',
    disagreementExplanation: 'Explained.',
  }
  expect(fields({ ...mainstreamGround, familyAskedForMainstream: false })).toEqual(['disagreementGround'])
  expect(fields({ ...mainstreamGround, familyAskedForMainstream: true })).toEqual([])
})

test('other kinds that differ from what the family asked need an explanation but no ground', () => {
  const review = { kind: 'annual_review' as const, outcome: 'cease', matchesPreference: false }
  expect(fields(review)).toEqual(['disagreementExplanation'])
  expect(
    fields({ ...review, disagreementExplanation: 'Erin has a job and no longer needs the plan.' }),
  ).toEqual([])
})

test('a deferral needs an action, an owner and a date after the sitting', () => {
  const defer = { kind: 'assessment_request' as const, outcome: 'defer' }
  expect(fields(defer)).toEqual(['deferral'])
  expect(
    fields({
      ...defer,
      deferral: { action: 'Get the school’s advice', owner: 'Caseworker', dueOn: '2026-12-01' },
    }),
  ).toEqual(['deferral'])
  expect(
    fields({
      ...defer,
      deferral: { action: 'Get the school’s advice', owner: 'Caseworker', dueOn: '2026-12-15' },
    }),
  ).toEqual([])
})

test('every kind of case can be deferred, annual and phase-transfer reviews included', () => {
  const deferral = { action: 'Get the school’s report', owner: 'Caseworker', dueOn: '2026-12-15' }
  for (const kind of [
    'assessment_request',
    'issue_plan',
    'placement',
    'annual_review',
    'phase_transfer',
  ] as const)
    expect(fields({ kind, outcome: 'defer', deferral })).toEqual([])
})

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
  const different = {
    outcome: 'name_different_setting',
    matchesPreference: false,
    namedSetting: { name: 'Longmoor High School', type: 'mainstream' },
  }
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
    namedSetting: { name: 'Longmoor High School', type: 'special' },
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

describe('the setting a decision names', () => {
  const named = { name: 'Longmoor High School', type: 'mainstream' }

  test('a different school and a phase transfer that keeps or changes the plan must name it, with its kind', () => {
    expect(
      fields({
        outcome: 'name_different_setting',
        matchesPreference: false,
        disagreementGround: 'unsuitable_for_child',
        disagreementExplanation: 'Why.',
      }),
    ).toEqual(['namedSetting', 'namedSettingType'])
    for (const outcome of ['maintain', 'amend'])
      expect(fields({ kind: 'phase_transfer', outcome, namedSetting: { name: ' ', type: 'other' } })).toEqual(
        ['namedSetting'],
      )
    expect(
      fields({
        kind: 'phase_transfer',
        outcome: 'amend',
        namedSetting: { name: 'Longmoor', type: 'nursery' },
      }),
    ).toEqual(['namedSettingType'])
    expect(fields({ kind: 'phase_transfer', outcome: 'amend', namedSetting: named })).toEqual([])
    // Ending the plan, or naming the family's own school, names nothing new.
    expect(fields({ kind: 'phase_transfer', outcome: 'cease' })).toEqual([])
    expect(fields({ outcome: 'name_preference' })).toEqual([])
  })

  test('a “different” school that is the one the family asked for is refused', () => {
    expect(
      fields({
        outcome: 'name_different_setting',
        matchesPreference: false,
        disagreementGround: 'unsuitable_for_child',
        disagreementExplanation: 'Why.',
        preferredSetting: 'Longmoor High School',
        namedSetting: { name: ' longmoor high school ', type: 'mainstream' },
      }),
    ).toEqual(['namedSetting'])
  })

  test('a phase transfer naming a setting other than the preference needs the lawful ground, as a placement does', () => {
    const differs = {
      kind: 'phase_transfer' as const,
      outcome: 'amend',
      matchesPreference: false,
      namedSetting: named,
    }
    expect(fields({ ...differs, disagreementExplanation: 'Why.' })).toEqual(['disagreementGround'])
    expect(
      fields({ ...differs, disagreementExplanation: 'Why.', disagreementGround: 'unsuitable_for_child' }),
    ).toEqual([])
    // s.33 only where the family asked for mainstream.
    expect(
      fields({
        ...differs,
        disagreementExplanation: 'Why.',
        disagreementGround: 'mainstream_incompatible_no_reasonable_steps',
      }),
    ).toEqual(['disagreementGround'])
    // Ending the plan at a phase transfer names no setting, so needs an explanation but no ground.
    expect(
      fields({
        kind: 'phase_transfer',
        outcome: 'cease',
        matchesPreference: false,
        disagreementExplanation: 'Why.',
      }),
    ).toEqual([])
  })
})

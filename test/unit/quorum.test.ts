import {
  DEFAULT_QUORUM_RULE,
  describeQuorumRule,
  describeShortfall,
  isQuorate,
  parseQuorumRule,
} from '../../src/domain/quorum'

describe('parseQuorumRule', () => {
  test('reads a stored rule, leaving out agencies that need nobody', () => {
    expect(parseQuorumRule({ education: 1, health: 2, social_care: 0 })).toEqual({
      rule: { education: 1, health: 2 },
      problems: [],
    })
  })

  test('reads form text, an empty box meaning nobody', () => {
    expect(parseQuorumRule({ health: ' 1 ', education: '2', other: '' })).toEqual({
      rule: { education: 2, health: 1 },
      problems: [],
    })
  })

  test('puts agencies in a fixed order, so that equal rules are equal as JSON', () => {
    const { rule } = parseQuorumRule({ social_care: 1, education: 1 })
    expect(JSON.stringify(rule)).toBe('{"education":1,"social_care":1}')
  })

  test.each([
    [{ health: 'one' }, 'health'],
    [{ health: -1 }, 'health'],
    [{ health: 1.5 }, 'health'],
    [{ social_care: '21' }, 'social_care'],
    [{ parent_carer_forum: true }, 'parent_carer_forum'],
  ])('%j is refused against its agency', (value, agency) => {
    const { problems } = parseQuorumRule(value)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.agency).toBe(agency)
    expect(problems[0]!.message).toMatch(/must be a whole number from 0 to 20/)
  })

  test('keeps the readable part of a rule with a bad entry', () => {
    expect(parseQuorumRule({ education: 1, health: 'x' }).rule).toEqual({ education: 1 })
  })

  test('refuses an unknown agency, a rule that needs nobody, and something that is not a rule', () => {
    expect(parseQuorumRule({ police: 1, education: 1 }).problems).toEqual([
      { message: '“police” is not an agency' },
    ])
    expect(parseQuorumRule({ education: 0, health: '' }).problems).toEqual([
      { message: 'A quorum needs at least one member from at least one agency' },
    ])
    expect(parseQuorumRule({}).problems).toHaveLength(1)
    expect(parseQuorumRule(null).problems).toHaveLength(1)
    expect(parseQuorumRule([1, 2]).problems).toHaveLength(1)
    expect(parseQuorumRule('education').problems).toHaveLength(1)
  })

  test('the default rule is valid', () => {
    expect(parseQuorumRule(DEFAULT_QUORUM_RULE)).toEqual({ rule: DEFAULT_QUORUM_RULE, problems: [] })
  })
})

describe('describeQuorumRule', () => {
  test.each([
    [DEFAULT_QUORUM_RULE, 'At least one member each from education, health and social care'],
    [{ education: 1 }, 'At least one member from education'],
    [{ health: 1, education: 1 }, 'At least one member each from education and health'],
    [{ education: 2 }, 'At least 2 members from education'],
    [
      { education: 2, health: 1, social_care: 1 },
      'At least 2 members from education, and at least one member each from health and social care',
    ],
    [
      { education: 3, health: 2, parent_carer_forum: 1 },
      'At least 3 members from education, at least 2 members from health, and at least one member from the parent carer forum',
    ],
    [{ other: 1 }, 'At least one member from other agencies'],
    [{}, 'No minimum: any members present can make decisions'],
  ])('%j → %s', (rule, words) => {
    expect(describeQuorumRule(rule)).toBe(words)
  })
})

describe('isQuorate', () => {
  test('one member each from education, health and social care meets the default rule', () => {
    expect(isQuorate(DEFAULT_QUORUM_RULE, ['education', 'health', 'social_care'])).toEqual({
      quorate: true,
      short: [],
    })
  })

  test('more members than needed, and members from agencies the rule does not name, still count', () => {
    const check = isQuorate(DEFAULT_QUORUM_RULE, [
      'parent_carer_forum',
      'education',
      'education',
      'social_care',
      'health',
      'other',
    ])
    expect(check.quorate).toBe(true)
  })

  test('says which agencies are short, and by how many', () => {
    const check = isQuorate({ education: 2, health: 1, social_care: 1 }, ['education', 'social_care'])
    expect(check).toEqual({
      quorate: false,
      short: [
        { agency: 'education', required: 2, present: 1 },
        { agency: 'health', required: 1, present: 0 },
      ],
    })
    expect(describeShortfall(check.short)).toBe(
      'Needs one more member from education, and one more member from health',
    )
  })

  test('nobody present is short of every agency the rule names', () => {
    const check = isQuorate(DEFAULT_QUORUM_RULE, [])
    expect(check.short.map((s) => s.agency)).toEqual(['education', 'health', 'social_care'])
    expect(describeShortfall([{ agency: 'health', required: 3, present: 0 }])).toBe(
      'Needs 3 more members from health',
    )
  })

  test('a rule that needs nobody is always met', () => {
    expect(isQuorate({}, []).quorate).toBe(true)
    expect(describeShortfall([])).toBe('')
  })
})

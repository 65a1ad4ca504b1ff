import { decisionLetter } from '../../src/domain/letters/decisionLetter'
import { wordingProblem } from '../../src/domain/letters/settingsForm'
import { issueProblems, RIGHTS_BY_TIMING } from '../../src/domain/letters/rights'
import { APPEAL_RIGHTS, appealRightFor, type AppealTiming } from '../../src/domain/rightsOfAppeal'
import { SECTION_IDS, type LetterFacts, type LetterModel } from '../../src/domain/letters/types'
import { DISAGREEMENT_GROUND_LABELS, DISAGREEMENT_GROUNDS } from '../../src/domain/decisionRules'
import { readability } from '../../src/domain/readability'
import { CASE_KINDS, OUTCOMES_BY_KIND } from '../../src/domain/vocabulary'
import { facts, SETTINGS } from '../support/letters'

const EVERY_OUTCOME = CASE_KINDS.flatMap((kind) =>
  OUTCOMES_BY_KIND[kind].map((outcome) => [kind, outcome] as const),
)

/** The council's own words in a letter, with names, contacts and addresses taken out. */
function templateWords(letter: LetterModel, f: LetterFacts): string {
  const names = [
    f.child.firstName,
    f.child.lastName,
    f.caseworker.name,
    f.preferredSetting ?? '',
    SETTINGS.informationAdvice.name,
    SETTINGS.mediation.name,
    SETTINGS.disagreementResolution.name,
  ].filter((n) => n !== '')
  return [
    ...letter.sections.flatMap((s) => [...s.paragraphs, ...(s.list ?? [])]),
    ...letter.factSheet.sections.flatMap((s) => s.paragraphs),
  ]
    .filter((x) => x.from === 'template')
    .map((x) => {
      let text = x.text.replace(/\S+@\S+|https?:\/\/\S+|\b\d[\d ]{6,}\d\b/g, 'it')
      for (const name of names) text = text.split(name).join('it')
      return text
    })
    .join('\n')
}

/**
 * Which decisions carry which appeal, written out by hand from Children and Families Act 2014 s.51(2)
 * so that the table in src/domain/rightsOfAppeal.ts is checked against a second reading, not itself.
 */
const APPEAL_FROM_THIS_LETTER = [
  'assessment_request:refuse_to_assess', // s.51(2)(a)
  'issue_plan:do_not_issue_plan', // s.51(2)(b)
  'annual_review:maintain', // s.51(2)(e): not to amend after a review
  'annual_review:cease', // s.51(2)(f)
  'phase_transfer:maintain',
  'phase_transfer:cease',
]
const APPEAL_FROM_THE_PLAN = [
  'issue_plan:issue_plan', // s.51(2)(c), from the final plan
  'placement:name_preference',
  'placement:name_different_setting',
  'annual_review:amend',
  'phase_transfer:amend',
]

function expectedTiming(kind: string, outcome: string): AppealTiming {
  const pair = `${kind}:${outcome}`
  if (APPEAL_FROM_THIS_LETTER.includes(pair)) return 'now'
  if (APPEAL_FROM_THE_PLAN.includes(pair)) return 'later'
  return 'none'
}

const textOf = (letter: LetterModel, id: string) =>
  letter.sections
    .find((s) => s.id === id)!
    .paragraphs.map((x) => x.text)
    .join(' ')

describe('the rights table', () => {
  test('has a row for every outcome a panel can decide, and no other', () => {
    const rows = Object.entries(APPEAL_RIGHTS).flatMap(([kind, outcomes]) =>
      Object.keys(outcomes).map((o) => `${kind}:${o}`),
    )
    expect(rows.sort()).toEqual(EVERY_OUTCOME.map(([k, o]) => `${k}:${o}`).sort())
  })

  test.each(EVERY_OUTCOME)('%s: %s follows the law as read by hand, citing its basis', (kind, outcome) => {
    const right = appealRightFor(kind, outcome)!
    expect(right.timing).toBe(expectedTiming(kind, outcome))
    expect(right.basis).toMatch(/Children and Families Act 2014/)
    if (right.timing === 'none') expect(right.about).toBeNull()
    else expect(right.about).toBeTruthy()
  })
})

describe.each(EVERY_OUTCOME)('the letter for %s: %s', (kind, outcome) => {
  const f = facts(kind, outcome)
  const letter = decisionLetter(f, SETTINGS)
  const timing = expectedTiming(kind, outcome)
  const disagree = textOf(letter, 'disagree')
  const sheet = JSON.stringify(letter.factSheet)

  test('has the sections of docs/design.md, "The letter", in order, the decision first', () => {
    expect(letter.sections.map((s) => s.id)).toEqual([...SECTION_IDS])
    expect(letter.sections[0]!.paragraphs).toHaveLength(1)
    expect(letter.sections[0]!.paragraphs[0]!.text).toContain('Zara')
  })

  test('gives the panel’s reasons and the named caseworker, and what it says of the preference is true', () => {
    const text = JSON.stringify(letter)
    for (const reason of f.reasons) expect(text).toContain(reason)
    expect(text).toContain('Priya Shah')
    expect(text).toContain('01632 960444')
    const asked = textOf(letter, 'asked')
    if (outcome === 'defer') {
      expect(asked).not.toContain('gives you what you asked for')
      expect(asked).not.toContain('different from what you asked for')
    } else {
      expect(asked).toContain('different from what you asked for')
      expect(text).toContain(f.disagreementExplanation!)
    }
  })

  test('gives every right its decision carries, and can be issued', () => {
    expect(issueProblems(letter)).toEqual([])
    expect([...letter.rightsGiven].sort()).toEqual([...RIGHTS_BY_TIMING[timing]].sort())
    expect(disagree).toContain('01632 960111') // the information, advice and support service
  })

  test('offers no right it does not carry', () => {
    if (timing !== 'now') {
      expect(letter.appealBy).toBeNull()
      expect(disagree).not.toMatch(/appeal by|must get your appeal/)
      expect(sheet).not.toContain('For this letter, the last day')
      expect(sheet).not.toContain('Tuesday 26 January 2027')
    }
    if (timing === 'none') {
      expect(disagree).not.toContain('mediation')
      expect(disagree).not.toContain('Disagreement Resolution')
      expect(sheet).not.toContain('Mediation certificates')
      expect(disagree).toContain(outcome === 'defer' ? 'nothing to appeal' : 'does not let you appeal')
      expect(disagree).toContain(SETTINGS.complaintsUrl)
      expect(disagree).toContain('Local Government and Social Care Ombudsman')
    }
  })

  if (timing === 'now') {
    test('gives the appeal’s last day, in the letter and the fact sheet alike', () => {
      expect(letter.appealBy).toBe('2027-01-26')
      expect(disagree).toContain('by Tuesday 26 January 2027')
      expect(disagree).toContain('do not need a certificate if your appeal is only about the school')
      expect(disagree).toContain('does not affect your right to appeal')
      expect(sheet).toContain('Tuesday 26 January 2027')
      expect(sheet).toContain('within 3 working days')
    })
  }

  if (timing === 'later') {
    test('says the appeal comes with the final plan, and what it can be about', () => {
      expect(disagree).toContain('You cannot appeal against this decision itself')
      expect(disagree).toContain('When we send you the final plan, you can appeal')
      expect(disagree).toContain(appealRightFor(kind, outcome)!.about)
      expect(sheet).toContain('Appealing about the plan')
    })
  }

  test('its fact sheet starts with the law it follows', () => {
    expect(sheet).toContain('Children and Families Act 2014')
  })

  test('its own words read easily: reading ease 70 or more, no sentence of 20 words or more', () => {
    const report = readability(templateWords(letter, f), [])
    expect(report.longSentences).toEqual([])
    expect(report.score).toBeGreaterThanOrEqual(70)
  })
})

describe('a letter that leaves out a right', () => {
  test('cannot be issued, and says which right and what to fill in', () => {
    const settings = { ...SETTINGS, mediation: { ...SETTINGS.mediation, phone: ' ' }, tribunalUrl: '' }
    const letter = decisionLetter(facts('assessment_request', 'refuse_to_assess'), settings)
    const problems = issueProblems(letter)
    expect(problems).toHaveLength(2)
    expect(problems.join(' ')).toContain('mediation')
    expect(problems.join(' ')).toContain('tribunal')
  })

  test('is checked against the rights its own decision carries, not one fixed list', () => {
    const noMediationNoTribunal = {
      ...SETTINGS,
      mediation: { ...SETTINGS.mediation, phone: '' },
      tribunalUrl: '',
    }
    // An agreed assessment carries no appeal, so a council without those settings can still send it.
    expect(
      issueProblems(decisionLetter(facts('assessment_request', 'agree_to_assess'), noMediationNoTribunal)),
    ).toEqual([])
    const noComplaints = { ...SETTINGS, complaintsUrl: '' }
    expect(
      issueProblems(decisionLetter(facts('assessment_request', 'agree_to_assess'), noComplaints)),
    ).toEqual([expect.stringContaining('complain')])
    // A refusal carries the appeal, so the complaints page alone is not what it needs.
    expect(
      issueProblems(decisionLetter(facts('assessment_request', 'refuse_to_assess'), noComplaints)),
    ).toEqual([])
  })
})

describe('a deferral', () => {
  test('says what is needed and by when', () => {
    const letter = decisionLetter(facts('assessment_request', 'defer'), SETTINGS)
    const next = letter.sections.find((s) => s.id === 'next')!.paragraphs.map((x) => x.text)
    expect(next).toContain('Get the health advice.')
    expect(next.join(' ')).toContain('Thursday 10 December 2026')
  })
})

describe('what happens next', () => {
  test('dates come from the statutory clock', () => {
    const letter = decisionLetter(facts('assessment_request', 'agree_to_assess'), SETTINGS)
    expect(JSON.stringify(letter)).toContain('Thursday 14 January 2027')
  })

  test('where the law sets no date, the caseworker calls within the council’s working days', () => {
    const letter = decisionLetter(facts('alternative_provision', 'agree'), SETTINGS)
    // 10 working days from Thursday 26 November 2026.
    expect(JSON.stringify(letter)).toContain('Thursday 10 December 2026')
  })
})

describe('a letter naming a setting other than the family’s preference', () => {
  test('names the setting chosen and the one asked for, in the decision sentence', () => {
    const letter = decisionLetter(facts('placement', 'name_different_setting'), SETTINGS)
    expect(letter.sections[0]!.paragraphs[0]!.text).toBe(
      "We will name Longmoor High School in Zara's plan, not Brookfield Vale School.",
    )
  })

  test.each(['amend', 'maintain'])(
    'a phase transfer (%s) says which setting the plan will name',
    (outcome) => {
      const letter = decisionLetter(facts('phase_transfer', outcome), SETTINGS)
      expect(textOf(letter, 'next')).toContain('Longmoor High School, where Zara will go next')
    },
  )

  test.each(DISAGREEMENT_GROUNDS)(
    'explains the ground %s in plain words, never quoting the Act',
    (ground) => {
      const f = facts('placement', 'name_different_setting', { disagreementGround: ground })
      const letter = decisionLetter(f, SETTINGS)
      const asked = textOf(letter, 'asked')
      expect(JSON.stringify(letter)).not.toContain(DISAGREEMENT_GROUND_LABELS[ground])
      expect(asked).toMatch(/only a few reasons/)
      expect(asked).toContain(
        ground === 'mainstream_incompatible_no_reasonable_steps' ? 'other children' : 'Zara',
      )
      const report = readability(asked.replace(/Brookfield Vale School/g, 'it'), [])
      expect(report.longSentences).toEqual([])
    },
  )
})

describe('a letter to a young person speaks to them', () => {
  test.each(EVERY_OUTCOME)(
    '%s: %s says “you”, never “your child” or their name as someone else',
    (kind, outcome) => {
      const letter = decisionLetter(facts(kind, outcome, { toYoungPerson: true }), SETTINGS)
      const own = JSON.stringify(
        letter.sections.flatMap((s) => s.paragraphs.filter((x) => x.from === 'template')),
      )
      expect(own).not.toMatch(/your child|Zara's|you and Zara| for Zara\b|about Zara/)
      expect(letter.sections[0]!.paragraphs[0]!.text).not.toContain('Zara')
    },
  )

  test('a parent’s letter names the child', () => {
    const letter = decisionLetter(facts('assessment_request', 'agree_to_assess'), SETTINGS)
    expect(letter.sections[0]!.paragraphs[0]!.text).toBe("We will carry out an assessment of Zara's needs.")
    const yp = decisionLetter(
      facts('assessment_request', 'agree_to_assess', { toYoungPerson: true }),
      SETTINGS,
    )
    expect(yp.sections[0]!.paragraphs[0]!.text).toBe('We will carry out an assessment of your needs.')
  })
})

describe('every date a letter promises is there', () => {
  test.each(EVERY_OUTCOME)('%s: %s, even when the clock gives no date for a step', (kind, outcome) => {
    const letter = decisionLetter(facts(kind, outcome, { dueDates: {} }), SETTINGS)
    expect(JSON.stringify(letter)).not.toMatch(/the date the law sets|by undefined|no date/)
  })
})

describe('a deferral letter', () => {
  test('says nothing is decided, what is needed, who is getting it by when, and when the panel looks again', () => {
    const letter = decisionLetter(facts('annual_review', 'defer'), SETTINGS)
    const next = textOf(letter, 'next')
    expect(letter.sections[0]!.paragraphs[0]!.text).toBe('We have not made a decision about Zara yet.')
    expect(next).toContain('This is what it needs: Get the health advice.')
    expect(next).toContain('Your caseworker will get it by Thursday 10 December 2026.')
    expect(next).toContain("The panel will look at Zara's case again on Tuesday 15 December 2026.")
    const unplaced = decisionLetter(
      facts('annual_review', 'defer', {
        deferral: {
          action: 'Get the health advice.',
          owner: 'Your caseworker',
          dueOn: '2026-12-10',
          nextSittingOn: null,
        },
      }),
      SETTINGS,
    )
    expect(textOf(unplaced, 'next')).toContain('at its first meeting after that. We will tell you the date.')
  })
})

test('the council’s words for every letter may not speak of “your child”, as young people get letters too', () => {
  expect(wordingProblem('Find more help for your child on our local offer website.', [])).toContain(
    '“you” rather than “your child”',
  )
  expect(wordingProblem('Find more help on our local offer website.', [])).toBeUndefined()
})

import { decisionLetter } from '../../src/domain/letters/decisionLetter'
import { issueProblems } from '../../src/domain/letters/rights'
import { SECTION_IDS, type LetterFacts, type LetterModel } from '../../src/domain/letters/types'
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

describe.each(EVERY_OUTCOME)('the letter for %s: %s', (kind, outcome) => {
  const f = facts(kind, outcome)
  const letter = decisionLetter(f, SETTINGS)

  test('has the sections of DESIGN.md in order, the decision first', () => {
    expect(letter.sections.map((s) => s.id)).toEqual([...SECTION_IDS])
    expect(letter.sections[0]!.paragraphs).toHaveLength(1)
    expect(letter.sections[0]!.paragraphs[0]!.text).toContain('Zara')
  })

  test('gives the panel’s reasons, the explanation and the named caseworker', () => {
    const text = JSON.stringify(letter)
    for (const reason of f.reasons) expect(text).toContain(reason)
    expect(text).toContain(f.disagreementExplanation!)
    expect(text).toContain('Priya Shah')
    expect(text).toContain('01632 960444')
  })

  test('ends with a fact sheet on the legal detail, with the same last day', () => {
    const sheet = JSON.stringify(letter.factSheet)
    expect(sheet).toContain('Tuesday 26 January 2027')
    expect(sheet).toContain('Children and Families Act 2014')
    expect(sheet).toContain('within 3 working days')
  })

  test('gives every right, with the appeal’s last day, and can be issued', () => {
    expect(issueProblems(letter)).toEqual([])
    const disagree = letter.sections
      .find((s) => s.id === 'disagree')!
      .paragraphs.map((x) => x.text)
      .join(' ')
    expect(disagree).toContain('by Tuesday 26 January 2027')
    expect(disagree).toContain('do not need a certificate if your appeal is only about the school')
    expect(disagree).toContain('does not affect your right to appeal')
    expect(disagree).toContain('01632 960111')
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

import { formatLongDate } from '../../src/domain/dates'
import { decisionLetter } from '../../src/domain/letters/decisionLetter'
import {
  easyReadLetter,
  PICTURES,
  sentenceText,
  type EasyReadLetter,
} from '../../src/domain/letters/easyReadLetter'
import { issueProblems } from '../../src/domain/letters/rights'
import type { LetterFacts } from '../../src/domain/letters/types'
import { readability, wordsIn } from '../../src/domain/readability'
import { appealRightFor } from '../../src/domain/rightsOfAppeal'
import { CASE_KINDS, namesSetting, OUTCOMES_BY_KIND } from '../../src/domain/vocabulary'
import { facts, SETTINGS } from '../support/letters'

const EVERY_OUTCOME = CASE_KINDS.flatMap((kind) =>
  OUTCOMES_BY_KIND[kind].map((outcome) => [kind, outcome] as const),
)

const allSentences = (letter: EasyReadLetter) =>
  letter.sections.flatMap((s) => s.points.flatMap((p) => p.sentences))
const textOf = (letter: EasyReadLetter) => allSentences(letter).map(sentenceText).join(' ')

/** The council's own sentences, with names, contacts, addresses and the bodies' full names taken out. */
function templateSentences(letter: EasyReadLetter, f: LetterFacts): string[] {
  const names = [
    f.child.firstName,
    f.child.lastName,
    f.caseworker.name,
    f.preferredSetting ?? '',
    f.namedSetting ?? '',
    SETTINGS.informationAdvice.name,
    SETTINGS.mediation.name,
    SETTINGS.disagreementResolution.name,
    'First-tier Tribunal (Special Educational Needs and Disability)',
    'Local Government and Social Care Ombudsman',
  ].filter((n) => n !== '')
  return allSentences(letter)
    .filter((s) => s.from === 'template')
    .map((s) => {
      let text = sentenceText(s).replace(/\S+@\S+|https?:\/\/\S+|\b\d[\d ]{6,}\d\b/g, 'it')
      for (const name of names) text = text.split(name).join('it')
      return text
    })
}

describe.each(EVERY_OUTCOME)('the Easy Read %s letter, %s', (kind, outcome) => {
  const f = facts(kind, outcome)
  const letter = easyReadLetter(f, SETTINGS)
  const standard = decisionLetter(f, SETTINGS)
  const text = textOf(letter)

  test('gives the same rights as the standard letter, with the same last day to appeal', () => {
    expect(letter.rightsRequired).toEqual(standard.rightsRequired)
    expect([...letter.rightsGiven].sort()).toEqual([...standard.rightsGiven].sort())
    expect(letter.appealBy).toEqual(standard.appealBy)
    expect(issueProblems(letter)).toEqual([])
  })

  test('starts with the decision, then keeps the standard letter’s order', () => {
    expect(letter.sections.map((s) => s.id)).toEqual(standard.sections.map((s) => s.id))
    expect(letter.sections[0]!.points[0]!.sentences[0]!.runs.some((r) => r.bold)).toBe(true)
    expect(letter.title).toBe(standard.title)
  })

  test('gives every one of the panel’s reasons as a point of its own', () => {
    const points = letter.sections.find((s) => s.id === 'why')!.points
    for (const reason of f.reasons) {
      expect(points.some((p) => p.sentences.length === 1 && sentenceText(p.sentences[0]!) === reason)).toBe(
        true,
      )
    }
  })

  test('says every right it gives, and how to use it', () => {
    const timing = appealRightFor(kind, outcome)!.timing
    expect(text).toContain(SETTINGS.informationAdvice.name)
    if (timing === 'now') {
      expect(text).toContain(`The tribunal must get your appeal by ${formatLongDate(letter.appealBy!)}`)
      expect(text).toContain(SETTINGS.mediation.name)
      expect(text).toContain(SETTINGS.disagreementResolution.name)
      expect(text).toContain('certificate')
      expect(text).toContain(SETTINGS.tribunalUrl)
    }
    if (timing === 'later') {
      expect(text).toContain('You cannot appeal about this decision')
      expect(text).toContain('final plan')
      expect(text).toContain(SETTINGS.disagreementResolution.name)
      expect(text).not.toContain(SETTINGS.mediation.name)
      expect(text).not.toContain('must get your appeal by')
    }
    if (timing === 'none') {
      expect(text).toContain(SETTINGS.complaintsUrl)
      expect(text).toContain('Local Government and Social Care Ombudsman')
      expect(text).not.toContain(SETTINGS.mediation.name)
      expect(text).not.toContain('must get your appeal by')
    }
  })

  test('gives the caseworker with phone and email, and who to ask for another format', () => {
    expect(text).toContain(f.caseworker.name)
    expect(text).toContain(f.caseworker.phone!)
    expect(text).toContain(f.caseworker.email)
    expect(text).toContain(SETTINGS.sendTeam.phone)
  })

  test('promises the same dates as the standard letter', () => {
    const standardText = standard.sections
      .flatMap((s) => [...s.paragraphs, ...(s.list ?? [])])
      .map((p) => p.text)
      .join(' ')
    const dates = standardText.match(
      /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d+ \w+ \d{4}/g,
    )
    for (const date of dates ?? []) expect(text).toContain(date)
    if (outcome === 'defer') expect(text).toContain(formatLongDate(f.deferral!.dueOn))
  })

  if (namesSetting(kind, outcome)) {
    test('names the setting the decision names', () => {
      expect(text).toContain(f.namedSetting!)
    })
  }

  test('pairs every point with a picture from the bundled set', () => {
    for (const section of letter.sections) {
      expect(section.points.length).toBeGreaterThan(0)
      for (const p of section.points) expect(PICTURES).toContain(p.picture)
    }
  })

  test('its own words: no sentence over 15 words, reading ease 80 or more', () => {
    const sentences = templateSentences(letter, f)
    expect(sentences.filter((s) => wordsIn(s).length > 15)).toEqual([])
    expect(readability(sentences.join('\n'), []).score).toBeGreaterThanOrEqual(80)
  })

  test('is its own wording, not the standard letter’s sentences', () => {
    expect(text).not.toContain(standard.sections[0]!.paragraphs[0]!.text)
  })
})

describe('the Easy Read letter', () => {
  test('marks key words bold as runs, so the renderer can set them in bold', () => {
    const letter = easyReadLetter(facts('assessment_request', 'refuse_to_assess'), SETTINGS)
    const runs = letter.sections[0]!.points[0]!.sentences[0]!.runs
    expect(runs.filter((r) => r.bold).map((r) => r.text)).toEqual(['not', 'assessment'])
    expect(runs.map((r) => r.text).join('')).toBe('We will not do an assessment for Zara now.')
  })

  test('leaves asterisks in the panel’s own words alone', () => {
    const letter = easyReadLetter(
      facts('annual_review', 'maintain', { reasons: ['Her **reading** has improved.'] }),
      SETTINGS,
    )
    const reasons = letter.sections.find((s) => s.id === 'why')!.points.slice(1)
    expect(reasons[0]!.sentences[0]!.runs).toEqual([{ text: 'Her **reading** has improved.', bold: false }])
  })

  test('cannot be issued when a right it must give is missing from the settings, as the standard one', () => {
    const settings = { ...SETTINGS, mediation: { ...SETTINGS.mediation, phone: ' ' }, tribunalUrl: '' }
    const f = facts('assessment_request', 'refuse_to_assess')
    expect(issueProblems(easyReadLetter(f, settings))).toEqual(issueProblems(decisionLetter(f, settings)))
    expect(issueProblems(easyReadLetter(f, settings))).toHaveLength(2)
  })

  test('credits the pictures and their licence', () => {
    const letter = easyReadLetter(facts('issue_plan', 'issue_plan'), SETTINGS)
    expect(letter.pictureCredit.join(' ')).toContain('Twemoji')
    expect(letter.pictureCredit.join(' ')).toContain('CC BY 4.0')
  })

  test('a different setting without a name still says the preference is not named', () => {
    const letter = easyReadLetter(
      facts('placement', 'name_different_setting', { namedSetting: null }),
      SETTINGS,
    )
    expect(textOf(letter)).toContain("Zara's plan will not name Brookfield Vale School.")
  })
})

describe('an Easy Read letter to a young person speaks to them', () => {
  const pairs = CASE_KINDS.flatMap((kind) =>
    OUTCOMES_BY_KIND[kind].map((outcome) => [kind, outcome] as const),
  )
  const templateText = (l: ReturnType<typeof easyReadLetter>) =>
    l.sections
      .flatMap((s) => s.points.flatMap((p) => p.sentences))
      .filter((x) => x.from === 'template')
      .map((x) => x.runs.map((r) => r.text).join(''))

  test.each(pairs)('%s: %s', (kind, outcome) => {
    const sentences = templateText(easyReadLetter(facts(kind, outcome, { toYoungPerson: true }), SETTINGS))
    for (const sentence of sentences) {
      expect(sentence).not.toMatch(/Zara|your child/)
      expect(sentence).not.toMatch(/\byou (needs|starts|moves)\b|^(you|your) /)
    }
    // A parent's letter still names the child.
    expect(templateText(easyReadLetter(facts(kind, outcome), SETTINGS)).join(' ')).toContain('Zara')
  })

  test.each(pairs)('%s: %s promises no date it cannot give', (kind, outcome) => {
    const letter = easyReadLetter(facts(kind, outcome, { dueDates: {} }), SETTINGS)
    expect(JSON.stringify(letter)).not.toMatch(/the date the law sets|no date/)
  })
})

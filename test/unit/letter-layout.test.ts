import fc from 'fast-check'
import { decisionLetter } from '../../src/domain/letters/decisionLetter'
import type { LetterFacts, LetterModel } from '../../src/domain/letters/types'
import { CASE_KINDS, OUTCOMES_BY_KIND } from '../../src/domain/vocabulary'
import { renderLetterPdf } from '../../src/letters/decisionLetterPdf'
import { breakLines } from '../../src/letters/lineBreaking'
import { paginate, type Row } from '../../src/letters/pagination'
import { facts, SETTINGS } from '../support/letters'
import { brokenAcrossLines, pdfPages, textLines, unbreakables } from '../support/pdfPages'

// Issue 13, point 7: letters that read well on paper. Every letter is read back with poppler, page by
// page, as a family's printer would put it on paper, and checked for what the tester found: pages left
// with a line or two, a signature alone on its page, a heading at the foot of one, web addresses and
// dates broken across lines, and letters running to five pages.

type Format = 'standard' | 'large_print'

/**
 * Pages each part may take. Large print is 16pt to standard's 12pt, about 1.8 times the area for each
 * line, so two pages become three and a half: held to three.
 */
const MOST_PAGES: Record<Format, { letter: number; factSheet: number }> = {
  standard: { letter: 2, factSheet: 2 },
  large_print: { letter: 3, factSheet: 3 },
}
const MIN_LINES = 4

const flat = (text: string) => text.replace(/\s+/g, ' ').trim()
/** The words without the spaces between them, so a line broken at a hyphen or inside a word reads the same. */
const squeezed = (text: string) => text.replace(/\s+/g, '')
const allText = (pages: string[][]) => squeezed(pages.map(textLines).flat().join(''))

/** What a family would see wrong with the letter on paper; empty when nothing is. */
function layoutProblems(letter: LetterModel, f: LetterFacts, pages: string[][]): string[] {
  const problems: string[] = []
  const factSheetAt = pages.findIndex((page) => textLines(page)[0] === letter.factSheet.heading)
  if (factSheetAt < 0) return ['the fact sheet does not start a page']

  for (const [i, page] of pages.entries()) {
    const lines = textLines(page)
    if (lines.length < MIN_LINES)
      problems.push(`page ${i + 1} has ${lines.length} lines: ${lines.join(' / ')}`)
  }

  const headings = new Set([
    letter.title,
    ...letter.sections.map((s) => s.heading),
    letter.factSheet.heading,
    ...letter.factSheet.sections.map((s) => s.heading),
  ])
  for (const [i, page] of pages.entries()) {
    const last = textLines(page).at(-1)
    if (last && headings.has(last)) problems.push(`page ${i + 1} ends with the heading "${last}"`)
  }

  // The sign-off's name, and the last line of the letter's words before it, are on one page.
  const lastSection = letter.sections.at(-1)!
  const before = flat((lastSection.list?.at(-1) ?? lastSection.paragraphs.at(-1)!).text)
  const signedOn = pages.findIndex((page, i) => i < factSheetAt && page.includes(letter.signOff.name))
  const signed = textLines(pages[signedOn] ?? [])
  const lineBefore = signed[signed.indexOf('Yours sincerely') - 1]
  if (signedOn < 0) problems.push('the sign-off is missing')
  else if (!lineBefore || !before.endsWith(lineBefore)) {
    problems.push(`the sign-off is on page ${signedOn + 1} without the words before it ("${before}")`)
  }

  const text = pages.flat().join(' ')
  const known = [
    SETTINGS.informationAdvice.website,
    SETTINGS.informationAdvice.email,
    SETTINGS.informationAdvice.phone,
    SETTINGS.tribunalUrl,
    SETTINGS.complaintsUrl,
    SETTINGS.sendTeam.phone,
    SETTINGS.sendTeam.email,
    SETTINGS.mediation.phone,
    SETTINGS.mediation.email,
    SETTINGS.disagreementResolution.phone,
    SETTINGS.disagreementResolution.email,
    f.caseworker.email,
    f.caseworker.phone ?? '',
  ]
  for (const broken of brokenAcrossLines(pages, [...new Set([...known, ...unbreakables(text)])])) {
    problems.push(`"${broken}" is broken across lines`)
  }
  return problems
}

function parts(letter: LetterModel, pages: string[][]) {
  const factSheetAt = pages.findIndex((page) => textLines(page)[0] === letter.factSheet.heading)
  return { letter: factSheetAt, factSheet: pages.length - factSheetAt }
}

const CASES = CASE_KINDS.flatMap((kind) =>
  OUTCOMES_BY_KIND[kind].flatMap((outcome) =>
    (['standard', 'large_print'] as const).map((format) => ({ kind, outcome, format })),
  ),
)

describe.each(CASES)('the $kind letter, $outcome, in $format', ({ kind, outcome, format }) => {
  const f = facts(kind, outcome)
  const letter = decisionLetter(f, SETTINGS)
  let pages: string[][]
  beforeAll(async () => {
    pages = pdfPages(await renderLetterPdf(letter, { format }))
  })

  it(`keeps the letter to ${MOST_PAGES[format].letter} pages and its fact sheet to ${MOST_PAGES[format].factSheet}`, () => {
    const { letter: own, factSheet } = parts(letter, pages)
    expect(own).toBeGreaterThanOrEqual(1)
    expect(own).toBeLessThanOrEqual(MOST_PAGES[format].letter)
    expect(factSheet).toBeLessThanOrEqual(MOST_PAGES[format].factSheet)
  })

  it('leaves no page short, no heading at a page’s foot, the signature with its words, nothing broken', () => {
    expect(layoutProblems(letter, f, pages)).toEqual([])
  })
})

const WORDS = [
  'Zara',
  'school',
  'needs',
  'help',
  'reading',
  'the',
  'panel',
  'agreed',
  'speech-and-language',
  'therapy',
  'support,',
  'progress.',
  'teacher’s',
  'report',
  'First-tier',
  'Tuesday 26 January 2027',
  '01632 960555',
  'https://www.northshire.example.org/send/local-offer/support-in-school',
  'help@northshire.example.org',
  'assessment',
]

const reason = fc
  .array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 60 })
  .map((words) => `${words.join(' ')}.`)

describe('letters with reasons short and long', () => {
  it('keep the layout rules whatever the reasons', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(reason, { minLength: 1, maxLength: 12 }),
        fc.constantFrom<Format>('standard', 'large_print'),
        async (reasons, format) => {
          const f = facts('issue_plan', 'do_not_issue_plan', { reasons })
          const letter = decisionLetter(f, SETTINGS)
          const pages = pdfPages(await renderLetterPdf(letter, { format }))
          expect(layoutProblems(letter, f, pages)).toEqual([])
          for (const r of reasons) expect(allText(pages)).toContain(squeezed(r))
        },
      ),
      { numRuns: 20 },
    )
  })

  it('break a word wider than a line between letters, and keep the rules', async () => {
    const long = 'a'.repeat(10_000)
    const f = facts('placement', 'name_different_setting', { reasons: [`See ${long} here.`, 'Short.'] })
    const letter = decisionLetter(f, SETTINGS)
    for (const format of ['standard', 'large_print'] as const) {
      const pages = pdfPages(await renderLetterPdf(letter, { format }))
      expect(layoutProblems(letter, f, pages)).toEqual([])
      expect(allText(pages)).toContain(`See${long}here.`)
    }
  })
})

describe('breakLines', () => {
  // One unit a character (a newline too, as pdfkit's missing glyph has a width), so lines can be counted out.
  const mono = (word: string) => word.length

  it('keeps a phone number, a date and a web address each on one line', () => {
    const text = 'Phone 01632 960111 by Tuesday 26 January 2027 at https://www.example.org/a/b.'
    const lines = breakLines(text, 32, mono)
    expect(lines.join(' ')).toBe(text)
    for (const run of ['01632 960111', 'Tuesday 26 January 2027', 'https://www.example.org/a/b.']) {
      expect(lines.some((line) => line.includes(run))).toBe(true)
    }
  })

  it('loses and repeats nothing where runs touch', () => {
    const text = 'Call 01632 960111/01632 960222 or see (https://www.example.org), 26 January 2027.'
    for (const width of [12, 20, 40, 200]) {
      expect(squeezed(breakLines(text, width, mono).join(''))).toBe(squeezed(text))
    }
  })

  it('breaks a run only when it is wider than a line, then a word between letters', () => {
    expect(breakLines('See https://www.example.org/long/path', 20, mono)).toEqual([
      'See',
      'https://www.',
      'example.org/long/',
      'path',
    ])
    // 8 and the newline after them fit in 10, less the room breakLines keeps spare; the last has no newline.
    expect(breakLines('x'.repeat(25), 10, mono)).toEqual(['x'.repeat(8), 'x'.repeat(8), 'x'.repeat(9)])
  })
})

describe('paginate', () => {
  const line = (breakBefore = true): Row => ({ gap: 0, advance: 1, height: 1, text: true, breakBefore })

  it('moves lines back so that the last page has four', () => {
    const places = paginate(
      Array.from({ length: 11 }, () => line()),
      10,
    )
    const perPage = [0, 1].map((p) => places.filter((place) => place.page === p).length)
    expect(perPage).toEqual([7, 4])
  })

  it('never starts a page where breaking is not allowed', () => {
    const rows = Array.from({ length: 14 }, (_, i) => line(i !== 10))
    const places = paginate(rows, 10)
    expect(places[10]!.page).toBe(places[9]!.page)
  })
})

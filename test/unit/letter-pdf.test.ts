import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { create as parseFont } from 'fontkit'
import { formatLongDate } from '../../src/domain/dates'
import { decisionLetter } from '../../src/domain/letters/decisionLetter'
import { appealRightFor } from '../../src/domain/rightsOfAppeal'
import type { LetterModel } from '../../src/domain/letters/types'
import { CASE_KINDS, OUTCOMES_BY_KIND } from '../../src/domain/vocabulary'
import { renderLetterPdf } from '../../src/letters/decisionLetterPdf'
import { pdfText, popplerOn } from '../support/pdf'
import { facts, PRIVACY_URL, SETTINGS } from '../support/letters'
import { png } from '../support/images'

// Checked with poppler's own tools, as a reader's software would see the file. If they are missing
// these tests fail rather than skip: apt-get install poppler-utils.

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'letter-pdf-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** A poppler tool that popplerOn does not run, or with other options. */
function poppler(pdf: Buffer, tool: string, ...args: string[]): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, pdf)
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' })
}

// pdftotext's word boxes run from the font's ascent to its descent, so a box's height over this is its size.
const DEJAVU = parseFont(
  readFileSync(join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf')),
)
const EM_HEIGHT = (DEJAVU.ascent - DEJAVU.descent) / DEJAVU.unitsPerEm

/** The font size of every word, to a hundredth of a point, with the line it is on. */
function wordSizes(pdf: Buffer): { line: string; size: number }[] {
  const words: { line: string; size: number }[] = []
  for (const [, line = ''] of poppler(pdf, 'pdftotext', '-bbox-layout').matchAll(
    /<line[^>]*>(.*?)<\/line>/gs,
  )) {
    const boxes = [...line.matchAll(/<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)">([^<]*)</g)]
    const text = boxes.map((box) => box[3]).join(' ')
    for (const [, top, bottom] of boxes) {
      words.push({ line: text, size: Math.round(((Number(bottom) - Number(top)) / EM_HEIGHT) * 100) / 100 })
    }
  }
  return words
}

const smallest = (words: { size: number }[]) => Math.min(...words.map((w) => w.size))

// Every kind and outcome, to a parent in standard print and to a young person in large print.
const CASES = CASE_KINDS.flatMap((kind) =>
  OUTCOMES_BY_KIND[kind].flatMap((outcome) => [
    { kind, outcome, format: 'standard' as const, toYoungPerson: false, reader: 'a parent' },
    { kind, outcome, format: 'large_print' as const, toYoungPerson: true, reader: 'a young person' },
  ]),
)

describe.each(CASES)(
  'the $kind letter, $outcome, $format to $reader',
  ({ kind, outcome, format, toYoungPerson }) => {
    let letter: LetterModel
    let pdf: Buffer
    let text: string
    beforeAll(async () => {
      letter = decisionLetter(facts(kind, outcome, { toYoungPerson }), SETTINGS)
      pdf = await renderLetterPdf(letter, { format })
      text = pdfText(pdf)
    })

    it('gives the decision, the reasons, what it says of the preference and the caseworker', () => {
      const f = facts(kind, outcome)
      for (const expected of [
        letter.sections[0]!.paragraphs[0]!.text,
        ...f.reasons,
        `Your caseworker is ${f.caseworker.name}.`,
        `Phone ${f.caseworker.phone} or email ${f.caseworker.email}.`,
      ]) {
        expect(text).toContain(expected)
      }
      if (outcome === 'defer') {
        expect(text).not.toContain('different from what you asked for')
        expect(text).not.toContain('gives you what you asked for')
      } else {
        // A page may end between the two, in large print.
        expect(text).toContain('Our decision is different from what you asked for. This is why:')
        expect(text).toContain('We think her school can meet her needs.')
      }
      // The named setting, where the decision names one other than the preference.
      if (f.namedSetting) expect(text).toContain(f.namedSetting)
      // A young person is spoken to: the letter's own words never call them "your child".
      if (toYoungPerson) expect(text).not.toMatch(/your child|Zara's/)
    })

    it('reads back, with pdftotext, where to read the privacy notice, its address unbroken', () => {
      expect(text).toContain(`Read how we use your information, and your rights, at ${PRIVACY_URL}.`)
      expect(popplerOn(pdf, 'pdftotext')).toContain(PRIVACY_URL)
    })

    it('gives the rights its decision carries, read back from the PDF, and no others', () => {
      const right = appealRightFor(kind, outcome)!
      const { informationAdvice: advice } = SETTINGS
      expect(text).toContain(`free advice that does not take sides from ${advice.name}.`)
      expect(text).toContain(`Phone ${advice.phone} or email ${advice.email}.`)
      if (right.timing === 'now') {
        for (const expected of [
          `run by ${SETTINGS.disagreementResolution.name}.`,
          'Using it does not affect your right to appeal.',
          `you must contact ${SETTINGS.mediation.name} to talk about mediation.`,
          'You do not need a certificate if your appeal is only about the school named in the plan.',
          'You can appeal to the First-tier Tribunal (Special Educational Needs and Disability).',
          `The tribunal must get your appeal by ${formatLongDate(letter.appealBy!)}.`,
          `For this letter, the last day is ${formatLongDate(letter.appealBy!)}.`,
          SETTINGS.tribunalUrl,
        ]) {
          expect(text).toContain(expected)
        }
      } else {
        expect(letter.appealBy).toBeNull()
        expect(text).not.toContain('must get your appeal by')
        expect(text).not.toContain('For this letter, the last day')
      }
      if (right.timing === 'later') {
        expect(text).toContain('You cannot appeal against this decision itself.')
        expect(text).toContain('When we send you the final plan, you can appeal to the tribunal about it.')
        expect(text).toContain(`run by ${SETTINGS.disagreementResolution.name}.`)
      }
      if (right.timing === 'none') {
        expect(text).not.toContain(SETTINGS.mediation.name)
        expect(text).toContain(SETTINGS.complaintsUrl)
        expect(text).toContain('Local Government and Social Care Ombudsman')
      }
    })

    it('is tagged, titled, and embeds its fonts', () => {
      const info = popplerOn(pdf, 'pdfinfo')
      expect(info).toMatch(/^Tagged:\s+yes$/m)
      expect(info).toMatch(new RegExp(`^Title:\\s+${letter.title}$`, 'm'))
      expect(info).toMatch(new RegExp(`^Author:\\s+${SETTINGS.councilName}$`, 'm'))
      // name, type (may be two words), encoding, emb, sub, uni, object, generation
      const rows = popplerOn(pdf, 'pdffonts').trim().split('\n').slice(2)
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) expect(row.trim().split(/\s+/).at(-5)).toBe('yes')
    })
  },
)

describe('renderLetterPdf', () => {
  const letter = decisionLetter(facts('placement', 'name_different_setting'), SETTINGS)
  let standard: Buffer
  let large: Buffer
  beforeAll(async () => {
    ;[standard, large] = await Promise.all([
      renderLetterPdf(letter, { format: 'standard' }),
      renderLetterPdf(letter, { format: 'large_print' }),
    ])
  })

  it('reads in order: from, to, date, reference, title, greeting, sections, sign-off', () => {
    const text = pdfText(standard)
    const order = [
      `${SETTINGS.councilName} ${SETTINGS.councilAddress.join(' ')}`,
      `${letter.addressee.name} ${letter.addressee.addressLines.join(' ')}`,
      'Thursday 26 November 2026',
      'Our reference: NS-2026-0042',
      'Our decision about Zara Quinn',
      'Dear Alex Quinn',
      ...letter.sections.map((section) => section.heading),
      `Yours sincerely ${SETTINGS.signature.name} ${SETTINGS.signature.jobTitle}`,
    ]
    const outOfOrder: string[] = []
    let from = 0
    for (const expected of order) {
      const at = text.indexOf(expected, from)
      if (at < 0) outOfOrder.push(expected)
      else from = at + expected.length
    }
    expect(outOfOrder).toEqual([])
  })

  it('tags headings, paragraphs and the list of reasons', () => {
    const struct = poppler(standard, 'pdfinfo', '-struct')
    for (const tag of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody'])
      expect(struct).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'))
  })

  it('prints the standard letter at 12pt and every word of the large print at 16pt or more', () => {
    const body = wordSizes(standard).filter((w) => !/^Page \d+ of \d+$/.test(w.line))
    expect(smallest(body)).toBeCloseTo(12, 1)
    expect(smallest(wordSizes(large))).toBeGreaterThanOrEqual(16)
    expect(pdfText(large)).toContain(letter.sections[0]!.paragraphs[0]!.text)
  })

  it('puts the council’s logo at the top as a figure with alternative text', async () => {
    const pdf = await renderLetterPdf(letter, { format: 'standard', logo: png(40, 16) })
    expect(popplerOn(pdf, 'pdfinfo')).toMatch(/^Tagged:\s+yes$/m)
    const struct = poppler(pdf, 'pdfinfo', '-struct')
    expect(struct).toMatch(/^\s*Figure\b/m)
    // poppler does not print Alt; pdfkit writes structure elements uncompressed, so it can be read as is.
    expect(pdf.toString('latin1')).toContain(`/Alt (${SETTINGS.councilName} logo)`)
    // header, rule, then one row per image
    const images = poppler(pdf, 'pdfimages', '-list').trim().split('\n').slice(2)
    expect(images).toHaveLength(1)
    expect(images[0]).toMatch(/^\s*1\s+\d+\s+image\s+40\s+16\b/)
    expect(pdfText(pdf)).toContain(letter.sections[0]!.paragraphs[0]!.text)
  })
})

describe('letters rendered one after another', () => {
  test('each embeds every glyph it uses, though word shapes are shared between documents', async () => {
    const first = decisionLetter(facts('assessment_request', 'agree_to_assess'), SETTINGS)
    await renderLetterPdf(first, { format: 'standard' })
    const second = decisionLetter(
      facts('assessment_request', 'agree_to_assess', {
        child: { firstName: 'Øyvind', lastName: 'Ærøskøbing' },
        reasons: ['Øyvind’s école café report is ñice.'],
      }),
      SETTINGS,
    )
    const text = pdfText(await renderLetterPdf(second, { format: 'standard' }))
    expect(text).toContain('Øyvind Ærøskøbing')
    expect(text).toContain('Øyvind’s école café report is ñice.')
    // The first letter's words, shaped while rendering it, come out right in the second as well.
    expect(text).toContain('We will carry out an assessment of Øyvind')
  })
})

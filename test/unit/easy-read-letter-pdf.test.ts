import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { create as parseFont } from 'fontkit'
import { formatLongDate } from '../../src/domain/dates'
import { easyReadLetter, sentenceText, type EasyReadLetter } from '../../src/domain/letters/easyReadLetter'
import { appealRightFor } from '../../src/domain/rightsOfAppeal'
import { CASE_KINDS, namesSetting, OUTCOMES_BY_KIND } from '../../src/domain/vocabulary'
import { renderEasyReadLetterPdf } from '../../src/letters/easyReadLetterPdf'
import { pdfText, popplerOn } from '../support/pdf'
import { facts, PRIVACY_URL, SETTINGS } from '../support/letters'

// Read back with poppler's own tools, as a reader's software would see the file.

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'easy-read-pdf-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

const DEJAVU = parseFont(
  readFileSync(join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf')),
)
// pdftotext's word boxes run from the font's ascent to its descent, so a box's height over this is its size.
const EM_HEIGHT = (DEJAVU.ascent - DEJAVU.descent) / DEJAVU.unitsPerEm

function smallestWord(pdf: Buffer): number {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, pdf)
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' })
  const sizes = [...xml.matchAll(/<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)">/g)].map(
    ([, top, bottom]) => (Number(bottom) - Number(top)) / EM_HEIGHT,
  )
  expect(sizes.length).toBeGreaterThan(100)
  return Math.round(Math.min(...sizes) * 100) / 100
}

/** The pages' drawing operators, inflated: pictures are marked content of their own. */
function contentStreams(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  let all = ''
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length
    const end = raw.indexOf('endstream', start)
    try {
      all += inflateSync(pdf.subarray(start, end)).toString('latin1')
    } catch {
      // Not a deflated stream (or a font file): nothing to count in it.
    }
  }
  return all
}

const pointsIn = (letter: EasyReadLetter) => letter.sections.reduce((n, s) => n + s.points.length, 0)

const CASES = CASE_KINDS.flatMap((kind) => OUTCOMES_BY_KIND[kind].map((outcome) => ({ kind, outcome })))

describe.each(CASES)('the Easy Read $kind letter, $outcome, as a PDF', ({ kind, outcome }) => {
  const f = facts(kind, outcome)
  const letter = easyReadLetter(f, SETTINGS)
  let pdf: Buffer
  let text: string
  beforeAll(async () => {
    pdf = await renderEasyReadLetterPdf(letter)
    text = pdfText(pdf)
  })

  test('reads back with the decision, the reasons, every right and the caseworker', () => {
    const decision = letter.sections[0]!.points[0]!.sentences.map(sentenceText)
    for (const sentence of decision) expect(text).toContain(sentence)
    for (const reason of f.reasons) expect(text).toContain(reason)
    const timing = appealRightFor(kind, outcome)!.timing
    expect(text).toContain(SETTINGS.informationAdvice.name)
    if (timing === 'now') {
      expect(text).toContain(`must get your appeal by ${formatLongDate(letter.appealBy!)}`)
      expect(text).toContain(SETTINGS.mediation.name)
      expect(text).toContain(SETTINGS.disagreementResolution.name)
    }
    if (timing === 'later') {
      expect(text).toContain('You cannot appeal about this decision')
      expect(text).toContain(SETTINGS.disagreementResolution.name)
    }
    if (timing === 'none') {
      expect(text).toContain(SETTINGS.complaintsUrl)
      expect(text).toContain('Local Government and Social Care Ombudsman')
    }
    if (namesSetting(kind, outcome)) expect(text).toContain(f.namedSetting!)
    expect(text).toContain(f.caseworker.name)
    expect(text).toContain(f.caseworker.phone!)
    expect(text).toContain(f.caseworker.email)
    expect(text).toContain('Twemoji')
    // No web or email address is broken over two lines, where it could not be typed in.
    for (const address of [SETTINGS.informationAdvice.website, f.caseworker.email, SETTINGS.sendTeam.email])
      expect(text).toContain(address)
    if (timing !== 'none') expect(text).toContain(SETTINGS.tribunalUrl)
    // Where to read the privacy notice, its address on a line of its own.
    expect(text).toContain(`Read how we use your information here: ${PRIVACY_URL}`)
    expect(popplerOn(pdf, 'pdftotext')).toContain(PRIVACY_URL)
  })

  test('has no word under 16pt, page numbers included', () => {
    expect(smallestWord(pdf)).toBeGreaterThanOrEqual(16)
  })

  test('draws a picture beside every point', () => {
    const pictures = contentStreams(pdf).match(/\/Artifact <<\s*\/Type \/Layout\s*>> BDC/g) ?? []
    expect(pictures).toHaveLength(pointsIn(letter))
  })
})

describe('an Easy Read letter PDF', () => {
  let pdf: Buffer
  beforeAll(async () => {
    pdf = await renderEasyReadLetterPdf(easyReadLetter(facts('annual_review', 'cease'), SETTINGS))
    if (process.env.EASY_READ_PDF) writeFileSync(process.env.EASY_READ_PDF, pdf)
  })

  test('is tagged and titled', () => {
    const info = popplerOn(pdf, 'pdfinfo')
    expect(info).toMatch(/Tagged:\s+yes/)
    expect(info).toMatch(/Title:\s+Our decision about Zara Quinn/)
  })

  test('embeds both its fonts, regular for the words and bold for the key words', () => {
    const fonts = popplerOn(pdf, 'pdffonts')
    expect(fonts).toMatch(/DejaVuSans\s/)
    expect(fonts).toMatch(/DejaVuSans-Bold/)
    for (const line of fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')) {
      expect(line).toMatch(/\byes\s+yes\s+yes\b/)
    }
  })

  test('tags every sentence as a paragraph, and the pictures not at all', () => {
    const file = join(dir, 'struct.pdf')
    writeFileSync(file, pdf)
    const tree = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' })
    expect(tree).toContain('We are going to stop Zara')
    expect(tree).not.toContain('Figure')
  })
})

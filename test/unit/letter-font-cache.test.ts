import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { create as parseFont, type Font } from 'fontkit'
import { decisionLetter } from '../../src/domain/letters/decisionLetter'
import { renderLetterPdf } from '../../src/letters/decisionLetterPdf'
import { facts, SETTINGS } from '../support/letters'
import { pdfText, popplerOn } from '../support/pdf'

// src/letters/fontCache.ts writes a font file made once per process into each letter, by reaching into
// pdfkit's internals. These fail if a pdfkit upgrade changes them so that the file is no longer embedded,
// no longer holds the glyphs the text is drawn with, or the text no longer extracts.

const DEJAVU = parseFont(
  readFileSync(join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf')),
)

/** An indirect object's stream, inflated; pdfkit writes every dictionary uncompressed. */
function stream(pdf: Buffer, id: string): Buffer {
  const start = pdf.indexOf(`\n${id} 0 obj`)
  const data = pdf.indexOf('stream\n', start) + 'stream\n'.length
  return inflateSync(pdf.subarray(data, pdf.indexOf('\nendstream', data)))
}

const fontFiles = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\/FontFile2 (\d+) 0 R/g)].map(([, id]) => stream(pdf, id!))

function embeddedFonts(pdf: Buffer): string[] {
  // name, type (may be two words), encoding, emb, sub, uni, object, generation
  return popplerOn(pdf, 'pdffonts')
    .trim()
    .split('\n')
    .slice(2)
    .map((row) => row.trim().split(/\s+/).at(-5)!)
}

const letterFor = (firstName: string, reason: string) =>
  decisionLetter(
    facts('assessment_request', 'agree_to_assess', {
      child: { firstName, lastName: 'Quinn' },
      reasons: [reason],
    }),
    SETTINGS,
  )

const render = (firstName: string, reason: string) =>
  renderLetterPdf(letterFor(firstName, reason), { format: 'standard' })

describe('the font file shared between letters', () => {
  let first: Buffer
  let second: Buffer
  beforeAll(async () => {
    first = await render('Zara', 'Zara is making good progress.')
    second = await render('Łukasz', 'Łukasz’s “office” report — ﬁne, £20 or €25, Ștefan’s café… Ærøskøbing.')
  })

  it('is the same file in letters that use different characters from the fixed set', () => {
    const [regular, bold] = fontFiles(first)
    expect(regular && bold).toBeTruthy()
    expect(fontFiles(second)).toEqual([regular, bold])
  })

  it('is embedded, and every word extracts as written', () => {
    expect(embeddedFonts(second)).toEqual(['yes', 'yes'])
    const text = pdfText(second)
    expect(text).toContain('Łukasz’s “office” report — fine, £20 or €25, Ștefan’s café… Ærøskøbing.')
    expect(text).toContain('We will carry out an assessment of Łukasz')
  })

  it('holds the glyphs the text is drawn with, at the positions the text names them by', () => {
    const embedded = parseFont(fontFiles(first)[0]!)
    // The council's name is the first text drawn, in the regular font: "Northshire" up to its first kern.
    const page = stream(first, /\/Contents (\d+) 0 R/.exec(first.toString('latin1'))![1]!).toString('latin1')
    const [, hex] = /\[<([0-9a-f]+)>/.exec(page)!
    const gids = hex!.match(/.{4}/g)!.map((g) => parseInt(g, 16))
    const expected = DEJAVU.layout('Northshire').glyphs.slice(0, gids.length)
    expect(gids.length).toBeGreaterThan(1)
    expect(gids.map((gid) => outline(embedded, gid))).toEqual(expected.map((g) => outline(DEJAVU, g.id)))
  })
})

const outline = (font: Font, gid: number) => font.getGlyph(gid).path.toSVG()

describe('a letter with a character outside the fixed set', () => {
  it('embeds a subset of its own that has it, and the text still extracts', async () => {
    const common = fontFiles(await render('Zara', 'Zara is making good progress.'))
    const pdf = await render('Ελένη', 'Ελένη is making good progress.')
    const [regular] = fontFiles(pdf)
    expect(regular).not.toEqual(common[0])
    expect(parseFont(regular!).numGlyphs).toBeGreaterThan(parseFont(common[0]!).numGlyphs)
    expect(embeddedFonts(pdf)).toEqual(['yes', 'yes'])
    expect(pdfText(pdf)).toContain('Ελένη is making good progress.')
    // The next letter is back on the shared file.
    expect(fontFiles(await render('Zara', 'Zara is making good progress.'))).toEqual(common)
  })
})

import { loadConfig } from '../../src/config'
import { AccessiblePdf } from '../../src/letters/accessiblePdf'
import type { TextEngine } from '../../src/letters/textEngine'
import { fastHeight, fastText } from '../../src/letters/fastText'
import { newDocument, render, type Block } from '../support/fastText'
import { pdfText, popplerOn } from '../support/pdf'

// src/letters/fastText.ts writes paragraphs in place of pdfkit's doc.text(), promising the very same bytes:
// where lines break, where each line is placed, which glyphs are written and how they are kerned. These
// render the same text both ways and compare whole files, so they fail if a pdfkit upgrade changes how
// it lays out text, or if the fast path strays from it.

const LONG =
  'We have decided to issue an education, health and care plan for Zoë. We looked at the advice from her ' +
  'school, the educational psychologist and her family. You can appeal to the First-tier Tribunal ' +
  '(Special Educational Needs and Disability). Find out how at https://www.gov.uk/appeal-ehc-plan-decision ' +
  'or email sendiass@northshire.example. Łukasz’s café, Ștefan and Ærøskøbing are in the fixed set.'

const BLOCKS: Block[] = [
  { text: LONG, size: 12, options: { lineGap: 3 } },
  { text: 'Our decision about Zoë Quinn', font: 'bold', size: 20, options: { lineGap: 3 } },
  {
    text: 'Northshire County Council\nCounty Hall\n\nNorthtown NS1 2AB',
    size: 12,
    options: { lineGap: 3, align: 'right' },
  },
  { text: LONG, size: 16, options: { lineGap: 4 } },
  { text: 'Page 2 of 5', size: 10, options: { lineGap: 0, align: 'center', width: 483.28 } },
  { text: LONG, size: 12, options: { lineGap: 3, width: 465.28 }, at: { x: 74, y: 700 } },
  { text: `${LONG} ${LONG}`, size: 16, options: { lineGap: 4 }, at: { y: 690 } },
  // Glyphs outside the fixed set: their ids are given as the document first uses them.
  { text: 'Ǎdam and Ǧül visit Ǒrla in Ǚlm.', size: 12, options: { lineGap: 3 } },
]

describe('the fast text path', () => {
  it('writes the same file as pdfkit’s doc.text for the same paragraphs', async () => {
    const [fast, pdfkit] = await Promise.all([render(BLOCKS, 'fast only'), render(BLOCKS, 'pdfkit')])
    expect(fast.length).toBeGreaterThan(10_000)
    expect(fast.equals(pdfkit)).toBe(true)
  })

  it('measures paragraphs as heightOfString does', () => {
    const doc = newDocument()
    for (const block of BLOCKS.slice(0, 4)) {
      doc.font(block.font ?? 'regular', block.size)
      const options = { ...block.options, width: 483.28 }
      expect(fastHeight(doc, block.text, options)).toBe(doc.heightOfString(block.text, options))
    }
  })

  it('leaves to pdfkit text whose line breaks it cannot be sure of', () => {
    const doc = newDocument()
    doc.font('regular', 12)
    const y = doc.y
    for (const text of ['', 'a\tb', 'Ask – or write', 'see (  this)', 'x'.repeat(200), 'Ṅorth']) {
      expect(fastText(doc, text, { lineGap: 3 })).toBe(false)
    }
    expect(doc.y).toBe(y)
  })

  it('leaves the text of a letter extractable, its glyphs embedded, outside the fixed set too', async () => {
    const pdf = new AccessiblePdf({ title: 'Fast text', author: 'Northshire County Council' })
    pdf.heading(1, 'Our decision about Ǎdam')
    pdf.paragraph('Ǎdam’s plan starts in September: https://www.gov.uk/appeal-ehc-plan.')
    pdf.list(['First-tier Tribunal', 'Ǧül’s school'])
    const bytes = await pdf.toBuffer()
    expect(pdfText(bytes)).toContain(
      'Our decision about Ǎdam Ǎdam’s plan starts in September: https://www.gov.uk/appeal-ehc-plan. ' +
        '• First-tier Tribunal • Ǧül’s school',
    )
    const fonts = popplerOn(bytes, 'pdffonts').trim().split('\n').slice(2)
    expect(fonts.length).toBeGreaterThan(0)
    // name, type, encoding, emb, sub, uni, object, generation
    for (const row of fonts) expect(row.trim().split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes'])
  })

  it('draws the same letter with pdfkit alone when LETTER_TEXT_ENGINE says so', async () => {
    const draw = async (engine: TextEngine) => {
      const pdf = new AccessiblePdf({ title: 'Engines', author: 'Northshire County Council', engine })
      pdf.heading(1, 'Our decision about Zoë')
      pdf.paragraph(LONG)
      pdf.list(['First-tier Tribunal', 'Łukasz’s school'])
      return pdf.toBuffer()
    }
    const [fast, plain] = await Promise.all([draw('fast'), draw('pdfkit')])
    expect(pdfText(plain)).toBe(pdfText(fast))
    // pdfkit alone compresses pages at zlib's default level and builds each font subset itself.
    expect(plain.equals(fast)).toBe(false)
    expect(loadConfig({ NODE_ENV: 'test', LETTER_TEXT_ENGINE: 'pdfkit' }).letterTextEngine).toBe('pdfkit')
    expect(loadConfig({ NODE_ENV: 'test' }).letterTextEngine).toBe('fast')
    expect(() => loadConfig({ NODE_ENV: 'test', LETTER_TEXT_ENGINE: 'chromium' })).toThrow(
      'LETTER_TEXT_ENGINE must be fast or pdfkit',
    )
  })
})

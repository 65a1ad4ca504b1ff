import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { create as parseFont } from 'fontkit'
import PDFDocument from 'pdfkit'
import { AccessiblePdf } from '../../src/letters/accessiblePdf'
import { fastHeight, fastText, type FastTextOptions } from '../../src/letters/fastText'
import { useFixedSubset } from '../../src/letters/fontCache'
import { pdfText, popplerOn } from '../support/pdf'

// src/letters/fastText.ts writes paragraphs in place of pdfkit's doc.text(), promising the very same bytes:
// where lines break, where each line is placed, which glyphs are written and how they are kerned. These
// render the same text both ways and compare whole files, so they fail if a pdfkit upgrade changes how
// it lays out text, or if the fast path strays from it.

const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const REGULAR = parseFont(readFileSync(join(dir, 'DejaVuSans.ttf')))
const BOLD = parseFont(readFileSync(join(dir, 'DejaVuSans-Bold.ttf')))

interface Block {
  text: string
  font?: 'bold'
  size: number
  options: FastTextOptions
  /** Where to start, such as near the foot of the page so that the text runs on to the next. */
  at?: { x?: number; y: number }
}

/** A document as AccessiblePdf starts one, with a fixed CreationDate so that two renders can be compared. */
function newDocument(): PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 72, left: 56, right: 56 },
    info: { CreationDate: new Date(0) },
    font: REGULAR,
  })
  doc.registerFont('regular', REGULAR).registerFont('bold', BOLD)
  for (const name of ['bold', 'regular']) {
    doc.font(name)
    useFixedSubset(doc)
  }
  return doc
}

async function render(blocks: readonly Block[], fast: boolean): Promise<Buffer> {
  const doc = newDocument()
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  for (const block of blocks) {
    doc.font(block.font ?? 'regular', block.size)
    doc.x = block.at?.x ?? 56
    if (block.at) doc.y = block.at.y
    if (fast) expect(fastText(doc, block.text, block.options)).toBe(true)
    else doc.text(block.text, block.options)
    doc.moveDown(0.5)
  }
  doc.end()
  return ended
}

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
    const [fast, pdfkit] = await Promise.all([render(BLOCKS, true), render(BLOCKS, false)])
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
})

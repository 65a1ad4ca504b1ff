import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { create as parseFont } from 'fontkit'
import PDFDocument from 'pdfkit'
import { fastText, type FastTextOptions } from '../../src/letters/fastText'
import { useFixedSubset } from '../../src/letters/fontCache'

/** Documents drawn through the fast text path and through pdfkit alone, for comparing their bytes. */

const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const REGULAR = parseFont(readFileSync(join(dir, 'DejaVuSans.ttf')))
const BOLD = parseFont(readFileSync(join(dir, 'DejaVuSans-Bold.ttf')))

export interface Block {
  text: string
  font?: 'bold'
  size: number
  options: FastTextOptions
  /** Where to start, such as near the foot of the page so that the text runs on to the next. */
  at?: { x?: number; y: number }
}

/** A document as AccessiblePdf starts one, with a fixed CreationDate so that two renders can be compared. */
export function newDocument(): PDFDocument {
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

/**
 * 'fast only' expects the fast path to take every block; 'fast' falls back to pdfkit where the fast path
 * declines, as AccessiblePdf does, and counts the blocks it took; 'pdfkit' is doc.text alone.
 */
export async function render(
  blocks: readonly Block[],
  how: 'fast only' | 'fast' | 'pdfkit',
  taken = { count: 0 },
): Promise<Buffer> {
  const doc = newDocument()
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  for (const block of blocks) {
    doc.font(block.font ?? 'regular', block.size)
    doc.x = block.at?.x ?? 56
    if (block.at) doc.y = block.at.y
    if (how === 'fast only') {
      if (!fastText(doc, block.text, block.options)) throw new Error(`Not drawn fast: ${block.text}`)
    } else if (how === 'fast' && fastText(doc, block.text, block.options)) taken.count++
    else doc.text(block.text, block.options)
    doc.moveDown(0.5)
  }
  doc.end()
  return ended
}

import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { create as parseFont, type Font } from 'fontkit'
import PDFDocument from 'pdfkit'

/**
 * A tagged PDF (PDF/UA) that screen readers can follow: every heading, paragraph and list is a structure
 * element under one Document element, in reading order, and page numbers are artifacts outside it.
 */

export type HeadingLevel = 1 | 2 | 3

const REGULAR = 'DejaVuSans'
const BOLD = 'DejaVuSans-Bold'
const BODY_SIZE = 12
const HEADING_SIZES: Record<HeadingLevel, number> = { 1: 20, 2: 16, 3: 13 }
const LINE_GAP = 3
const MARGIN = 56
const BULLET_INDENT = 18

// Parsing a TTF takes longer than laying out a whole letter, so each font is parsed once per process.
let fonts: { regular: Font; bold: Font } | undefined

function dejaVu(): { regular: Font; bold: Font } {
  if (!fonts) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
    const load = (file: string) => parseFont(readFileSync(join(dir, file)))
    fonts = { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') }
  }
  return fonts
}

export class AccessiblePdf {
  private readonly doc: PDFDocument
  private readonly root: PDFDocument.StructureElement
  private readonly chunks: Buffer[] = []
  private finished = false

  constructor(meta: { title: string; author: string }) {
    const { regular, bold } = dejaVu()
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + 16, left: MARGIN, right: MARGIN },
      pdfVersion: '1.7',
      tagged: true,
      lang: 'en-GB',
      displayTitle: true,
      subset: 'PDF/UA',
      info: { Title: meta.title, Author: meta.author },
      bufferPages: true,
      // The default would load Helvetica, which is never embedded.
      font: regular,
    })
    this.doc.registerFont(REGULAR, regular).registerFont(BOLD, bold)
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk))
    this.root = this.doc.struct('Document')
    this.doc.addStructure(this.root)
  }

  heading(level: HeadingLevel, text: string): void {
    const size = HEADING_SIZES[level]
    if (this.doc.y > this.doc.page.margins.top) this.doc.moveDown(0.6)
    // A heading alone at the foot of a page reads as cut off from what it introduces.
    this.keepRoomFor(size * 1.5 + this.lineHeight() * 2)
    this.block(`H${level}`, () => this.doc.font(BOLD, size).text(text, { lineGap: LINE_GAP }))
    this.doc.moveDown(0.3)
  }

  paragraph(text: string): void {
    this.block('P', () => this.doc.font(REGULAR, BODY_SIZE).text(text, { lineGap: LINE_GAP }))
    this.doc.moveDown(0.5)
  }

  /** A paragraph that starts with a bold label, such as "Where: Room 2, County Hall". */
  keyValue(label: string, value: string): void {
    this.block('P', () => {
      this.doc.font(BOLD, BODY_SIZE).text(`${label}: `, { lineGap: LINE_GAP, continued: true })
      this.doc.font(REGULAR, BODY_SIZE).text(value, { lineGap: LINE_GAP })
    })
    this.doc.moveDown(0.5)
  }

  /** A bulleted list, tagged L > LI > Lbl + LBody so a screen reader announces it as a list. */
  list(items: readonly string[]): void {
    if (items.length === 0) return
    const list = this.doc.struct('L')
    this.root.add(list)
    const left = this.doc.page.margins.left
    const width = this.contentWidth() - BULLET_INDENT
    for (const text of items) {
      this.keepRoomFor(this.lineHeight())
      const y = this.doc.y
      const item = this.doc.struct('LI')
      list.add(item)
      item.add(
        this.doc.struct('Lbl', () =>
          this.doc.font(REGULAR, BODY_SIZE).text('•', left, y, { lineBreak: false }),
        ),
      )
      item.add(
        this.doc.struct('LBody', () =>
          this.doc.text(text, left + BULLET_INDENT, y, { width, lineGap: LINE_GAP }),
        ),
      )
      item.end()
      this.doc.moveDown(0.2)
    }
    list.end()
    this.doc.x = left
    this.doc.moveDown(0.3)
  }

  /** Ends the document; nothing can be added after. */
  async toBuffer(): Promise<Buffer> {
    if (this.finished) throw new Error('This PDF has already been finished')
    this.finished = true
    this.numberPages()
    this.root.end()
    const ended = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)))
      this.doc.on('error', reject)
    })
    this.doc.end()
    return ended
  }

  private block(tag: string, draw: () => void): void {
    this.doc.x = this.doc.page.margins.left
    this.root.add(this.doc.struct(tag, draw))
  }

  private numberPages(): void {
    const { start, count } = this.doc.bufferedPageRange()
    for (let i = 0; i < count; i++) {
      const page = this.doc.switchToPage(start + i)
      const bottom = page.margins.bottom
      // The footer sits inside the bottom margin, where pdfkit would otherwise start a new page.
      page.margins.bottom = 0
      this.doc.markContent('Artifact', { type: 'Pagination' })
      this.doc
        .font(REGULAR, 10)
        .text(`Page ${i + 1} of ${count}`, page.margins.left, page.height - bottom / 2 - 5, {
          width: this.contentWidth(),
          align: 'center',
        })
      this.doc.endMarkedContent()
      page.margins.bottom = bottom
    }
  }

  private keepRoomFor(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) this.doc.addPage()
  }

  private lineHeight(): number {
    return this.doc.font(REGULAR, BODY_SIZE).currentLineHeight(true) + LINE_GAP
  }

  private contentWidth(): number {
    const { width, margins } = this.doc.page
    return width - margins.left - margins.right
  }
}

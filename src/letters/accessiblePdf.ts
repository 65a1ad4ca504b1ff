import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { create as parseFont, type Font } from 'fontkit'
import PDFDocument from 'pdfkit'
import { fastHeight, fastText, type FastTextOptions } from './fastText'
import { collectOutput, deflatePageQuickly } from './fastOutput'
import { useFixedSubset } from './fontCache'

/**
 * A tagged PDF (PDF/UA) that screen readers can follow: every heading, paragraph and list is a structure
 * element under one Document element, in reading order, and page numbers are artifacts outside it.
 */

export type HeadingLevel = 1 | 2 | 3
export type PrintSize = 'standard' | 'large'

interface TypeScale {
  body: number
  headings: Record<HeadingLevel, number>
  pageNumber: number
  lineGap: number
  bulletIndent: number
}

const TYPE_SCALES: Record<PrintSize, TypeScale> = {
  standard: { body: 12, headings: { 1: 20, 2: 16, 3: 13 }, pageNumber: 10, lineGap: 3, bulletIndent: 18 },
  // Large print is promised as 16pt or larger, so that holds for every word on the page, page numbers too.
  large: { body: 16, headings: { 1: 24, 2: 20, 3: 18 }, pageNumber: 16, lineGap: 4, bulletIndent: 24 },
}

export interface Fonts {
  regular: string
  bold: string
}

const REGULAR = 'DejaVuSans'
const BOLD = 'DejaVuSans-Bold'
const MARGIN = 56

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

/**
 * pdfkit shapes each word once per document and caches it there; letters repeat the same words, so the
 * cache is shared between documents. A cached word holds glyphs and their positions in font units only:
 * which glyphs a document embeds is still decided when it writes them. Cleared when it grows large, so a
 * long-running server does not keep every name it ever printed.
 */
const wordLayouts = new Map<string, Record<string, unknown>>()
const MAX_SHARED_WORDS = 20_000

function shareWordLayouts(doc: PDFDocument, fontName: string): void {
  const font = doc.font(fontName)._font
  if (!font?.layoutCache) return
  let cache = wordLayouts.get(fontName)
  if (!cache || Object.keys(cache).length > MAX_SHARED_WORDS) {
    cache = Object.create(null) as Record<string, unknown>
    wordLayouts.set(fontName, cache)
  }
  font.layoutCache = cache
}

export class AccessiblePdf {
  private readonly doc: PDFDocument
  private readonly root: PDFDocument.StructureElement
  private readonly output: () => Buffer
  private scale: TypeScale
  // Each page's type scale, so that a batch mixing large print and standard letters numbers each page to suit.
  private readonly pageScales: TypeScale[] = []
  private finished = false

  constructor(meta: { title: string; author: string; print?: PrintSize }) {
    this.scale = TYPE_SCALES[meta.print ?? 'standard']
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
    this.output = collectOutput(this.doc)
    this.pageScales.push(this.scale)
    deflatePageQuickly(this.doc.page)
    this.doc.on('pageAdded', () => {
      this.pageScales.push(this.scale)
      deflatePageQuickly(this.doc.page)
    })
    this.doc.registerFont(REGULAR, regular).registerFont(BOLD, bold)
    for (const name of [BOLD, REGULAR]) {
      shareWordLayouts(this.doc, name)
      useFixedSubset(this.doc)
    }
    // The bytes are collected as pdfkit writes them; the stream is read only so that it ends.
    this.doc.resume()
    this.root = this.doc.struct('Document')
    this.doc.addStructure(this.root)
  }

  heading(level: HeadingLevel, text: string): void {
    const size = this.scale.headings[level]
    if (this.doc.y > this.doc.page.margins.top) this.doc.moveDown(0.6)
    // A heading alone at the foot of a page reads as cut off from what it introduces.
    this.keepRoomFor(size * 1.5 + this.lineHeight() * 2)
    this.block(`H${level}`, () => this.write(BOLD, size, text, { lineGap: this.scale.lineGap }))
    this.doc.moveDown(0.3)
  }

  /** keepTogether starts the paragraph on a new page rather than split it, unless it is longer than a page. */
  /** Starts a new page, such as the fact sheet after a letter; a batch may change print size here. */
  newPage(print?: PrintSize): void {
    if (print) this.scale = TYPE_SCALES[print]
    this.doc.addPage()
  }

  paragraph(text: string, options: { keepTogether?: boolean } = {}): void {
    this.textBlock(text, { keepTogether: options.keepTogether ?? false })
  }

  /** Short lines read as one paragraph and kept on one page, such as an address or a signature. */
  lines(lines: readonly string[], options: { align?: 'left' | 'right' } = {}): void {
    this.textBlock(lines.join('\n'), { keepTogether: true, align: options.align })
  }

  /**
   * An image scaled to fit inside `fit` (width, height), such as a council's logo. It is tagged as a Figure
   * whose Alt text a screen reader reads instead, with the BBox that PDF/UA asks a Figure to give.
   */
  image(
    data: Buffer,
    options: { fit: readonly [number, number]; alt: string; align?: 'left' | 'right' },
  ): void {
    const image = this.doc.openImage(data)
    const ratio = Math.min(options.fit[0] / image.width, options.fit[1] / image.height)
    const [width, height] = [image.width * ratio, image.height * ratio]
    this.keepRoomFor(height)
    const { margins } = this.doc.page
    const x = options.align === 'right' ? this.doc.page.width - margins.right - width : margins.left
    const y = this.doc.y
    const figure = {
      alt: options.alt,
      bbox: [x, y, x + width, y + height] as const,
      placement: 'Block' as const,
    }
    this.root.add(this.doc.struct('Figure', figure, () => this.doc.image(image, x, y, { width, height })))
    this.doc.y = y + height
    this.doc.moveDown(0.5)
  }

  /** A paragraph that starts with a bold label, such as "Where: Room 2, County Hall". */
  keyValue(label: string, value: string): void {
    const { body, lineGap } = this.scale
    this.block('P', () => {
      this.doc.font(BOLD, body).text(`${label}: `, { lineGap, continued: true })
      this.doc.font(REGULAR, body).text(value, { lineGap })
    })
    this.doc.moveDown(0.5)
  }

  /** A bulleted list, tagged L > LI > Lbl + LBody so a screen reader announces it as a list. */
  list(items: readonly string[]): void {
    if (items.length === 0) return
    const list = this.doc.struct('L')
    this.root.add(list)
    const { body, lineGap, bulletIndent } = this.scale
    const left = this.doc.page.margins.left
    const width = this.contentWidth() - bulletIndent
    for (const text of items) {
      this.keepRoomFor(this.lineHeight())
      const y = this.doc.y
      const item = this.doc.struct('LI')
      list.add(item)
      item.add(
        this.doc.struct('Lbl', () => this.doc.font(REGULAR, body).text('•', left, y, { lineBreak: false })),
      )
      item.add(
        this.doc.struct('LBody', () => {
          this.doc.x = left + bulletIndent
          this.doc.y = y
          this.write(REGULAR, body, text, { width, lineGap })
        }),
      )
      item.end()
      this.doc.moveDown(0.2)
    }
    list.end()
    this.doc.x = left
    this.doc.moveDown(0.3)
  }

  /**
   * For a layout of its own, such as the Easy Read letter's picture beside its words: the document, its
   * Document element and the fonts' names. Whatever it draws it must tag, or mark as an artifact.
   */
  custom(draw: (doc: PDFDocument, root: PDFDocument.StructureElement, fonts: Fonts) => void): void {
    draw(this.doc, this.root, { regular: REGULAR, bold: BOLD })
  }

  /** Ends the document; nothing can be added after. */
  async toBuffer(): Promise<Buffer> {
    if (this.finished) throw new Error('This PDF has already been finished')
    this.finished = true
    this.numberPages()
    this.root.end()
    const ended = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(this.output()))
      this.doc.on('error', reject)
    })
    this.doc.end()
    return ended
  }

  private textBlock(text: string, options: { keepTogether: boolean; align?: 'left' | 'right' }): void {
    const { body, lineGap } = this.scale
    const style = { lineGap, align: options.align }
    if (options.keepTogether) {
      const width = this.contentWidth()
      this.doc.font(REGULAR, body)
      const height = fastHeight(this.doc, text, { ...style, width })
      if (height !== undefined) this.keepRoomFor(height)
      else if (this.doc.y + this.mostHeightOf(text, width, lineGap) > this.doc.page.maxY()) {
        this.keepRoomFor(this.doc.heightOfString(text, { ...style, width }))
      }
    }
    this.block('P', () => this.write(REGULAR, body, text, style))
    this.doc.moveDown(0.5)
  }

  /**
   * A height the text cannot exceed in the current font, found without laying it out. Measuring exactly
   * wraps the text a second time, a tenth of the time a letter took, and is only needed near the foot of a
   * page. Wrapping ends a line only when the next word (with its spaces) does not fit, so every line but
   * the last is wider than the width less the widest word, which bounds the number of lines. Words are
   * split at spaces only and each given a space, which can only make the bound higher.
   */
  private mostHeightOf(text: string, width: number, lineGap: number): number {
    const lineHeight = this.doc.currentLineHeight(true) + lineGap
    const space = this.doc.widthOfString(' ')
    let lines = 0
    for (const line of text.split('\n')) {
      let total = 0
      let widest = 0
      for (const word of line.split(' ')) {
        const w = this.doc.widthOfString(word) + space
        total += w
        if (w > widest) widest = w
      }
      // A word as wide as the line is broken between letters, which this does not bound.
      if (widest >= width / 2) return Infinity
      lines += Math.floor(total / (width - widest)) + 1
    }
    return lines * lineHeight
  }

  /** Text from doc.x and doc.y; fastText writes what doc.text would, when it can. */
  private write(font: string, size: number, text: string, options: FastTextOptions): void {
    this.doc.font(font, size)
    if (!fastText(this.doc, text, options)) this.doc.text(text, options)
  }

  private block(tag: string, draw: () => void): void {
    this.doc.x = this.doc.page.margins.left
    this.root.add(this.doc.struct(tag, draw))
  }

  private numberPages(): void {
    const { start, count } = this.doc.bufferedPageRange()
    for (let i = 0; i < count; i++) {
      const size = (this.pageScales[i] ?? this.scale).pageNumber
      const page = this.doc.switchToPage(start + i)
      const bottom = page.margins.bottom
      // The footer sits inside the bottom margin, where pdfkit would otherwise start a new page.
      page.margins.bottom = 0
      this.doc.markContent('Artifact', { type: 'Pagination' })
      this.doc.x = page.margins.left
      this.doc.y = page.height - bottom / 2 - size / 2
      this.write(REGULAR, size, `Page ${i + 1} of ${count}`, {
        width: this.contentWidth(),
        align: 'center',
        lineGap: 0,
      })
      this.doc.endMarkedContent()
      page.margins.bottom = bottom
    }
  }

  private keepRoomFor(height: number): void {
    // On a fresh page a new page would not give more room, only a blank page.
    const onFreshPage = this.doc.y <= this.doc.page.margins.top
    if (!onFreshPage && this.doc.y + height > this.doc.page.maxY()) this.doc.addPage()
  }

  private lineHeight(): number {
    return this.doc.font(REGULAR, this.scale.body).currentLineHeight(true) + this.scale.lineGap
  }

  private contentWidth(): number {
    const { width, margins } = this.doc.page
    return width - margins.left - margins.right
  }
}

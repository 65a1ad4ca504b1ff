import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { create as parseFont, type Font } from 'fontkit'
import PDFDocument from 'pdfkit'
import { fastHeight, fastText, type FastTextOptions } from './fastText'
import { breakLines, widthOnLine } from './lineBreaking'
import { paginate, type Placement, type Row } from './pagination'
import { collectOutput, deflatePageQuickly } from './fastOutput'
import { useFixedSubset } from './fontCache'
import { DEFAULT_TEXT_ENGINE, type TextEngine } from './textEngine'

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
  /** Between the lines of a paragraph, in points. */
  lineGap: number
  bulletIndent: number
  /** Spaces between blocks, as fractions of a body line (with its gap). */
  space: { paragraph: number; beforeHeading: number; afterHeading: number; item: number }
}

/**
 * Line spacing is about 1.3 (DejaVu's own 1.16 and a gap), and space between paragraphs about half a
 * line: readable, and enough to keep a standard letter to two pages and its fact sheet to two.
 */
const TYPE_SCALES: Record<PrintSize, TypeScale> = {
  standard: {
    body: 12,
    headings: { 1: 20, 2: 16, 3: 13 },
    pageNumber: 10,
    lineGap: 2,
    bulletIndent: 18,
    space: { paragraph: 0.4, beforeHeading: 0.6, afterHeading: 0.2, item: 0.15 },
  },
  // Large print is promised as 16pt or larger, so that holds for every word on the page, page numbers too.
  large: {
    body: 16,
    headings: { 1: 24, 2: 20, 3: 18 },
    pageNumber: 16,
    lineGap: 3,
    bulletIndent: 24,
    space: { paragraph: 0.4, beforeHeading: 0.6, afterHeading: 0.2, item: 0.15 },
  },
}

export interface Fonts {
  regular: string
  bold: string
}

const REGULAR = 'DejaVuSans'
const BOLD = 'DejaVuSans-Bold'
const MARGIN = 56
/** Below the text: the page number sits in the middle of it. */
const FOOTER = 16

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

/**
 * What a block of content is, measured but not yet drawn: its rows (lines, or an image) for pagination.ts
 * to place, and how to draw it once they are placed.
 */
interface Block {
  readonly rows: Row[]
  /** Space below the block, before the next. */
  readonly spaceAfter: number
  /** No page may start with the block after this one, as none may after a heading. */
  readonly keepWithNext: boolean
  readonly draw: (places: readonly Placement[]) => void
}

/**
 * Lines found for a text at a size and width, shared between documents: most of a letter is the council's
 * own words, the same in every letter, and finding their lines again would cost a third of a letter's time.
 * Cleared when it grows large, as the word layouts are.
 */
const linesFound = new Map<string, Map<string, string[]>>()
const MAX_SHARED_LINES = 5_000

/** How a block's lines may be split between pages. */
type Keep = 'split' | 'together'

/** Gathers the file through pdfkit's own Readable stream. */
function streamOutput(doc: PDFDocument): () => Buffer {
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  return () => Buffer.concat(chunks)
}

export class AccessiblePdf {
  private readonly doc: PDFDocument
  private readonly root: PDFDocument.StructureElement
  private readonly output: () => Buffer
  private readonly scale: TypeScale
  /**
   * What is still to be drawn: a run of content is laid out whole, when a new page is asked for or the
   * document ends, so that lines can be moved back to a page they would otherwise have left short.
   */
  private pending: Block[] = []
  /** The page being drawn on, counted from 0, and the first of the run being drawn. */
  private pageIndex = 0
  private runStart = 0
  private finished = false

  private readonly fast: boolean

  constructor(meta: { title: string; author: string; print?: PrintSize; engine?: TextEngine }) {
    this.fast = (meta.engine ?? DEFAULT_TEXT_ENGINE) === 'fast'
    this.scale = TYPE_SCALES[meta.print ?? 'standard']
    const { regular, bold } = dejaVu()
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
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
    this.output = this.fast ? collectOutput(this.doc) : streamOutput(this.doc)
    if (this.fast) deflatePageQuickly(this.doc.page)
    this.doc.on('pageAdded', () => {
      this.pageIndex++
      if (this.fast) deflatePageQuickly(this.doc.page)
    })
    this.doc.registerFont(REGULAR, regular).registerFont(BOLD, bold)
    if (this.fast) {
      for (const name of [BOLD, REGULAR]) {
        shareWordLayouts(this.doc, name)
        useFixedSubset(this.doc)
      }
      // The bytes are collected as pdfkit writes them; the stream is read only so that it ends.
      this.doc.resume()
    }
    this.root = this.doc.struct('Document')
    this.doc.addStructure(this.root)
  }

  /** A heading, never the last thing on a page. */
  heading(level: HeadingLevel, text: string): void {
    const { space } = this.scale
    const size = this.scale.headings[level]
    this.textBlock(`H${level}`, BOLD, size, text, {
      keep: 'together',
      spaceBefore: space.beforeHeading * this.bodyLine(),
      spaceAfter: space.afterHeading * this.lineStep(BOLD, size),
      keepWithNext: true,
    })
  }

  /** Starts a new page, such as the fact sheet after a letter. */
  newPage(): void {
    this.flush()
    this.doc.addPage()
    this.runStart = this.pageIndex
  }

  /**
   * A paragraph. keepTogether keeps it on one page (unless it is longer than a page); otherwise it may be
   * split, leaving at least two lines on each page.
   */
  paragraph(text: string, options: { keepTogether?: boolean } = {}): void {
    this.textBlock('P', REGULAR, this.scale.body, text, {
      keep: options.keepTogether ? 'together' : 'split',
      spaceAfter: this.scale.space.paragraph * this.bodyLine(),
    })
  }

  /**
   * Short lines read as one paragraph and kept on one page, such as an address or a signature;
   * keepWithPrevious keeps them on the page of what comes before (a signature with the letter's last words).
   */
  lines(
    lines: readonly string[],
    options: { align?: 'left' | 'right'; keepWithPrevious?: boolean } = {},
  ): void {
    this.textBlock('P', REGULAR, this.scale.body, lines.join('\n'), {
      keep: 'together',
      align: options.align,
      keepWithPrevious: options.keepWithPrevious,
      spaceAfter: this.scale.space.paragraph * this.bodyLine(),
    })
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
    this.pending.push({
      rows: [{ gap: 0, advance: height, height, text: false, breakBefore: true }],
      spaceAfter: 0.5 * this.bodyLine(),
      keepWithNext: false,
      draw: ([place]) => {
        this.goTo(place!)
        const { margins } = this.doc.page
        const x = options.align === 'right' ? this.doc.page.width - margins.right - width : margins.left
        const y = this.doc.y
        const figure = {
          alt: options.alt,
          bbox: [x, y, x + width, y + height] as const,
          placement: 'Block' as const,
        }
        this.root.add(this.doc.struct('Figure', figure, () => this.doc.image(image, x, y, { width, height })))
      },
    })
  }

  /** A paragraph that starts with a bold label, such as "Where: Room 2, County Hall"; kept on one page. */
  keyValue(label: string, value: string): void {
    const { body, lineGap } = this.scale
    this.doc.font(BOLD, body)
    const lead = `${label}: `
    // pdfkit starts the value where the label's words, as it measures them, end.
    const labelWidth = widthOnLine(lead, (word) => this.doc.widthOfString(word))
    this.doc.font(REGULAR, body)
    const width = this.contentWidth()
    const lines = breakLines(value, width, (word) => this.doc.widthOfString(word), width - labelWidth)
    const rows = this.rows(REGULAR, body, lines, 'together')
    // The label is on the first line, though the value may start on the next.
    rows[0] = { ...rows[0]!, text: true }
    this.pending.push({
      rows,
      spaceAfter: this.scale.space.paragraph * this.bodyLine(),
      keepWithNext: false,
      draw: ([place]) => {
        this.goTo(place!)
        this.block('P', () => {
          this.doc.font(BOLD, body).text(lead, { lineGap, continued: true })
          this.doc.font(REGULAR, body).text(lines.join('\n'), { lineGap })
        })
      },
    })
  }

  /** A bulleted list, tagged L > LI > Lbl + LBody so a screen reader announces it as a list. */
  list(items: readonly string[]): void {
    if (items.length === 0) return
    const { body, lineGap, bulletIndent, space } = this.scale
    const width = this.contentWidth() - bulletIndent
    const itemLines = items.map((text) => this.lay(REGULAR, body, text, width))
    const rows: Row[] = []
    for (const [i, lines] of itemLines.entries()) {
      const itemRows = this.rows(REGULAR, body, lines, 'split')
      rows.push({ ...itemRows[0]!, gap: i === 0 ? 0 : space.item * this.bodyLine() }, ...itemRows.slice(1))
    }
    this.pending.push({
      rows,
      spaceAfter: space.paragraph * this.bodyLine(),
      keepWithNext: false,
      draw: (places) => {
        const list = this.doc.struct('L')
        this.root.add(list)
        let row = 0
        for (const lines of itemLines) {
          const itemPlaces = places.slice(row, row + lines.length)
          row += lines.length
          this.goTo(itemPlaces[0]!)
          const left = this.doc.page.margins.left
          const y = this.doc.y
          const item = this.doc.struct('LI')
          list.add(item)
          item.add(
            this.doc.struct('Lbl', () =>
              this.doc.font(REGULAR, body).text('•', left, y, { lineBreak: false }),
            ),
          )
          item.add(
            this.doc.struct('LBody', () =>
              this.drawLines(REGULAR, body, lines, itemPlaces, { width, lineGap }, left + bulletIndent),
            ),
          )
          item.end()
        }
        list.end()
        this.doc.x = this.doc.page.margins.left
      },
    })
  }

  /**
   * For a layout of its own, such as the Easy Read letter's picture beside its words: the document, its
   * Document element and the fonts' names. Whatever it draws it must tag, or mark as an artifact.
   */
  custom(draw: (doc: PDFDocument, root: PDFDocument.StructureElement, fonts: Fonts) => void): void {
    // What was added before is laid out and drawn first, so that the custom drawing follows it on the
    // page rather than the planned blocks landing on top of it at the end.
    this.flush()
    draw(this.doc, this.root, { regular: REGULAR, bold: BOLD })
  }

  /** Ends the document; nothing can be added after. */
  async toBuffer(): Promise<Buffer> {
    if (this.finished) throw new Error('This PDF has already been finished')
    this.finished = true
    this.flush()
    this.numberPages()
    this.root.end()
    const ended = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(this.output()))
      this.doc.on('error', reject)
    })
    this.doc.end()
    return ended
  }

  private textBlock(
    tag: string,
    font: string,
    size: number,
    text: string,
    options: {
      keep: Keep
      spaceAfter: number
      spaceBefore?: number
      align?: 'left' | 'right'
      keepWithNext?: boolean
      keepWithPrevious?: boolean
    },
  ): void {
    const lines = this.lay(font, size, text, this.contentWidth(), options.align)
    const rows = this.rows(font, size, lines, options.keep)
    rows[0] = {
      ...rows[0]!,
      gap: options.spaceBefore ?? 0,
      breakBefore: !options.keepWithPrevious,
    }
    const style = { lineGap: this.scale.lineGap, align: options.align }
    this.pending.push({
      rows,
      spaceAfter: options.spaceAfter,
      keepWithNext: options.keepWithNext ?? false,
      draw: (places) => {
        this.goTo(places[0]!)
        this.block(tag, () => this.drawLines(font, size, lines, places, style, this.doc.page.margins.left))
      },
    })
  }

  /**
   * The text's lines, as breakLines finds them, checked against how pdfkit (or the fast path) will lay
   * them out: should it ever wrap one again, the lines are found again a little narrower, so that what is
   * drawn is always what was paginated.
   */
  private lay(font: string, size: number, text: string, width: number, align?: 'left' | 'right'): string[] {
    // Keyed by the text first: a letter's strings are hashed once, a key made from them would be each time.
    const how = `${font} ${size} ${width} ${align ?? 'left'} ${this.scale.lineGap}`
    let forText = linesFound.get(text)
    const known = forText?.get(how)
    if (known) return known
    const lines = this.layAnew(font, size, text, width, align)
    if (!forText) {
      if (linesFound.size >= MAX_SHARED_LINES) linesFound.clear()
      forText = new Map()
      linesFound.set(text, forText)
    }
    forText.set(how, lines)
    return lines
  }

  private layAnew(
    font: string,
    size: number,
    text: string,
    width: number,
    align?: 'left' | 'right',
  ): string[] {
    this.doc.font(font, size)
    const measure = (word: string) => this.doc.widthOfString(word)
    const step = this.lineStep(font, size)
    let lines: string[] = []
    for (let narrower = 0; narrower <= 4; narrower += 2) {
      lines = breakLines(text, width - narrower, measure)
      const joined = lines.join('\n')
      const options = { width, lineGap: this.scale.lineGap, align }
      const height =
        (this.fast ? fastHeight(this.doc, joined, options) : undefined) ??
        this.doc.heightOfString(joined, options)
      if (Math.abs(height - lines.length * step) < 0.01) break
    }
    return lines
  }

  /** A row for each line; `split` lets a page end inside, leaving two lines or more on either side. */
  private rows(font: string, size: number, lines: readonly string[], keep: Keep): Row[] {
    const height = this.doc.font(font, size).currentLineHeight(true)
    const advance = height + this.scale.lineGap
    return lines.map((line, i) => ({
      gap: 0,
      advance,
      height,
      text: line.trim() !== '',
      breakBefore: i === 0 || (keep === 'split' && i >= 2 && lines.length - i >= 2),
    }))
  }

  /** Draws the lines where they were placed, going on to the next page inside the same marked content. */
  private drawLines(
    font: string,
    size: number,
    lines: readonly string[],
    places: readonly Placement[],
    options: FastTextOptions,
    x: number,
  ): void {
    for (let i = 0; i < lines.length;) {
      let j = i + 1
      while (j < lines.length && places[j]!.page === places[i]!.page) j++
      if (i > 0) this.doc.continueOnNewPage()
      this.doc.x = x
      this.doc.y = this.doc.page.margins.top + places[i]!.y
      this.write(font, size, lines.slice(i, j).join('\n'), options)
      i = j
    }
  }

  /** Lays out what is pending on the pages from this one, and draws it. */
  private flush(): void {
    const blocks = this.pending
    this.pending = []
    if (blocks.length === 0) return
    const rows: Row[] = []
    for (const [i, block] of blocks.entries()) {
      const before = blocks[i - 1]
      const [first, ...rest] = block.rows
      rows.push(
        {
          ...first!,
          gap: first!.gap + (before?.spaceAfter ?? 0),
          breakBefore: first!.breakBefore && !before?.keepWithNext,
        },
        ...rest,
      )
    }
    // The run is laid out from the page the pen is on, which a custom drawing may have moved on.
    this.runStart = this.pageIndex
    const page = this.doc.page
    // What a custom drawing (custom()) has already put on this page holds its place: a row as tall as
    // it goes first and is not drawn, so the planned rows start below it, never on top of it.
    const used = this.doc.y - page.margins.top
    const drawn: Row[] =
      used > 0.5 ? [{ gap: 0, advance: used, height: used, text: true, breakBefore: false }] : []
    // pdfkit moves to a new page when a line would reach below maxY; a hair less leaves it never to.
    const places = paginate([...drawn, ...rows], page.maxY() - page.margins.top - 0.01).slice(drawn.length)
    let row = 0
    for (const block of blocks) {
      block.draw(places.slice(row, row + block.rows.length))
      row += block.rows.length
    }
  }

  /** Moves to where a block starts: a new page if it was placed on one. */
  private goTo(place: Placement): void {
    while (this.pageIndex < this.runStart + place.page) this.doc.addPage()
    this.doc.x = this.doc.page.margins.left
    this.doc.y = this.doc.page.margins.top + place.y
  }

  /** Text from doc.x and doc.y; fastText writes what doc.text would, when it can. */
  private write(font: string, size: number, text: string, options: FastTextOptions): void {
    this.doc.font(font, size)
    if (!this.fast || !fastText(this.doc, text, options)) this.doc.text(text, options)
  }

  private block(tag: string, draw: () => void): void {
    this.root.add(this.doc.struct(tag, draw))
  }

  private numberPages(): void {
    const { start, count } = this.doc.bufferedPageRange()
    const size = this.scale.pageNumber
    for (let i = 0; i < count; i++) {
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

  /** A line of body text with its gap: the unit that spaces between blocks are given in. */
  private bodyLine(): number {
    return this.lineStep(REGULAR, this.scale.body)
  }

  private lineStep(font: string, size: number): number {
    return this.doc.font(font, size).currentLineHeight(true) + this.scale.lineGap
  }

  private contentWidth(): number {
    const { width, margins } = this.doc.page
    return width - margins.left - margins.right
  }
}

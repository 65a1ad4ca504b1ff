import type { Font } from 'fontkit'
import type PDFDocument from 'pdfkit'
import { fixedGlyphIds } from './fontCache'

/**
 * doc.text() for plain paragraphs, writing the very same bytes as pdfkit 0.20 but without its per-line
 * work: pdfkit runs a Unicode line breaker over every character, measures and encodes every word again
 * for each document, formats each glyph's hex id anew and writes each content line as its own buffer;
 * that was two fifths of the time a letter took. Here each word is measured and encoded once per
 * process (its glyph ids are the same in every document, as fontCache.ts fixes them), lines are broken
 * exactly where pdfkit's LineWrapper breaks them, and a paragraph's operators go into the page in one
 * write. Each piece of pdfkit it stands in for is named below; test/unit/letter-fast-text.test.ts
 * fails if the output ever differs from pdfkit's own.
 *
 * Text it cannot be sure to break as pdfkit would (a dash, a tab, a quotation mark before a bracket,
 * other scripts...), a word wider than the line, or glyphs positioned off the baseline, is left to pdfkit:
 * fastText then writes nothing and returns false.
 */

export interface FastTextOptions {
  /** The line's width; pdfkit's default, to the right margin, when not given. */
  width?: number
  lineGap: number
  align?: 'left' | 'right' | 'center'
}

/**
 * Characters for which the break opportunities of Unicode's line breaking (UAX 14, as the linebreak
 * package that pdfkit uses implements it) are after each run of spaces, after each newline, and after a
 * hyphen or slash that a letter follows (as in "First-tier" and web addresses). The patterns rule out the
 * sequences where UAX 14 says otherwise: no break before closing punctuation or a slash, or after an
 * opening bracket; a break before a bracket that follows punctuation; none after a quote, spaces and a
 * bracket. Checked against that package over millions of random strings of these characters.
 */
const SIMPLE = /^[A-Za-z0-9\u00C0-\u024F .,:;'’()&@\n/-]*$/
const NOT_SIMPLE = /^ |[ \n]$| [ \n.,:;)/]|\n |[^ ]\(|\( |\)[^ .,:;\n]|['’] +\(/
/** What may follow a hyphen or a slash for a line to break after it. */
const BREAKS_BEFORE = /[A-Za-z\u00C0-\u024F&@]/

/** A piece of text as pdfkit's EmbeddedFont.layout splits it: up to and including a space. */
interface Run {
  /** Advance width in thousandths of an em, as pdfkit adds it up. */
  readonly advance: number
  /**
   * The run's glyphs as TJ operands: hex glyph ids, and `> adjustment <` after each glyph that kerning
   * moves; undefined when a glyph is outside the fixed subset, whose id then depends on the document.
   */
  readonly operands: string | undefined
}

const runsByFont = new WeakMap<Font, Map<string, Run | null>>()
/** A long-running server prints many names; past this the cache starts again rather than grow. */
const MAX_RUNS = 20_000

/** The hex operand pdfkit's EmbeddedFont.encode gives a glyph id, made once for every id. */
const HEX: string[] = []
const hex = (gid: number) => (HEX[gid] ??= gid.toString(16).padStart(4, '0'))

/** pdfkit's PDFObject.number: six decimals, as the content stream writes numbers. */
const num = (n: number) => Math.round(n * 1e6) / 1e6

/** pdfkit's PDFNumber: the largest float32 not above n, which the line wrapper compares widths in. */
const f32 = new Float32Array(1)
const u32 = new Uint32Array(f32.buffer)
function pdfNumber(n: number): number {
  const rounded = Math.fround(n)
  if (rounded <= n) return rounded
  f32[0] = n
  if (n <= 0) u32[0]! += 1
  else u32[0]! -= 1
  return f32[0]!
}

interface Positioned {
  readonly xAdvance: number
  readonly advanceWidth: number
  readonly xOffset: number
  readonly yOffset: number
}

/** TJ operands for glyphs as _fragment writes them: a kerned glyph ends a string, its adjustment after. */
function operands(ids: readonly string[], positions: readonly Positioned[]): string {
  let out = ''
  for (let i = 0; i < ids.length; i++) {
    const { xAdvance, advanceWidth } = positions[i]!
    out += ids[i]!
    if (xAdvance - advanceWidth !== 0) out += `> ${num(-(xAdvance - advanceWidth))} <`
  }
  return out
}

/** null when a glyph is set off the baseline, which _fragment writes with its own Tm. */
function measureRun(font: PDFDocument.EmbeddedFont, text: string): Run | null {
  const { glyphs, positions, advanceWidth } = font.layoutCached(text)
  const fixed = fixedGlyphIds(font)
  const ids: string[] = []
  for (let i = 0; i < glyphs.length; i++) {
    const position = positions[i]!
    if (position.xOffset || position.yOffset) return null
    const gid = fixed?.[glyphs[i]!.id]
    if (gid === undefined) return { advance: advanceWidth, operands: undefined }
    ids.push(hex(gid))
  }
  return { advance: advanceWidth, operands: operands(ids, positions) }
}

function runsOf(font: PDFDocument.EmbeddedFont): Map<string, Run | null> {
  let runs = runsByFont.get(font.font)
  if (!runs || runs.size > MAX_RUNS) {
    runs = new Map()
    runsByFont.set(font.font, runs)
  }
  return runs
}

interface Word {
  readonly text: string
  /** Ends in a newline, where a line must end. */
  readonly required: boolean
  /** As LineWrapper.wordWidth gives it. */
  readonly width: number
  /**
   * The word's glyphs as TJ operands, when they are also the line's: its runs end where it does (it ends
   * in a space or a newline, or the text does), and their glyph ids are fixed. Else undefined.
   */
  readonly operands: string | undefined
}

interface Layout {
  readonly runs: Map<string, Run | null>
  readonly font: PDFDocument.EmbeddedFont
  readonly size: number
}

function runOf(layout: Layout, piece: string): Run | null {
  let run = layout.runs.get(piece)
  if (run === undefined) {
    run = measureRun(layout.font, piece)
    layout.runs.set(piece, run)
  }
  return run
}

/** The end of the run of text that starts at `start`, split where EmbeddedFont.layout splits it. */
function runEnd(text: string, start: number): number {
  const space = text.indexOf(' ', start)
  return space === -1 ? text.length : space + 1
}

/** The text's advance as EmbeddedFont.layout sums it, or undefined if a run cannot take this path. */
function advanceOf(layout: Layout, text: string): number | undefined {
  let advance = 0
  for (let start = 0; start < text.length;) {
    const end = runEnd(text, start)
    const run = runOf(layout, start === 0 && end === text.length ? text : text.slice(start, end))
    if (!run) return undefined
    advance += run.advance
    start = end
  }
  return advance
}

/** doc.widthOfString with pdfkit's arithmetic, which the wrapper's comparisons depend on to the last bit. */
const widthOf = (advance: number, size: number) => ((advance * (size / 1000) + 0) * 100) / 100

/** Where LineBreaker ends a word in simple text: after the character at i. */
function endsWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c === 32) return text.charCodeAt(i + 1) !== 32
  if (c === 10) return true
  return (c === 45 || c === 47) && BREAKS_BEFORE.test(text.charAt(i + 1))
}

/** The last text's words: a paragraph kept on one page is measured, then written. */
let lastWords: { text: string; font: Font; size: number; words: Word[] | undefined } | undefined

/** The words LineBreaker gives for simple text, measured as LineWrapper measures them. */
function wordsOf(layout: Layout, text: string): Word[] | undefined {
  const { font, size } = layout
  if (lastWords?.text === text && lastWords.font === font.font && lastWords.size === size)
    return lastWords.words
  const words = measureWords(layout, text)
  lastWords = { text, font: font.font, size, words }
  return words
}

function measureWords(layout: Layout, text: string): Word[] | undefined {
  const words: Word[] = []
  let last = 0
  for (let i = 0; i < text.length; i++) {
    if (i < text.length - 1 && !endsWord(text, i)) continue
    const word = text.slice(last, i + 1)
    last = i + 1
    const c = text.charCodeAt(i)
    const required = c === 10
    const endsRun = required || c === 32 || i === text.length - 1
    let advance: number | undefined
    let operands: string | undefined
    const space = word.indexOf(' ')
    if (!required && (space === -1 || space === word.length - 1)) {
      // Most words are one run, looked up once for both.
      const run = runOf(layout, word)
      if (!run) return undefined
      advance = run.advance
      operands = endsRun ? run.operands : undefined
    } else {
      advance = advanceOf(layout, word)
      if (advance === undefined) return undefined
      operands = endsRun ? fixedOperands(layout, required ? word.slice(0, -1) : word) : undefined
    }
    words.push({ text: word, required, width: pdfNumber(widthOf(advance, layout.size)), operands })
  }
  return words
}

/** The text's TJ operands from the cache, or undefined if a run's glyph ids depend on the document. */
function fixedOperands(layout: Layout, text: string): string | undefined {
  let operands = ''
  for (let start = 0; start < text.length;) {
    const end = runEnd(text, start)
    const run = runOf(layout, start === 0 && end === text.length ? text : text.slice(start, end))
    if (run?.operands === undefined) return undefined
    operands += run.operands
    start = end
  }
  return operands
}

/** The line's text as _fragment sees it, without the newline that ends it. */
function lineText(line: readonly Word[]): string {
  let text = ''
  for (const word of line) text += word.required ? word.text.slice(0, -1) : word.text
  return text
}

/** The line's TJ operands, made from its words' when they have them, else encoded as _fragment does. */
function lineOperands(layout: Layout, line: readonly Word[]): string {
  let tj = ''
  for (const word of line) {
    if (word.operands === undefined) return encodeLine(layout, lineText(line))
    tj += word.operands
  }
  return tj
}

/** _fragment encodes the line as EmbeddedFont.layout splits it, at spaces only, not at words. */
function encodeLine(layout: Layout, text: string): string {
  let tj = ''
  for (let start = 0; start < text.length;) {
    const end = runEnd(text, start)
    tj += runOperands(layout, text.slice(start, end))
    start = end
  }
  return tj
}

/** What both writing and measuring start from: the words, or undefined when this path cannot take the text. */
function prepare(doc: PDFDocument, text: string, options: FastTextOptions) {
  const font = doc._font
  if (!text || !font || !fixedGlyphIds(font) || !SIMPLE.test(text) || NOT_SIMPLE.test(text)) return undefined
  const layout: Layout = { runs: runsOf(font), font, size: doc._fontSize }
  // _initOptions, then LineWrapper's constructor: one column, no indent.
  const width = Math.max(options.width ?? doc.page.width - doc.x - doc.page.margins.right, 0)
  const lineWidth = (width * 100) / 100
  const words = wordsOf(layout, text)
  if (!words || words.some((word) => word.width > lineWidth)) return undefined
  return { font, layout, lineWidth, words, lineHeight: doc.currentLineHeight(true) }
}

/**
 * LineWrapper.wrap, for text with no soft hyphens, no ellipsis and no word wider than the line: `line` is
 * called with each line's words, then `next` before the line after it.
 */
function wrap(
  words: readonly Word[],
  lineWidth: number,
  line: (words: readonly Word[], textWidth: number) => void,
  next: () => void,
): void {
  let buffer: Word[] = []
  let textWidth = 0
  let spaceLeft = lineWidth
  let first = true
  for (const word of words) {
    if (first) spaceLeft = lineWidth
    first = word.required
    const fits = word.width <= spaceLeft
    if (fits) {
      buffer.push(word)
      textWidth += word.width
    }
    if (!word.required && fits) {
      spaceLeft -= word.width
      continue
    }
    if (word.required && !fits) {
      line(buffer, textWidth)
      buffer = [word]
      textWidth = word.width
    }
    line(buffer, textWidth)
    next()
    buffer = word.required ? [] : [word]
    textWidth = word.required ? 0 : word.width
    spaceLeft = word.required ? lineWidth : lineWidth - word.width
  }
  if (buffer.length > 0) line(buffer, textWidth)
}

/**
 * The height doc.heightOfString(text, options) gives, added up line by line as pdfkit does, or undefined
 * when this path cannot take the text.
 */
export function fastHeight(doc: PDFDocument, text: string, options: FastTextOptions): number | undefined {
  const prepared = prepare(doc, text, options)
  return prepared && heightOf(doc, prepared, options)
}

type Prepared = NonNullable<ReturnType<typeof prepare>>

/** Added up from doc.y as pdfkit adds it, so that the result is the same to the last bit. */
function heightOf(doc: PDFDocument, prepared: Prepared, options: FastTextOptions): number {
  const step = prepared.lineHeight + (options.lineGap || 0)
  let y = doc.y
  wrap(
    prepared.words,
    prepared.lineWidth,
    () => (y += step),
    () => {},
  )
  return y - doc.y
}

/**
 * When pdfkit's LineWrapper starts a new page partway through a paragraph it makes the page with the
 * options the last one had (continueOnNewPage), and a font or size among them becomes the current one:
 * the rest of the paragraph is written in the document's opening font, not the one it began in. The fast
 * path would keep the paragraph's font, so it leaves such a paragraph to pdfkit when it may cross a page.
 * Found by test/unit/letter-fast-text-property.test.ts; AccessiblePdf's own pagination never lets text
 * cross a page this way.
 */
function breakMayChangeFont(doc: PDFDocument, font: PDFDocument.EmbeddedFont, size: number): boolean {
  const options = doc.page._options
  if (!options) return false
  if (options.fontSize !== undefined && options.fontSize !== size) return true
  if (options.font === undefined) return false
  return typeof options.font === 'string' || !('postscriptName' in options.font)
    ? true
    : options.font.postscriptName !== font.font.postscriptName
}

/**
 * Writes text as doc.text(text, options) would from doc.x, doc.y in the current font and size, or returns
 * false having written nothing.
 */
export function fastText(doc: PDFDocument, text: string, options: FastTextOptions): boolean {
  const prepared = prepare(doc, text, options)
  if (!prepared) return false
  const { font, layout, lineWidth, lineHeight } = prepared
  const { size } = layout
  if (
    breakMayChangeFont(doc, font, size) &&
    doc.y + heightOf(doc, prepared, options) + lineHeight > doc.page.maxY()
  )
    return false
  const x = doc.x
  const dy = (font.ascender / 1000) * size
  const tail = `\n/${font.id} ${num(size)} Tf\n[<`
  let maxY = pdfNumber(doc.page.maxY())
  let page = doc.page
  let content = ''

  // One write for the page's share of the paragraph, already in bytes, which pdfkit would convert a
  // character at a time.
  const flush = () => {
    if (content) page.write(Buffer.from(content, 'latin1'))
    content = ''
  }
  // LineWrapper.nextSection: the marked content pdfkit opened is closed here and opened again there.
  const nextPage = () => {
    flush()
    doc.continueOnNewPage()
    page = doc.page
    maxY = page.maxY()
  }

  // _line and _fragment, for one line.
  const emit = (line: readonly Word[], textWidth: number) => {
    const tj = lineOperands(layout, line)
    if (tj) {
      let left = x
      if (options.align === 'right') {
        left += lineWidth - widthOf(advanceOf(layout, lineText(line).replace(/\s+$/, '')) ?? 0, size)
      } else if (options.align === 'center') {
        left += lineWidth / 2 - textWidth / 2
      }
      page.fonts[font.id] ??= font.ref()
      const ops = tj.endsWith(' <') ? tj.slice(0, -2) : `${tj}> 0`
      content +=
        `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(left)} ${num(page.height - doc.y - dy)} Tm` +
        `${tail}${ops}] TJ\nET\nQ\n`
    }
    doc.y += lineHeight + (options.lineGap || 0)
  }

  if (doc.y > maxY || doc.y + lineHeight > maxY) nextPage()
  wrap(prepared.words, lineWidth, emit, () => {
    if (pdfNumber(doc.y + lineHeight) > maxY) nextPage()
  })
  flush()
  return true
}

/** A run's TJ operands: cached when its glyph ids are fixed, else encoded for this document as pdfkit would. */
function runOperands(layout: Layout, piece: string): string {
  const run = runOf(layout, piece)
  if (run?.operands !== undefined) return run.operands
  const [ids, positions] = layout.font.encode(piece)
  return operands(ids, positions)
}

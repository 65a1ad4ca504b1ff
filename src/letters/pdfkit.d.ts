/**
 * The parts of pdfkit 0.20 and fontkit 2 that src/letters uses, typed here rather than through
 * @types/pdfkit: that package describes pdfkit 0.17, so it lacks the 'PDF/UA' subset, struct(tag, children)
 * and fonts passed already parsed, and using it would mean casts wherever those are needed.
 * Add to these declarations as letters need more of pdfkit.
 */

declare module 'fontkit' {
  /** A parsed font; its metrics are in font units, unitsPerEm to the em. */
  export interface Font {
    readonly postscriptName: string
    readonly ascent: number
    readonly descent: number
    readonly unitsPerEm: number
    readonly numGlyphs: number
    /** Shapes text into glyphs, with the font's default features (such as the fi ligature). */
    layout(text: string): { readonly glyphs: readonly Glyph[] }
    getGlyph(id: number): Glyph
    createSubset(): Subset
  }

  export interface Glyph {
    readonly id: number
    /** The characters the glyph stands for: more than one for a ligature, none for a bare component. */
    readonly codePoints: readonly number[]
    readonly advanceWidth: number
    /** The outline; tests compare glyphs by it. */
    readonly path: { toSVG(): string }
  }

  /** The glyphs a PDF embeds, by position in the subset; encode() adds composite glyphs' components. */
  export interface Subset {
    glyphs: number[]
    mapping: Record<number, number>
    /** The glyph's position in the subset, added at the end if it is new. */
    includeGlyph(id: number): number
    /** The subset as a TrueType file. */
    encode(): Uint8Array
  }

  /** Parses a font file. Only single-font .ttf files are read here, never a .ttc collection. */
  export function create(buffer: Uint8Array): Font
}

declare module 'pdfkit' {
  import { Readable } from 'node:stream'
  import type { Font, Glyph } from 'fontkit'

  namespace PDFDocument {
    /** A registered font's name, or a font fontkit has already parsed. */
    type FontSource = string | Font

    /** A closure's drawing becomes the element's marked content. */
    type StructureChild = StructureElement | (() => void)

    /** Attributes of a structure element; bbox is [left, top, right, bottom] from the page's top left. */
    interface StructureOptions {
      alt?: string
      bbox?: readonly [number, number, number, number]
      placement?: 'Block' | 'Inline'
    }

    /** An image pdfkit has opened (PNG or JPEG), with its size in pixels. */
    interface Image {
      readonly width: number
      readonly height: number
    }

    interface StructureElement {
      add(child: StructureChild): this
      end(): void
    }

    interface Margins {
      top: number
      bottom: number
      left: number
      right: number
    }

    interface Page {
      readonly width: number
      readonly height: number
      margins: Margins
      /** The fonts the page's content uses, by resource name. */
      readonly fonts: Record<string, Reference>
      /** The page's content stream. */
      readonly content: Reference
      /** Appends to the page's content; a string gets a newline after it, bytes are written as they are. */
      write(chunk: Uint8Array | string): void
      /** The lowest y that text may reach before pdfkit starts a new page. */
      maxY(): number
      /** What the page was made with; continueOnNewPage makes the next page with the same. */
      readonly _options?: { font?: FontSource; fontSize?: number }
    }

    interface TextOptions {
      width?: number
      align?: 'left' | 'center' | 'right' | 'justify'
      lineGap?: number
      lineBreak?: boolean
      continued?: boolean
    }

    interface DocumentOptions {
      size?: string
      margins?: Margins
      pdfVersion?: '1.4' | '1.5' | '1.6' | '1.7'
      tagged?: boolean
      lang?: string
      displayTitle?: boolean
      subset?: 'PDF/UA' | `PDF/A-${1 | 2 | 3}${'' | 'a' | 'b'}`
      info?: { Title?: string; Author?: string; Subject?: string; CreationDate?: Date }
      bufferPages?: boolean
      font?: FontSource
    }

    /** An indirect object in the file; a stream is compressed on end() when `compress` is set. */
    interface Reference {
      readonly data: Record<string, unknown>
      compress: boolean
      /** What has been written to the stream so far. */
      buffer: Uint8Array[]
      end(chunk?: Uint8Array | string): void
      /** Writes the object into the file, compressing its stream first when `compress` is set. */
      finalize(): void
    }

    /**
     * pdfkit's private per-document font (EmbeddedFont), for the cache in fontCache.ts. widths and unicode
     * are by subset position; pdfkit fills them in for each glyph as text uses it.
     */
    interface EmbeddedFont {
      readonly document: PDFDocument
      readonly font: Font
      /** The font's resource name in pages, such as F1. */
      readonly id: string
      /** In thousandths of an em. */
      readonly ascender: number
      readonly subset: Subset
      widths: number[]
      unicode: (readonly number[])[]
      /** Each word's shaped glyphs, when the document keeps them (it does unless told not to). */
      layoutCache?: Record<string, unknown>
      /** A word's glyphs from the layout cache (made and cached if new), positions in thousandths of an em. */
      layoutCached(text: string): {
        readonly glyphs: readonly Glyph[]
        readonly positions: readonly GlyphPosition[]
        readonly advanceWidth: number
      }
      /** Hex glyph ids in the subset, adding glyphs that are new to it, and their positions. */
      encode(text: string): [string[], GlyphPosition[]]
      /** The font's dictionary, which a page lists among its resources. */
      ref(): Reference
      /** Writes the font's objects and its subset into the file; run once, when the document ends. */
      embed(): void
      /** Writes the map from glyphs back to text; it reads only this.unicode and this.document.ref(). */
      toUnicodeCmap(this: {
        unicode: readonly (readonly number[])[]
        document: { ref(): { end(chunk: Uint8Array | string): void } }
      }): Reference
    }

    interface GlyphPosition {
      readonly xAdvance: number
      readonly xOffset: number
      readonly yOffset: number
      /** Set by pdfkit: the glyph's own advance, which xAdvance differs from by kerning. */
      readonly advanceWidth: number
    }

    interface ArtifactOptions {
      type?: 'Pagination' | 'Layout' | 'Page'
    }
  }

  class PDFDocument extends Readable {
    constructor(options?: PDFDocument.DocumentOptions)
    x: number
    y: number
    readonly page: PDFDocument.Page
    font(src: PDFDocument.FontSource, size?: number): this
    fontSize(size: number): this
    registerFont(name: string, src: PDFDocument.FontSource): this
    text(text: string, options?: PDFDocument.TextOptions): this
    text(text: string, x: number, y: number, options?: PDFDocument.TextOptions): this
    moveDown(lines?: number): this
    heightOfString(text: string, options?: PDFDocument.TextOptions): number
    widthOfString(text: string): number
    currentLineHeight(includeGap?: boolean): number
    addPage(): this
    bufferedPageRange(): { start: number; count: number }
    switchToPage(n: number): PDFDocument.Page
    struct(
      tag: string,
      children?: PDFDocument.StructureChild | PDFDocument.StructureChild[],
    ): PDFDocument.StructureElement
    struct(
      tag: string,
      options: PDFDocument.StructureOptions,
      children?: PDFDocument.StructureChild | PDFDocument.StructureChild[],
    ): PDFDocument.StructureElement
    openImage(src: Buffer): PDFDocument.Image
    image(src: PDFDocument.Image, x: number, y: number, options: { width: number; height: number }): this
    addStructure(element: PDFDocument.StructureElement): this
    /** Vector drawing, for the Easy Read letter's pictures. */
    save(): this
    restore(): this
    translate(x: number, y: number): this
    scale(factor: number): this
    path(svgPath: string): this
    circle(x: number, y: number, radius: number): this
    fill(color?: string): this
    fillColor(color: string): this
    markContent(tag: 'Artifact', options?: PDFDocument.ArtifactOptions): this
    endMarkedContent(): this
    end(): void
    /** Private: the current font, once one has been set. */
    readonly _font: PDFDocument.EmbeddedFont | null
    /** Private: the current font size. */
    readonly _fontSize: number
    /** Private: writes a line of operators into the current page's content. */
    addContent(data: string): this
    /** Private: a new page, continuing the marked content open on this one, as text overflowing does. */
    continueOnNewPage(): this
    /** Private: writes to the file, a string with a newline after it; `_offset` counts the bytes written. */
    _write(data: Uint8Array | string): void
    _offset: number
    /** Private: a new indirect object, such as a stream. */
    ref(data?: Record<string, unknown>): PDFDocument.Reference
  }

  export = PDFDocument
}

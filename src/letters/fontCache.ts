import { deflateSync } from 'node:zlib'
import type { Font, Subset } from 'fontkit'
import type PDFDocument from 'pdfkit'

/**
 * pdfkit embeds in each document a subset of the font holding only the glyphs that document used, in
 * the order it used them: fontkit decodes every glyph again and zlib compresses the result, for every
 * letter, and that took a third of the time to render one. Here each document's subset starts as one
 * fixed set of glyphs in a fixed order, so that the encoded, compressed font file is the same for every
 * letter and is made once per process. A letter that uses a glyph outside the set adds it as pdfkit
 * would, and its subset is then encoded for that document alone, as before.
 *
 * This reaches into pdfkit 0.20's EmbeddedFont (its subset, widths and unicode, and embed()), typed in
 * pdfkit.d.ts; test/unit/letter-font-cache.test.ts fails if those internals change under it.
 */

const range = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i))

/**
 * What letters are written in: ASCII, the Latin-1 and Latin Extended-A letters of families' names and
 * addresses (Polish, Czech, Turkish, Hungarian and more), Romanian's comma-below letters, the punctuation
 * that word processors put in pasted text, and the ligatures that DejaVu's layout forms from "f".
 */
const REPERTOIRE: readonly string[] = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0x17f),
  ...range(0x218, 0x21b),
  ...'‐‑‒–—―‘’‚‛“”„‟†‡•…‰′″‹›€™−',
  ...['ff', 'fi', 'fl', 'ffi', 'ffl'],
]

/** Its arrays are shared by documents until they add to them (see useFixedSubset), so never changed. */
interface FixedSubset {
  /** Glyph ids in subset order, the components of composite glyphs included. */
  readonly glyphs: number[]
  readonly mapping: Record<number, number>
  /** Advance widths in thousandths of an em, by subset position, as pdfkit keeps them. */
  readonly widths: number[]
  /** The characters each subset position stands for, for the ToUnicode map that makes text extractable. */
  readonly unicode: (readonly number[])[]
  /** The subset's TrueType file, deflated. */
  readonly fontFile: Buffer
  /** The ToUnicode CMap for the subset, deflated. */
  readonly toUnicode: Buffer
  /** The widths array of the font's dictionary, as pdfkit writes it. */
  readonly widthsArray: PreWritten
}

const fixedSubsets = new WeakMap<Font, FixedSubset>()
/** The documents' fonts started on a fixed subset, for fixedGlyphIds. */
const startedFixed = new WeakMap<PDFDocument.EmbeddedFont, FixedSubset>()

/**
 * Glyph ids in the subset for the glyphs of the fixed set, when the document's font started on it: the
 * same in every document, so text encoded with them once can be written into any of them.
 */
export function fixedGlyphIds(font: PDFDocument.EmbeddedFont): Readonly<Record<number, number>> | undefined {
  return startedFixed.get(font)?.mapping
}

function fixedSubset(embedded: PDFDocument.EmbeddedFont): FixedSubset {
  const { font } = embedded
  let fixed = fixedSubsets.get(font)
  if (fixed) return fixed
  const subset = font.createSubset()
  const unicode: (readonly number[])[] = [[0]]
  for (const text of REPERTOIRE) {
    for (const glyph of font.layout(text).glyphs) unicode[subset.includeGlyph(glyph.id)] ??= glyph.codePoints
  }
  // Encoding adds the glyphs that composite glyphs (such as é) are built from, at the end.
  const fontFile = deflateSync(subset.encode())
  const scale = 1000 / font.unitsPerEm
  const glyphs = [...subset.glyphs]
  // A component that no character maps to is never drawn alone; pdfkit maps its own .notdef to 0 too.
  const codePoints = glyphs.map((id, gid) => unicode[gid] ?? nonEmpty(font.getGlyph(id).codePoints) ?? [0])
  const widths = glyphs.map((id) => font.getGlyph(id).advanceWidth * scale)
  fixed = {
    glyphs,
    mapping: { ...subset.mapping },
    widths,
    unicode: codePoints,
    fontFile,
    toUnicode: deflateSync(toUnicodeCmap(embedded, codePoints)),
    widthsArray: preWritten(`[0 [${widths.map((width) => Math.round(width * 1e6) / 1e6).join(' ')}]]`),
  }
  fixedSubsets.set(font, fixed)
  return fixed
}

/** The CMap pdfkit would write for these characters, made by its own code so that the two cannot differ. */
function toUnicodeCmap(
  embedded: PDFDocument.EmbeddedFont,
  unicode: readonly (readonly number[])[],
): Uint8Array | string {
  let cmap: Uint8Array | string = ''
  const stream = { end: (chunk: Uint8Array | string) => void (cmap = chunk) }
  embedded.toUnicodeCmap.call({ unicode, document: { ref: () => stream } })
  return cmap
}

/**
 * Something pdfkit writes into the file as it stands: PDFObject.convert writes `${value}` for an object
 * that is not a plain one, and the tag makes this one not plain.
 */
interface PreWritten {
  readonly [Symbol.toStringTag]: string
  toString(): string
}

const preWritten = (text: string): PreWritten => ({
  [Symbol.toStringTag]: 'PreWritten',
  toString: () => text,
})

const nonEmpty = (codePoints: readonly number[]) => (codePoints.length > 0 ? codePoints : undefined)

/**
 * Starts the document's current font (just set with doc.font) on the fixed subset. Its widths and unicode
 * are filled in for the whole set up front, as pdfkit would fill them for glyphs as they are used.
 */
export function useFixedSubset(doc: PDFDocument): void {
  const font = doc._font
  if (!font || font.subset.glyphs.length !== 1) return
  const fixed = fixedSubset(font)
  // The document shares the set's arrays until it uses a glyph outside it, and only then gets copies of
  // its own for pdfkit to add to: copying them for every letter was a tenth of what one allocated.
  const { subset } = font
  subset.glyphs = fixed.glyphs
  subset.mapping = fixed.mapping
  font.widths = fixed.widths
  font.unicode = fixed.unicode
  const includeGlyph = subset.includeGlyph
  subset.includeGlyph = function (this: Subset, id: number) {
    if (this.mapping === fixed.mapping && this.mapping[id] === undefined) {
      this.glyphs = [...fixed.glyphs]
      // A copy, not an object inheriting the fixed one: V8 looks up numeric keys through a prototype slowly.
      this.mapping = { ...fixed.mapping }
      font.widths = [...fixed.widths]
      font.unicode = [...fixed.unicode]
    }
    return includeGlyph.call(this, id)
  }
  startedFixed.set(font, fixed)
  const { embed } = font
  font.embed = function (this: PDFDocument.EmbeddedFont) {
    if (this.subset.glyphs.length !== fixed.glyphs.length) return embed.call(this)
    this.toUnicodeCmap = () => {
      const cmap = this.document.ref({ Filter: 'FlateDecode' })
      cmap.end(fixed.toUnicode)
      return cmap
    }
    embedFontFile(this.subset, this.document, fixed, () => embed.call(this))
  }
}

/** Small streams that embedding writes the same in every letter, deflated, by their bytes. */
const deflatedStreams = new Map<string, Buffer>()

/**
 * Runs pdfkit's embed with the subset's encoding replaced by the cached, already deflated font file, and
 * the stream it is written to told so, so that pdfkit neither encodes nor compresses it again. The stream
 * is recognised by the very buffer being written to it, not by the order pdfkit creates its objects in.
 * Any other stream it writes (the CIDSet that PDF/UA asks for, a few bytes long) is the same for every
 * letter on the fixed set, so it is deflated once too: starting zlib cost more than the bytes did.
 * The widths array in the font's dictionary is written once per process too.
 */
function embedFontFile(subset: Subset, doc: PDFDocument, fixed: FixedSubset, embed: () => void): void {
  const { fontFile } = fixed
  const ref = doc.ref
  subset.encode = () => fontFile
  doc.ref = (data) => {
    // The font's widths, some four hundred numbers that pdfkit would format again for every letter.
    if (data && 'W' in data) data.W = fixed.widthsArray
    const reference = ref.call(doc, data)
    const end = reference.end
    reference.end = (chunk) => {
      if (chunk === fontFile) {
        reference.compress = false
        reference.data.Filter = 'FlateDecode'
      } else if (!chunk && reference.compress && reference.buffer.length === 1) {
        const bytes = reference.buffer[0]!
        const key = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1')
        let deflated = deflatedStreams.get(key)
        if (!deflated) {
          deflated = deflateSync(bytes)
          if (deflatedStreams.size < 16) deflatedStreams.set(key, deflated)
        }
        reference.buffer = [deflated]
        reference.compress = false
        reference.data.Filter = 'FlateDecode'
      }
      end.call(reference, chunk)
    }
    return reference
  }
  try {
    embed()
  } finally {
    doc.ref = ref
  }
}

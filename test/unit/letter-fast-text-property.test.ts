import fc from 'fast-check'
import { render, type Block } from '../support/fastText'

// The fast text path promises the very bytes pdfkit's doc.text() writes. The fixed paragraphs in
// letter-fast-text.test.ts check the cases we thought of; this draws thousands of random ones — long
// words, hyphens, slashes, brackets and quotes, line breaks, every glyph of the fixed set and a few
// outside it, at every size, width and alignment letters use, some starting near the foot of a page —
// and compares whole files. Where the fast path declines, AccessiblePdf falls back to pdfkit, as here.

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const range = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i)).join('')
/** The fixed set's letters beyond ASCII (fontCache.ts REPERTOIRE) and punctuation pasted from word processors. */
const LATIN = range(0xc0, 0x17f) + range(0x218, 0x21b)
/** What the fast path takes, and punctuation it leaves to pdfkit. */
const PLAIN_PUNCTUATION = ".,:;'’()&@/-"
const OTHER_PUNCTUATION = '–—‘“”…•€™!?"#%*+=[]_'
const OUTSIDE_FIXED_SET = 'ǍǦǑǙṄ'

const plainLetter = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...LETTERS) },
  { weight: 1, arbitrary: fc.constantFrom(...LATIN) },
)
const plainWord = fc.array(plainLetter, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''))
/** Words as letters have them: hyphenated, with a slash, possessive, bracketed, followed by punctuation. */
const letterWord = fc.oneof(
  { weight: 30, arbitrary: plainWord },
  { weight: 3, arbitrary: fc.tuple(plainWord, fc.constantFrom(...'.,:;')).map(([w, p]) => w + p) },
  {
    weight: 2,
    arbitrary: fc.tuple(plainWord, fc.constantFrom('-', '/'), plainWord).map(([a, p, b]) => a + p + b),
  },
  { weight: 1, arbitrary: fc.tuple(plainWord, fc.constantFrom("'s", '’s')).map(([w, p]) => w + p) },
  { weight: 1, arbitrary: plainWord.map((w) => `(${w})`) },
  { weight: 1, arbitrary: fc.constantFrom('&', '@', '-', '/') },
  // Web addresses and names longer than a line, which pdfkit breaks mid-word.
  { weight: 1, arbitrary: fc.array(plainWord, { minLength: 4, maxLength: 10 }).map((ws) => ws.join('/')) },
)
/** Anything at all, now and then: punctuation the fast path leaves to pdfkit, glyphs outside the fixed set. */
const oddWord = fc
  .array(fc.constantFrom(...(LETTERS + LATIN + PLAIN_PUNCTUATION + OTHER_PUNCTUATION + OUTSIDE_FIXED_SET)), {
    minLength: 1,
    maxLength: 90,
  })
  .map((chars) => chars.join(''))
const gap = fc.oneof(
  { weight: 60, arbitrary: fc.constant(' ') },
  { weight: 2, arbitrary: fc.constant('\n') },
  { weight: 1, arbitrary: fc.constantFrom('  ', '\n\n', ' \n', '\t') },
)
const paragraphOf = (word: fc.Arbitrary<string>) =>
  fc
    .array(fc.tuple(word, gap), { minLength: 1, maxLength: 30 })
    .map((parts) => parts.map(([w, g], i) => (i === parts.length - 1 ? w : w + g)).join(''))
const paragraph = fc.oneof(
  { weight: 3, arbitrary: paragraphOf(letterWord) },
  {
    weight: 1,
    arbitrary: paragraphOf(
      fc.oneof({ weight: 10, arbitrary: letterWord }, { weight: 1, arbitrary: oddWord }),
    ),
  },
)

const block: fc.Arbitrary<Block> = fc.record(
  {
    text: paragraph,
    font: fc.constantFrom<Block['font']>(undefined, 'bold'),
    size: fc.constantFrom(10, 12, 14, 16, 20, 24),
    options: fc.record(
      {
        lineGap: fc.constantFrom(0, 3, 4),
        align: fc.constantFrom<'left' | 'right' | 'center' | undefined>(undefined, 'left', 'right', 'center'),
        width: fc.constantFrom<number | undefined>(undefined, 483.28, 465.28, 300, 150.5),
      },
      { requiredKeys: ['lineGap'] },
    ),
    at: fc.option(fc.record({ x: fc.constantFrom(56, 74), y: fc.integer({ min: 600, max: 760 }) }), {
      nil: undefined,
      freq: 4,
    }),
  },
  { requiredKeys: ['text', 'size', 'options'] },
)

describe('the fast text path, over random paragraphs', () => {
  it('writes the same file as pdfkit’s doc.text, byte for byte', async () => {
    const taken = { count: 0 }
    let paragraphs = 0
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 4, maxLength: 12 }), async (blocks) => {
        paragraphs += blocks.length
        const [fast, pdfkit] = await Promise.all([render(blocks, 'fast', taken), render(blocks, 'pdfkit')])
        expect(fast.equals(pdfkit)).toBe(true)
      }),
      { numRuns: 250 },
    )
    expect(paragraphs).toBeGreaterThan(1500)
    // A property the fast path passed only by declining every paragraph would prove nothing.
    expect(taken.count / paragraphs).toBeGreaterThan(0.3)
  }, 240_000)
})

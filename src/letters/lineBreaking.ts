/**
 * Where a letter's lines end. pdfkit's own wrapping (UAX 14) breaks a web address after each slash, a
 * phone number or a date at its spaces, so a family reads "Tuesday 26" at the end of one line and
 * "January 2027" at the start of the next. Here each web address, e-mail address, phone number and date
 * is one unbreakable run, broken only if it is wider than a whole line by itself; the lines found are
 * then given to pdfkit (or the fast text path) joined by newlines, which neither wraps again because each
 * already fits. Knowing the lines also tells the page layout (pagination.ts) how tall each block is.
 */

/** Measures a word as pdfkit's LineWrapper.wordWidth does, in the current font and size. */
export type MeasureWord = (word: string) => number

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December'
const DAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'

/**
 * The runs a line must not break inside. Trailing punctuation is left outside a web address, so that a
 * full stop after one is not read as part of it (it still stays on the address's line: nothing breaks
 * before a full stop).
 */
const UNBREAKABLE = new RegExp(
  [
    // web addresses
    String.raw`\b(?:https?://|www\.)[^\s]*[^\s.,;:!?)'’"]`,
    // e-mail addresses
    String.raw`[\w.+'-]+@[\w-]+(?:\.[\w-]+)+`,
    // UK phone numbers: "01632 960111", "020 7946 0000", "+44 (0)1632 960111", "0800 123 4567"
    String.raw`(?<![\w+])(?:\+44 ?(?:\(0\) ?)?|0)\d{2,4}(?:[ -]?\d{3,4}){1,2}(?!\w)`,
    // dates: "Tuesday 26 January 2027", "26 January", "January 2027"
    `(?:(?:${DAYS}),? )?\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})(?: \\d{4})?(?!\\w)`,
    `\\b(?:${MONTHS}) \\d{4}(?!\\w)`,
  ].join('|'),
  'gu',
)

/** The [start, end) of each run in the text that must not be broken. */
export function unbreakableRuns(text: string): [number, number][] {
  return [...text.matchAll(UNBREAKABLE)].map((m) => [m.index, m.index + m[0].length])
}

const LETTER = /\p{L}/u

/** Where pdfkit's line breaker may end a word: after a run of spaces, or a hyphen or slash before a letter. */
function pdfkitBreaksAfter(text: string, i: number): boolean {
  const c = text[i]!
  const next = text[i + 1]
  if (next === undefined) return false
  if (c === ' ') return next !== ' '
  return (c === '-' || c === '/') && LETTER.test(next)
}

/** Where this breaker may end a line between runs: after spaces, or a hyphen between two letters. */
function mayBreakAfter(text: string, i: number): boolean {
  const c = text[i]!
  const next = text[i + 1]
  if (next === undefined) return false
  if (c === ' ') return next !== ' '
  return c === '-' && i > 0 && LETTER.test(text[i - 1]!) && LETTER.test(next)
}

/** Inside a run wider than a line: after any space, slash, full stop, at sign, hyphen or query mark. */
function mayBreakInsideRun(text: string, i: number): boolean {
  const next = text[i + 1]
  return next !== undefined && next !== ' ' && ' /.@-?&=_'.includes(text[i]!)
}

/** Splits the text after each position `at` allows. */
function split(text: string, at: (text: string, i: number) => boolean, from = 0, to = text.length): string[] {
  const pieces: string[] = []
  let start = from
  for (let i = from; i < to - 1; i++) {
    if (at(text, i)) {
      pieces.push(text.slice(start, i + 1))
      start = i + 1
    }
  }
  if (start < to) pieces.push(text.slice(start, to))
  return pieces
}

interface Atom {
  readonly text: string
  /** A protected run, broken only if wider than a line. */
  readonly run: boolean
}

/** The pieces a line may break between: words with their trailing spaces, each protected run whole. */
function atoms(line: string): Atom[] {
  const runs = unbreakableRuns(line)
  const out: Atom[] = []
  let start = 0
  // A run goes on to the next space, taking a full stop after it with it.
  const toSpaces = (from: number) => {
    let end = from
    while (end < line.length && line[end] !== ' ') end++
    while (end < line.length && line[end] === ' ') end++
    return end
  }
  for (const [runStart, runEnd] of runs) {
    if (runEnd <= start) continue
    if (runStart < start) {
      // A run that the one before ran into, with no space between ("01632 960111/01632 960222"): one run.
      const end = toSpaces(runEnd)
      out.push({ text: out.pop()!.text + line.slice(start, end), run: true })
      start = end
      continue
    }
    const before = split(line, mayBreakAfter, start, runStart)
    // What touches a run with no space between ("(https://…)") goes with it.
    const last = before.at(-1)
    const joined = last !== undefined && !last.endsWith(' ')
    for (const piece of joined ? before.slice(0, -1) : before) out.push({ text: piece, run: false })
    const end = toSpaces(runEnd)
    out.push({ text: (joined ? last : '') + line.slice(runStart, end), run: true })
    start = end
  }
  for (const piece of split(line, mayBreakAfter, start)) out.push({ text: piece, run: false })
  return out
}

/**
 * The width pdfkit's wrapper adds up for text on one line: it measures each word it finds separately,
 * so kerning across its word boundaries does not count. `ending` is what pdfkit then sees after it.
 */
export function widthOnLine(text: string, measure: MeasureWord, ending: '' | '\n' = ''): number {
  let width = 0
  const pieces = split(text + ending, pdfkitBreaksAfter)
  for (const piece of pieces) width += measure(piece)
  return width
}

/**
 * A little room is left on each line, so that a difference in how pdfkit splits a line into words
 * (each measured on its own) can never make it wrap a line again.
 */
const SAFETY = 0.5

/**
 * The text's lines at `width` (the first at `firstWidth`): each newline ends one, and a line otherwise
 * ends at the last break that fits. A line holding one word wider than a line is cut between letters.
 */
export function breakLines(
  text: string,
  width: number,
  measure: MeasureWord,
  firstWidth: number = width,
): string[] {
  const out: string[] = []
  const hardLines = text.split('\n')
  for (const [h, hardLine] of hardLines.entries()) {
    // What pdfkit will see after the last word of each line: a newline, but not after the text's last.
    const ending = h === hardLines.length - 1 ? '' : '\n'
    const queue = atoms(hardLine.replace(/\s+$/, ''))
    let line = ''
    let lineWidth = 0
    const room = () => (out.length === 0 ? firstWidth : width) - SAFETY
    const endLine = () => {
      out.push(line.replace(/ +$/, ''))
      line = ''
      lineWidth = 0
    }
    while (queue.length > 0) {
      const atom = queue.shift()!
      const trimmed = atom.text.replace(/ +$/, '')
      const after = queue.length === 0 ? ending : '\n'
      // More characters than points cannot fit at any size a letter uses, and is not worth measuring.
      const fits = trimmed.length <= room() && lineWidth + widthOnLine(trimmed, measure, after) <= room()
      if (fits) {
        line += atom.text
        lineWidth += widthOnLine(atom.text, measure, '')
        continue
      }
      if (line) {
        endLine()
        queue.unshift(atom)
        continue
      }
      // A first line shortened by a label ("Our reference: ") that the word would fit without: the
      // label stands alone on its line.
      if (out.length === 0 && firstWidth < width && trimmed.length <= width) {
        if (widthOnLine(trimmed, measure, after) <= width - SAFETY) {
          endLine()
          queue.unshift(atom)
          continue
        }
      }
      // Alone on a line and still too wide: a run breaks where it must, anything else between letters.
      const smaller = split(atom.text, atom.run ? mayBreakInsideRun : pdfkitBreaksAfter)
      if (smaller.length > 1) {
        queue.unshift(...smaller.map((piece) => ({ text: piece, run: false })))
        continue
      }
      const [head, tail] = cutToFit(atom.text, room(), (s) => widthOnLine(s, measure, '\n'))
      line = head
      endLine()
      if (tail) queue.unshift({ text: tail, run: false })
    }
    // An empty line is a line too, such as the gap between "Yours sincerely" and the name.
    if (line || hardLine.trim() === '') out.push(line.replace(/ +$/, ''))
  }
  return out
}

/** The longest start of `word` (at least one character) no wider than `room`, and the rest. */
function cutToFit(word: string, room: number, width: (s: string) => number): [string, string] {
  const chars = [...word]
  // A guess from a line's worth of characters, then a character at a time: a very long word is never
  // measured whole.
  const probe = Math.min(chars.length, Math.ceil(room))
  const guess = Math.floor((room / width(chars.slice(0, probe).join(''))) * probe)
  let n = Math.max(1, Math.min(chars.length, guess))
  while (n > 1 && width(chars.slice(0, n).join('')) > room) n--
  while (n < chars.length && width(chars.slice(0, n + 1).join('')) <= room) n++
  return [chars.slice(0, n).join(''), chars.slice(n).join('')]
}

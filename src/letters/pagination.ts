/**
 * Where pages end, decided for a whole run of content (a letter's own part, or its fact sheet) before any
 * of it is drawn, so that a rule can move lines back from an earlier page: no page holds fewer than
 * MIN_LINES lines of text, a heading never ends a page, a paragraph never leaves one line behind or
 * carries one over, and what must stay together (a signature and the text before it) does.
 */

export interface Row {
  /** Space above the row, unless it starts a page. */
  readonly gap: number
  /** How far down the row moves the pen. */
  readonly advance: number
  /** How much of the page the row needs: for a line, its height without the gap below it. */
  readonly height: number
  /** A line with text on it, which counts toward a page's lines. */
  readonly text: boolean
  /** A page may start with this row. */
  readonly breakBefore: boolean
}

export const MIN_LINES = 4

/** Where each row goes: its page (0 for the first) and the top of the row from the top of the text area. */
export interface Placement {
  readonly page: number
  readonly y: number
}

/**
 * The rows' places on pages `room` high. Of the ways to break that the rules allow, the one that fills
 * each page as far as it can, working down from the first; if no way keeps every page to MIN_LINES (there
 * may not be that many lines), pages are simply filled.
 */
export function paginate(rows: readonly Row[], room: number): Placement[] {
  const starts = withRules(rows, room) ?? filled(rows, room)
  const placements: Placement[] = []
  for (const [page, start] of starts.entries()) {
    const end = starts[page + 1] ?? rows.length
    let y = 0
    for (let r = start; r < end; r++) {
      if (r > start) y += rows[r]!.gap
      placements.push({ page, y })
      y += rows[r]!.advance
    }
  }
  return placements
}

/** The first row after the page that starts at `start`, filled as far as it can be and broken where allowed. */
function fullPage(rows: readonly Row[], room: number, start: number): number {
  let y = 0
  for (let r = start; r < rows.length; r++) {
    const row = rows[r]!
    const gap = r > start ? row.gap : 0
    if (r > start && y + gap + row.height > room) {
      for (let b = r; b > start; b--) if (rows[b]!.breakBefore) return b
      // What must stay together is taller than a page: it breaks where the page ends.
      return r
    }
    y += gap + row.advance
  }
  return rows.length
}

function filled(rows: readonly Row[], room: number): number[] {
  const starts = [0]
  for (let s = 0; (s = fullPage(rows, room, s)) < rows.length;) starts.push(s)
  return starts
}

/**
 * The page starts that keep MIN_LINES lines on every page, or undefined. From each start, the fullest
 * page is tried first, then each earlier break, which moves lines on to the next page; what can follow
 * a given start does not depend on the pages before it, so each start is worked out once.
 */
function withRules(rows: readonly Row[], room: number): number[] | undefined {
  const textBefore: number[] = [0]
  for (const row of rows) textBefore.push(textBefore.at(-1)! + (row.text ? 1 : 0))
  const lines = (from: number, to: number) => textBefore[to]! - textBefore[from]!
  const memo = new Map<number, number[] | null>()

  const from = (start: number): number[] | null => {
    if (start === rows.length) return []
    const known = memo.get(start)
    if (known !== undefined) return known
    let found: number[] | null = null
    const fullest = fullPage(rows, room, start)
    const ends = [fullest]
    for (let b = fullest - 1; b > start; b--) if (rows[b]!.breakBefore) ends.push(b)
    for (const end of ends) {
      if (lines(start, end) < MIN_LINES) break
      const rest = from(end)
      if (rest) {
        found = [start, ...rest]
        break
      }
    }
    memo.set(start, found)
    return found
  }
  return from(0) ?? undefined
}

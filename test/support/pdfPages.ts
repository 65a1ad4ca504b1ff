import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A PDF read back page by page as a reader's software sees it: poppler's pdfinfo for the page count, and
 * `pdftotext -layout -f N -l N` for each page's lines, where a line broken in the PDF is broken here too.
 */
export function pdfPages(pdf: Buffer): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'panel-pages-'))
  try {
    const file = join(dir, 'document.pdf')
    writeFileSync(file, pdf)
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const count = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])
    const pages: string[][] = []
    for (let n = 1; n <= count; n++) {
      const text = execFileSync('pdftotext', ['-layout', '-f', `${n}`, '-l', `${n}`, file, '-'], {
        encoding: 'utf8',
      })
      pages.push(
        text
          .replace(/\f/g, '')
          .split('\n')
          // -layout spreads a right-aligned or centred line with spaces; one space reads the same.
          .map((line) => line.trim().replace(/\s+/g, ' '))
          .filter((line) => line !== ''),
      )
    }
    return pages
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const PAGE_NUMBER = /^Page (\d+) of (\d+)$/

/** A page's lines of text, without its page number. */
export const textLines = (page: readonly string[]) => page.filter((line) => !PAGE_NUMBER.test(line))

/** The page number printed on a page, as [this page, of pages]. */
export function pageNumber(page: readonly string[]): [number, number] | undefined {
  const found = page.map((line) => PAGE_NUMBER.exec(line)).find((m) => m !== null)
  return found ? [Number(found[1]), Number(found[2])] : undefined
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December'

/**
 * What must never be broken across lines, as a reader would spot them in the text: web and e-mail
 * addresses, phone numbers, and dates. Written apart from the letters' own rules, so as to check them.
 */
export function unbreakables(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ')
  const patterns = [
    /https?:\/\/[^\s]+[^\s.,;:)]/g,
    /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
    /\b0\d{3,4} \d{6}\b|\b0\d{2,4} \d{3,4} \d{3,4}\b/g,
    new RegExp(`\\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day )?\\d{1,2} (?:${MONTHS}) \\d{4}\\b`, 'g'),
  ]
  return [...new Set(patterns.flatMap((p) => flat.match(p) ?? []))]
}

/** The things from `wanted` that appear in the text but not each time whole on one line. */
export function brokenAcrossLines(pages: readonly string[][], wanted: readonly string[]): string[] {
  const lines = pages.flat()
  const count = (haystack: string, needle: string) => haystack.split(needle).length - 1
  // A line broken at a space reads back with one; a web address broken after a slash, without.
  const joined = [lines.join(' '), lines.join('')]
  return wanted.filter((w) => {
    const inText = Math.max(...joined.map((text) => count(text, w)))
    const onOneLine = lines.reduce((n, line) => n + count(line, w), 0)
    return inText > 0 && onOneLine < inText
  })
}

import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decisionLetter } from '../../src/domain/letters/decisionLetter'
import { renderLetterPdf } from '../../src/letters/decisionLetterPdf'
import { joinIssuedLetters } from '../../src/letters/letterBatch'
import { facts, SETTINGS } from '../support/letters'
import { pageNumber, pdfPages, textLines } from '../support/pdfPages'

// The post room's batch joins issued PDFs with pdf-lib, copying each letter's structure tree by hand
// (letterBatch.ts): these fail if an upgrade of pdf-lib changes how it copies objects, so that the batch
// loses its tags, or its pages their text.

const letters = [
  decisionLetter(facts('placement', 'defer'), SETTINGS),
  decisionLetter(
    facts('issue_plan', 'issue_plan', { child: { firstName: 'Omar', lastName: 'Reed' } }),
    SETTINGS,
  ),
]

let dir: string
let issued: Buffer[]
let batch: Buffer
const done: number[] = []
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'letter-batch-'))
  issued = [
    await renderLetterPdf(letters[0]!, { format: 'standard' }),
    await renderLetterPdf(letters[1]!, { format: 'large_print' }),
  ]
  batch = await joinIssuedLetters('Letters from the SEND panel', issued, async (n) => {
    done.push(n)
  })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function pdfinfo(pdf: Buffer, ...args: string[]): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, pdf)
  return execFileSync('pdfinfo', [...args, file], { encoding: 'utf8' })
}

describe('joinIssuedLetters', () => {
  it('gives each letter’s pages as issued, numbered as its own, a blank page after an odd count', () => {
    const pages = pdfPages(batch)
    let at = 0
    for (const pdf of issued) {
      const own = pdfPages(pdf)
      expect(pages.slice(at, at + own.length)).toEqual(own)
      expect(pageNumber(pages[at]!)).toEqual([1, own.length])
      at += own.length
      if (own.length % 2 === 1) expect(textLines(pages[at++]!)).toEqual([])
    }
    expect(pages).toHaveLength(at)
    expect(done).toEqual([1, 2])
  })

  it('stays tagged and titled, each letter a Part of one Document with its own text', () => {
    const info = pdfinfo(batch)
    expect(info).toMatch(/^Tagged:\s+yes$/m)
    expect(info).toMatch(/^Title:\s+Letters from the SEND panel$/m)
    expect(info).toMatch(new RegExp(`^Author:\\s+${SETTINGS.councilName}$`, 'm'))
    const struct = pdfinfo(batch, '-struct-text')
    expect(struct).toMatch(/^Document "Letters from the SEND panel"$/m)
    const parts = struct.split(/^ {2}Part /m).slice(1)
    expect(parts.map((part) => part.split('\n')[0])).toEqual(letters.map((l) => `"${l.title}"`))
    for (const [i, part] of parts.entries()) {
      const text = part.replace(/\s+/g, '')
      expect(text).toContain(letters[i]!.sections[0]!.paragraphs[0]!.text.replace(/\s+/g, ''))
      expect(part).toMatch(/^\s+H1\b/m)
      expect(part).toMatch(/^\s+LBody\b/m)
    }
  })
})

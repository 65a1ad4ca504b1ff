import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Runs a poppler tool on a PDF held in memory: pdftotext (text, in reading order), pdfinfo, pdffonts. */
export function popplerOn(pdf: Buffer, tool: 'pdftotext' | 'pdfinfo' | 'pdffonts'): string {
  const dir = mkdtempSync(join(tmpdir(), 'panel-pdf-'))
  try {
    const file = join(dir, 'document.pdf')
    writeFileSync(file, pdf)
    const args = tool === 'pdftotext' ? [file, '-'] : [file]
    return execFileSync(tool, args, { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The text of a PDF with its line breaks and runs of spaces made single spaces, for phrase checks. */
export function pdfText(pdf: Buffer): string {
  return popplerOn(pdf, 'pdftotext').replace(/\s+/g, ' ')
}

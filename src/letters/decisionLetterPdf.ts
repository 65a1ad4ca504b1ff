import { formatLongDate } from '../domain/dates'
import type { StoredLetter } from '../domain/letters/easyReadLetter'
import type { LetterModel } from '../domain/letters/types'
import { AccessiblePdf } from './accessiblePdf'
import { drawEasyReadLetter } from './easyReadLetterPdf'

// Wide logos are usual; the height cap keeps one from pushing the letter itself down the page.
const LOGO_FIT = [170, 60] as const

/**
 * A family's decision letter as a tagged PDF, read in the order it is printed: who it is from, who it is
 * to, the date and reference, then the letter. The words are all the letter model's; this only lays them out.
 */
export async function renderLetterPdf(
  letter: LetterModel,
  options: { format: 'standard' | 'large_print'; logo?: Buffer | null },
): Promise<Buffer> {
  const pdf = new AccessiblePdf({
    title: letter.title,
    author: letter.councilName,
    print: printSize(options.format),
  })
  drawLetter(pdf, letter, options.logo ?? null)
  return pdf.toBuffer()
}

type Format = 'standard' | 'large_print' | 'easy_read'
const printSize = (format: Format) => (format === 'standard' ? 'standard' : 'large')

/**
 * A sitting's letters as one PDF for the post room, each starting on a new page in its family's format.
 * `progress` is awaited after each letter, so the caller can record how far it has got.
 */
export async function renderLetterBatch(
  title: string,
  author: string,
  letters: readonly { letter: StoredLetter; format: Format }[],
  logo: Buffer | null,
  progress: (done: number) => Promise<void>,
): Promise<Buffer> {
  const pdf = new AccessiblePdf({ title, author, print: printSize(letters[0]?.format ?? 'standard') })
  for (const [i, { letter, format }] of letters.entries()) {
    if (i > 0) pdf.newPage(printSize(format))
    if (format === 'easy_read' && letter.easyRead) drawEasyReadLetter(pdf, letter.easyRead, logo)
    else drawLetter(pdf, letter, logo)
    await progress(i + 1)
  }
  return pdf.toBuffer()
}

function drawLetter(pdf: AccessiblePdf, letter: LetterModel, logo: Buffer | null): void {
  if (logo) {
    pdf.image(logo, { fit: LOGO_FIT, alt: `${letter.councilName} logo`, align: 'right' })
  }
  pdf.lines([letter.councilName, ...letter.councilAddress], { align: 'right' })
  pdf.lines([letter.addressee.name, ...letter.addressee.addressLines])
  pdf.paragraph(formatLongDate(letter.date))
  pdf.keyValue('Our reference', letter.reference)

  pdf.heading(1, letter.title)
  pdf.paragraph(letter.greeting)
  for (const section of letter.sections) {
    pdf.heading(2, section.heading)
    // The letter's paragraphs are a sentence or two: one split over two pages is harder to follow.
    for (const paragraph of section.paragraphs) pdf.paragraph(paragraph.text, { keepTogether: true })
    if (section.list) pdf.list(section.list.map((item) => item.text))
  }

  pdf.lines(['Yours sincerely', '', letter.signOff.name, letter.signOff.jobTitle])

  pdf.newPage()
  pdf.heading(2, letter.factSheet.heading)
  for (const section of letter.factSheet.sections) {
    pdf.heading(3, section.heading)
    for (const paragraph of section.paragraphs) pdf.paragraph(paragraph.text, { keepTogether: true })
  }
}

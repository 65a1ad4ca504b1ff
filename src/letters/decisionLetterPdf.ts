import { formatLongDate } from '../domain/dates'
import type { LetterModel } from '../domain/letters/types'
import { AccessiblePdf } from './accessiblePdf'
import type { TextEngine } from './textEngine'

// Wide logos are usual; the height cap keeps one from pushing the letter itself down the page.
const LOGO_FIT = [170, 60] as const

/**
 * A family's decision letter as a tagged PDF, read in the order it is printed: who it is from, who it is
 * to, the date and reference, then the letter. The words are all the letter model's; this only lays them out.
 */
export async function renderLetterPdf(
  letter: LetterModel,
  options: { format: 'standard' | 'large_print'; logo?: Buffer | null; engine?: TextEngine },
): Promise<Buffer> {
  const pdf = new AccessiblePdf({
    title: letter.title,
    author: letter.councilName,
    print: printSize(options.format),
    engine: options.engine,
  })
  drawLetter(pdf, letter, options.logo ?? null)
  return pdf.toBuffer()
}

type Format = 'standard' | 'large_print' | 'easy_read'
const printSize = (format: Format) => (format === 'standard' ? 'standard' : 'large')

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

  // A signature at the top of a page, away from the words it signs, reads as if a page were missing.
  pdf.lines(['Yours sincerely', '', letter.signOff.name, letter.signOff.jobTitle], { keepWithPrevious: true })

  // A letter with no legal detail to explain (an apology) has no page for it.
  if (letter.factSheet.sections.length === 0) return
  pdf.newPage()
  pdf.heading(2, letter.factSheet.heading)
  for (const section of letter.factSheet.sections) {
    pdf.heading(3, section.heading)
    for (const paragraph of section.paragraphs) pdf.paragraph(paragraph.text, { keepTogether: true })
  }
}

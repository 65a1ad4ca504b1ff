import type PDFDocument from 'pdfkit'
import { formatLongDate } from '../domain/dates'
import type { EasyReadLetter, EasyReadPoint, PictureId } from '../domain/letters/easyReadLetter'
import { AccessiblePdf, type Fonts } from './accessiblePdf'
import type { TextEngine } from './textEngine'
import { PICTOGRAMS, PICTURE_GRID } from './pictograms'

const LOGO_FIT = [170, 60] as const

/**
 * Easy Read asks for at least 16pt, lots of space, and the picture on the left with the words beside it.
 * Each sentence starts on a line of its own, as Easy Read documents print them.
 */
const BODY = 16
const LINE_GAP = 8
const PICTURE = 56
const GUTTER = 18
const POINT_GAP = 18

/** The Easy Read decision letter as a tagged PDF: the words are the model's; this lays them out. */
export async function renderEasyReadLetterPdf(
  letter: EasyReadLetter,
  options: { logo?: Buffer | null; engine?: TextEngine } = {},
): Promise<Buffer> {
  const pdf = new AccessiblePdf({
    title: letter.title,
    author: letter.councilName,
    print: 'large',
    engine: options.engine,
  })
  drawEasyReadLetter(pdf, letter, options.logo ?? null)
  return pdf.toBuffer()
}

/** Draws the letter into a document started in large print, so its page numbers are 16pt too. */
export function drawEasyReadLetter(pdf: AccessiblePdf, letter: EasyReadLetter, logo: Buffer | null): void {
  if (logo) pdf.image(logo, { fit: LOGO_FIT, alt: `${letter.councilName} logo`, align: 'right' })
  pdf.lines([letter.councilName, ...letter.councilAddress], { align: 'right' })
  pdf.lines([letter.addressee.name, ...letter.addressee.addressLines])
  pdf.paragraph(formatLongDate(letter.date))
  pdf.keyValue('Our reference', letter.reference)

  pdf.heading(1, letter.title)
  pdf.paragraph(letter.greeting)
  for (const section of letter.sections) {
    pdf.heading(2, section.heading)
    for (const point of section.points) pdf.custom((doc, root, fonts) => drawPoint(doc, root, fonts, point))
  }
  pdf.lines(['From', '', letter.signOff.name, letter.signOff.jobTitle])
  pdf.lines(letter.pictureCredit)
}

/**
 * A point: its picture at the left margin and its sentences beside it, kept on one page. The picture is
 * an artifact: the words say everything it shows, and a screen reader naming "clipboard" or "calendar"
 * before each point would only get in the way.
 */
function drawPoint(
  doc: PDFDocument,
  root: PDFDocument.StructureElement,
  fonts: Fonts,
  point: EasyReadPoint,
): void {
  const left = doc.page.margins.left
  const textX = left + PICTURE + GUTTER
  const width = doc.page.width - doc.page.margins.right - textX
  // Measured all in bold, which is never narrower, so the point is never split over two pages.
  doc.font(fonts.bold, BODY)
  const textHeight = point.sentences
    .map((s) => doc.heightOfString(s.runs.map((r) => r.text).join(''), { width, lineGap: LINE_GAP }))
    .reduce((a, b) => a + b, 0)
  const height = Math.max(PICTURE, textHeight)
  if (doc.y > doc.page.margins.top && doc.y + height > doc.page.maxY()) doc.addPage()
  const top = doc.y

  doc.markContent('Artifact', { type: 'Layout' })
  drawPicture(doc, point.picture, left, top, PICTURE)
  doc.endMarkedContent()

  doc.x = textX
  doc.y = top
  for (const sentence of point.sentences) {
    root.add(
      doc.struct('P', () => {
        sentence.runs.forEach((run, i) => {
          const options = { width, lineGap: LINE_GAP, continued: i < sentence.runs.length - 1 }
          doc.font(run.bold ? fonts.bold : fonts.regular, BODY)
          // A run after the first carries on from where the one before it stopped, on the same line.
          if (i === 0) doc.text(run.text, textX, doc.y, options)
          else doc.text(run.text, options)
        })
      }),
    )
  }
  doc.x = left
  doc.y = Math.max(doc.y, top + PICTURE) + POINT_GAP
}

function drawPicture(doc: PDFDocument, id: PictureId, x: number, y: number, size: number): void {
  doc.save()
  doc.translate(x, y).scale(size / PICTURE_GRID)
  for (const shape of PICTOGRAMS[id]) {
    if ('d' in shape) doc.path(shape.d).fill(shape.fill)
    else doc.circle(...shape.circle).fill(shape.fill)
  }
  doc.restore()
  doc.fillColor('black')
}

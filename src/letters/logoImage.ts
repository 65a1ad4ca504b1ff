import PDFDocument from 'pdfkit'

export const LOGO_MAX_BYTES = 500 * 1024
/** Far bigger than any letterhead needs; a PNG's pixels are unpacked in memory when a letter is drawn. */
export const LOGO_MAX_PIXELS = 4000

export type LogoType = 'image/png' | 'image/jpeg'

export const LOGO_MESSAGES = {
  missing: 'Select a PNG or JPEG file for the logo',
  wrongType: 'The logo must be a PNG or JPEG',
  tooLarge: 'The logo must be smaller than 500 KB',
  tooManyPixels: `The logo must be ${LOGO_MAX_PIXELS} pixels or fewer wide and high`,
} as const

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff])

/** What the file's first bytes say it is: a name or a declared type can say anything. */
export function sniffLogoType(bytes: Buffer): LogoType | null {
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return 'image/png'
  if (bytes.subarray(0, JPEG_START.length).equals(JPEG_START)) return 'image/jpeg'
  return null
}

/**
 * Whether every chunk of a PNG lies inside the file, from IHDR to IEND. pdfkit's PNG reader trusts chunk
 * lengths, and a length past the end of the file can make it fill memory before it gives up.
 */
function pngChunksFit(bytes: Buffer): boolean {
  let pos = PNG_SIGNATURE.length
  let first = true
  while (pos + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(pos)
    const type = bytes.toString('latin1', pos + 4, pos + 8)
    if (first && type !== 'IHDR') return false
    first = false
    pos += 12 + length
    if (pos > bytes.length) return false
    if (type === 'IEND') return true
  }
  return false
}

/**
 * Why a logo cannot go on letters, if it cannot. Beyond its first bytes, pdfkit (which draws every
 * letter) must be able to open it: a broken logo saved here would stop every letter being issued.
 */
export function logoProblem(bytes: Buffer): { message: string } | { type: LogoType } {
  if (bytes.length > LOGO_MAX_BYTES) return { message: LOGO_MESSAGES.tooLarge }
  const type = sniffLogoType(bytes)
  if (!type || (type === 'image/png' && !pngChunksFit(bytes))) return { message: LOGO_MESSAGES.wrongType }
  let size: { width: number; height: number }
  try {
    size = new PDFDocument().openImage(bytes)
  } catch {
    return { message: LOGO_MESSAGES.wrongType }
  }
  if (!(size.width > 0 && size.height > 0)) return { message: LOGO_MESSAGES.wrongType }
  if (size.width > LOGO_MAX_PIXELS || size.height > LOGO_MAX_PIXELS) {
    return { message: LOGO_MESSAGES.tooManyPixels }
  }
  return { type }
}

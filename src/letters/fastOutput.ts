import { deflateSync } from 'node:zlib'
import type PDFDocument from 'pdfkit'

/**
 * Two costs of pdfkit 0.20's output that a letter does not need to pay.
 * Both reach into pdfkit's private writing (typed in pdfkit.d.ts); test/unit/letter-fast-text.test.ts
 * checks what they produce with poppler.
 */

/**
 * Collects the file's bytes as pdfkit writes them, instead of through its Readable stream: pdfkit turns
 * each line of the file into bytes a character at a time and pushes it through the stream as its own
 * chunk. Here the lines between two streams are gathered as text and turned into bytes at once; Node's
 * latin1 encoding keeps the low byte of each character, as pdfkit's own conversion does. Returns what
 * gives the whole file once the document has ended.
 */
export function collectOutput(doc: PDFDocument): () => Buffer {
  const chunks: Buffer[] = []
  // What the constructor wrote, the file's header, waits in the stream.
  for (let chunk: unknown; (chunk = doc.read()) !== null;) if (Buffer.isBuffer(chunk)) chunks.push(chunk)
  let text = ''
  const flush = () => {
    if (text) chunks.push(Buffer.from(text, 'latin1'))
    text = ''
  }
  doc._write = (data) => {
    if (typeof data === 'string') {
      text += `${data}\n`
      doc._offset += data.length + 1
      return
    }
    flush()
    chunks.push(Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.length))
    doc._offset += data.length
  }
  return () => {
    flush()
    return Buffer.concat(chunks)
  }
}

/**
 * Compresses the page's content at zlib's fastest level rather than its default: half the time, for a
 * letter about 1.5% larger (its embedded fonts are most of it) and a post room's batch about 7% larger.
 * Done as the stream is written, so that what pdfkit adds to the page when the document ends (closing
 * its marked content) is compressed with it.
 */
export function deflatePageQuickly(page: PDFDocument.Page): void {
  const content = page.content
  content.compress = false
  const finalize = content.finalize
  content.finalize = function (this: PDFDocument.Reference) {
    if (this.buffer.length > 0) {
      this.buffer = [deflateSync(Buffer.concat(this.buffer), { level: 1 })]
      this.data.Filter = 'FlateDecode'
    }
    finalize.call(this)
  }
}

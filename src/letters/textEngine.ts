/**
 * How text reaches the page. 'fast' is this project's own path for plain paragraphs (fastText.ts,
 * fontCache.ts, fastOutput.ts), which writes the very bytes pdfkit would in far less time (`npm run bench -- letters`), by reaching
 * into pdfkit 0.20's private internals (the version is pinned exactly in package.json). 'pdfkit' is
 * pdfkit alone: slower, and right whatever happens to those internals; LETTER_TEXT_ENGINE=pdfkit
 * switches the service to it if a letter ever looks wrong.
 */
export type TextEngine = 'fast' | 'pdfkit'
export const TEXT_ENGINES: readonly TextEngine[] = ['fast', 'pdfkit']
export const DEFAULT_TEXT_ENGINE: TextEngine = 'fast'

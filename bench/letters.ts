/**
 * Issue 6, item 8: decision letters per second rendered by pdfkit (renderLetterPdf) against the same
 * LetterModel rendered from HTML (views/partials/letters/letter.ejs) by Debian's Chromium through
 * playwright-core's page.pdf(), in the same run. The target is pdfkit at least 20× Chromium. Both sides
 * start from a built LetterModel and end with a PDF in a Buffer: a tagged A4 letter of two pages (the
 * letter, then the fact sheet), with page numbers. The two take turns in rounds, so that both see the
 * same load on a shared machine, and the section stops early rather than run much past a minute.
 * Nothing here fails on timing: it prints, and a reader compares. A missing Chromium skips the
 * comparison, never the other sections.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import ejs from 'ejs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { findProjectRoot } from '../src/config'
import * as dates from '../src/domain/dates'
import { decisionLetter } from '../src/domain/letters/decisionLetter'
import type { LetterModel } from '../src/domain/letters/types'
import { CASE_KINDS, OUTCOMES_BY_KIND } from '../src/domain/vocabulary'
import { renderLetterPdf } from '../src/letters/decisionLetterPdf'
import { joinIssuedLetters } from '../src/letters/letterBatch'
import { facts, SETTINGS } from '../test/support/letters'

const TARGET_RATIO = 20
const ROUNDS = 4
const PDFKIT_PER_ROUND = 50
const CHROMIUM_PER_ROUND = 5
const PDFKIT_WARMUPS = 10
const CHROMIUM_WARMUPS = 3
const SITTING_ITEMS = 40
const BATCH_RUNS = 3
/** Time for each engine's measured renders, and for the sitting's runs; past it, the section stops early. */
const BUDGET_MS = { pdfkit: 15_000, chromium: 25_000, batch: 10_000 }

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
/** As test/support/browser.ts launches it (which this does not import: it needs jest's globals). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * The bench's own print styles: the app's views carry no inline styles, and the family portal will
 * style the partial with the app's compiled GOV.UK CSS. The sizes follow the pdfkit letter's.
 */
const PRINT_CSS = `
@page { size: A4; margin: 20mm 20mm 25mm; }
html { font-family: sans-serif; font-size: 12pt; line-height: 1.45; color: #0b0c0c; }
body { margin: 0; }
.govuk-heading-l { font-size: 20pt; margin: 12pt 0 6pt; }
.govuk-heading-m { font-size: 16pt; margin: 12pt 0 5pt; }
.govuk-heading-s { font-size: 13pt; margin: 10pt 0 4pt; }
.govuk-body, .govuk-list { margin: 0 0 8.5pt; }
.govuk-list--bullet { padding-left: 18pt; }
.govuk-\\!-text-align-right { text-align: right; }
.govuk-\\!-font-weight-bold { font-weight: bold; }
h1, h2, h3 { break-after: avoid; }
p, li, .app-letter-sign-off { break-inside: avoid; }
.app-letter-fact-sheet { break-before: page; }
.app-letter-fact-sheet hr { display: none; }
`

/** What pdfkit prints at the foot of each page; the date and title Chromium would add are left out. */
const FOOTER = `<div style="width: 100%; font-family: sans-serif; font-size: 10pt; text-align: center;">
  Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)

type Render = (letter: LetterModel) => Promise<Buffer>

/** The partial, compiled once as the app's view cache would, inside a minimal standalone page. */
function htmlPage(): (letter: LetterModel) => string {
  const file = path.join(findProjectRoot(__dirname), 'views', 'partials', 'letters', 'letter.ejs')
  const partial = ejs.compile(fs.readFileSync(file, 'utf8'), { filename: file })
  return (letter) =>
    '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${escapeHtml(letter.title)}</title>\n<style>${PRINT_CSS}</style>\n</head>\n<body>\n` +
    `${partial({ letter, dates })}\n</body>\n</html>\n`
}

const pdfkit: Render = (letter) => renderLetterPdf(letter, { format: 'standard' })

/** The letter the two engines race on: a placement named other than the family asked, with reasons. */
function sampleLetter(): LetterModel {
  return decisionLetter(facts('placement', 'name_different_setting'), SETTINGS)
}

/** A sitting's worth of different letters: every kind and outcome in turn, each child their own. */
function sittingLetters(count: number): LetterModel[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = CASE_KINDS[i % CASE_KINDS.length]!
    const outcomes = OUTCOMES_BY_KIND[kind]
    const outcome = outcomes[Math.floor(i / CASE_KINDS.length) % outcomes.length]!
    return decisionLetter(
      facts(kind, outcome, {
        child: { firstName: `Child${i + 1}`, lastName: 'Quinn' },
        reference: `NS-2026-${String(1000 + i)}`,
      }),
      SETTINGS,
    )
  })
}

interface Tally {
  samples: number[]
  totalMs: number
  /** The last PDF made, to show its pages and size. */
  pdf?: Buffer
}

const newTally = (): Tally => ({ samples: [], totalMs: 0 })

/** Renders `count` letters one after another into the tally, unless its budget is spent first. */
async function renderInto(tally: Tally, count: number, budgetMs: number, render: () => Promise<Buffer>) {
  for (let i = 0; i < count && tally.totalMs < budgetMs; i++) {
    const started = performance.now()
    const pdf = await render()
    const ms = performance.now() - started
    if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('The render did not give a PDF')
    tally.samples.push(ms)
    tally.totalMs += ms
    tally.pdf = pdf
  }
}

const median = (samples: readonly number[]) =>
  samples.length === 0 ? NaN : [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!
const sum = (samples: readonly number[]) => samples.reduce((a, b) => a + b, 0)
const perSecond = (t: Tally) => (t.samples.length * 1000) / t.totalMs
/** Page objects counted in the file: both engines write them uncompressed. */
const pages = (pdf: Buffer | undefined) =>
  pdf ? pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length : 0
const kb = (pdf: Buffer | undefined) => `${((pdf?.length ?? 0) / 1024).toFixed(0)} KB`

function row(label: string, t: Tally): string {
  return (
    `${label.padEnd(46)} ${String(t.samples.length).padStart(4)} letters in ${(t.totalMs / 1000).toFixed(2).padStart(5)} s` +
    `  ${perSecond(t).toFixed(1).padStart(6)} letters/s  median ${median(t.samples).toFixed(1).padStart(6)} ms` +
    `  (${pages(t.pdf)} pages, ${kb(t.pdf)})`
  )
}

interface Chromium {
  browser: Browser
  page: Page
  version: string
  launchMs: number
}

/** One browser and one page, reused for every letter; or why there is none. */
async function startChromium(): Promise<Chromium | string> {
  if (!fs.existsSync(CHROMIUM)) {
    return `no Chromium at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium, or set CHROMIUM_PATH)`
  }
  const started = performance.now()
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage()
      return { browser, page, version: browser.version(), launchMs: performance.now() - started }
    } catch (error) {
      await browser.close()
      throw error
    }
  } catch (error) {
    return `Chromium at ${CHROMIUM} did not start: ${firstLine(error)}`
  }
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]

export async function runLettersBench(): Promise<void> {
  console.log(
    'Decision letters (issue 6): one placement letter built from the same LetterModel by pdfkit and by ' +
      'Chromium from HTML, in the same run. Run this section alone: `npm run bench -- letters`.',
  )
  const letter = sampleLetter()
  const toHtml = htmlPage()
  const chrome = await startChromium()
  const viaChromium: Render | undefined =
    typeof chrome === 'string'
      ? undefined
      : async (l) => {
          await chrome.page.setContent(toHtml(l))
          return chrome.page.pdf({
            format: 'A4',
            tagged: true,
            displayHeaderFooter: true,
            headerTemplate: '<span></span>',
            footerTemplate: FOOTER,
          })
        }

  const fromPdfkit = newTally()
  const fromChromium = newTally()
  // Why Chromium stopped part-way, if it did: the pdfkit figures still stand.
  let chromiumFailed: string | undefined
  const chromiumRenders = async (count: number, budgetMs: number) => {
    if (!viaChromium || chromiumFailed) return
    try {
      await renderInto(fromChromium, count, budgetMs, () => viaChromium(letter))
    } catch (error) {
      chromiumFailed = `a Chromium render failed: ${firstLine(error)}`
    }
  }
  try {
    for (let i = 0; i < PDFKIT_WARMUPS; i++) await pdfkit(letter)
    await chromiumRenders(CHROMIUM_WARMUPS, Infinity)
    fromChromium.samples = []
    fromChromium.totalMs = 0
    for (let round = 0; round < ROUNDS; round++) {
      await renderInto(fromPdfkit, PDFKIT_PER_ROUND, BUDGET_MS.pdfkit, () => pdfkit(letter))
      await chromiumRenders(CHROMIUM_PER_ROUND, BUDGET_MS.chromium)
    }
  } finally {
    if (typeof chrome !== 'string') await chrome.browser.close()
  }

  // A sitting's letters, every one different: rendered as separate PDFs, as they are issued, and then
  // joined as the post room joins the stored ones.
  const sitting = sittingLetters(SITTING_ITEMS)
  const batch: number[] = []
  const separate: number[] = []
  let batchPdf: Buffer | undefined
  for (let run = 0; run < BATCH_RUNS && sum(batch) + sum(separate) < BUDGET_MS.batch; run++) {
    let started = performance.now()
    const issued: Buffer[] = []
    for (const l of sitting) issued.push(await pdfkit(l))
    separate.push(performance.now() - started)
    started = performance.now()
    batchPdf = await joinIssuedLetters(`Decision letters: ${SITTING_ITEMS} items`, issued, async () => {})
    batch.push(performance.now() - started)
  }

  console.log(row('pdfkit: renderLetterPdf, standard print', fromPdfkit))
  if (typeof chrome === 'string' || chromiumFailed || fromChromium.samples.length === 0) {
    console.log(
      `Chromium: the comparison was skipped: ${typeof chrome === 'string' ? chrome : (chromiumFailed ?? 'no Chromium render finished')}`,
    )
  } else {
    console.log(row(`Chromium ${chrome.version}: setContent + page.pdf`, fromChromium))
    const ratio = perSecond(fromPdfkit) / perSecond(fromChromium)
    console.log(
      `ratio: pdfkit is ${ratio.toFixed(1)}× Chromium in letters per second ` +
        `(target ≥ ${TARGET_RATIO}×: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`,
    )
    console.log(
      `  Chromium launch and first page ${(chrome.launchMs / 1000).toFixed(2)} s, not counted; ` +
        `warm-ups: ${PDFKIT_WARMUPS} pdfkit, ${CHROMIUM_WARMUPS} Chromium; ${ROUNDS} rounds taking turns`,
    )
  }
  const short = fromPdfkit.samples.length < ROUNDS * PDFKIT_PER_ROUND
  const shortChromium = viaChromium && fromChromium.samples.length < ROUNDS * CHROMIUM_PER_ROUND
  if (short || shortChromium)
    console.log('  stopped early: the time budget ran out before every render was done')
  const batchMs = median(batch)
  const separateMs = median(separate)
  console.log(
    `batch for a ${SITTING_ITEMS}-item sitting: ${SITTING_ITEMS} issued PDFs joined into one (joinIssuedLetters) ` +
      `in ${(batchMs / 1000).toFixed(2)} s, median of ${batch.length} runs ` +
      `(${((SITTING_ITEMS * 1000) / batchMs).toFixed(1)} letters/s; ${pages(batchPdf)} pages, ${kb(batchPdf)})`,
  )
  console.log(
    `  the same ${SITTING_ITEMS} letters as separate PDFs, one after another (renderLetterPdf): ` +
      `${(separateMs / 1000).toFixed(2)} s (${((SITTING_ITEMS * 1000) / separateMs).toFixed(1)} letters/s)`,
  )
  console.log('')
}

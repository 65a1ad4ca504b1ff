import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import type { Express } from 'express'
import { createTestApp, DEMO_PASSWORD, type TestApp } from './app'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Debian's Chromium, headless, in a new empty profile. A missing browser fails the run: it is never skipped. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is required for the browser tests and was not found at ${CHROMIUM}`)
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  return {
    context,
    async close() {
      await context.close()
      fs.rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/** Serves the app on a free port on 127.0.0.1 only. */
export async function listen(app: Express): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** axe-core against WCAG 2.2 AA; returns the violations, described for a readable failure. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  return results.violations
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter((n) => !(v.id === 'aria-allowed-attr' && isGovukRevealRadio(n))),
    }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

/**
 * GOV.UK Frontend puts aria-expanded on a radio that reveals a question, which ARIA does not allow on a
 * radio. GOV.UK keeps it on purpose (alphagov/govuk-frontend#979; the change to drop it, #2823, was
 * declined), so this one attribute on such a radio is let through; anything else on it is not.
 */
function isGovukRevealRadio(node: { html: string; failureSummary?: string }): boolean {
  const isRevealRadio = /^<input(?=[^>]*type="radio")(?=[^>]*aria-controls=)/.test(node.html)
  const problems = (node.failureSummary ?? '').split('\n').filter((line) => /ARIA attribute/.test(line))
  return isRevealRadio && problems.length > 0 && problems.every((line) => /aria-expanded=/.test(line))
}

/**
 * Records what should never happen on a page: script errors, Content Security Policy refusals and
 * failed sub-resources. A form answered with 400 (its errors shown) is the page itself, not a failure.
 */
export function watchForPageErrors(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const isThePageItself = message.location().url === page.url() && /status of 4\d\d/.test(message.text())
    if (!isThePageItself) problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return problems
}

export interface BrowserOnApp {
  baseUrl: string
  context: BrowserContext
  /** The app's database, for what a person would read elsewhere, such as a link in an e-mail. */
  db: TestApp['database']['db']
}

/**
 * For a browser test file: the real app on a fresh demo database, served on 127.0.0.1, and Chromium,
 * started before the tests and stopped after them. Read the fields inside tests, once beforeAll has run.
 */
export function useBrowserOnTestApp(): BrowserOnApp {
  const state = {} as BrowserOnApp
  let app: TestApp | undefined
  let server: Awaited<ReturnType<typeof listen>> | undefined
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined
  beforeAll(async () => {
    app = await createTestApp()
    server = await listen(app.app)
    browser = await launchBrowser()
    state.baseUrl = server.baseUrl
    state.context = browser.context
    state.db = app.database.db
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await app?.close()
  })
  return state
}

/**
 * For a browser test file whose tests run in order on one page: the page is opened before them and
 * closed after, and no test may leave a script error, a CSP refusal or a failed sub-resource behind.
 * `use` receives the page once it is open; `shown` waits for a text (a banner, an error) to appear.
 */
export function useSharedPage(browser: BrowserOnApp, use: (page: Page) => void) {
  let page: Page | undefined
  let problems: string[] = []
  beforeAll(async () => {
    page = await browser.context.newPage()
    // A step that fails should not hold up the tests after it for long.
    page.setDefaultTimeout(15_000)
    problems = watchForPageErrors(page)
    use(page)
  })
  afterAll(async () => {
    await page?.close()
  })
  afterEach(() => {
    expect(problems).toEqual([])
  })
  return { shown: (text: string) => page!.getByText(text).first().waitFor() }
}

/** Signs in through the sign-in form as a demo account, starting from no session at all. */
export async function signInAs(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.context().clearCookies()
  await page.goto(`${baseUrl}/sign-in`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForLoadState('load')
}

import type { Page } from 'playwright-core'
import { accessibilityViolations, signInAs, useBrowserOnTestApp, useSharedPage } from '../support/browser'

/**
 * Decision letters in the browser: Arjun's caseworker previews and issues his placement letter, then a
 * corrected one; the admin checks the letter settings; the post room builds the sitting's letters as
 * one PDF. The tests share one app and run in order: the post room needs the letter issued first.
 */

const browser = useBrowserOnTestApp()

/** Arjun Singh's placement case, decided at a sitting already held, is caseworker 2's. */
const ARJUN_CASEWORKER = 'caseworker2@example.org'
const CORRECTION = 'The first letter gave the wrong school name in one place.'

let page: Page
const { shown } = useSharedPage(browser, (p) => (page = p))
/** Arjun's letters page, and the panel and date of the sitting that decided (as "<panel>, <date>"). */
let lettersUrl: string
let decidedAt: string

test('Arjun’s caseworker previews his decision letter, issues it in large print, then issues a corrected letter after being asked why', async () => {
  await signInAs(page, browser.baseUrl, ARJUN_CASEWORKER)
  await page.getByRole('link', { name: 'My cases' }).click()
  await page.waitForURL(/\/cases(\?.*)?$/)
  await page.getByRole('link', { name: 'Arjun Singh' }).first().click()
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/)

  await page.getByRole('link', { name: 'Letters to the family' }).click()
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}\/letters$/)
  await page.getByRole('heading', { level: 1, name: 'Letters to the family' }).waitFor()
  lettersUrl = page.url()
  decidedAt = (
    (await page.locator('main h2.govuk-heading-m + p.govuk-body').first().textContent()) ?? ''
  ).trim()
  expect(decidedAt).toMatch(/, \w+ \d{1,2} \w+ 20\d\d$/)
  expect(await page.getByRole('link', { name: /Download version/ }).count()).toBe(0)
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('link', { name: 'Preview the letter' }).click()
  await page.waitForURL(/\/letters\/preview\/[0-9a-f-]{36}$/)
  await shown('This is a preview')
  await page.getByRole('heading', { level: 1, name: /^Our decision about Arjun/ }).waitFor()
  await page.getByRole('heading', { name: 'Your rights: the legal detail' }).waitFor()
  expect(await page.getByText('This letter cannot be issued yet').count()).toBe(0)
  expect(await accessibilityViolations(page)).toEqual([])

  await page.goBack()
  await page.waitForURL(lettersUrl)
  await page.getByRole('group', { name: 'Format' }).getByLabel('Large print', { exact: true }).check()
  await page.getByRole('button', { name: 'Issue the letter' }).click()
  await page.waitForURL(/\/letters\?issued=1$/)
  await shown('Letter issued.')
  const issued = page.getByRole('table', { name: 'Letters issued' })
  await issued.getByRole('link', { name: 'Download version 1 (PDF)' }).waitFor()
  expect(await issued.locator('tbody tr').count()).toBe(1)
  expect(await issued.locator('tbody tr').first().textContent()).toContain('Large print')
  const firstHref = await issued.getByRole('link', { name: 'Download version 1 (PDF)' }).getAttribute('href')
  const first = await page.request.get(new URL(firstHref ?? '', page.url()).href)
  expect(first.status()).toBe(200)
  expect(first.headers()['content-type']).toMatch(/^application\/pdf/)
  expect((await first.body()).subarray(0, 5).toString()).toBe('%PDF-')
  expect(await accessibilityViolations(page)).toEqual([])

  // A second letter for the same decision corrects the first, and must say why.
  await page.getByRole('button', { name: 'Issue a corrected letter' }).click()
  await page.waitForLoadState('load')
  const summary = page.getByRole('alert')
  await summary.getByText('There is a problem').waitFor()
  const link = summary.getByRole('link', { name: 'Say why this letter corrects the one already issued' })
  const href = (await link.getAttribute('href')) ?? ''
  expect(href).toMatch(/^#correctionReason-[0-9a-f-]{36}$/)
  const reason = page.getByLabel('Why this letter corrects the one already issued')
  expect(await reason.getAttribute('id')).toBe(href.slice(1))
  expect(await page.locator(`${href}-error`).textContent()).toContain(
    'Say why this letter corrects the one already issued',
  )
  expect(await reason.getAttribute('aria-describedby')).toContain(`${href.slice(1)}-error`)
  const violationsWithError = await accessibilityViolations(page)

  await link.click()
  await page.locator(`textarea${href}:focus`).waitFor()

  await reason.fill(CORRECTION)
  await page.getByRole('button', { name: 'Issue a corrected letter' }).click()
  await page.waitForURL(/\/letters\?issued=1$/)
  await shown('Letter issued.')
  await issued.getByRole('link', { name: 'Download version 2 (PDF)' }).waitFor()
  await issued.getByRole('link', { name: 'Download version 1 (PDF)' }).waitFor()
  expect(await issued.locator('tbody tr').count()).toBe(2)
  expect(await issued.textContent()).toContain(`Corrected: ${CORRECTION}`)
  expect(await accessibilityViolations(page)).toEqual([])
  expect(violationsWithError).toEqual([])
}, 120_000)

test('the admin finds the letter settings, which allow letters to be issued, and is told a bad mediation email address is wrong by the field', async () => {
  await signInAs(page, browser.baseUrl, 'admin@example.org')
  await page.getByRole('link', { name: 'Settings', exact: true }).click()
  await page.waitForURL(/\/admin$/)
  await page.getByRole('link', { name: 'Letters: council details and where families get help' }).click()
  await page.waitForURL(/\/admin\/letters$/)
  await page
    .getByRole('heading', { level: 1, name: 'Letters: council details and where families get help' })
    .waitFor()
  await shown('Letters can be issued')
  expect(await accessibilityViolations(page)).toEqual([])

  const mediationEmail = page
    .getByRole('group', { name: 'Mediation', exact: true })
    .getByLabel('Email address')
  expect(await mediationEmail.getAttribute('id')).toBe('mediationEmail')
  await mediationEmail.fill('mediation-at-example')
  await page.getByRole('button', { name: 'Save letter settings' }).click()
  await page.waitForLoadState('load')
  const message = 'Enter the mediation service’s email address in the correct format, like name@example.org'
  const summary = page.getByRole('alert')
  await summary.getByText('There is a problem').waitFor()
  expect(await summary.getByRole('link', { name: message }).getAttribute('href')).toBe('#mediationEmail')
  // By the field: in its form group, and read out with it.
  const group = page.locator('.govuk-form-group--error', { has: page.locator('#mediationEmail') })
  expect(await group.locator('#mediationEmail-error').textContent()).toContain(message)
  expect(await page.locator('#mediationEmail').getAttribute('aria-describedby')).toContain(
    'mediationEmail-error',
  )
  expect(await page.locator('#mediationEmail').inputValue()).toBe('mediation-at-example')
  expect(await page.title()).toMatch(/^Error: /)
  expect(await accessibilityViolations(page)).toEqual([])
}, 120_000)

test('the admin builds the PDF of the sitting’s letters in the post room and downloads it', async () => {
  expect(decidedAt).toBeTruthy()
  await signInAs(page, browser.baseUrl, 'admin@example.org')
  await page.getByRole('link', { name: 'Post room', exact: true }).click()
  await page.waitForURL(/\/post-room$/)
  await page.getByRole('heading', { level: 1, name: 'Post room' }).waitFor()
  const row = page.locator('tbody tr', { has: page.getByRole('rowheader', { name: decidedAt, exact: true }) })
  expect(await row.count()).toBe(1)
  const letters = Number(((await row.locator('td').first().textContent()) ?? '').trim())
  expect(letters).toBeGreaterThanOrEqual(1)
  expect(await accessibilityViolations(page)).toEqual([])

  await row.getByRole('button', { name: `Build the PDF for the ${decidedAt}` }).click()
  await page.waitForURL(/\/post-room\/batches\/[0-9a-f-]{36}$/)
  await page.getByRole('heading', { level: 1, name: 'Letters for posting' }).waitFor()
  // While it builds, htmx asks each second; wait for the answer rather than a page load.
  await page.getByText('The PDF is ready').waitFor({ timeout: 30_000 })
  expect(await page.locator('#batch-progress').textContent()).toContain(
    `${letters} ${letters === 1 ? 'letter' : 'letters'}`,
  )
  const download = page.getByRole('link', { name: 'Download the letters for posting (PDF)' })
  const pdf = await page.request.get(new URL((await download.getAttribute('href')) ?? '', page.url()).href)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/)
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
  expect(await accessibilityViolations(page)).toEqual([])

  // One letter is built before the page first loads, so the page opens ready. To see htmx ask again
  // while it builds, the page is shown once as the server shows a batch still building; htmx's next
  // request goes to the real server, which answers that it is ready, and swaps that in without a page load.
  const batchUrl = page.url()
  const batchPath = new URL(batchUrl).pathname
  await page.route(batchUrl, async (route) => {
    if (route.request().headers()['hx-request']) return route.continue()
    const real = await route.fetch()
    const building = (await real.text()).replace(
      /<div id="batch-progress">[\s\S]*?<\/div>/,
      `<div id="batch-progress" hx-get="${batchPath}" hx-trigger="load delay:1s" hx-swap="outerHTML">` +
        `<p class="govuk-body">Building the PDF: 0 of ${letters} letters done.</p></div>`,
    )
    await route.fulfill({ response: real, body: building })
  })
  try {
    const polled = page.waitForRequest((r) => r.url() === batchUrl && r.headers()['hx-request'] === 'true')
    await page.reload()
    await shown('Building the PDF: 0 of')
    let pageLoads = 0
    const countLoad = () => pageLoads++
    page.on('load', countLoad)
    await polled
    await page.getByText('The PDF is ready').waitFor()
    // The swap happened inside the live region, which stayed in place to announce it.
    expect(await page.locator('[role="status"] #batch-progress').count()).toBe(1)
    page.off('load', countLoad)
    expect(pageLoads).toBe(0)
    expect(await page.getByRole('heading', { level: 1, name: 'Letters for posting' }).count()).toBe(1)
    await download.waitFor()
  } finally {
    await page.unroute(batchUrl)
  }
}, 120_000)

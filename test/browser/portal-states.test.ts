import type { Page } from 'playwright-core'
import { accessibilityViolations, signInAs, useBrowserOnTestApp, useSharedPage } from '../support/browser'

/**
 * The family's case page in each state a parent meets, checked with axe, and at 320px wide (WCAG
 * 1.4.10): a long unbroken word or address a family types must wrap inside the page, on the family's
 * page and on the staff pages that show it, rather than make the whole page scroll sideways.
 */

const browser = useBrowserOnTestApp()
let page: Page
useSharedPage(browser, (p) => (page = p))

const LONG_WORD = 'x'.repeat(3000)
let scheduled: string
let decided: string

beforeAll(async () => {
  const rows = (await browser
    .db('cases as c')
    .join('children as ch', 'ch.id', 'c.child_id')
    .where('ch.first_name', 'Maya')
    .select('c.id', 'c.status')) as { id: string; status: string }[]
  scheduled = rows.find((r) => r.status === 'scheduled')!.id
  decided = rows.find((r) => r.status === 'decided')!.id
})

/** True when nothing on the page is wider than the window, so nobody has to scroll sideways. */
async function fitsTheWidth(): Promise<boolean> {
  // A string, as the test files are not compiled with the DOM's types.
  return (await page.evaluate(
    'document.documentElement.scrollWidth <= document.documentElement.clientWidth',
  )) as boolean
}

test('a decided case states the decision and its next date, and passes axe at full width and at 320px', async () => {
  await signInAs(page, browser.baseUrl, 'parent@example.org')
  await page.goto(`${browser.baseUrl}/portal/cases/${decided}`)
  await page.getByRole('heading', { level: 2, name: 'Our decision' }).waitFor()
  expect(await page.locator('#decision').textContent()).toMatch(/^We /)
  expect(await page.locator('#next-date').textContent()).toMatch(/\d{4}\./)
  expect(await accessibilityViolations(page)).toEqual([])
  await page.setViewportSize({ width: 320, height: 800 })
  expect(await fitsTheWidth()).toBe(true)
  expect(await accessibilityViolations(page)).toEqual([])
  await page.setViewportSize({ width: 1280, height: 800 })
})

test('a case going to the panel gives the panel date, and a long word in the views wraps at 320px', async () => {
  await page.goto(`${browser.baseUrl}/portal/cases/${scheduled}`)
  await page
    .locator('#next-date')
    .getByText(/The panel meets on/)
    .waitFor()
  await page.getByLabel('Your views').fill(`Please read this: ${LONG_WORD}`)
  await page.getByRole('button', { name: 'Send your views to the panel' }).click()
  await page.getByText('We have sent your views to the panel').waitFor()
  expect(await accessibilityViolations(page)).toEqual([])
  await page.setViewportSize({ width: 320, height: 800 })
  expect(await fitsTheWidth()).toBe(true)
  await page.setViewportSize({ width: 1280, height: 800 })
})

test('the caseworker’s case page shows the same views without widening the page at 320px', async () => {
  await signInAs(page, browser.baseUrl, 'caseworker@example.org')
  await page.setViewportSize({ width: 320, height: 800 })
  await page.goto(`${browser.baseUrl}/cases/${scheduled}`)
  await page.getByRole('heading', { level: 1, name: 'Maya Thompson' }).waitFor()
  await page.getByText('Please read this:').first().waitFor()
  expect(await fitsTheWidth()).toBe(true)
  await page.setViewportSize({ width: 1280, height: 800 })
})

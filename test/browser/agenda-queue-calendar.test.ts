import type { Page } from 'playwright-core'
import {
  accessibilityViolations,
  signInAs,
  useBrowserOnTestApp,
  watchForPageErrors,
} from '../support/browser'

const browser = useBrowserOnTestApp()

// The SEND panel's sitting a week after the demo's today: its cut-off has not passed, so the chair can still change it.
const SITTING_LINK = 'Tuesday 1 December 2026, 10am'

async function openAgenda(page: Page): Promise<void> {
  await page.goto(`${browser.baseUrl}/sittings`)
  await page.getByRole('link', { name: SITTING_LINK }).click()
  await page.waitForURL(/\/sittings\/[0-9a-f-]{36}$/)
}

const childrenInOrder = (page: Page) => page.locator('#agenda tbody th a').allTextContents()

test('a chair reorders the agenda with JavaScript (htmx, focus kept) and the page, queue and calendar are accessible', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signInAs(page, browser.baseUrl, 'chair@example.org')
  await openAgenda(page)
  expect(await accessibilityViolations(page)).toEqual([])

  const before = await childrenInOrder(page)
  expect(before.length).toBeGreaterThanOrEqual(3)
  const url = page.url()
  // A full page load would lose this; an htmx swap keeps it.
  await page.evaluate('window.panelTestMarker = true')
  await page.getByRole('button', { name: `Move ${before[0]} Down` }).click()
  await page.locator('#agenda tbody tr').first().getByRole('link', { name: before[1], exact: true }).waitFor()
  expect(await childrenInOrder(page)).toEqual([before[1], before[0], ...before.slice(2)])
  // htmx swapped the table in place: no page load, and focus stayed on the button that was pressed.
  expect(await page.evaluate('window.panelTestMarker === true')).toBe(true)
  expect(page.url()).toBe(url)
  const focused = page.locator('#agenda button:focus')
  await focused.waitFor()
  expect((await focused.textContent())?.replace(/\s+/g, ' ').trim()).toBe(`Move ${before[0]} Down`)
  expect(await page.locator('#agenda [role="status"]').textContent()).toContain('Moved down one place')
  expect(await accessibilityViolations(page)).toEqual([])

  await page.reload()
  expect(await childrenInOrder(page)).toEqual([before[1], before[0], ...before.slice(2)])

  await page.getByRole('link', { name: 'Queue', exact: true }).click()
  await page.waitForURL(/\/queue$/)
  expect(await page.getByRole('heading', { name: /At risk of missing the deadline/ }).isVisible()).toBe(true)
  expect(await page.getByText(/would save 1 case/).count()).toBeGreaterThanOrEqual(1)
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('link', { name: 'Calendar' }).click()
  await page.waitForLoadState('load')
  await page.getByRole('link', { name: 'SEND decision-making panel' }).first().click()
  await page.waitForURL(/\/calendar\/panels\//)
  await page.goto(`${page.url().split('?')[0]}?month=2027-08`)
  expect(await page.getByText('Summer sitting').count()).toBeGreaterThanOrEqual(4)
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
}, 120_000)

test('without JavaScript the same buttons reorder the agenda by posting the form', async () => {
  const page = await browser.context.newPage()
  // No scripts at all, so no htmx: the forms are plain HTML forms.
  await page.route('**/*.js', (route) => route.abort())
  await signInAs(page, browser.baseUrl, 'chair@example.org')
  await openAgenda(page)
  const before = await childrenInOrder(page)
  await page.getByRole('button', { name: `Move ${before[2]} Up` }).click()
  await page.waitForLoadState('load')
  expect(page.url()).toMatch(/\/sittings\/[0-9a-f-]{36}#agenda$/)
  expect(await childrenInOrder(page)).toEqual([before[0], before[2], before[1], ...before.slice(3)])
  await page.close()
}, 120_000)

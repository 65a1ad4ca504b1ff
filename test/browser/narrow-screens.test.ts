import type { Page } from 'playwright-core'
import {
  accessibilityViolations,
  signInAs,
  useBrowserOnTestApp,
  watchForPageErrors,
} from '../support/browser'
import { seedWaitingCases } from '../support/sittings'

/**
 * WCAG 1.4.10 Reflow (issue 14): at 320 CSS pixels wide the chair's and caseworker's working pages keep
 * every action reachable, and the page as a whole never scrolls sideways. A wide table may scroll in a
 * region of its own that a keyboard can reach (role=region, tabindex=0, a name), or reflow.
 */

const browser = useBrowserOnTestApp()
const WIDTH = 320

async function narrowPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage()
  await page.setViewportSize({ width: WIDTH, height: 700 })
  return { page, problems: watchForPageErrors(page) }
}

const pageWidth = async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth'))

/** Each control either fits in the viewport or sits in a keyboard-reachable scrolling region. */
async function unreachable(page: Page, selector: string): Promise<string[]> {
  // A string, run in the page: this project's TypeScript has no DOM types.
  return (await page.evaluate(`
    Array.from(document.querySelectorAll(${JSON.stringify(selector)}))
      .filter((el) => {
        const box = el.getBoundingClientRect()
        const inView = box.left >= 0 && box.right <= ${WIDTH}
        return !inView && !el.closest('[role="region"][tabindex="0"][aria-label]')
      })
      .map((el) => (el.textContent || '').replace(/\\s+/g, ' ').trim())
  `)) as string[]
}

/** What sticks out past the viewport, for a failure that says where to look. */
const overflowing = async (page: Page) =>
  (await page.evaluate(`
    Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > ${WIDTH + 1} && !el.closest('[role="region"][tabindex="0"]'))
      .map((el) => el.tagName.toLowerCase() + '.' + el.className)
      .slice(0, 8)
  `)) as string[]

async function expectReflows(page: Page, what: string): Promise<void> {
  const width = await pageWidth(page)
  const fits = width <= WIDTH
  expect({ what, fits, overflowing: fits ? [] : await overflowing(page) }).toEqual({
    what,
    fits: true,
    overflowing: [],
  })
  expect(await accessibilityViolations(page)).toEqual([])
}

test('the chair’s agenda, move page, queue and calendar reflow at 320px with every action reachable', async () => {
  const { page, problems } = await narrowPage()
  await signInAs(page, browser.baseUrl, 'chair@example.org')
  await page.goto(`${browser.baseUrl}/sittings`)
  await expectReflows(page, 'my sittings')
  await page.getByRole('link', { name: 'Tuesday 1 December 2026, 10am' }).click()
  await page.waitForURL(/\/sittings\/[0-9a-f-]{36}$/)
  await expectReflows(page, 'agenda')
  const actions = '#agenda button, #agenda a'
  expect(await page.locator(actions).count()).toBeGreaterThan(10)
  expect(await unreachable(page, actions)).toEqual([])
  // The scrolling region can be reached and scrolled with the keyboard.
  const regions = page.locator('#agenda [role="region"][tabindex="0"]')
  if ((await regions.count()) > 0) expect(await regions.first().getAttribute('aria-label')).toBeTruthy()

  await page.locator('#agenda a', { hasText: 'to another sitting' }).first().click()
  await page.waitForURL(/\/move$/)
  await expectReflows(page, 'move page')

  await page.goto(`${browser.baseUrl}/queue`)
  await expectReflows(page, 'queue')
  expect(await unreachable(page, 'main a, main button')).toEqual([])

  await page.goto(`${browser.baseUrl}/calendar`)
  await expectReflows(page, 'calendar')
  await page.getByRole('link', { name: 'SEND decision-making panel' }).first().click()
  await page.waitForURL(/\/calendar\/panels\//)
  await expectReflows(page, 'panel calendar')
  expect(await unreachable(page, 'main a, main button')).toEqual([])
  expect(problems).toEqual([])
  await page.close()
}, 120_000)

test('the caseworker’s case list reflows at 320px with every link reachable', async () => {
  const { page, problems } = await narrowPage()
  await signInAs(page, browser.baseUrl, 'caseworker@example.org')
  await page.goto(`${browser.baseUrl}/cases`)
  await expectReflows(page, 'case list')
  expect(await unreachable(page, 'main a, main button')).toEqual([])
  expect(problems).toEqual([])
  await page.close()
}, 120_000)

test('the paged queue reflows at 320px, passes axe, and its pagination reaches the next page', async () => {
  // Three pages of cases waiting for a place; last in this file, as the copies change the queue.
  await seedWaitingCases(browser.db, 120)
  const { page, problems } = await narrowPage()
  await signInAs(page, browser.baseUrl, 'chair@example.org')
  await page.goto(`${browser.baseUrl}/queue?waiting=2`)
  await expectReflows(page, 'paged queue')
  expect(await unreachable(page, 'main a, main button')).toEqual([])
  const pages = page.getByRole('navigation', { name: 'Pages of cases waiting for a place' })
  await expect(pages.locator('[aria-current="page"]').textContent()).resolves.toBe('2')
  await pages.getByRole('link', { name: 'Next page' }).click()
  await page.waitForURL(/waiting=3/)
  await expectReflows(page, 'last page of the queue')
  expect(await page.getByText(/Page 3 of \d+\./).count()).toBe(1)
  expect(problems).toEqual([])
  await page.close()
}, 120_000)

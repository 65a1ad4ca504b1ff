import type { Page } from 'playwright-core'
import {
  accessibilityViolations,
  signInAs,
  useBrowserOnTestApp,
  watchForPageErrors,
} from '../support/browser'
import { hearCasesInSummer } from '../support/summerHearings'

const browser = useBrowserOnTestApp()
const signIn = (page: Page, email: string) => signInAs(page, browser.baseUrl, email)

/** At 320 CSS pixels the page never scrolls sideways (WCAG 1.4.10): wide tables scroll in their own region. */
async function reflowsAt320(page: Page): Promise<boolean> {
  await page.setViewportSize({ width: 320, height: 700 })
  const width = Number(await page.evaluate('document.documentElement.scrollWidth'))
  await page.setViewportSize({ width: 1280, height: 900 })
  return width <= 320
}

test('a manager reaches an accessible report of decisions against the preference, its chart and a count’s cases', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signIn(page, 'manager@example.org')
  await page.getByRole('link', { name: 'Decisions against the family’s preference' }).click()
  await page.waitForURL(/\/reports\/preference$/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
    'Decisions against the family’s preference',
  )
  // The chart is one image, named by its title, with its table beside it.
  const chart = page.getByRole('img', { name: /Decisions against the family’s preference, by month/ })
  expect(await chart.count()).toBe(1)
  expect(await chart.isVisible()).toBe(true)
  expect(await page.locator('[data-report="preference-by-month"] tbody tr').count()).toBe(12)
  expect(await accessibilityViolations(page)).toEqual([])
  expect(await reflowsAt320(page)).toBe(true)

  // A count takes the manager to the decisions behind it.
  await page.locator('[data-report="preference-by-kind"] [data-key="placement"] a').last().click()
  await page.waitForURL(/\/reports\/preference\/decisions\?/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
    'Decisions that differed from the family’s preference',
  )
  expect(await page.locator('[data-report="preference-decisions"] tbody tr').count()).toBeGreaterThan(0)
  expect(await accessibilityViolations(page)).toEqual([])

  // A period that does not exist is refused by the field, and the error summary takes focus.
  await page.goto(`${browser.baseUrl}/reports/preference`)
  await page.getByRole('group', { name: 'From' }).getByLabel('Day').fill('31')
  await page.getByRole('group', { name: 'From' }).getByLabel('Month').fill('2')
  await page.getByRole('group', { name: 'From' }).getByLabel('Year').fill('2026')
  await page.getByRole('button', { name: 'Show this period' }).click()
  await page.waitForSelector('.govuk-error-summary')
  expect(await page.locator('#from-error').textContent()).toContain('must be a real date')
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
})

test('a manager reaches an accessible summer sittings report, with and without cases heard in the summer', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signIn(page, 'manager@example.org')
  // First as a calendar with no summer sitting shows it (whatever the demo council decides in the summer).
  const summers = (await browser
    .db('sittings')
    .where({ is_summer: true })
    .update({ is_summer: false })
    .returning('id')) as { id: string }[]
  await page.getByRole('link', { name: 'What summer sittings achieved' }).click()
  await page.waitForURL(/\/reports\/summer$/)
  expect(await page.getByText('No case has been decided at a summer sitting yet.').isVisible()).toBe(true)
  expect(await accessibilityViolations(page)).toEqual([])
  await browser
    .db('sittings')
    .whereIn(
      'id',
      summers.map((r) => r.id),
    )
    .update({ is_summer: true })

  await hearCasesInSummer(browser.db)
  await page.reload()
  const chart = page.getByRole('img', { name: /Cases decided at summer sittings/ })
  expect(await chart.isVisible()).toBe(true)
  expect(await page.locator('[data-report="summer-totals"] tbody tr').count()).toBeGreaterThanOrEqual(1)
  expect(
    await page.locator('[data-report="summer-hearings"][data-summer="2026"] tbody tr').count(),
  ).toBeGreaterThanOrEqual(3)
  expect(await accessibilityViolations(page)).toEqual([])
  expect(await reflowsAt320(page)).toBe(true)
  expect(problems).toEqual([])
  await page.close()
})

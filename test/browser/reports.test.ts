import type { Page } from 'playwright-core'
import {
  accessibilityViolations,
  signInAs,
  useBrowserOnTestApp,
  watchForPageErrors,
} from '../support/browser'

const browser = useBrowserOnTestApp()
const signIn = (page: Page, email: string) => signInAs(page, browser.baseUrl, email)

test('a manager reaches an accessible workload page from the navigation', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signIn(page, 'manager@example.org')
  expect(await accessibilityViolations(page)).toEqual([])
  await page.getByRole('navigation').getByRole('link', { name: 'Workload' }).click()
  await page.waitForURL(/\/reports\/workload$/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Workload by caseworker')
  expect(await page.locator('[data-report="workload"] tbody tr').count()).toBeGreaterThan(1)
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
})

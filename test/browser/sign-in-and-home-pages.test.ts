import type { Page } from 'playwright-core'
import {
  accessibilityViolations,
  signInAs,
  useBrowserOnTestApp,
  watchForPageErrors,
} from '../support/browser'

const browser = useBrowserOnTestApp()
const signIn = (page: Page, email: string) => signInAs(page, browser.baseUrl, email)

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL(/\/sign-in/)
}

test('the sign-in page has no accessibility violations and shows errors accessibly', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await page.goto(`${browser.baseUrl}/sign-in`)
  expect(await page.title()).toContain('Sign in')
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForLoadState('load')
  expect(await page.getByRole('alert').textContent()).toContain('Enter your email address')
  // The GOV.UK error summary takes focus so screen reader users hear the problem first.
  expect(await page.locator(':focus').getAttribute('class')).toContain('govuk-error-summary')
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
})

const ACCOUNTS = [
  { email: 'caseworker@example.org', path: '/cases', heading: 'My cases' },
  { email: 'chair@example.org', path: '/sittings', heading: 'My sittings' },
  { email: 'member@example.org', path: '/sittings', heading: 'My sittings' },
  { email: 'manager@example.org', path: '/reports', heading: 'Overview' },
  { email: 'admin@example.org', path: '/admin', heading: 'Settings' },
  { email: 'parent@example.org', path: '/portal', heading: 'case' },
  { email: 'parent2@example.org', path: '/portal', heading: 'case' },
]

test.each(ACCOUNTS)('$email signs in to an accessible home page', async ({ email, path, heading }) => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signIn(page, email)
  expect(new URL(page.url()).pathname).toBe(path)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(heading)
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await signOut(page)
  await page.close()
})

test('the case filter updates the table in place with htmx, under the CSP, and the URL follows', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signIn(page, 'caseworker@example.org')
  // Mark the page: a full reload would lose this, an htmx swap keeps it.
  await page.evaluate("document.body.setAttribute('data-test-loaded-once', 'yes')")
  const before = await page.locator('#case-list tbody tr').count()
  await page.getByLabel('Where it is').selectOption('draft')
  await page.waitForURL(/status=draft/)
  await page.waitForFunction(`document.querySelectorAll('#case-list tbody tr').length !== ${before}`)
  expect(await page.locator('body').getAttribute('data-test-loaded-once')).toBe('yes')
  const tags = await page.locator('#case-list .govuk-tag').allTextContents()
  expect(tags.length).toBeGreaterThan(0)
  expect(tags.every((tag) => tag.trim() === 'Draft')).toBe(true)
  expect(problems).toEqual([])
  await page.close()
})

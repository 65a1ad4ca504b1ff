import {
  accessibilityViolations,
  signInAs,
  useBrowserOnTestApp,
  watchForPageErrors,
} from '../support/browser'

/**
 * The accessibility statement, privacy notice and cookies page, as a visitor who has not signed in
 * finds them: from the footer of the sign-in page, accessible (axe, WCAG 2.2 AA) at full width and at
 * 320px (WCAG 1.4.10), and with no cookie left in the browser.
 */

const browser = useBrowserOnTestApp()

const PAGES = [
  { link: 'Accessibility statement', path: '/accessibility', heading: 'Accessibility statement for Panel' },
  { link: 'Privacy notice', path: '/privacy', heading: 'How we use your information' },
  { link: 'Cookies', path: '/cookies', heading: 'Cookies' },
]

test.each(PAGES)(
  '$link: reached from the footer, accessible, at 320px too, and sets no cookie',
  async ({ link, path, heading }) => {
    const context = browser.context
    await context.clearCookies()
    const page = await context.newPage()
    const problems = watchForPageErrors(page)
    await page.goto(`${browser.baseUrl}/sign-in`)
    await context.clearCookies()
    await page.locator('.govuk-footer').getByRole('link', { name: link }).click()
    await page.waitForURL(`${browser.baseUrl}${path}`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(heading)
    expect(await accessibilityViolations(page)).toEqual([])
    await page.setViewportSize({ width: 320, height: 800 })
    // A string, as the test files are not compiled with the DOM's types.
    expect(
      await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth'),
    ).toBe(true)
    expect(await accessibilityViolations(page)).toEqual([])
    await page.setViewportSize({ width: 1280, height: 800 })
    expect(await context.cookies()).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  },
)

test('a signed-in parent finds the same links at the foot of the portal', async () => {
  const page = await browser.context.newPage()
  await signInAs(page, browser.baseUrl, 'parent@example.org')
  await page.locator('.govuk-footer').getByRole('link', { name: 'Privacy notice' }).click()
  await page.waitForURL(`${browser.baseUrl}/privacy`)
  expect(
    await page.getByRole('heading', { level: 2, name: 'Your rights, and how to use them' }).count(),
  ).toBe(1)
  expect(await accessibilityViolations(page)).toEqual([])
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL(/\/sign-in/)
  await page.close()
})

import {
  accessibilityViolations,
  signInAs,
  useBrowserOnTestApp,
  watchForPageErrors,
} from '../support/browser'

const browser = useBrowserOnTestApp()

test('the officer finds a child by a parent’s name, opens the child’s page and the log; each page is accessible', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signInAs(page, browser.baseUrl, 'dpo@example.org')
  await page.waitForURL(/\/data-protection$/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Subject access')
  expect(await accessibilityViolations(page)).toEqual([])

  // Searched with nothing typed, the page says what to enter.
  await page.getByRole('button', { name: 'Search' }).click()
  await page.waitForLoadState('load')
  expect(await page.getByRole('alert').textContent()).toContain(
    'Enter a name, a date of birth or a case reference',
  )
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByLabel('Name of the child or a family member').fill('Sarah Thompson')
  await page.getByRole('button', { name: 'Search' }).click()
  await page.waitForLoadState('load')
  expect(await page.getByRole('heading', { name: '1 child found' }).count()).toBe(1)
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('link', { name: 'Maya Thompson' }).click()
  await page.waitForURL(/\/data-protection\/children\/[0-9a-f-]{36}$/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Maya Thompson')
  expect(await page.getByRole('button', { name: 'Download everything held (ZIP)' }).count()).toBe(1)
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('link', { name: 'See who looked at Maya Thompson’s record' }).click()
  await page.waitForURL(/\/data-protection\/reads\?childId=/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Who looked')
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
})

import type { Page } from 'playwright-core'
import {
  accessibilityViolations,
  signInAs,
  useBrowserOnTestApp,
  watchForPageErrors,
} from '../support/browser'

const browser = useBrowserOnTestApp()

async function signedInAdmin(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signInAs(page, browser.baseUrl, 'admin@example.org')
  return { page, problems }
}

test('an admin reaches the staff list from the navigation; it and the add-person page are accessible', async () => {
  const { page, problems } = await signedInAdmin()
  await page.getByRole('link', { name: 'Staff', exact: true }).click()
  await page.waitForURL(/\/admin\/staff$/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Staff')
  expect(await page.getByRole('row', { name: /caseworker@example\.org/ }).count()).toBeGreaterThan(0)
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('button', { name: 'Add a person' }).click()
  await page.waitForURL(/\/admin\/staff\/new$/)
  expect(await accessibilityViolations(page)).toEqual([])

  // Sent empty, the form says what is missing by each field, and the summary takes focus.
  await page.getByRole('button', { name: 'Add person and send the link' }).click()
  await page.waitForLoadState('load')
  expect(await page.getByRole('alert').textContent()).toContain('Enter the person’s full name')
  expect(await page.locator(':focus').getAttribute('class')).toContain('govuk-error-summary')
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByLabel('Full name').fill('Nadia Kowalski')
  await page.getByLabel('Email address').fill('nadia.kowalski@example.org')
  await page.getByLabel('Panel member').check()
  await page.getByRole('button', { name: 'Add person and send the link' }).click()
  await page.waitForURL(/\/admin\/staff\/[0-9a-f-]{36}\?done=added$/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Nadia Kowalski')
  expect(await page.getByRole('table').textContent()).toContain('Account added as Panel member')
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
})

test('the change-password page is reached from the signed-in bar and is accessible', async () => {
  const { page, problems } = await signedInAdmin()
  await page.getByRole('link', { name: 'Change your password' }).click()
  await page.waitForURL(/\/account\/password$/)
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
})

test('the forgotten-password pages are accessible', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await page.context().clearCookies()
  await page.goto(`${browser.baseUrl}/sign-in`)
  await page.getByRole('link', { name: 'Forgotten your password?' }).click()
  await page.waitForURL(/\/forgotten-password$/)
  expect(await accessibilityViolations(page)).toEqual([])
  await page.getByLabel('Email address').fill('nobody@example.org')
  await page.getByRole('button', { name: 'Send the link' }).click()
  await page.waitForLoadState('load')
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email')
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
})

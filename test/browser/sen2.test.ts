import type { Page } from 'playwright-core'
import {
  accessibilityViolations,
  signInAs,
  useBrowserOnTestApp,
  watchForPageErrors,
} from '../support/browser'

const browser = useBrowserOnTestApp()
const signIn = (page: Page, email: string) => signInAs(page, browser.baseUrl, email)

test('a caseworker reaches an accessible SEN2 form from the case, and sees its errors', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signIn(page, 'caseworker@example.org')
  await page.goto(`${browser.baseUrl}/cases`)
  await page.locator('a[href^="/cases/"][href$="-"], table a[href^="/cases/"]').first().click()
  await page.getByRole('link', { name: 'Details for the DfE return' }).click()
  await page.waitForURL(/\/sen2$/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Details for the DfE return')
  expect(await accessibilityViolations(page)).toEqual([])
  await page.getByLabel('Unique pupil number (UPN)').fill('nope')
  await page.getByRole('button', { name: 'Save details for the return' }).click()
  await page.locator('.govuk-error-summary').waitFor()
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
})

test('a manager checks the return on an accessible validation page', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signIn(page, 'manager@example.org')
  await page.goto(`${browser.baseUrl}/reports/sen2`)
  expect(await accessibilityViolations(page)).toEqual([])
  await page.getByLabel('Day').fill('15')
  await page.getByLabel('Month').fill('1')
  await page.getByLabel('Year').fill('2027')
  await page.getByRole('button', { name: 'Check the return' }).click()
  await page.waitForURL(/\/reports\/sen2\/validation/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('2027-01-15')
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
})

import type { Page } from 'playwright-core'
import {
  accessibilityViolations,
  signInAs,
  useBrowserOnTestApp,
  watchForPageErrors,
} from '../support/browser'

const browser = useBrowserOnTestApp()

async function fillDate(
  page: Page,
  legend: string | RegExp,
  day: string,
  month: string,
  year: string,
): Promise<void> {
  const group = page.getByRole('group', { name: legend, exact: typeof legend === 'string' })
  await group.getByLabel('Day').fill(day)
  await group.getByLabel('Month').fill(month)
  await group.getByLabel('Year').fill(year)
}

test('a caseworker opens a case in the browser and sees its deadlines', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signInAs(page, browser.baseUrl, 'caseworker@example.org')
  await page.waitForURL(/\/cases$/)
  await page.getByRole('button', { name: 'Open a case' }).click()
  await page.waitForURL(/\/cases\/new$/)
  expect(await accessibilityViolations(page)).toEqual([])

  // Sent empty: the error summary, accessible, and nothing lost.
  await page.getByLabel('First name').fill('Tomasz')
  await page.getByRole('button', { name: 'Open case' }).click()
  await page.waitForLoadState('load')
  expect(await page.getByRole('alert').textContent()).toContain('Enter the child’s last name')
  expect(await page.getByLabel('First name').inputValue()).toBe('Tomasz')
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByLabel('Last name').fill('Nowak')
  await fillDate(page, 'Date of birth', '2', '3', '2019')
  await page.getByLabel('Full name').first().fill('Marta Nowak')
  await page.getByRole('group', { name: 'Relationship to the child' }).first().getByLabel('Parent').check()
  await page.getByLabel('Postal address').first().fill('12 Station Road, Northtown, NS2 4CD')
  await page.getByLabel('Preferred language').first().fill('Polish')
  await page.getByRole('group', { name: 'Do they need an interpreter?' }).first().getByLabel('Yes').check()
  await page.getByLabel('Request for an EHC needs assessment').check()
  // The legend also says which request starts the clock when the case is to issue a plan (reg 13(2)).
  await fillDate(page, /^Date the request was received/, '2', '11', '2026')
  // The live preview (htmx) shows the deadlines before the form is sent: 2 November 2026 + 6 weeks.
  await page.getByText('14 December 2026').waitFor()
  await page.getByRole('group', { name: 'Who made the request?' }).getByLabel('Parent or carer').check()
  await page.getByRole('button', { name: 'Open case' }).click()

  await page.waitForURL(/\/cases\/[0-9a-f-]{36}\?opened=1$/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Tomasz Nowak')
  const deadlines = await page.locator('#deadlines').textContent()
  expect(deadlines).toContain('14 December 2026')
  expect(deadlines).toContain('22 February 2027')
  expect(deadlines).toContain('22 March 2027')
  expect(deadlines).toContain('21 days left')
  expect(await page.getByText('needs an independent interpreter').count()).toBe(1)
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
})

import {
  accessibilityViolations,
  signInAs,
  useBrowserOnTestApp,
  watchForPageErrors,
} from '../support/browser'

/**
 * The retention page as an admin finds it: from the settings page, with one case past retention listed by
 * its reference and the child's initials, accessible (axe, WCAG 2.2 AA) at full width and at 320px.
 */

const browser = useBrowserOnTestApp()

test('an admin sees what the next run would remove, and the page is accessible', async () => {
  const child = (await browser.db('children').where({ first_name: 'Zain' }).first('id', 'last_name')) as {
    id: string
    last_name: string
  }
  await browser.db('children').where({ id: child.id }).update({ date_of_birth: '1980-01-01' })
  await browser.db('cases').where({ child_id: child.id }).update({ status: 'closed', ended_on: '2010-06-01' })
  const references = (await browser.db('cases').where({ child_id: child.id }).pluck('reference')) as string[]

  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signInAs(page, browser.baseUrl, 'admin@example.org')
  await page.goto(`${browser.baseUrl}/admin`)
  await page.getByRole('link', { name: 'Retention', exact: true }).click()
  await page.waitForURL(`${browser.baseUrl}/admin/retention`)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Retention')
  const table = page.locator('table[data-due]')
  for (const reference of references) expect(await table.getByText(reference).count()).toBe(1)
  expect(await page.getByText(child.last_name).count()).toBe(0)
  expect(await accessibilityViolations(page)).toEqual([])
  await page.setViewportSize({ width: 320, height: 800 })
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
})

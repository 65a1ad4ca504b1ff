import {
  accessibilityViolations,
  signInAs,
  useBrowserOnTestApp,
  watchForPageErrors,
} from '../support/browser'

const browser = useBrowserOnTestApp()

test('the case list, its filters (htmx), a case page and its edit forms, with errors, are accessible', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signInAs(page, browser.baseUrl, 'caseworker@example.org')

  await page.getByLabel('Everyone’s').check()
  await page.waitForURL(/scope=all/)
  await page.getByLabel('Kind of case').selectOption('assessment_request')
  await page.waitForURL(/kind=assessment_request/)
  await page.locator('#case-list tbody tr').first().waitFor()
  const kinds = await page.locator('#case-list tbody td:nth-child(2)').allTextContents()
  expect(kinds.length).toBeGreaterThan(0)
  expect(kinds.every((k) => k.trim() === 'Request for an EHC needs assessment')).toBe(true)
  expect(await accessibilityViolations(page)).toEqual([])

  await page.locator('#case-list tbody a').first().click()
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/)
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('link', { name: 'Update evidence' }).click()
  await page.waitForURL(/\/evidence$/)
  expect(await accessibilityViolations(page)).toEqual([])
  const health = page.getByRole('group', { name: 'Date health advice was received' })
  await health.getByLabel('Day').fill('31')
  await health.getByLabel('Month').fill('2')
  await health.getByLabel('Year').fill('2026')
  await page.getByRole('button', { name: 'Save evidence' }).click()
  await page.waitForLoadState('load')
  expect(await page.getByRole('alert').textContent()).toContain(
    'Date health advice was received must be a real date',
  )
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('link', { name: 'Back to the case' }).click()
  await page.getByRole('link', { name: 'Record an exception to a time limit' }).click()
  await page.waitForURL(/\/exceptions\/new$/)
  expect(await accessibilityViolations(page)).toEqual([])
  await page.getByRole('button', { name: 'Record exception' }).click()
  await page.waitForLoadState('load')
  expect(await page.getByRole('alert').textContent()).toContain('Select the step the exception is for')
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('link', { name: 'Back to the case' }).click()
  await page.getByRole('link', { name: 'Record statutory steps done' }).click()
  await page.waitForURL(/\/steps$/)
  expect(await accessibilityViolations(page)).toEqual([])
  await page.getByLabel('We will not issue a plan').check()
  await page.getByRole('button', { name: 'Save steps' }).click()
  await page.waitForLoadState('load')
  expect(await page.getByRole('alert').textContent()).toContain(
    'Enter the date of the decision whether to issue a plan',
  )
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('link', { name: 'Back to the case' }).click()
  await page.getByRole('link', { name: 'Add or remove a family contact' }).click()
  await page.waitForURL(/\/contacts$/)
  expect(await accessibilityViolations(page)).toEqual([])
  await page.getByLabel('Full name').first().fill('')
  await page.getByRole('button', { name: 'Save family contacts' }).click()
  await page.waitForLoadState('load')
  expect(await page.getByRole('alert').textContent()).toContain('Enter the name of family contact 1')
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
  // Ten pages, each scanned by axe: more than the default budget on a busy machine.
}, 120_000)

test('the manager’s overview with the timeliness table is accessible', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signInAs(page, browser.baseUrl, 'manager@example.org')
  expect(await page.getByText('Statutory time limits').count()).toBeGreaterThan(0)
  expect(await accessibilityViolations(page)).toEqual([])
  await page.getByRole('link', { name: 'Cases' }).click()
  await page.waitForURL(/\/cases$/)
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
})

test('withdrawing a request and reopening it: the form, its errors and the case page are accessible', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  const scheduled = (await browser
    .db('cases')
    .where({ status: 'scheduled' })
    .orderBy('reference')
    .first('id')) as { id: string }
  await signInAs(page, browser.baseUrl, 'caseworker@example.org')
  await page.goto(`${browser.baseUrl}/cases/${scheduled.id}`)
  await page.getByRole('link', { name: 'Withdraw this request' }).click()
  await page.waitForURL(/\/end$/)
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('button', { name: 'Withdraw request' }).click()
  await page.waitForLoadState('load')
  expect(await page.getByRole('alert').textContent()).toContain('Select why the request is being withdrawn')
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByLabel('The family withdrew the request').check()
  await page.getByRole('button', { name: 'Withdraw request' }).click()
  await page.waitForURL(/changed=ended/)
  expect(await page.getByText('Request withdrawn. It is off every agenda still to meet.').count()).toBe(1)
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('button', { name: 'Reopen this case' }).click()
  await page.waitForURL(/changed=reopened/)
  expect(await page.getByRole('link', { name: 'Withdraw this request' }).count()).toBe(1)
  expect(problems).toEqual([])
  await page.close()
}, 60_000)

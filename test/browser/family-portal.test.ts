import type { Page } from 'playwright-core'
import { pdfText } from '../support/pdf'
import { accessibilityViolations, signInAs, useBrowserOnTestApp, useSharedPage } from '../support/browser'

/**
 * The family portal in the browser: Maya's caseworker invites her father, James Thompson; he sets a
 * password from the link in the e-mail, reads where Maya's case is, sends the panel his views and
 * downloads the decision letter; the chair then reads his views in the panel's papers. The tests share
 * one app and run in order.
 */

const browser = useBrowserOnTestApp()
const PASSWORD = 'maple kettle harbour 7'
const VIEWS = 'Maya is more settled since she has had a quiet room at lunch. Please keep it in her plan.'

let page: Page
const { shown } = useSharedPage(browser, (p) => (page = p))
let mayaPlanCase: string

beforeAll(async () => {
  const row = (await browser
    .db('cases as c')
    .join('children as ch', 'ch.id', 'c.child_id')
    .where({ 'ch.first_name': 'Maya', 'c.status': 'scheduled' })
    .first('c.id')) as { id: string }
  mayaPlanCase = row.id
})

test('Maya’s caseworker invites her father to a family account from the case page', async () => {
  await signInAs(page, browser.baseUrl, 'caseworker@example.org')
  await page.goto(`${browser.baseUrl}/cases/${mayaPlanCase}`)
  await page.getByRole('heading', { level: 1, name: 'Maya Thompson' }).waitFor()
  await page.getByRole('button', { name: 'Invite to a family account for James Thompson' }).click()
  await page.waitForURL(/\?changed=invited#family$/)
  await shown('Invitation sent.')
  await shown('The link works until')
  expect(await accessibilityViolations(page)).toEqual([])
})

test('he sets a password from the link in the e-mail and sees Maya’s cases', async () => {
  const email = (await browser
    .db('email_outbox')
    .where({ event: 'family_invited' })
    .orderBy('created_at', 'desc')
    .first('body')) as { body: string }
  const link = /\/invitations\/[A-Za-z0-9_-]+/.exec(email.body)![0]
  await page.context().clearCookies()
  await page.goto(`${browser.baseUrl}${link}`)
  await page.getByRole('heading', { level: 1, name: 'Set up your account' }).waitFor()
  expect(await accessibilityViolations(page)).toEqual([])

  // A short password is refused by the field, with the error summary linking to it.
  await page.getByLabel('Choose a password').fill('short')
  await page.getByLabel('Enter the password again').fill('short')
  await page.getByRole('button', { name: 'Set up my account' }).click()
  await page.getByRole('link', { name: 'Password must be 12 characters or more' }).waitFor()
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByLabel('Choose a password').fill(PASSWORD)
  await page.getByLabel('Enter the password again').fill(PASSWORD)
  await page.getByRole('button', { name: 'Set up my account' }).click()
  await page.waitForURL(/\/portal\?welcome=1$/)
  await shown('Your account is set up.')
  await page.getByRole('heading', { level: 1, name: 'Maya’s case' }).waitFor()
  await shown('Signed in as James Thompson')
  expect(await accessibilityViolations(page)).toEqual([])
})

test('he reads where the case is and sends the panel his views', async () => {
  await page.getByRole('link', { name: /Open the case.*Whether to issue an EHC plan for Maya/ }).click()
  await page.waitForURL(new RegExp(`/portal/cases/${mayaPlanCase}$`))
  await shown("Maya's case is going to the panel.")
  expect(await page.getByText(/^The panel meets on \w+day \d{1,2} \w+ 20\d\d\.$/).count()).toBe(1)
  await shown('Priya Sharma')
  await shown('Send your views by')
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByRole('button', { name: 'Send your views to the panel' }).click()
  await page.getByRole('link', { name: 'Write your views before sending them' }).waitFor()
  expect(await accessibilityViolations(page)).toEqual([])

  await page.getByLabel('Your views').fill(VIEWS)
  await page.getByRole('button', { name: 'Send your views to the panel' }).click()
  await page.waitForURL(/\?sent=1#your-views$/)
  await shown('We have sent your views to the panel.')
  await shown('Maya is more settled since she has had a quiet room at lunch.')
  expect(await accessibilityViolations(page)).toEqual([])
})

test('he downloads the decision letter about the assessment', async () => {
  await page.getByRole('link', { name: 'Back to your account' }).click()
  await page
    .getByRole('link', { name: /Open the case.*Request for an EHC needs assessment for Maya/ })
    .click()
  await shown('The panel has made its decision.')
  const letter = page.getByRole('link', { name: 'Our decision about Maya Thompson (PDF)' })
  const href = await letter.getAttribute('href')
  const pdf = await page.request.get(new URL(href ?? '', page.url()).href)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  expect(pdfText(await pdf.body())).toContain('Our decision about Maya')
  expect(await accessibilityViolations(page)).toEqual([])
})

test('the chair reads his views in the panel’s papers', async () => {
  const sitting = (await browser.db('case_queue').where({ case_id: mayaPlanCase }).first('sitting_id')) as {
    sitting_id: string
  }
  await signInAs(page, browser.baseUrl, 'chair@example.org')
  await page.goto(`${browser.baseUrl}/sittings/${sitting.sitting_id}/cases/${mayaPlanCase}`)
  await page.getByRole('heading', { name: 'The family’s views' }).waitFor()
  await shown('From James Thompson, sent')
  await shown('Please keep it in her plan.')
  expect(await accessibilityViolations(page)).toEqual([])
})

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { createTestApp, type TestApp } from '../support/app'
import { accessibilityViolations, launchBrowser, watchForPageErrors } from '../support/browser'
import { PROVIDER_NAME, startTestOidcProvider, type TestOidcProvider } from '../support/oidcProvider'

/**
 * The whole journey in Chromium: the sign-in page with the provider's button, the provider's own
 * sign-in page (a real oidc-provider on 127.0.0.1), and back to Panel. The app's address must be
 * known before it is built (the redirect address comes from PUBLIC_URL), so its server listens first.
 */

let server: http.Server
let baseUrl: string
let t: TestApp
let idp: TestOidcProvider
let browser: Awaited<ReturnType<typeof launchBrowser>>

beforeAll(async () => {
  server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  idp = await startTestOidcProvider([`${baseUrl}/sign-in/oidc/callback`])
  idp.addIdentity('chair', { email: 'chair@example.org', email_verified: true })
  idp.addIdentity('stranger', { email: 'stranger@example.org', email_verified: true })
  t = await createTestApp({ publicUrl: baseUrl, oidc: idp.settingsFor(baseUrl) })
  server.on('request', t.app)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await new Promise<void>((resolve) => {
    server?.closeAllConnections()
    server?.close(() => resolve())
  })
  await idp?.close()
  await t?.close()
})

async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`)
  await page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).click()
  await page.waitForURL((url) => url.origin === idp.issuer)
  await page.getByLabel('Test account').fill(login)
  await page.getByRole('button', { name: 'Continue' }).click()
  // Back at Panel: a home page after the callback's redirect, or the callback's own refusal page.
  await page.waitForURL((url) => url.origin === baseUrl)
}

test('the sign-in page with the provider button is accessible, and the password form is still there', async () => {
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await page.goto(`${baseUrl}/sign-in`)
  const headings = await page.locator('main').getByRole('heading', { level: 2 }).allTextContents()
  expect(headings).toEqual(['Council staff', 'Families, and staff with a Panel password'])
  await page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).waitFor()
  await page.getByLabel('Password').waitFor()
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor()
  expect(await accessibilityViolations(page)).toEqual([])
  expect(problems).toEqual([])
  await page.close()
})

test('a chair signs in through the provider and lands on their sittings', async () => {
  await browser.context.clearCookies()
  const page = await browser.context.newPage()
  const problems = watchForPageErrors(page)
  await signInAtProvider(page, 'chair')
  expect(new URL(page.url()).pathname).toBe('/sittings')
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('My sittings')
  expect(await accessibilityViolations(page)).toEqual([])
  // Signed in as with a password: signing out works the same way.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL(/\/sign-in\?signed-out=1/)
  expect(problems).toEqual([])
  await page.close()
})

test('someone with no Panel account is told so plainly, on an accessible page', async () => {
  await browser.context.clearCookies()
  const page = await browser.context.newPage()
  // The refusal is a 403 page: the page itself, not a failure of the page.
  const problems = watchForPageErrors(page)
  await signInAtProvider(page, 'stranger')
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You do not have a Panel account')
  expect(await accessibilityViolations(page)).toEqual([])
  await page.getByRole('link', { name: 'Go to the sign-in page' }).click()
  await page.waitForURL(`${baseUrl}/sign-in`)
  expect(problems).toEqual([])
  await page.close()
})

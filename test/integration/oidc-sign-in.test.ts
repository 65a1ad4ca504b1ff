import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { createApp } from '../../src/app'
import type { Config } from '../../src/config'
import { createLogger } from '../../src/logger'
import { fixedClock } from '../../src/services/clock'
import { createTestApp, TEST_TODAY, type TestApp } from '../support/app'
import {
  PROVIDER_NAME,
  signInAtProvider,
  startTestOidcProvider,
  type TestOidcProvider,
} from '../support/oidcProvider'
import { openPending, sealPending } from '../../src/web/auth/oidcPendingCookie'
import { sessionClock } from '../../src/services/clock'

/**
 * Staff sign-in through OpenID Connect, end to end: the real app against a real OpenID Provider
 * (oidc-provider) on 127.0.0.1, with the provider's test account form filled in by the test.
 */

const PUBLIC_URL = 'http://127.0.0.1:3999'
let t: TestApp
let idp: TestOidcProvider

beforeAll(async () => {
  idp = await startTestOidcProvider([`${PUBLIC_URL}/sign-in/oidc/callback`])
  idp.addIdentity('caseworker', { email: 'Caseworker@example.org', email_verified: true })
  idp.addIdentity('manager', { email: 'manager@example.org', email_verified: true })
  idp.addIdentity('stranger', { email: 'stranger@example.org', email_verified: true })
  idp.addIdentity('parent', { email: 'parent@example.org', email_verified: true })
  idp.addIdentity('unverified', { email: 'chair@example.org', email_verified: false })
  idp.addIdentity('entra-style', { email: 'member@example.org' })
  idp.addIdentity('no-email', {})
  idp.addIdentity('switched-off', { email: 'caseworker3@example.org', email_verified: true })
  t = await createTestApp({ publicUrl: PUBLIC_URL, oidc: idp.settingsFor(PUBLIC_URL) })
  await t.database
    .db('users')
    .where({ email: 'caseworker3@example.org' })
    .update({ disabled_at: sessionClock.now() })
})
afterAll(async () => {
  await t?.close()
  await idp?.close()
})

/** The same app and database with other settings (a council's other choices), without seeding again. */
const appWith = (overrides: Partial<Config>) =>
  createApp({
    config: { ...t.config, ...overrides },
    db: t.database.db,
    logger: createLogger('silent'),
    clock: fixedClock(TEST_TODAY),
  })

const sessionRows = async () => Number((await t.database.db('sessions').count({ n: '*' }))[0]!.n)
const auditRows = (action: string) => t.database.db('audit_events').where({ action }).orderBy('id')
const PENDING = /panel\.oidc=([^;]*)/

/** Starts a sign-in on the app, returning the provider address it redirects to and the pending cookie. */
async function start(agent: TestAgent): Promise<{ providerUrl: string; pendingCookie: string }> {
  const response = await agent.get('/sign-in/oidc').expect(303)
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => PENDING.test(c))
  expect(setCookie).toMatch(/HttpOnly/)
  expect(setCookie).toMatch(/SameSite=Lax/)
  expect(setCookie).toMatch(/Path=\/sign-in\/oidc/)
  return { providerUrl: response.headers.location!, pendingCookie: PENDING.exec(setCookie!)![1]! }
}

/** The whole journey for one provider account, ending with the app's answer to the callback. */
async function journey(login: string, agent = request.agent(t.app)) {
  const { providerUrl } = await start(agent)
  const back = await signInAtProvider(providerUrl, login)
  return { agent, back, response: await agent.get(back.pathname + back.search) }
}

describe('the sign-in page', () => {
  test('offers the provider as a plain link, beside the password form', async () => {
    const page = await request(t.app).get('/sign-in').expect(200)
    expect(page.text).toContain(`Sign in with ${PROVIDER_NAME}`)
    expect(page.text).toMatch(/<a href="\/sign-in\/oidc" role="button"/)
    expect(page.text).toContain('name="password"')
  })

  test('looks as before when no provider is set up', async () => {
    const plain = appWith({ oidc: undefined })
    const page = await request(plain).get('/sign-in').expect(200)
    expect(page.text).not.toContain('/sign-in/oidc')
    expect(page.text).not.toContain('Council staff')
    await request(plain).get('/sign-in/oidc').expect(303).expect('location', '/sign-in')
  })
})

describe('signing in through the provider', () => {
  test('sends the person to the provider with PKCE (S256), state and nonce, storing no session', async () => {
    const before = await sessionRows()
    const agent = request.agent(t.app)
    await agent.get('/sign-in').expect(200)
    const { providerUrl, pendingCookie } = await start(agent)
    const url = new URL(providerUrl)
    expect(url.origin).toBe(idp.issuer)
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/sign-in/oidc/callback`)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(url.searchParams.get('state')).toBeTruthy()
    expect(url.searchParams.get('nonce')).toBeTruthy()
    // The cookie is signed, and holds the verifier the challenge was made from, not in the address.
    const pending = openPending(t.config.sessionSecret, pendingCookie, sessionClock.now())
    expect(pending?.state).toBe(url.searchParams.get('state'))
    expect(providerUrl).not.toContain(pending!.codeVerifier)

    const back = await signInAtProvider(providerUrl, 'caseworker')
    expect(back.pathname).toBe('/sign-in/oidc/callback')
    expect(await sessionRows()).toBe(before)
  })

  test('a staff account signs in, lands on its home, and gets a new session as with a password', async () => {
    const before = await sessionRows()
    const { agent, response } = await journey('caseworker')
    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('/cases')
    expect(await sessionRows()).toBe(before + 1)
    const home = await agent.get('/cases').expect(200)
    expect(home.text).toContain('My cases')
    const event = await t.database
      .db('audit_events')
      .where({ action: 'signed_in', entity_id: await userId('caseworker@example.org') })
      .orderBy('id', 'desc')
      .first()
    expect(event).toMatchObject({ details: { method: 'oidc' } })
  })

  test('returns to the page asked for before signing in', async () => {
    const agent = request.agent(t.app)
    await agent.get('/reports').expect(303)
    const { response } = await journey('manager', agent)
    expect(response.headers.location).toBe('/reports')
  })

  test.each([
    ['stranger', 'unknown_account', 'You do not have a Panel account'],
    ['switched-off', 'account_disabled', 'Your Panel account is switched off'],
    ['parent', 'family_account', 'Families sign in with a password'],
    ['unverified', 'email_not_verified', 'Your email address is not confirmed'],
    ['entra-style', 'email_not_verified', 'Your email address is not confirmed'],
    ['no-email', 'no_email', 'Panel cannot tell who you are'],
  ])('%s is refused (%s) with a plain page and no session', async (login, reason, heading) => {
    const before = await sessionRows()
    const audited = (await auditRows('oidc_sign_in_refused')).length
    const { agent, response } = await journey(login)
    expect(response.status).toBe(403)
    expect(response.text).toContain(heading)
    expect(response.text).toContain('href="/sign-in"')
    expect(await sessionRows()).toBe(before)
    await agent.get('/cases').expect(303).expect('location', '/sign-in')
    const events = await auditRows('oidc_sign_in_refused')
    expect(events).toHaveLength(audited + 1)
    expect(events.at(-1)).toMatchObject({ details: { reason } })
    // The audit trail keeps the reason, not the address that was tried.
    expect(JSON.stringify(events.at(-1))).not.toContain('@example.org')
  })

  test('a provider that leaves out email_verified is trusted only when the council says so', async () => {
    const trusting = appWith({
      oidc: { ...idp.settingsFor(PUBLIC_URL), trustEmailWithoutVerifiedClaim: true },
    })
    const agent = request.agent(trusting)
    const back = await signInAtProvider((await start(agent)).providerUrl, 'entra-style')
    const response = await agent.get(back.pathname + back.search).expect(303)
    expect(response.headers.location).toBe('/sittings')
    // An explicit false is refused even so.
    const second = request.agent(trusting)
    const refused = await signInAtProvider((await start(second)).providerUrl, 'unverified')
    await second.get(refused.pathname + refused.search).expect(403)
  })
})

describe('the callback refuses what it did not start', () => {
  const refusedAudits = async () => (await auditRows('oidc_sign_in_refused')).length

  test('a tampered state', async () => {
    const audited = await refusedAudits()
    const agent = request.agent(t.app)
    const back = await signInAtProvider((await start(agent)).providerUrl, 'caseworker')
    back.searchParams.set(
      'state',
      back.searchParams.get('state')!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    )
    const response = await agent.get(back.pathname + back.search).expect(400)
    expect(response.text).toContain('Your sign-in could not be completed')
    expect(response.text).toContain('Try again')
    expect((await auditRows('oidc_sign_in_refused')).at(-1)).toMatchObject({
      details: { reason: 'state_mismatch' },
    })
    expect(await refusedAudits()).toBe(audited + 1)
    await agent.get('/cases').expect(303)
  })

  test('a missing state, or no pending sign-in in this browser', async () => {
    const agent = request.agent(t.app)
    const back = await signInAtProvider((await start(agent)).providerUrl, 'caseworker')
    const withoutState = new URL(back)
    withoutState.searchParams.delete('state')
    await agent.get(withoutState.pathname + withoutState.search).expect(400)
    // That spent the pending sign-in: the right address no longer works in this browser either.
    await agent.get(back.pathname + back.search).expect(400)
    // Nor in another browser, which never started it.
    await request(t.app)
      .get(back.pathname + back.search)
      .expect(400)
  })

  test('a forged pending cookie', async () => {
    const agent = request.agent(t.app)
    const { providerUrl, pendingCookie } = await start(agent)
    const back = await signInAtProvider(providerUrl, 'caseworker')
    const forged = `${pendingCookie.split('.')[0]}.${'A'.repeat(43)}`
    await request(t.app)
      .get(back.pathname + back.search)
      .set('Cookie', `panel.oidc=${forged}`)
      .expect(400)
  })

  test('a replayed code', async () => {
    const agent = request.agent(t.app)
    const { providerUrl, pendingCookie } = await start(agent)
    const back = await signInAtProvider(providerUrl, 'caseworker')
    await agent.get(back.pathname + back.search).expect(303)
    // The same code with the same (copied) cookie: the provider will not exchange a code twice.
    const replay = await request(t.app)
      .get(back.pathname + back.search)
      .set('Cookie', `panel.oidc=${pendingCookie}`)
      .expect(400)
    expect(replay.text).toContain('Your sign-in could not be completed')
    expect((await auditRows('oidc_sign_in_refused')).at(-1)).toMatchObject({
      details: { reason: 'callback_rejected', code: 'invalid_grant' },
    })
  })

  test('a nonce other than the one sent', async () => {
    const agent = request.agent(t.app)
    const { providerUrl, pendingCookie } = await start(agent)
    const back = await signInAtProvider(providerUrl, 'caseworker')
    const pending = openPending(t.config.sessionSecret, pendingCookie, sessionClock.now())!
    // Signed with the app's own secret, so only the nonce is wrong.
    const otherNonce = sealPending(
      t.config.sessionSecret,
      { ...pending, nonce: 'x'.repeat(43) },
      sessionClock.now(),
    )
    const response = await request(t.app)
      .get(back.pathname + back.search)
      .set('Cookie', `panel.oidc=${otherNonce}`)
      .expect(400)
    expect(response.text).toContain('Your sign-in could not be completed')
    expect((await auditRows('oidc_sign_in_refused')).at(-1)).toMatchObject({
      details: { reason: 'callback_rejected', code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED:nonce' },
    })
  })

  test('a provider that cannot be reached gives a plain page, not an error', async () => {
    const unreachable = appWith({ oidc: { ...idp.settingsFor(PUBLIC_URL), issuer: 'http://127.0.0.1:9/' } })
    const response = await request(unreachable).get('/sign-in/oidc').expect(503)
    expect(response.text).toContain(`Signing in with ${PROVIDER_NAME} is not working`)
    expect((await auditRows('oidc_sign_in_refused')).at(-1)).toMatchObject({
      details: { reason: 'provider_unavailable' },
    })
  })
})

async function userId(email: string): Promise<string> {
  const row = await t.database.db('users').where({ email }).first('id')
  return row.id as string
}

import knex from 'knex'
import pino from 'pino'
import request from 'supertest'
import { createApp } from '../../src/app'
import { loadConfig, type Config } from '../../src/config'
import { fixedClock } from '../../src/services/clock'
import { createTestApp, csrfTokenIn, signedInAgent, TEST_TODAY, type TestApp } from '../support/app'

/** Settings a council deploying Panel chooses: which proxies to believe, its public address, error details. */

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const PRODUCTION = { NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40) }

function appWith(config: Config, db = t.database.db) {
  return createApp({ config, db, logger: pino({ level: 'silent' }), clock: fixedClock(TEST_TODAY) })
}

const sessionRows = async () => Number((await t.database.db('sessions').count({ n: '*' }))[0]!.n)

describe('anonymous pages create no session row', () => {
  test('the sign-in page, a refused sign-in, a page asked for signed out, an invitation link and the public pages store nothing', async () => {
    const before = await sessionRows()
    const agent = request.agent(t.app)
    await agent.get('/cases?status=draft').expect(303)
    const page = await agent.get('/sign-in').expect(200)
    await agent.get('/sign-in?signed-out=1').expect(200)
    await agent
      .post('/sign-in')
      .type('form')
      .send({ email: 'caseworker@example.org', password: 'wrong', _csrf: csrfTokenIn(page.text) })
      .expect(401)
    await agent
      .post('/sign-in')
      .type('form')
      .send({ email: '', password: '', _csrf: csrfTokenIn(page.text) })
      .expect(400)
    await agent.get('/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404)
    for (const path of ['/accessibility', '/privacy', '/cookies']) await agent.get(path).expect(200)
    for (let i = 0; i < 5; i++) await request(t.app).get('/sign-in').expect(200)
    expect(await sessionRows()).toBe(before)

    // The same visitor then signs in, with the token from the page they had, and goes where they asked.
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({
        email: 'caseworker@example.org',
        password: 'test-demo-password',
        _csrf: csrfTokenIn(page.text),
      })
      .expect(303)
    expect(res.headers.location).toBe('/cases?status=draft')
    expect(await sessionRows()).toBe(before + 1)
  })

  test('a signed-out form still needs its token, which is bound to the visitor’s cookie', async () => {
    const visitor = request.agent(t.app)
    const token = csrfTokenIn((await visitor.get('/sign-in')).text)
    const form = { email: 'caseworker@example.org', password: 'test-demo-password' }
    await visitor.post('/sign-in').type('form').send(form).expect(403)
    await visitor
      .post('/sign-in')
      .type('form')
      .send({ ...form, _csrf: token.slice(0, -2) + 'xx' })
      .expect(403)
    // Another browser holding the same token, without the cookie it was made for, is refused.
    await request(t.app)
      .post('/sign-in')
      .type('form')
      .send({ ...form, _csrf: token })
      .expect(403)
    // A cookie the visitor made up, with a token from elsewhere, is refused too.
    await request(t.app)
      .post('/sign-in')
      .set('Cookie', `panel.csrf=${'A'.repeat(43)}`)
      .type('form')
      .send({ ...form, _csrf: token })
      .expect(403)
    await visitor
      .post('/sign-in')
      .type('form')
      .send({ ...form, _csrf: token })
      .expect(303)
  })

  test('once signed in, the signed-out token no longer works: the session’s does', async () => {
    const agent = request.agent(t.app)
    const signedOutToken = csrfTokenIn((await agent.get('/sign-in')).text)
    await agent
      .post('/sign-in')
      .type('form')
      .send({ email: 'chair@example.org', password: 'test-demo-password', _csrf: signedOutToken })
      .expect(303)
    await agent.post('/sign-out').type('form').send({ _csrf: signedOutToken }).expect(403)
    const page = await agent.get('/sittings').expect(200)
    expect(csrfTokenIn(page.text)).not.toBe(signedOutToken)
    await agent
      .post('/sign-out')
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) })
      .expect(303)
  })
})

describe('TRUST_PROXY', () => {
  test('is off by default, in production too; a hop count or addresses turn it on; nonsense stops start-up', () => {
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(loadConfig(PRODUCTION).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,loopback,::1' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      'loopback',
      '::1',
    ])
    for (const bad of ['true', 'yes', '10.0.0.300', '10.0.0.0/33', 'proxy.example.org', '-1'])
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/)
  })

  /** Failed sign-ins, each for a different account (so only the per-address limit can stop them), each from a different claimed address. */
  async function failedSignInsFromForgedAddresses(config: Config, attempts: number): Promise<number[]> {
    // The counters are in the database, shared by every app on it: start each test from none.
    await t.database.db('sign_in_throttles').delete()
    const app = appWith(config)
    // The CSRF cookie by hand: in production it is Secure, which supertest's jar keeps from plain HTTP.
    const page = await request(app).get('/sign-in').set('X-Forwarded-Proto', 'https')
    const cookie = ([] as string[]).concat(page.headers['set-cookie'] ?? [])[0]!.split(';')[0]!
    const token = csrfTokenIn(page.text)
    const statuses: number[] = []
    for (let i = 0; i < attempts; i++) {
      const res = await request(app)
        .post('/sign-in')
        .set('Cookie', cookie)
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .type('form')
        .send({ email: `nobody${i}@example.org`, password: 'wrong', _csrf: token })
      statuses.push(res.status)
    }
    return statuses
  }

  test('without it, a new X-Forwarded-For each time does not get round the per-address limit', async () => {
    // One attempt per account gives five per address.
    const config = { ...loadConfig(PRODUCTION), signInAttemptsPerWindow: 1 }
    const statuses = await failedSignInsFromForgedAddresses(config, 6)
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(statuses[5]).toBe(429)
  })

  test('with it, the address the proxy gives is the one counted', async () => {
    const config = { ...loadConfig({ ...PRODUCTION, TRUST_PROXY: '1' }), signInAttemptsPerWindow: 1 }
    const statuses = await failedSignInsFromForgedAddresses(config, 6)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401])
  })
})

describe('PUBLIC_URL', () => {
  test('the secret feed addresses use it, whatever Host the request names', async () => {
    const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://panel.northshire.example.gov.uk/' })
    expect(config.publicUrl).toBe('https://panel.northshire.example.gov.uk')
    const app = appWith(config)
    const agent = await signedInAgent(app, 'member@example.org')
    const form = await agent.get('/calendar/subscribe').expect(200)
    const res = await agent
      .post('/calendar/subscribe')
      .set('Host', 'attacker.example.com')
      .set('X-Forwarded-Host', 'attacker.example.com')
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text) })
      .expect(200)
    expect(res.text).not.toContain('attacker.example.com')
    expect(res.text).toMatch(
      /https:\/\/panel\.northshire\.example\.gov\.uk\/feeds\/[A-Za-z0-9_-]{43}\/my-sittings\.ics/,
    )
  })

  test('must be an http or https address', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'panel.example.gov.uk' })).toThrow(/PUBLIC_URL/)
    expect(() => loadConfig({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL/)
    expect(loadConfig({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000')
  })
})

describe('SHOW_ERROR_DETAILS', () => {
  /** A database that never answers: nothing listens on port 1. */
  const unreachable = () =>
    knex({ client: 'pg', connection: 'postgres://nobody@127.0.0.1:1/none', acquireConnectionTimeout: 500 })

  async function failingSignIn(env: Record<string, string>) {
    const db = unreachable()
    try {
      const agent = request.agent(appWith(loadConfig(env), db))
      const token = csrfTokenIn((await agent.get('/sign-in').expect(200)).text)
      return await agent
        .post('/sign-in')
        .type('form')
        .send({ email: 'caseworker@example.org', password: 'whatever', _csrf: token })
        .expect(500)
    } finally {
      await db.destroy()
    }
  }

  test('npm start’s default (development) shows no stack trace; only SHOW_ERROR_DETAILS=true does', async () => {
    expect(loadConfig({}).showErrorDetails).toBe(false)
    const plain = await failingSignIn({})
    expect(plain.text).toContain('Sorry, there is a problem with the service')
    expect(plain.text).not.toMatch(/\n\s+at /)
    expect(plain.text).not.toMatch(/select|knex|Timeout/i)
    const detailed = await failingSignIn({ SHOW_ERROR_DETAILS: 'true' })
    expect(detailed.text).toMatch(/at /)
    expect(() => loadConfig({ SHOW_ERROR_DETAILS: 'please' })).toThrow(/SHOW_ERROR_DETAILS/)
  })
})

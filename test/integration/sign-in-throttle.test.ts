import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import type { Express } from 'express'
import { createApp } from '../../src/app'
import { createLogger } from '../../src/logger'
import { fixedClock } from '../../src/services/clock'
import { createTestApp, csrfTokenIn, DEMO_PASSWORD, TEST_TODAY, type TestApp } from '../support/app'
import { decode, summaryLinks } from '../support/formPages'

/**
 * Issue 16 point 5: wrong passwords slow an account down instead of locking its owner out. The counters
 * are in the database, so two instances on one database share them; the browser that signed in before
 * keeps its own counter (OWASP's device cookie), and each address has a limit on top.
 */
let t: TestApp
let other: Express
beforeAll(async () => {
  // Three free failures per account, fifteen per address.
  t = await createTestApp({ signInAttemptsPerWindow: 3 })
  // A second instance on the same database, as behind a load balancer.
  other = createApp({
    config: t.config,
    db: t.database.db,
    logger: createLogger('silent'),
    clock: fixedClock(TEST_TODAY),
  })
}, 120_000)
afterAll(() => t.close())
beforeEach(() => t.database.db('sign_in_throttles').delete())

async function browser(app: Express = t.app) {
  const agent = request.agent(app)
  const token = csrfTokenIn((await agent.get('/sign-in').expect(200)).text)
  const signIn = (email: string, password: string, address?: string) => {
    const req = agent.post('/sign-in').type('form')
    return (address ? req.set('X-Forwarded-For', address) : req).send({ email, password, _csrf: token })
  }
  return { agent, signIn }
}

const waitMessage = (html: string) => summaryLinks(html).map(([, text]) => text)

/** As if the last failure were this much longer ago. */
const age = (seconds: number) =>
  t.database.db('sign_in_throttles').update({
    last_failure_at: t.database.db.raw(`last_failure_at - (? * interval '1 second')`, [seconds]),
  })

async function signedInBefore(email: string): Promise<TestAgent> {
  const owner = await browser()
  await owner.signIn(email, DEMO_PASSWORD).expect(303)
  // Signed out again, as the owner coming back another day: the device cookie stays in the browser.
  const page = await owner.agent.get('/calendar').expect(200)
  await owner.agent
    .post('/sign-out')
    .type('form')
    .send({ _csrf: csrfTokenIn(page.text) })
    .expect(303)
  return owner.agent
}

describe('wrong passwords slow an account down', () => {
  test('after the free failures, the next attempt waits, saying how long, even with the right password', async () => {
    const attacker = await browser()
    for (let i = 0; i < 3; i++) await attacker.signIn('chair@example.org', 'wrong').expect(401)
    const refused = await attacker.signIn('chair@example.org', DEMO_PASSWORD).expect(429)
    expect(waitMessage(refused.text)).toEqual([
      'You have tried to sign in too many times. Wait 15 seconds, then try again.',
    ])
    expect(refused.headers['retry-after']).toBe('15')
    expect(decode(refused.text)).toContain('govuk-error-summary')
    // The waiting attempt was not heard: it is not counted, and once the wait is over the password works.
    await age(15)
    await attacker.signIn('chair@example.org', DEMO_PASSWORD).expect(303)
  })

  test('each further failure doubles the wait', async () => {
    const attacker = await browser()
    for (let i = 0; i < 3; i++) await attacker.signIn('member@example.org', 'wrong').expect(401)
    await age(15)
    await attacker.signIn('member@example.org', 'wrong').expect(401)
    const second = await attacker.signIn('member@example.org', 'wrong').expect(429)
    expect(waitMessage(second.text)[0]).toContain('Wait 30 seconds')
    await age(30)
    await attacker.signIn('member@example.org', 'wrong').expect(401)
    const third = await attacker.signIn('member@example.org', 'wrong').expect(429)
    expect(waitMessage(third.text)[0]).toContain('Wait 1 minute,')
  })

  test('an address that does not exist is treated exactly alike, so nothing says which accounts exist', async () => {
    const attacker = await browser()
    for (let i = 0; i < 3; i++) await attacker.signIn('nobody-here@example.org', 'wrong').expect(401)
    const refused = await attacker.signIn('nobody-here@example.org', 'wrong').expect(429)
    expect(waitMessage(refused.text)).toEqual([
      'You have tried to sign in too many times. Wait 15 seconds, then try again.',
    ])
  })

  test('the counters hold no email address', async () => {
    const attacker = await browser()
    await attacker.signIn('manager@example.org', 'wrong').expect(401)
    const keys = (await t.database.db('sign_in_throttles').pluck('key')) as string[]
    expect(keys.length).toBeGreaterThan(0)
    expect(keys.join(' ')).not.toMatch(/@|manager|127\.0\.0\.1/)
  })

  test('counters left alone for a day are deleted by the next failed sign-in', async () => {
    const attacker = await browser()
    await attacker.signIn('caseworker@example.org', 'wrong').expect(401)
    await age(25 * 3600)
    await attacker.signIn('admin@example.org', 'wrong').expect(401)
    const rows = (await t.database.db('sign_in_throttles').select('failures')) as { failures: number }[]
    // The admin's counter and the address's (started again at one); the caseworker's is gone.
    expect(rows.map((r) => Number(r.failures))).toEqual([1, 1])
  })
})

describe('the owner’s browser is not held back by failures from elsewhere', () => {
  test('a browser that signed in to the account before still signs in while the account is throttled', async () => {
    const owner = await signedInBefore('chair@example.org')
    const attacker = await browser()
    for (let i = 0; i < 3; i++) await attacker.signIn('chair@example.org', 'wrong').expect(401)
    await attacker.signIn('chair@example.org', DEMO_PASSWORD).expect(429)

    const token = csrfTokenIn((await owner.get('/sign-in')).text)
    await owner
      .post('/sign-in')
      .type('form')
      .send({ email: 'chair@example.org', password: DEMO_PASSWORD, _csrf: token })
      .expect(303)
  })

  test('a device cookie counts its own failures, and is worth nothing for another account', async () => {
    const owner = await signedInBefore('manager@example.org')
    const signIn = async (email: string, password: string) =>
      owner
        .post('/sign-in')
        .type('form')
        .send({ email, password, _csrf: csrfTokenIn((await owner.get('/sign-in')).text) })
    for (let i = 0; i < 3; i++) expect((await signIn('manager@example.org', 'wrong')).status).toBe(401)
    expect((await signIn('manager@example.org', DEMO_PASSWORD)).status).toBe(429)
    // Another account from this browser is counted on that account's shared counter, untouched so far.
    expect((await signIn('member@example.org', 'wrong')).status).toBe(401)
    // And the untrusted counter of the manager's account was never touched by those failures.
    const elsewhere = await browser()
    await elsewhere.signIn('manager@example.org', DEMO_PASSWORD).expect(303)
  })
})

describe('a limit per address on top', () => {
  test('failures from one address across many accounts are slowed down too', async () => {
    const attacker = await browser()
    // Five per account free would never stop this; the address's fifteen do.
    for (let i = 0; i < 15; i++) await attacker.signIn(`guess${i}@example.org`, 'wrong').expect(401)
    const refused = await attacker.signIn('guess-next@example.org', 'wrong').expect(429)
    expect(waitMessage(refused.text)[0]).toContain('Wait 15 seconds')
  })
})

describe('two instances on one database', () => {
  test('share the counters: failures on one slow the account down on the other', async () => {
    const onFirst = await browser(t.app)
    const onSecond = await browser(other)
    for (let i = 0; i < 3; i++) await onFirst.signIn('admin@example.org', 'wrong').expect(401)
    const refused = await onSecond.signIn('admin@example.org', DEMO_PASSWORD).expect(429)
    expect(waitMessage(refused.text)[0]).toContain('Wait 15 seconds')
  })

  test('a device cookie given by one instance is honoured by the other', async () => {
    const owner = request.agent(other)
    const token = csrfTokenIn((await owner.get('/sign-in')).text)
    const signedIn = await owner
      .post('/sign-in')
      .type('form')
      .send({ email: 'caseworker@example.org', password: DEMO_PASSWORD, _csrf: token })
      .expect(303)
    const device = ([] as string[])
      .concat(signedIn.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('panel.device='))
    expect(device).toBeDefined()
    const attacker = await browser(t.app)
    for (let i = 0; i < 3; i++) await attacker.signIn('caseworker@example.org', 'wrong').expect(401)
    const onFirst = request.agent(t.app)
    const page = await onFirst.get('/sign-in')
    const cookies = ([] as string[]).concat(page.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!)
    await onFirst
      .post('/sign-in')
      .set('Cookie', [...cookies, device!.split(';')[0]!].join('; '))
      .type('form')
      .send({ email: 'caseworker@example.org', password: DEMO_PASSWORD, _csrf: csrfTokenIn(page.text) })
      .expect(303)
  })
})

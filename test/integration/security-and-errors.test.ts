import { Writable } from 'node:stream'
import knex from 'knex'
import pino from 'pino'
import request from 'supertest'
import express from 'express'
import { createApp } from '../../src/app'
import { setUpViewLocals, setUpViews } from '../../src/web/middleware/views'
import { errorHandler } from '../../src/web/middleware/errorPages'
import { loadConfig } from '../../src/config'
import { fixedClock } from '../../src/services/clock'
import { createTestApp, csrfTokenIn, signedInAgent, TEST_TODAY, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

/** A database that never answers: nothing listens on port 1. */
function unreachableDatabase() {
  return knex({
    client: 'pg',
    connection: 'postgres://nobody@127.0.0.1:1/none',
    acquireConnectionTimeout: 2000,
  })
}

describe('health', () => {
  test('answers ok when the database answers', async () => {
    const res = await request(t.app).get('/health').expect(200)
    expect(res.body).toEqual({ status: 'ok', database: 'ok' })
  })

  test('answers 503 when the database does not', async () => {
    const db = unreachableDatabase()
    const app = createApp({
      config: t.config,
      db,
      logger: pino({ level: 'silent' }),
      clock: fixedClock(TEST_TODAY),
    })
    const res = await request(app).get('/health').expect(503)
    expect(res.body.status).toBe('error')
    await db.destroy()
  })
})

describe('security headers', () => {
  test('a Content Security Policy with no unsafe-inline or unsafe-eval', async () => {
    const res = await request(t.app).get('/sign-in').expect(200)
    const csp = res.headers['content-security-policy']
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("style-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cache-control']).toBe('no-store')
  })

  test('the page has no inline script or style for the CSP to block', async () => {
    const agent = await signedInAgent(t.app, 'caseworker@example.org')
    const res = await agent.get('/cases').expect(200)
    expect(res.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
    expect(res.text).not.toMatch(/\sstyle="/)
    expect(res.text).not.toMatch(/<style/)
  })

  function cookieNamed(res: request.Response, name: string): string | undefined {
    return ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`))
  }

  test('session cookies are HttpOnly and SameSite=Lax, with the idle time-out as their life', async () => {
    const agent = request.agent(t.app)
    const page = await agent.get('/sign-in').expect(200)
    expect(cookieNamed(page, 'panel.sid')).toBeUndefined()
    const csrf = cookieNamed(page, 'panel.csrf')
    expect(csrf).toMatch(/HttpOnly/)
    expect(csrf).toMatch(/SameSite=Lax/)
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({
        email: 'caseworker@example.org',
        password: 'test-demo-password',
        _csrf: csrfTokenIn(page.text),
      })
      .expect(303)
    const cookie = cookieNamed(res, 'panel.sid')
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie ?? '')?.[1] ?? '')
    expect(Math.round((expires - Date.now()) / 60_000)).toBe(30)
    expect(cookie).not.toMatch(/Secure/)
  })

  test('in production session and CSRF cookies are Secure too', async () => {
    const config = {
      ...loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }),
      logLevel: 'silent',
    }
    const app = createApp({
      config,
      db: t.database.db,
      logger: pino({ level: 'silent' }),
      clock: fixedClock(TEST_TODAY),
    })
    // By hand: supertest's cookie jar keeps Secure cookies from plain-HTTP requests.
    const page = await request(app).get('/sign-in').set('X-Forwarded-Proto', 'https').expect(200)
    const csrf = cookieNamed(page, 'panel.csrf')
    expect(csrf).toMatch(/; Secure/)
    const res = await request(app)
      .post('/sign-in')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', csrf!.split(';')[0]!)
      .type('form')
      .send({
        email: 'caseworker@example.org',
        password: 'test-demo-password',
        _csrf: csrfTokenIn(page.text),
      })
      .expect(303)
    expect(cookieNamed(res, 'panel.sid')).toMatch(/; Secure/)
  })

  test('production refuses to start without a proper session secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/)
  })
})

describe('sessions', () => {
  test('a session past its absolute limit is signed out', async () => {
    const expired = await createTestApp({ sessionMaxHours: 0 })
    try {
      const agent = await signedInAgent(expired.app, 'caseworker@example.org')
      await agent.get('/cases').expect(303).expect('Location', '/sign-in')
    } finally {
      await expired.close()
    }
  })

  test('sessions are stored in the database', async () => {
    await signedInAgent(t.app, 'admin@example.org')
    const rows = await t.database.db('sessions').select('sess')
    const signedIn = rows.filter((r: { sess: { userId?: string } }) => r.sess.userId)
    expect(signedIn.length).toBeGreaterThan(0)
  })
})

describe('sign-in rate limit', () => {
  test('too many failed attempts are refused for a while, with a plain message', async () => {
    const limited = await createTestApp({ signInAttemptsPerWindow: 3 })
    try {
      const agent = request.agent(limited.app)
      const token = csrfTokenIn((await agent.get('/sign-in')).text)
      const attempt = () =>
        agent
          .post('/sign-in')
          .type('form')
          .send({ email: 'chair@example.org', password: 'wrong', _csrf: token })
      for (let i = 0; i < 3; i++) await attempt().expect(401)
      const res = await attempt().expect(429)
      expect(res.text).toContain('You have tried to sign in too many times')
    } finally {
      await limited.close()
    }
  })
})

describe('error pages', () => {
  test('an unknown page is a GOV.UK 404 page', async () => {
    const agent = await signedInAgent(t.app, 'caseworker@example.org')
    const res = await agent.get('/no-such-page').expect(404)
    expect(res.text).toContain('Page not found')
    expect(res.text).toContain('govuk-template')
  })

  function appThatFails(showStack: boolean, sink: Writable) {
    const app = express()
    setUpViews(app, t.config)
    app.use(setUpViewLocals)
    app.get('/boom', () => {
      throw new Error('Something broke for Amelia Jones')
    })
    app.use(errorHandler(pino({ level: 'info' }, sink), showStack))
    return app
  }

  test('a failure shows a GOV.UK error page with no stack trace outside development', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const res = await request(appThatFails(false, sink)).get('/boom').expect(500)
    expect(res.text).toContain('Sorry, there is a problem with the service')
    expect(res.text).not.toContain('Amelia')
    expect(res.text).not.toMatch(/\n\s+at /)
    expect(lines.join('')).toContain('unhandled error')

    const dev = await request(appThatFails(true, sink)).get('/boom').expect(500)
    expect(dev.text).toMatch(/at /)
  })

  test('request logs carry no e-mail addresses, names or query strings', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const app = createApp({
      config: t.config,
      db: t.database.db,
      logger: pino({ level: 'info' }, sink),
      clock: fixedClock(TEST_TODAY),
    })
    const agent = request.agent(app)
    const token = csrfTokenIn((await agent.get('/sign-in?email=parent@example.org')).text)
    await agent
      .post('/sign-in')
      .type('form')
      .send({ email: 'parent@example.org', password: 'wrong', _csrf: token })
    await agent
      .post('/sign-in')
      .type('form')
      .send({ email: 'parent@example.org', password: 'test-demo-password', _csrf: token })
    await agent.get('/portal').expect(200)
    const logs = lines.join('')
    expect(logs.length).toBeGreaterThan(0)
    expect(logs).not.toContain('example.org')
    expect(logs).not.toContain('password')
    expect(logs).not.toContain('cookie')
  })
})

describe('htmx fragments', () => {
  test('the same handler gives htmx the fragment and a browser the whole page', async () => {
    const agent = await signedInAgent(t.app, 'caseworker@example.org')
    const page = await agent.get('/cases?status=scheduled').expect(200)
    expect(page.text).toContain('<html')
    expect(page.text).toContain('id="case-list"')
    const fragment = await agent.get('/cases?status=scheduled').set('HX-Request', 'true').expect(200)
    expect(fragment.text).not.toContain('<html')
    expect(fragment.text).toContain('id="case-list"')
    expect(fragment.headers.vary).toMatch(/HX-Request/)
  })

  test('the filter shows only cases in that state', async () => {
    const agent = await signedInAgent(t.app, 'caseworker@example.org')
    const all = await agent.get('/cases').set('HX-Request', 'true').expect(200)
    const drafts = await agent.get('/cases?status=draft').set('HX-Request', 'true').expect(200)
    const rows = (html: string) => (html.match(/<tr class="govuk-table__row">/g) ?? []).length
    expect(rows(all.text)).toBeGreaterThan(rows(drafts.text))
    expect(drafts.text).not.toContain('On a panel agenda')
  })
})

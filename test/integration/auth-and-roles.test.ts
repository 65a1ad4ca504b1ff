import request from 'supertest'
import { createTestApp, csrfTokenIn, signedInAgent, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const ACCOUNTS = [
  { email: 'caseworker@example.org', home: '/cases', heading: 'My cases' },
  { email: 'chair@example.org', home: '/sittings', heading: 'My sittings' },
  { email: 'member@example.org', home: '/sittings', heading: 'My sittings' },
  { email: 'manager@example.org', home: '/reports', heading: 'Overview' },
  { email: 'admin@example.org', home: '/admin', heading: 'Settings' },
  { email: 'dpo@example.org', home: '/data-protection', heading: 'Subject access' },
  { email: 'parent@example.org', home: '/portal', heading: '’s case' },
  { email: 'parent2@example.org', home: '/portal', heading: '’s case' },
]

function sessionCookie(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? [])
  return cookies.find((c) => c.startsWith('panel.sid='))
}

describe('sign-in', () => {
  test('the sign-in page is a form with email, password and a CSRF token', async () => {
    const res = await request(t.app).get('/sign-in').expect(200)
    expect(res.text).toContain('name="email"')
    expect(res.text).toContain('name="password"')
    expect(csrfTokenIn(res.text)).toMatch(/^[\w-]{40,}$/)
  })

  test.each(ACCOUNTS)('$email signs in and lands on its own home page', async ({ email, home, heading }) => {
    const agent = request.agent(t.app)
    const page = await agent.get('/sign-in')
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ email, password: 'test-demo-password', _csrf: csrfTokenIn(page.text) })
      .expect(303)
    expect(res.headers.location).toBe(home)
    const homePage = await agent.get(home).expect(200)
    expect(homePage.text).toContain(heading)
    expect(homePage.text).toContain('Sign out')
  })

  test('a wrong password is refused with the GOV.UK error summary, and no session is signed in', async () => {
    const agent = request.agent(t.app)
    const page = await agent.get('/sign-in')
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ email: 'caseworker@example.org', password: 'wrong', _csrf: csrfTokenIn(page.text) })
      .expect(401)
    expect(res.text).toContain('There is a problem')
    expect(res.text).toContain('Enter a correct email address and password')
    expect(res.text).toContain('value="caseworker@example.org"')
    await agent.get('/cases').expect(303).expect('Location', '/sign-in')
  })

  test('an unknown account gets the same answer as a wrong password', async () => {
    const agent = request.agent(t.app)
    const page = await agent.get('/sign-in')
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ email: 'nobody@example.org', password: 'whatever', _csrf: csrfTokenIn(page.text) })
      .expect(401)
    expect(res.text).toContain('Enter a correct email address and password')
    // The same work is done for an unknown address, so its answer takes as long.
    const recorded = await t.database
      .db('audit_events')
      .where({ action: 'sign_in_failed', entity_id: 'unknown' })
    expect(recorded.length).toBeGreaterThan(0)
  })

  test('empty fields get a message next to each field', async () => {
    const agent = request.agent(t.app)
    const page = await agent.get('/sign-in')
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ email: '', password: '', _csrf: csrfTokenIn(page.text) })
      .expect(400)
    expect(res.text).toContain('Enter your email address')
    expect(res.text).toContain('Enter your password')
    expect(res.text).toContain('href="#email"')
    expect(res.text).toContain('id="email-error"')
    expect(res.text).toContain('<title>Error: Sign in')
  })

  test('the session id changes on sign-in, so one known before it is worthless', async () => {
    const agent = request.agent(t.app)
    const page = await agent.get('/sign-in')
    const first = await agent
      .post('/sign-in')
      .type('form')
      .send({
        email: 'caseworker@example.org',
        password: 'test-demo-password',
        _csrf: csrfTokenIn(page.text),
      })
      .expect(303)
    const before = sessionCookie(first)?.split(';')[0]
    const signedIn = await agent.get('/cases').expect(200)
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ email: 'chair@example.org', password: 'test-demo-password', _csrf: csrfTokenIn(signedIn.text) })
      .expect(303)
    const after = sessionCookie(res)?.split(';')[0]
    expect(before).toBeDefined()
    expect(after).toBeDefined()
    expect(after).not.toEqual(before)
  })

  test('a page asked for before signing in is returned to afterwards', async () => {
    const agent = request.agent(t.app)
    await agent.get('/cases?status=draft').expect(303).expect('Location', '/sign-in')
    const page = await agent.get('/sign-in')
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
  })

  test('signing in writes an audit event', async () => {
    await signedInAgent(t.app, 'manager@example.org')
    const user = await t.database.db('users').where({ email: 'manager@example.org' }).first('id')
    const events = await t.database.db('audit_events').where({ action: 'signed_in', entity_id: user.id })
    expect(events.length).toBeGreaterThan(0)
  })
})

describe('sign-out', () => {
  test('signs out and the old session no longer works', async () => {
    const agent = await signedInAgent(t.app, 'caseworker@example.org')
    const page = await agent.get('/cases').expect(200)
    await agent
      .post('/sign-out')
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) })
      .expect(303)
    await agent.get('/cases').expect(303).expect('Location', '/sign-in')
    const signedOut = await agent.get('/sign-in?signed-out=1').expect(200)
    expect(signedOut.text).toContain('You have signed out')
  })
})

describe('the role guard', () => {
  const AREAS: Record<string, string[]> = {
    '/cases': ['caseworker@example.org', 'manager@example.org'],
    '/cases/new': ['caseworker@example.org'],
    '/sittings': ['chair@example.org', 'member@example.org'],
    '/portal': ['parent@example.org', 'parent2@example.org'],
    '/reports': ['manager@example.org'],
    '/admin': ['admin@example.org'],
    '/data-protection': ['admin@example.org', 'dpo@example.org'],
    '/data-protection/reads': ['dpo@example.org'],
  }
  const emails = ACCOUNTS.map((a) => a.email)
  const cases = Object.entries(AREAS).flatMap(([path, allowed]) =>
    emails.map((email) => ({ path, email, status: allowed.includes(email) ? 200 : 403 })),
  )
  const agents = new Map<string, Awaited<ReturnType<typeof signedInAgent>>>()

  test.each(cases)('$email GET $path → $status', async ({ path, email, status }) => {
    if (!agents.has(email)) agents.set(email, await signedInAgent(t.app, email))
    const res = await agents.get(email)!.get(path).expect(status)
    if (status === 403) expect(res.text).toContain('You cannot see this page')
  })

  test('without signing in, every page sends you to sign in', async () => {
    for (const path of [...Object.keys(AREAS), '/', '/api/deadlines']) {
      await request(t.app).get(path).expect(303).expect('Location', '/sign-in')
    }
  })
})

describe('CSRF', () => {
  test('a sign-in without the token is refused with 403', async () => {
    const agent = request.agent(t.app)
    await agent.get('/sign-in')
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ email: 'caseworker@example.org', password: 'test-demo-password' })
      .expect(403)
    expect(res.text).toContain('Sorry, this form has expired')
  })

  test('a wrong token is refused, and the account stays signed in', async () => {
    const agent = await signedInAgent(t.app, 'caseworker@example.org')
    await agent.post('/sign-out').type('form').send({ _csrf: 'not-the-token' }).expect(403)
    await agent.get('/cases').expect(200)
  })

  test('htmx requests carry the token in the X-CSRF-Token header', async () => {
    const agent = await signedInAgent(t.app, 'caseworker@example.org')
    const page = await agent.get('/cases').expect(200)
    await agent.post('/sign-out').set('HX-Request', 'true').expect(403)
    await agent
      .post('/sign-out')
      .set('HX-Request', 'true')
      .set('X-CSRF-Token', csrfTokenIn(page.text))
      .expect(303)
  })
})

import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import type { Response } from 'supertest'
import { cookieRegistry, DEVICE_COOKIE_DAYS, RETURN_TO_MAX_AGE_MS } from '../../src/domain/cookies'
import { createTestApp, csrfTokenIn, DEMO_PASSWORD, type TestApp } from '../support/app'

/**
 * The cookies page lists every cookie the app sets: the main journeys are driven here (signed out,
 * signing in, a form post, the portal, signing out) and every Set-Cookie is compared with the registry
 * the page is made from. A cookie added without a line on the page fails this test.
 */

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, 120_000)
afterAll(() => t.close())

interface SetCookie {
  name: string
  attributes: string[]
  /** The response's Date header. */
  date: string
}
const seen: SetCookie[] = []

function record(res: Response): Response {
  const header = res.headers['set-cookie'] as string[] | string | undefined
  for (const line of ([] as string[]).concat(header ?? [])) {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim())
    seen.push({ name: pair.slice(0, pair.indexOf('=')), attributes, date: String(res.headers.date) })
  }
  return res
}

async function get(agent: TestAgent, path: string, status: number) {
  return record(await agent.get(path).expect(status))
}

async function post(agent: TestAgent, path: string, form: Record<string, string>, status: number) {
  return record(await agent.post(path).type('form').send(form).expect(status))
}

async function signIn(email: string): Promise<TestAgent> {
  const agent = request.agent(t.app)
  const page = await get(agent, '/sign-in', 200)
  await post(agent, '/sign-in', { email, password: 'wrong', _csrf: csrfTokenIn(page.text) }, 401)
  await post(agent, '/sign-in', { email, password: DEMO_PASSWORD, _csrf: csrfTokenIn(page.text) }, 303)
  return agent
}

test('every cookie the main journeys set is on the cookies page, and every cookie on it is set', async () => {
  // Signed out: a page that needs signing in, the public pages, an htmx request, a broken invitation link.
  const visitor = request.agent(t.app)
  await get(visitor, '/cases?status=draft', 303)
  for (const path of ['/accessibility', '/privacy', '/cookies', '/sign-in?signed-out=1'])
    await get(visitor, path, 200)
  record(await visitor.get('/cases').set('HX-Request', 'true').expect(401))
  await get(visitor, '/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 404)

  // Staff: sign in, a form post, an error page, sign out.
  const admin = await signIn('admin@example.org')
  const settings = await get(admin, '/admin/jargon', 200)
  const token = csrfTokenIn(settings.text)
  await post(admin, '/admin/jargon/new', { _csrf: token, term: 'endeavour', plainer: 'try' }, 303)
  await post(admin, '/admin/jargon/new', { _csrf: token, term: '', plainer: '' }, 400)
  await get(admin, '/no-such-page', 404)
  await post(admin, '/sign-out', { _csrf: token }, 303)

  // A family: the portal, a case page, sending views, signing out.
  const parent = await signIn('parent@example.org')
  const portal = await get(parent, '/portal', 200)
  const caseLink = /href="(\/portal\/cases\/[^"]+)"/.exec(portal.text)?.[1]
  expect(caseLink).toBeDefined()
  await get(parent, caseLink!, 200)
  await get(parent, '/admin', 403)
  await post(parent, '/sign-out', { _csrf: csrfTokenIn(portal.text) }, 303)

  const registry = cookieRegistry(t.config)
  const listed = registry.map((c) => c.name).sort()
  const set = [...new Set(seen.map((c) => c.name))].sort()
  expect(set.filter((name) => !listed.includes(name))).toEqual([])
  expect(listed.filter((name) => !set.includes(name))).toEqual([])
})

test('each cookie lasts as long as the page says', () => {
  const set = (name: string) =>
    seen.filter((c) => c.name === name && !c.attributes.some((a) => a.includes('1970')))
  const attribute = (c: SetCookie, key: string) =>
    c.attributes.find((a) => a.startsWith(`${key}=`))?.slice(key.length + 1)
  // The session: the idle time-out from the response's own Date, renewed on each request.
  const sessions = set('panel.sid')
  expect(sessions.length).toBeGreaterThan(1)
  for (const c of sessions) {
    const seconds = (Date.parse(attribute(c, 'Expires')!) - Date.parse(c.date)) / 1000
    expect(Math.abs(seconds - t.config.sessionIdleMinutes * 60)).toBeLessThanOrEqual(1)
  }
  for (const c of set('panel.return'))
    expect(attribute(c, 'Max-Age')).toBe(String(RETURN_TO_MAX_AGE_MS / 1000))
  for (const c of set('panel.device'))
    expect(attribute(c, 'Max-Age')).toBe(String(DEVICE_COOKIE_DAYS * 86_400))
  // The CSRF cookie has no expiry: it goes when the browser closes.
  for (const c of set('panel.csrf'))
    expect(c.attributes.some((a) => /^(Max-Age|Expires)=/.test(a))).toBe(false)
  // Every cookie that holds a value is out of reach of the page's scripts; clearing one needs no flag.
  for (const name of ['panel.sid', 'panel.csrf', 'panel.return', 'panel.device'])
    for (const c of set(name)) expect(c.attributes).toContain('HttpOnly')
})

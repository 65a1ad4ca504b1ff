import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { createTestApp, signedInAgent, type TestApp } from '../support/app'
import { sessionClock } from '../../src/services/clock'

/**
 * Issue 19: a signed-in session's row and cookie are renewed at most once a minute, not on every
 * request, and a session left alone for the idle time-out still ends. The clock is not faked: the
 * tests move the stored session back in time instead, as if its last renewal had been longer ago.
 */

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const MINUTE = 60_000

function sessionCookieIn(res: { headers: Record<string, unknown> }): string | undefined {
  return ([] as string[])
    .concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
    .find((c) => c.startsWith('panel.sid='))
}

interface Row {
  sid: string
  sess: { touchedAt?: number; signedInAt?: number }
  expires_at: Date
}

/** The one session row of an agent that just signed in: the newest signed-in row. */
async function newestSession(): Promise<Row> {
  const rows = (await t.database.db('sessions').select('sid', 'sess', 'expires_at')) as Row[]
  const parsed = rows.map((r) => ({ ...r, sess: typeof r.sess === 'string' ? JSON.parse(r.sess) : r.sess }))
  return parsed
    .filter((r) => r.sess.signedInAt)
    .sort((a, b) => (b.sess.touchedAt ?? b.sess.signedInAt!) - (a.sess.touchedAt ?? a.sess.signedInAt!))[0]!
}

async function reread(sid: string): Promise<Row> {
  const row = (await t.database.db('sessions').where({ sid }).first('sid', 'sess', 'expires_at')) as Row
  return { ...row, sess: typeof row.sess === 'string' ? JSON.parse(row.sess) : row.sess }
}

/** As if the session had last been renewed `minutes` ago, with its expiry counted from then. */
async function age(row: Row, minutes: number): Promise<void> {
  const writtenAt = sessionClock.now().getTime() - minutes * MINUTE
  await t.database
    .db('sessions')
    .where({ sid: row.sid })
    .update({
      sess: JSON.stringify({ ...row.sess, touchedAt: writtenAt, signedInAt: writtenAt }),
      expires_at: new Date(writtenAt + t.config.sessionIdleMinutes * MINUTE),
    })
}

describe('session renewal', () => {
  let agent: TestAgent
  let row: Row
  beforeEach(async () => {
    agent = await signedInAgent(t.app, 'caseworker@example.org')
    row = await newestSession()
  })

  test('an ordinary request within the minute sends no cookie and leaves the row as it was', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await agent.get('/cases').expect(200)
      expect(sessionCookieIn(res)).toBeUndefined()
    }
    const after = await reread(row.sid)
    expect(after.expires_at.getTime()).toBe(new Date(row.expires_at).getTime())
    expect(after.sess).toEqual(row.sess)
  })

  test('a request a minute or more after the last renewal renews the row and the cookie together', async () => {
    await age(row, 2)
    const before = await reread(row.sid)
    const res = await agent.get('/cases').expect(200)
    const cookie = sessionCookieIn(res)
    expect(cookie).toBeDefined()
    const after = await reread(row.sid)
    const cookieExpires = Date.parse(/Expires=([^;]+)/.exec(cookie!)?.[1] ?? '')
    // The cookie and the row end at the same moment (the cookie's Expires has whole seconds).
    expect(Math.abs(cookieExpires - after.expires_at.getTime())).toBeLessThan(1_000)
    expect(after.expires_at.getTime() - before.expires_at.getTime()).toBeGreaterThanOrEqual(
      2 * MINUTE - 1_000,
    )
    expect(Math.round((after.expires_at.getTime() - sessionClock.now().getTime()) / MINUTE)).toBe(
      t.config.sessionIdleMinutes,
    )
    // And the next request, within the minute again, sends nothing.
    expect(sessionCookieIn(await agent.get('/cases').expect(200))).toBeUndefined()
  })

  test('a session left alone for the idle time-out is signed out', async () => {
    await age(row, t.config.sessionIdleMinutes + 1)
    await agent.get('/cases').expect(303).expect('Location', '/sign-in')
  })

  test('a session just inside the idle time-out is kept, and renewed', async () => {
    await age(row, t.config.sessionIdleMinutes - 1)
    const res = await agent.get('/cases').expect(200)
    expect(sessionCookieIn(res)).toBeDefined()
    const after = await reread(row.sid)
    expect(after.expires_at.getTime()).toBeGreaterThan(
      sessionClock.now().getTime() + (t.config.sessionIdleMinutes - 1) * MINUTE,
    )
  })

  test('signed-out visitors still get no session row', async () => {
    const count = async () => Number((await t.database.db('sessions').count('* as n').first())?.n ?? 0)
    const before = await count()
    await request(t.app).get('/sign-in').expect(200)
    expect(await count()).toBe(before)
  })
})

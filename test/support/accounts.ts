import request from 'supertest'
import type { Express } from 'express'
import { createApp } from '../../src/app'
import { loadConfig, type Config } from '../../src/config'
import { createLogger } from '../../src/logger'
import { londonToday } from '../../src/domain/dates'
import type { Clock } from '../../src/services/clock'
import { seedDemoCouncil } from '../../src/demo'
import { createTestDatabase } from './database'
import { csrfTokenIn, DEMO_PASSWORD, TEST_TODAY, type TestApp } from './app'

/** A fixed clock that a test can move on, to see links expire without waiting. */
export interface MovableClock extends Clock {
  advanceMinutes(minutes: number): void
}

export function movableClock(start = new Date(`${TEST_TODAY}T09:00:00Z`)): MovableClock {
  let at = start.getTime()
  return {
    now: () => new Date(at),
    today: () => londonToday(new Date(at)),
    advanceMinutes: (minutes) => {
      at += minutes * 60_000
    },
  }
}

export const PUBLIC_URL = 'https://panel.example.gov.uk'

/** The demo council's app on a movable clock, with a PUBLIC_URL unlike the test's own host. */
export type AccountsTestApp = TestApp & { clock: MovableClock }

export async function createAccountsTestApp(): Promise<AccountsTestApp> {
  const database = await createTestDatabase()
  await seedDemoCouncil(database.db, { demoPassword: DEMO_PASSWORD, today: TEST_TODAY })
  const config: Config = { ...loadConfig({ NODE_ENV: 'test', PUBLIC_URL: PUBLIC_URL }) }
  const clock = movableClock()
  const app = createApp({
    config,
    db: database.db,
    logger: createLogger(process.env.TEST_LOG ?? 'silent'),
    clock,
  })
  return { app, config, database, clock, close: () => database.destroy() }
}

/** The link in the newest e-mail of this kind to this address, and the token in it. */
export async function linkInOutbox(
  t: TestApp,
  to: string,
  event: string,
): Promise<{ url: string; path: string; token: string } | undefined> {
  const row = (await t.database
    .db('email_outbox')
    .where({ to_address: to, event })
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .first('body')) as { body: string } | undefined
  if (!row) return undefined
  const match = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}(/[a-z-]+/([A-Za-z0-9_-]{43}))`).exec(row.body)
  if (!match) throw new Error(`No link in the e-mail: ${row.body}`)
  return { url: match[0], path: match[1]!, token: match[2]! }
}

/** Chooses a password on a set-up or reset page as a signed-out visitor would, expecting `status`. */
export async function choosePassword(app: Express, path: string, password: string, status: number) {
  const visitor = request.agent(app)
  const page = await visitor.get(path)
  if (page.status !== 200) {
    expect(page.status).toBe(status)
    return page
  }
  return visitor
    .post(path)
    .type('form')
    .send({ _csrf: csrfTokenIn(page.text), password, confirmPassword: password })
    .expect(status)
}

export async function sessionRowsOf(t: TestApp, userId: string): Promise<number> {
  const rows = await t.database.db('sessions').whereRaw("sess->>'userId' = ?", [userId]).select('sid')
  return rows.length
}

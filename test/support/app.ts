import type { Express } from 'express'
import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { createApp } from '../../src/app'
import { loadConfig, type Config } from '../../src/config'
import { createLogger } from '../../src/logger'
import { fixedClock } from '../../src/services/clock'
import { readLogOf } from '../../src/web/readEvents'
import { createTestDatabase, type TestDatabase } from './database'
import { DEMO_PASSWORD, TEST_TODAY } from './templates'

export { DEMO_PASSWORD, TEST_TODAY }

/** Demo accounts of every role but the admin's, staff first: for sweeps that check the admin pages refuse them. */
export const STAFF_NOT_ADMIN = [
  'caseworker@example.org',
  'chair@example.org',
  'member@example.org',
  'manager@example.org',
  'dpo@example.org',
]
export const NOT_ADMINS = [...STAFF_NOT_ADMIN, 'parent@example.org']

export interface TestApp {
  app: Express
  config: Config
  database: TestDatabase
  close(): Promise<void>
}

/** The real app, on a fresh database holding the demo council, as `npm start` would build it. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase('seeded')
  const config = { ...loadConfig({ NODE_ENV: 'test' }), ...overrides }
  const app = createApp({
    config,
    db: database.db,
    logger: createLogger(process.env.TEST_LOG ?? 'silent'),
    clock: fixedClock(TEST_TODAY),
  })
  return {
    app,
    config,
    database,
    // Reads still buffered are written while the database is open, as the server does on shutdown.
    close: async () => {
      await readLogOf(app).stop()
      await database.destroy()
    },
  }
}

/** The CSRF token in a page's form or meta tag. */
export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html) ?? /name="csrf-token" content="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('No CSRF token on the page')
  return match[1]
}

/** An agent (keeping cookies) signed in as the given demo account. */
export async function signedInAgent(
  app: Express,
  email: string,
  password = DEMO_PASSWORD,
): Promise<TestAgent> {
  const agent = request.agent(app)
  const page = await agent.get('/sign-in').expect(200)
  await agent
    .post('/sign-in')
    .type('form')
    .send({ email, password, _csrf: csrfTokenIn(page.text) })
    .expect(303)
  return agent
}

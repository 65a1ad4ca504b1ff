import session from 'express-session'
import type { RequestHandler } from 'express'
import type { Config } from '../../config'
import type { Db } from '../../data/db'
import { KnexSessionStore } from '../../data/sessions'
import { sessionClock } from '../../services/clock'

export const SESSION_COOKIE = 'panel.sid'

/**
 * Sessions stored in PostgreSQL. The cookie's life is the idle time-out, renewed on every request
 * (rolling), so a session left alone ends on its own; `signedInAt` caps it however busy it is.
 */
export function setUpSession(config: Config, db: Db): RequestHandler {
  const idleMs = config.sessionIdleMinutes * 60_000
  return session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store: new KnexSessionStore(db, idleMs, sessionClock),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.environment === 'production',
      maxAge: idleMs,
    },
  })
}

import session from 'express-session'
import type { RequestHandler } from 'express'
import type { Config } from '../../config'
import type { Db } from '../../data/db'
import { KnexSessionStore } from '../../data/sessions'
import { sessionClock } from '../../services/clock'
import { SESSION_COOKIE } from '../../domain/cookies'

export { SESSION_COOKIE }

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
    // Whether to send the Secure cookie follows X-Forwarded-Proto even when TRUST_PROXY is off, so
    // that behind a proxy ending TLS people can still sign in. It decides only that, never the
    // address the limits count (req.ip), and a client claiming HTTPS over HTTP exposes only its own cookie.
    proxy: config.environment === 'production' ? true : undefined,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.environment === 'production',
      maxAge: idleMs,
    },
  })
}

import session from 'express-session'
import type { RequestHandler } from 'express'
import type { Config } from '../../config'
import { SESSION_RENEWAL_MS } from '../../domain/sessionRenewal'
import { sessionClock } from '../../services/clock'
import { SESSION_COOKIE } from '../../domain/cookies'

export { SESSION_COOKIE }

/**
 * Sessions stored in PostgreSQL. The cookie's life is the idle time-out, so a session left alone
 * ends on its own; `signedInAt` caps it however busy it is. Renewing the row and the cookie on
 * every request cost a write and a Set-Cookie per page under load, so they are renewed together
 * at most once a minute (see renewSignedInSession): the idle time-out then counts from the last
 * renewal, which is at most a minute before the last request.
 */
export function setUpSession(config: Config, store: session.Store): RequestHandler[] {
  const idleMs = config.sessionIdleMinutes * 60_000
  return [
    session({
      name: SESSION_COOKIE,
      secret: config.sessionSecret,
      store,
      resave: false,
      saveUninitialized: false,
      // Not rolling: the cookie goes out again only when the session changed, which
      // renewSignedInSession makes it do once a minute.
      rolling: false,
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
    }),
    renewSignedInSession,
  ]
}

/**
 * A signed-in session last written a minute or more ago is marked changed, so that express-session
 * saves it (a new expiry in the row) and sends the cookie again with the same new expiry. Signed-out
 * visitors' sessions are left alone: marking them would store a row for every visitor.
 */
export const renewSignedInSession: RequestHandler = (req, _res, next) => {
  const { userId, touchedAt, signedInAt } = req.session
  if (userId) {
    const now = sessionClock.now().getTime()
    const lastWritten = touchedAt ?? signedInAt ?? 0
    if (now - lastWritten >= SESSION_RENEWAL_MS) req.session.touchedAt = now
  }
  next()
}

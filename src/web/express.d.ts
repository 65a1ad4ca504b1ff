import type { User } from '../services/records'
import type { ExplainedMove } from '../domain/queueMoves'

declare module 'express-session' {
  interface SessionData {
    userId?: string
    signedInAt?: number
    /** When the row and cookie were last renewed (ms): they are renewed at most once a minute. */
    touchedAt?: number
    csrfToken?: string
    /** What the queue moved after the chair's last change, shown once on the next page. */
    queueMoves?: ExplainedMove[]
  }
}

declare global {
  namespace Express {
    interface Request {
      user?: User
      /** The CSRF token for this request's forms (set by csrfProtection). */
      csrfToken?: () => string
    }
  }
}

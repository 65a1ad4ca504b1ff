import type { User } from '../data/users'

declare module 'express-session' {
  interface SessionData {
    userId?: string
    signedInAt?: number
    csrfToken?: string
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

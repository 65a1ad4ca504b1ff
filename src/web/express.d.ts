import type { User } from '../data/users'

declare module 'express-session' {
  interface SessionData {
    userId?: string
    signedInAt?: number
    csrfToken?: string
    /** A same-site path to return to after signing in. */
    returnTo?: string
  }
}

declare global {
  namespace Express {
    interface Request {
      user?: User
    }
  }
}

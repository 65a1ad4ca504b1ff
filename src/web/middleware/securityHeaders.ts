import helmet from 'helmet'
import type { RequestHandler } from 'express'

/**
 * A Content Security Policy with no 'unsafe-inline' and no 'unsafe-eval': every script and style is
 * a file we serve. htmx is configured (in the layout's htmx-config) to need neither.
 */
export function setUpSecurityHeaders(production: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Pages show children's data: never let a shared or back-button cache keep them (see noStore below).
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: production,
  })
}

/** Pages carry personal data: no caching by the browser or anything in between. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store')
  next()
}

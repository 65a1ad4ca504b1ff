import type { IncomingMessage, ServerResponse } from 'node:http'
import { pinoHttp } from 'pino-http'
import type { RequestHandler } from 'express'
import type { Logger } from '../../logger'

/** A calendar feed's address and an invitation link are secrets: the log keeps the route, not the token. */
export function loggablePath(url: string): string {
  return url
    .split('?')[0]!
    .replace(/^\/feeds\/[^/]+\//, '/feeds/[token]/')
    .replace(/^\/invitations\/[^/]+/, '/invitations/[token]')
}

/** Method, path (no query string: searches can hold names) and status. No headers, cookies, bodies or addresses. */
export function setUpRequestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method, path: loggablePath(req.url ?? '') }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
    },
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
  })
}

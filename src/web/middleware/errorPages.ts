import { types } from 'node:util'
import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from '../../logger'
import { ERROR_PAGES, HttpError, type HttpErrorKind } from '../errors'

export const notFound: RequestHandler = () => {
  throw new HttpError(404, 'not-found')
}

// Errors made by Node itself (a refused connection) fail `instanceof Error` in another realm, as under jest.
const isError = (error: unknown): error is Error => error instanceof Error || types.isNativeError(error)

/** PostgreSQL's refusal of text it cannot store: a NUL byte (22021) or a character outside the encoding (22P05). */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code
  return code === '22021' || code === '22P05'
}

/** What is safe to log of an error: never a database error's `detail`, which can quote the values that clashed. */
function describeError(error: unknown) {
  if (!isError(error)) return { message: String(error) }
  const code = (error as { code?: unknown }).code
  return {
    name: error.name,
    message: error.message,
    code: typeof code === 'string' ? code : undefined,
    stack: error.stack,
  }
}

/**
 * One handler for every error: a GOV.UK error page (or a small fragment for htmx). The stack trace
 * only when a developer asks for it (SHOW_ERROR_DETAILS), as it can quote SQL and the values in it.
 */
export function errorHandler(logger: Logger, showStack: boolean): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error)
    let kind: HttpErrorKind = 'server-error'
    let status = 500
    const clientStatus = (error as { status?: unknown } | undefined)?.status
    if (error instanceof HttpError) {
      kind = error.kind
      status = error.status
    } else if (isUnstorableText(error)) {
      // Every typed field refuses these itself (typedText); this is the net under one that forgot.
      logger.warn({ err: describeError(error), path: req.path }, 'text the database cannot store reached it')
      status = 400
      kind = 'bad-request'
    } else if (typeof clientStatus === 'number' && clientStatus >= 400 && clientStatus < 500) {
      // Express and body-parser mark what the browser sent wrong (a malformed address, a body too large).
      status = clientStatus
      kind = clientStatus === 413 ? 'too-large' : clientStatus === 404 ? 'not-found' : 'bad-request'
    } else {
      logger.error({ err: describeError(error), path: req.path }, 'unhandled error')
    }
    res.status(status)
    const stack = showStack && kind === 'server-error' && isError(error) ? error.stack : undefined
    const view = req.get('HX-Request') === 'true' ? 'partials/error-fragment' : 'pages/errors/error'
    res.render(view, { kind, status, stack, page: ERROR_PAGES[kind] })
  }
}

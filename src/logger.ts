import pino from 'pino'

export type Logger = pino.Logger

/**
 * Structured logs with no personal data: request logs carry method, path and status only (no query
 * strings, bodies, cookies or addresses), and code must log ids, never names or e-mail addresses.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['email', 'password', '*.email', '*.password', 'req.headers', 'name'], remove: true },
  })
}

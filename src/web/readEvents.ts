import type { Express } from 'express'
import type { ReadLogService } from '../services/readLog'

/**
 * createApp keeps its services to itself; the read log's buffer is the one piece that the server must
 * flush on shutdown and a test must flush before reading the table, so it is reachable from the app.
 */
const readLogs = new WeakMap<Express, ReadLogService>()

export function registerReadLog(app: Express, readLog: ReadLogService): void {
  readLogs.set(app, readLog)
}

export function readLogOf(app: Express): ReadLogService {
  const readLog = readLogs.get(app)
  if (!readLog) throw new Error('This app has no read log')
  return readLog
}

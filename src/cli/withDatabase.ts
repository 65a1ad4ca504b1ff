import type { Config } from '../config'
import { isEmbedded, lockDataDir, openDatabase, type Db } from '../data/db'

/**
 * Runs a command's work on the configured database and closes it afterwards. The embedded database's
 * folder is locked for the while, so that a command cannot write to it under a running server.
 */
export async function withDatabase<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
  const options = { databaseUrl: config.databaseUrl, dataDir: config.dataDir }
  const unlock = isEmbedded(options) ? lockDataDir(config.dataDir) : () => undefined
  const db = openDatabase(options)
  try {
    return await work(db)
  } finally {
    await db.destroy()
    unlock()
  }
}

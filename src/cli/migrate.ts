import { loadConfig } from '../config'
import { isEmbedded, lockDataDir, migrateToLatest, openDatabase } from '../data/db'

async function main(): Promise<void> {
  const config = loadConfig()
  const options = { databaseUrl: config.databaseUrl, dataDir: config.dataDir }
  const unlock = isEmbedded(options) ? lockDataDir(config.dataDir) : () => undefined
  const db = openDatabase(options)
  try {
    const applied = await migrateToLatest(db)
    console.log(
      applied.length
        ? `Applied ${applied.length} migrations:\n  ${applied.join('\n  ')}`
        : 'Already up to date.',
    )
  } finally {
    await db.destroy()
    unlock()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

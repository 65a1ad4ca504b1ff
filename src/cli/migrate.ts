import { loadConfig } from '../config'
import { migrateToLatest } from '../data/db'
import { withDatabase } from './withDatabase'

async function main(): Promise<void> {
  await withDatabase(loadConfig(), async (db) => {
    const applied = await migrateToLatest(db)
    console.log(
      applied.length
        ? `Applied ${applied.length} migrations:\n  ${applied.join('\n  ')}`
        : 'Already up to date.',
    )
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

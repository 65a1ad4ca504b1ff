/**
 * Fills the database with the demo council: `npm run seed`. It runs the migrations first, and does
 * nothing when the demo accounts are already there.
 */
import { loadConfig } from '../config'
import { migrateToLatest } from '../data/db'
import { seedDemoCouncil } from '../demo'
import { systemClock } from '../services/clock'
import { withDatabase } from './withDatabase'

async function main(): Promise<number> {
  // Checked before loading the config: a live council's data must never be mixed with invented
  // people who share a known password, whatever else is or is not configured.
  if (process.env.NODE_ENV === 'production') {
    console.error(
      'Refusing to add the demo council: NODE_ENV is production. Demo accounts share a known password.',
    )
    return 1
  }
  const config = loadConfig()
  return withDatabase(config, async (db) => {
    await migrateToLatest(db)
    const result = await seedDemoCouncil(db, {
      demoPassword: config.demoPassword,
      today: systemClock.today(),
      portalUrl: config.portalUrl,
    })
    if (!result.seeded) {
      console.log('The demo council is already there: nothing was changed.')
      return 0
    }
    // Counts only: names and e-mail addresses stay out of terminals and CI logs.
    console.log('Added the demo council:')
    for (const [table, count] of Object.entries(result.counts)) console.log(`  ${table}: ${count}`)
    return 0
  })
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error('Could not add the demo council:', error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)

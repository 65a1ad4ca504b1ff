import type { Server } from 'node:http'
import { loadConfig } from './config'
import { createLogger } from './logger'
import { isEmbedded, lockDataDir, migrateToLatest, openDatabase } from './data/db'
import { createApp } from './app'
import { systemClock } from './services/clock'
import { DEMO_ACCOUNTS, seedDemoCouncil } from './services/demoCouncil'

async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger(config.logLevel)
  const dbOptions = { databaseUrl: config.databaseUrl, dataDir: config.dataDir }
  const embedded = isEmbedded(dbOptions)
  const unlock = embedded ? lockDataDir(config.dataDir) : () => undefined

  const db = openDatabase(dbOptions)
  const applied = await migrateToLatest(db)
  if (applied.length > 0) logger.info({ migrations: applied.length }, 'database migrated')

  // The embedded database is for trying the service out: give a new one the demo council.
  let seeded = false
  if (embedded && config.environment !== 'production') {
    const result = await seedDemoCouncil(db, {
      demoPassword: config.demoPassword,
      today: systemClock.today(),
    })
    seeded = result.seeded
  }

  const app = createApp({ config, db, logger, clock: systemClock })
  const server: Server = app.listen(config.port, () => {
    const url = `http://localhost:${config.port}`
    const lines = [
      '',
      `Panel is running at ${url}`,
      embedded
        ? `Database: embedded (${config.dataDir})${seeded ? ', with a new demo council' : ''}`
        : 'Database: PostgreSQL (DATABASE_URL)',
    ]
    if (embedded && config.environment !== 'production') {
      lines.push('', `Demo sign-ins (password: ${config.demoPassword}):`)
      for (const account of DEMO_ACCOUNTS) lines.push(`  ${account.email.padEnd(26)} ${account.role}`)
    }
    console.log(lines.join('\n') + '\n')
  })

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping')
    server.close(() => {
      db.destroy().finally(() => {
        unlock()
        process.exit(0)
      })
    })
    server.closeAllConnections()
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

import type { Server } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import { loadConfig, type JobsConfig } from './config'
import { createLogger } from './logger'
import { isEmbedded, lockDataDir, migrateToLatest, openDatabase, pingDatabase } from './data/db'
import { systemClock } from './services/clock'
import type { ScheduledJobs } from './jobs'

/** A job stuck on a lost connection must not hold up shutdown for ever. */
const JOBS_STOP_TIMEOUT_MS = 10_000

function jobsLine(settings: JobsConfig, scheduled: ScheduledJobs['scheduled'], timezone: string): string {
  if (!settings.enabled) return 'Scheduled jobs: off (JOBS_ENABLED=false)'
  const off = settings.disabled.length > 0 ? `; turned off: ${settings.disabled.join(', ')}` : ''
  if (scheduled.length === 0) return `Scheduled jobs: none${off}`
  const list = scheduled.map((j) => `${j.name} "${j.schedule}"`).join(', ')
  return `Scheduled jobs (${timezone}): ${list}${off}`
}

async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger(config.logLevel)
  const dbOptions = { databaseUrl: config.databaseUrl, dataDir: config.dataDir }
  const embedded = isEmbedded(dbOptions)
  const unlock = embedded ? lockDataDir(config.dataDir) : () => undefined

  const db = openDatabase(dbOptions)
  // Connecting first lets the embedded database compile its WebAssembly in the background while the
  // rest of the app loads (a second or two each on a busy machine); a failure shows in the migration.
  pingDatabase(db).catch(() => undefined)
  const [
    { createApp },
    { DEMO_ACCOUNTS, seedDemoCouncil },
    { dataLayer },
    { services: buildServices, serviceSettings },
    jobsModule,
    { readLogOf },
  ] = await Promise.all([
    import('./app.js'),
    import('./demo/index.js'),
    import('./data/index.js'),
    import('./services/index.js'),
    import('./jobs/index.js'),
    import('./web/readEvents.js'),
  ])
  const { JOBS_TIMEZONE, planJobs, runJob, scheduleJobs, scheduledJobs } = jobsModule
  const applied = await migrateToLatest(db)
  if (applied.length > 0) logger.info({ migrations: applied.length }, 'database migrated')

  // The embedded database is for trying the service out: give a new one the demo council.
  let seeded = false
  if (embedded && config.environment !== 'production') {
    const result = await seedDemoCouncil(db, {
      demoPassword: config.demoPassword,
      today: systemClock.today(),
      portalUrl: config.portalUrl,
    })
    seeded = result.seeded
  }

  // One data layer and one set of services, shared by the app's routers and the scheduled jobs.
  const data = dataLayer(db)
  const services = buildServices(data, systemClock, serviceSettings(config))
  const app = createApp({ config, db, logger, clock: systemClock, services })
  const jobs = scheduledJobs(services)
  // A run the last stop (or crash) cut short would otherwise read "running" for ever.
  const abandoned = await services.jobRuns.markAbandonedRunsFailed()
  if (abandoned > 0) logger.warn({ runs: abandoned }, 'job runs cut short by the last stop marked failed')
  // Checked before listening, so that a bad JOB_*_SCHEDULE stops the start with a message naming it.
  planJobs(jobs, config.jobs)
  let scheduled: ScheduledJobs | undefined
  const server: Server = app.listen(config.port, () => {
    const url = `http://localhost:${config.port}`
    const lines = [
      '',
      `Panel is running at ${url}`,
      embedded
        ? `Database: embedded (${config.dataDir})${seeded ? ', with a new demo council' : ''}`
        : 'Database: PostgreSQL (DATABASE_URL)',
    ]
    if (config.jobs.enabled) {
      scheduled = scheduleJobs(
        jobs,
        config.jobs,
        (job, options) => runJob(data, logger, job, options),
        logger,
      )
    }
    lines.push(jobsLine(config.jobs, scheduled?.scheduled ?? [], JOBS_TIMEZONE))
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
    // No new runs from here; a run under way finishes (or times out) before the database closes under it.
    const jobsStopped = Promise.race([scheduled?.stop(), delay(JOBS_STOP_TIMEOUT_MS)])
    server.close(() => {
      jobsStopped
        // Reads still in the log's buffer are written before the database closes.
        .finally(() => readLogOf(app).stop())
        .finally(() => db.destroy())
        .finally(() => {
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

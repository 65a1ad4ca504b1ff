import { loadConfig } from '../config'
import { dataLayer } from '../data'
import { runJob } from '../jobs'
import { createLogger } from '../logger'
import { systemClock } from '../services/clock'
import { storedDeadlinesService } from '../services/storedDeadlines'
import { withDatabase } from './withDatabase'

/**
 * Runs the recompute-deadlines job now, with the same record in job_runs as the nightly run: after deploying a
 * release that changes a rule, or the migration that added annual_review_due_on, rather than waiting for the night.
 */
async function main(): Promise<void> {
  const config = loadConfig()
  await withDatabase(config, async (db) => {
    const data = dataLayer(db)
    const service = storedDeadlinesService(data, systemClock)
    const outcome = await runJob(data, createLogger(config.logLevel), {
      name: 'recompute-deadlines',
      run: () => service.recomputeAll(),
    })
    const last = await data.jobRuns.lastRun('recompute-deadlines')
    console.log(`recompute-deadlines ${outcome}: ${JSON.stringify(last?.counts ?? {})}`)
    if (outcome === 'failed') process.exitCode = 1
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

/**
 * The app for the pages benchmark, in a process of its own so that the load generator does not share
 * its event loop: PostgreSQL from DATABASE_URL when set, else a new embedded database in a temporary
 * folder, filled to 50,000 cases (once: a second instance on the same PostgreSQL finds them there).
 */
import fs from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { createApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { migrateToLatest, openDatabase } from '../../src/data/db'
import { createLogger } from '../../src/logger'
import { fixedClock } from '../../src/services/clock'
import { seedDemoCouncil } from '../../src/demo'
import { addCases } from '../caseList'
import { BENCH_CASES, BENCH_PASSWORD, BENCH_TODAY } from './constants'

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || undefined
  const dataDir = databaseUrl ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'panel-bench-'))
  const db = openDatabase({ databaseUrl, dataDir })
  if (process.env.BENCH_FILL !== 'no') {
    await migrateToLatest(db)
    await seedDemoCouncil(db, { demoPassword: BENCH_PASSWORD, today: BENCH_TODAY })
    await addCases(db, BENCH_CASES, BENCH_TODAY)
  }
  const config = { ...loadConfig({ NODE_ENV: 'test' }), signInAttemptsPerWindow: 100_000 }
  const app = createApp({ config, db, logger: createLogger('silent'), clock: fixedClock(BENCH_TODAY) })
  // The demo's sitting of 17 November, whose cases wait for decisions (as in test/integration/meeting.test.ts).
  const sitting = (await db('sittings as s')
    .join('panels as p', 'p.id', 's.panel_id')
    .where({ 'p.panel_type': 'send_decision', 's.sitting_on': '2026-11-17' })
    .orderBy('s.origin', 'desc')
    .first('s.id')) as { id: string }
  const item = (await db('agenda_items')
    .where({ sitting_id: sitting.id })
    .orderBy('position')
    .first('case_id')) as { case_id: string }
  const server = app.listen(0, '127.0.0.1', () => {
    const port = (server.address() as AddressInfo).port
    process.send?.({ port, sittingId: sitting.id, caseId: item.case_id })
  })
  const stop = () => {
    server.close()
    server.closeAllConnections()
    // Requests autocannon left mid-way may still hold queries: they finish before the pool closes.
    delay(1_000)
      .then(() => db.destroy())
      .catch(() => undefined)
      .finally(() => {
        if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
        process.exit(0)
      })
  }
  process.on('disconnect', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

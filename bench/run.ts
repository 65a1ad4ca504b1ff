/**
 * Benchmarks, run by `npm run bench`. No issue has set a speed target yet; this measures the
 * signed-in home page against the cheapest request the app answers (/health), in the same run, on
 * the embedded database, so a later change that makes pages slower shows up as a higher ratio.
 * Requests are sequential and bounded in count, on 127.0.0.1 only.
 */
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { createApp } from '../src/app'
import { loadConfig } from '../src/config'
import { migrateToLatest, openDatabase } from '../src/data/db'
import { createLogger } from '../src/logger'
import { fixedClock } from '../src/services/clock'
import { seedDemoCouncil } from '../src/demo'
import { hashPassword } from '../src/services/passwords'
import { addCases } from './caseList'
import { runLettersBench } from './letters'
import { runSchedulerBench } from './scheduler'
import { runPagesBench } from './pages'
import { runQueueBench } from './queue'
import { runReportsBench } from './reports'
import { sample } from './sampling'

const REQUESTS = 300
const TODAY = '2026-11-23'

async function time(label: string, count: number, run: () => Promise<void>) {
  for (let i = 0; i < 20; i++) await run() // warm up
  return { label, ...(await sample(count, run)) }
}

/** Signs in through the real form and returns the session cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const signInPage = await fetch(`${base}/sign-in`)
  const cookie = (signInPage.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const token = /name="_csrf" value="([^"]+)"/.exec(await signInPage.text())?.[1] ?? ''
  const signedIn = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: 'bench', _csrf: token }),
  })
  return (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

async function main(): Promise<void> {
  // Issue 4: the scheduler, first so that its memory figures are not the database's. `run.js scheduler` runs only it.
  const only = process.argv[2]
  if (only !== undefined && !['scheduler', 'letters', 'pages', 'queue', 'reports'].includes(only)) {
    throw new Error(
      `No bench section "${only}": name scheduler, letters, pages, queue or reports, or none to run them all`,
    )
  }
  // Issue 14: the queue at 50,000 cases. Only by name (`run.js queue [--saves N] [--requests N]
  // [--runs N] [--cases N] [--waiting N]`), on DATABASE_URL's PostgreSQL when set.
  if (only === 'queue') {
    const { values } = parseArgs({
      args: process.argv.slice(3),
      options: {
        saves: { type: 'string', default: '30' },
        requests: { type: 'string', default: '30' },
        runs: { type: 'string', default: '5' },
        cases: { type: 'string', default: '50000' },
        waiting: { type: 'string', default: '5000' },
      },
    })
    await runQueueBench({
      saves: Number(values.saves),
      requests: Number(values.requests),
      runs: Number(values.runs),
      cases: Number(values.cases),
      waiting: Number(values.waiting),
    })
    return
  }
  // Issue 18 point 7: the reports at 50,000 cases. Only by name (`run.js reports [--requests N]
  // [--cases N]`), on DATABASE_URL's PostgreSQL when set.
  if (only === 'reports') {
    const { values } = parseArgs({
      args: process.argv.slice(3),
      options: { requests: { type: 'string', default: '20' }, cases: { type: 'string', default: '50000' } },
    })
    await runReportsBench({ requests: Number(values.requests), cases: Number(values.cases) })
    return
  }
  // Issue 19: signed-in pages under load against bare Express. Only by name (`run.js pages
  // [--seconds N] [--connections N] [--instances N]`): it takes minutes and all the machine.
  if (only === 'pages') {
    const { values } = parseArgs({
      args: process.argv.slice(3),
      options: {
        seconds: { type: 'string', default: '10' },
        connections: { type: 'string', default: '50' },
        instances: { type: 'string', default: '1' },
        only: { type: 'string' },
      },
    })
    await runPagesBench({
      seconds: Number(values.seconds),
      connections: Number(values.connections),
      instances: Number(values.instances),
      only: values.only,
    })
    return
  }
  if (only === undefined || only === 'scheduler') runSchedulerBench(TODAY)
  if (only === 'scheduler') return
  // Issue 6: decision letters, pdfkit against Chromium. `run.js letters` runs only it.
  if (only === undefined || only === 'letters') await runLettersBench()
  if (only === 'letters') return

  const db = openDatabase({})
  await migrateToLatest(db)
  await seedDemoCouncil(db, { demoPassword: 'bench', today: TODAY })
  const config = { ...loadConfig({ NODE_ENV: 'test' }), signInAttemptsPerWindow: 1000 }
  const app = createApp({ config, db, logger: createLogger('silent'), clock: fixedClock(TODAY) })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const session = await signIn(base, 'caseworker@example.org')

  const baseline = await time('GET /health (baseline)', REQUESTS, async () => {
    await (await fetch(`${base}/health`)).text()
  })
  const home = await time('GET /cases, signed in (15 cases)', REQUESTS, async () => {
    const res = await fetch(`${base}/cases`, { headers: { cookie: session } })
    if (res.status !== 200) throw new Error(`/cases answered ${res.status}`)
    await res.text()
  })
  const hashing = await time('scrypt password hash', 20, async () => {
    await hashPassword('a password for the benchmark')
  })

  // Issue 3: the case list stays fast with 50,000 cases.
  await addCases(db, 50_000, TODAY)
  const manager = await signIn(base, 'manager@example.org')
  const listAt = (query: string) => async () => {
    const res = await fetch(`${base}/cases?${query}`, { headers: { cookie: manager } })
    if (res.status !== 200) throw new Error(`/cases?${query} answered ${res.status}`)
    await res.text()
  }
  const bigFirst = await time('GET /cases all, 50,000 cases, page 1', 60, listAt('scope=all'))
  const bigLast = await time('… page 1,000', 60, listAt('scope=all&page=1000'))
  const bigFiltered = await time(
    '… kind and due soon',
    60,
    listAt('scope=all&kind=placement&deadline=due_soon'),
  )

  for (const r of [baseline, home, hashing, bigFirst, bigLast, bigFiltered]) {
    console.log(`${r.label.padEnd(40)} p50 ${r.p50.toFixed(2)} ms   p95 ${r.p95.toFixed(2)} ms`)
  }
  console.log(`ratio: /cases (15 cases) p50 is ${(home.p50 / baseline.p50).toFixed(1)}× the /health baseline`)
  console.log(
    `ratio: /cases (50,000 cases, page 1) p50 is ${(bigFirst.p50 / home.p50).toFixed(1)}× the 42-case list`,
  )
  const plan = await db.raw(
    `EXPLAIN SELECT id FROM cases WHERE kind = 'placement' AND next_deadline_on >= ? AND next_deadline_on < ?
     ORDER BY next_deadline_on ASC NULLS LAST, received_on, reference LIMIT 25`,
    [TODAY, '2026-12-08'],
  )
  console.log('\nEXPLAIN of the filtered list query:')
  for (const row of plan.rows as { 'QUERY PLAN': string }[]) console.log(`  ${row['QUERY PLAN']}`)

  server.close()
  await db.destroy()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

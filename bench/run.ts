/**
 * Benchmarks, run by `npm run bench`. No issue has set a speed target yet; this measures the
 * signed-in home page against the cheapest request the app answers (/health), in the same run, on
 * the embedded database, so a later change that makes pages slower shows up as a higher ratio.
 * Requests are sequential and bounded in count, on 127.0.0.1 only.
 */
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { createApp } from '../src/app'
import { loadConfig } from '../src/config'
import { migrateToLatest, openDatabase } from '../src/data/db'
import { createLogger } from '../src/logger'
import { fixedClock } from '../src/services/clock'
import { seedDemoCouncil } from '../src/services/demoCouncil'
import { hashPassword } from '../src/services/passwords'

const REQUESTS = 300
const TODAY = '2026-11-23'

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

async function time(label: string, count: number, run: () => Promise<void>) {
  for (let i = 0; i < 20; i++) await run() // warm up
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    const started = performance.now()
    await run()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return { label, p50: percentile(samples, 50), p95: percentile(samples, 95) }
}

async function main(): Promise<void> {
  const db = openDatabase({})
  await migrateToLatest(db)
  await seedDemoCouncil(db, { demoPassword: 'bench', today: TODAY })
  const config = { ...loadConfig({ NODE_ENV: 'test' }), signInAttemptsPerWindow: 1000 }
  const app = createApp({ config, db, logger: createLogger('silent'), clock: fixedClock(TODAY) })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const signInPage = await fetch(`${base}/sign-in`)
  const cookie = (signInPage.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const token = /name="_csrf" value="([^"]+)"/.exec(await signInPage.text())?.[1] ?? ''
  const signedIn = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'caseworker@example.org', password: 'bench', _csrf: token }),
  })
  const session = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''

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

  for (const r of [baseline, home, hashing]) {
    console.log(`${r.label.padEnd(36)} p50 ${r.p50.toFixed(2)} ms   p95 ${r.p95.toFixed(2)} ms`)
  }
  console.log(`ratio: /cases p50 is ${(home.p50 / baseline.p50).toFixed(1)}× the /health baseline`)

  server.close()
  await db.destroy()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

/**
 * Issue 19: every main signed-in page under load, against bare Express. The bare route and the app
 * each run in a process of their own; autocannon drives them from this one, route after route, at
 * `connections` connections for `seconds` each. Any non-2xx answer or socket error fails the run.
 */
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import autocannon from 'autocannon'
import { BENCH_PASSWORD, BENCH_TODAY } from './constants'

export interface PagesBenchOptions {
  seconds: number
  connections: number
  /** App instances on the one PostgreSQL, sharing the `connections` between them; their figures add up. */
  instances: number
  /** Only the routes whose label contains this (for profiling one page); the bare route always runs. */
  only?: string
}

interface Row {
  route: string
  signedIn: boolean
  reqPerSec: number
  p50: number
  p99: number
  non2xx: number
}

interface Started {
  child: ChildProcess
  port: number
  /** The app's: a sitting of the demo council with cases on its agenda, and the first of them. */
  sittingId?: string
  caseId?: string
}

function start(script: string, env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const execArgv = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : []
  const child = fork(path.join(__dirname, script), [], { env: { ...process.env, ...env }, execArgv })
  return new Promise((resolve, reject) => {
    child.once('message', (message: Omit<Started, 'child'>) => resolve({ child, ...message }))
    child.once('exit', (code) => reject(new Error(`${script} stopped (exit code ${code}) before listening`)))
  })
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  if (child.connected) child.disconnect()
  await exited
}

/** Signs in through the real form and returns the session cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const page = await fetch(`${base}/sign-in`)
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
  const signedIn = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: BENCH_PASSWORD, _csrf: token }),
  })
  const session =
    signedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('panel.sid='))
      ?.split(';')[0] ?? ''
  if (signedIn.status !== 303 || !session) throw new Error(`Could not sign in as ${email}`)
  return session
}

async function load(urls: string[], headers: Record<string, string>, options: PagesBenchOptions) {
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        headers,
        connections: Math.ceil(options.connections / urls.length),
        duration: options.seconds,
      }),
    ),
  )
  return {
    reqPerSec: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
  }
}

export async function runPagesBench(options: PagesBenchOptions): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || undefined
  if (options.instances > 1 && !databaseUrl) {
    throw new Error('Several instances need one PostgreSQL: set DATABASE_URL')
  }
  const rows: Row[] = []
  const bare = await start('bareExpress.js')
  try {
    const r = await load([`http://127.0.0.1:${bare.port}/`], {}, options)
    rows.push({ route: 'bare Express, constant string', signedIn: false, ...r })
  } finally {
    await stop(bare.child)
  }

  console.log(
    `Filling the ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'embedded'} database to 50,000 cases…`,
  )
  const first = await start('appServer.js')
  const apps = [first]
  for (let i = 1; i < options.instances; i++) apps.push(await start('appServer.js', { BENCH_FILL: 'no' }))
  try {
    const bases = apps.map((a) => `http://127.0.0.1:${a.port}`)
    const base = bases[0]!
    const cookies = {
      manager: await signIn(base, 'manager@example.org'),
      chair: await signIn(base, 'chair@example.org'),
      parent: await signIn(base, 'parent@example.org'),
    }
    const { sittingId, caseId } = first
    const routes: [string, string, keyof typeof cookies | undefined][] = [
      ['/health', '/health', undefined],
      ['/cases?scope=all', '/cases?scope=all', 'manager'],
      ['/cases?scope=all&kind=placement&deadline=due_soon', '/cases, kind and due soon', 'manager'],
      [`/cases/${caseId}`, '/cases/:id', 'manager'],
      ['/queue', '/queue', 'chair'],
      [`/sittings/${sittingId}`, '/sittings/:id (agenda)', 'chair'],
      [`/sittings/${sittingId}/items/${caseId}/decision`, '/sittings/:id/items/:case/decision', 'chair'],
      [`/sittings/${sittingId}/minutes`, '/sittings/:id/minutes', 'chair'],
      ['/portal', '/portal', 'parent'],
    ]
    for (const [route, label, who] of routes) {
      if (options.only && !label.includes(options.only)) continue
      const check = await fetch(`${base}${route}`, {
        headers: who ? { cookie: cookies[who] } : {},
        redirect: 'manual',
      })
      if (check.status !== 200) throw new Error(`${route} answered ${check.status} before the load`)
      const r = await load(
        bases.map((b) => `${b}${route}`),
        who ? { cookie: cookies[who] } : {},
        options,
      )
      rows.push({ route: who ? `${label} (${who})` : label, signedIn: who !== undefined, ...r })
    }
  } finally {
    for (const app of apps) await stop(app.child)
  }
  report(rows, options)
}

function report(rows: Row[], options: PagesBenchOptions): void {
  const bare = rows[0]!.reqPerSec
  const share = (r: Row) => (100 * r.reqPerSec) / bare
  const width = Math.max(...rows.map((r) => r.route.length))
  console.log(
    `\npages: ${options.connections} connections × ${options.seconds} s a route` +
      (options.instances > 1 ? ` shared by ${options.instances} app instances (figures combined)` : '') +
      `, ${BENCH_TODAY}`,
  )
  console.log(
    `${'route'.padEnd(width)}  ${'req/s'.padStart(8)}  ${'share'.padStart(6)}  ${'p50'.padStart(7)}  ${'p99'.padStart(7)}  non-2xx`,
  )
  for (const r of rows) {
    console.log(
      `${r.route.padEnd(width)}  ${r.reqPerSec.toFixed(0).padStart(8)}  ${share(r).toFixed(1).padStart(5)}%  ${`${r.p50} ms`.padStart(7)}  ${`${r.p99} ms`.padStart(7)}  ${r.non2xx}`,
    )
  }
  const failed = rows.filter((r) => r.non2xx > 0)
  if (failed.length > 0) {
    throw new Error(`Answers that were not 2xx (or errors) on: ${failed.map((r) => r.route).join(', ')}`)
  }
  const slowest = rows.filter((r) => r.signedIn).sort((a, b) => a.reqPerSec - b.reqPerSec)[0]!
  console.log(
    `pages: slowest signed-in page ${slowest.route} ${slowest.reqPerSec.toFixed(0)} req/s = ${share(slowest).toFixed(1)}% of bare Express (p99 ${slowest.p99} ms)`,
  )
}

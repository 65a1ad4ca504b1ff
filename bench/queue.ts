/**
 * Issue 14, point 6: the queue at a large council's size, on PostgreSQL (DATABASE_URL) when set, else
 * embedded. 50,000 cases of which 5,000 await a sitting (the pages bench's filler, then all but 5,000
 * of the waiting ones decided). Measured in one run, beside a bare Express route on the same machine:
 * a decision save through the real HTTP route, the nightly queue run, GET /queue, and the scheduler
 * on 10,000 and 100,000 cases against sorting the same cases. Nothing fails on timing: it prints.
 * `npm run bench -- queue [--saves N] [--requests N] [--runs N] [--cases N] [--waiting N]`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { performance } from 'node:perf_hooks'
import express from 'express'
import { createApp } from '../src/app'
import { loadConfig } from '../src/config'
import { dataLayer } from '../src/data'
import { migrateToLatest, openDatabase, type Db } from '../src/data/db'
import { createLogger } from '../src/logger'
import { fixedClock } from '../src/services/clock'
import { seedDemoCouncil } from '../src/demo'
import { services as buildServices, serviceSettings } from '../src/services'
import { schedule } from '../src/domain/scheduler'
import { addCases } from './caseList'
import { generateCouncil, sortByDeadline, timeTogether } from './scheduler'
import { BENCH_PASSWORD, BENCH_TODAY } from './pages/constants'
import { sample, summarise } from './sampling'

export interface QueueBenchOptions {
  saves: number
  requests: number
  runs: number
  cases: number
  waiting: number
}

const TARGETS = { saveMs: 100, nightlyMs: 2_000, queueMs: 150, queueBytes: 200 * 1024, ratio: 3, tenKMs: 50 }

function listen(app: express.Express): Promise<{ server: Server; base: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    )
  })
}

/** Signs in through the real form; returns every cookie the app set. */
async function signIn(base: string, email: string): Promise<string> {
  const page = await fetch(`${base}/sign-in`)
  const first = page.headers.getSetCookie().map((c) => c.split(';')[0])
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
  const signedIn = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: first.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: BENCH_PASSWORD, _csrf: token }),
  })
  const session = signedIn.headers.getSetCookie().find((c) => c.startsWith('panel.sid='))
  if (signedIn.status !== 303 || !session) throw new Error(`Could not sign in as ${email}`)
  return [...first.filter((c) => !c?.startsWith('panel.sid=')), session.split(';')[0]].join('; ')
}

async function formToken(base: string, cookie: string, pathname: string): Promise<string> {
  const res = await fetch(`${base}${pathname}`, { headers: { cookie } })
  const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1]
  if (!token) throw new Error(`No form token on ${pathname} (${res.status})`)
  return token
}

async function post(base: string, cookie: string, pathname: string, form: Record<string, string>) {
  const res = await fetch(`${base}${pathname}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  })
  const text = await res.text()
  if (res.status !== 303) throw new Error(`POST ${pathname} answered ${res.status}: ${text.slice(0, 300)}`)
}

/**
 * The pages bench's 50,000 cases (a fifth submitted, a fifth scheduled), then all but `waiting` of the
 * waiting ones decided, with papers complete for most of the rest and room for many on the coming
 * sittings: a queue with something to place, most cases placed and some at risk.
 */
async function fill(db: Db, options: QueueBenchOptions): Promise<void> {
  await addCases(db, options.cases, BENCH_TODAY)
  const waiting = ['submitted', 'scheduled']
  const demoWaiting = Number(
    (
      await db('cases')
        .whereIn('status', waiting)
        .whereNot('reference', 'like', 'BENCH-%')
        .count('* as n')
        .first()
    )?.n ?? 0,
  )
  await db.raw(
    `UPDATE cases SET status = 'decided' WHERE id IN (
       SELECT id FROM cases WHERE status IN ('submitted', 'scheduled') AND reference LIKE 'BENCH-%'
       ORDER BY reference OFFSET ?)`,
    [Math.max(0, options.waiting - demoWaiting)],
  )
  await db.raw(
    `UPDATE cases SET status = 'submitted',
       papers_complete_on = CASE WHEN abs(hashtext(reference)) % 100 < 85
         THEN LEAST(?::date + 60, COALESCE(next_deadline_on, ?::date) - 10) END
     WHERE status IN ('submitted', 'scheduled') AND reference LIKE 'BENCH-%'`,
    [BENCH_TODAY, BENCH_TODAY],
  )
  // A run before (PostgreSQL keeps the database) left its plan: the first run here places everything.
  await db.raw(
    `DELETE FROM agenda_items ai USING cases c WHERE c.id = ai.case_id AND ai.placed_by = 'scheduler'
       AND c.status IN ('submitted', 'scheduled') AND c.reference LIKE 'BENCH-%'`,
  )
  await db('case_queue').delete()
  await db('queue_runs').delete()
  await db('panels').update({ capacity: 40 })
  await db.raw('ANALYZE')
}

const ms = (n: number) => `${n.toFixed(1)} ms`
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const against = (value: number, target: number, baseline: number) =>
  `${(value / target).toFixed(2)}× target, ${(value / baseline).toFixed(0)}× baseline`

export async function runQueueBench(options: QueueBenchOptions): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || undefined
  const dataDir = databaseUrl ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'panel-queue-bench-'))
  const db = openDatabase({ databaseUrl, dataDir })
  const lines: string[] = []
  try {
    await migrateToLatest(db)
    await seedDemoCouncil(db, { demoPassword: BENCH_PASSWORD, today: BENCH_TODAY })
    await fill(db, options)
    const counts = (await db('cases')
      .select(
        db.raw(`count(*) as total, count(*) filter (where status in ('submitted','scheduled')) as waiting`),
      )
      .first()) as { total: string; waiting: string }
    console.log(
      `Queue (issue 14): ${databaseUrl ? 'PostgreSQL' : 'embedded PGlite'}, ${counts.total} cases, ` +
        `${counts.waiting} awaiting a sitting, today ${BENCH_TODAY}`,
    )

    const clock = fixedClock(BENCH_TODAY)
    const config = { ...loadConfig({ NODE_ENV: 'test' }), signInAttemptsPerWindow: 100_000 }
    const app = await listen(createApp({ config, db, logger: createLogger('silent'), clock }))
    const bareApp = express()
    bareApp.get('/', (_req, res) => {
      res.send('ok')
    })
    const bare = await listen(bareApp)
    const queue = buildServices(dataLayer(db), clock, serviceSettings(config)).queue

    // The nightly run: the first places every waiting case; the later ones find the plan in place.
    const first = performance.now()
    await queue.placeCases()
    const firstRun = performance.now() - first
    const nightly = await sample(options.runs, async () => {
      await queue.placeCases()
    })

    for (let i = 0; i < 20; i++) await (await fetch(bare.base)).text() // warm up
    const baseline = await sample(options.requests, async () => {
      await (await fetch(bare.base)).text()
    })

    const manager = await signIn(app.base, 'manager@example.org')
    let queueBytes = 0
    const queuePage = await sample(options.requests, async () => {
      const res = await fetch(`${app.base}/queue`, { headers: { cookie: manager } })
      if (res.status !== 200) throw new Error(`/queue answered ${res.status}`)
      queueBytes = (await res.arrayBuffer()).byteLength
    })

    const saves = await decisionSaves(db, app.base, options.saves)

    const tenK = generateCouncil(10_000, BENCH_TODAY)
    const hundredK = generateCouncil(100_000, BENCH_TODAY)
    const [s10, b10] = timeTogether(3, 11, [() => schedule(tenK), () => sortByDeadline(tenK.cases)])
    const [s100, b100] = timeTogether(1, 5, [() => schedule(hundredK), () => sortByDeadline(hundredK.cases)])

    const b = baseline.p50
    lines.push(
      `bare Express GET / (baseline)      p50 ${ms(b)}  p95 ${ms(baseline.p95)}`,
      `decision save, POST (HTTP)         p50 ${ms(saves.p50)}  p95 ${ms(saves.p95)}  ` +
        `(${against(saves.p50, TARGETS.saveMs, b)}; target < ${TARGETS.saveMs} ms; ${options.saves} saves)`,
      `nightly queue run, first           ${ms(firstRun)}  (${against(firstRun, TARGETS.nightlyMs, b)})`,
      `nightly queue run, later           p50 ${ms(nightly.p50)}  p95 ${ms(nightly.p95)}  ` +
        `(${against(nightly.p50, TARGETS.nightlyMs, b)}; target < ${TARGETS.nightlyMs} ms; ${options.runs} runs)`,
      `GET /queue                         p50 ${ms(queuePage.p50)}  p95 ${ms(queuePage.p95)}  ` +
        `(${against(queuePage.p50, TARGETS.queueMs, b)}; target < ${TARGETS.queueMs} ms)`,
      `GET /queue size                    ${kb(queueBytes)}  ` +
        `(${(queueBytes / TARGETS.queueBytes).toFixed(2)}× target of ${kb(TARGETS.queueBytes)})`,
      `scheduler, 10,000 cases            median ${ms(s10!.median)}, sort ${ms(b10!.median)}: ` +
        `${(s10!.median / b10!.median).toFixed(1)}× sorting  (${(s10!.median / TARGETS.tenKMs).toFixed(2)}× target of ${TARGETS.tenKMs} ms)`,
      `scheduler, 100,000 cases           median ${ms(s100!.median)}, sort ${ms(b100!.median)}: ` +
        `${(s100!.median / b100!.median).toFixed(1)}× sorting  (${(s100!.median / b100!.median / TARGETS.ratio).toFixed(2)}× target of ${TARGETS.ratio}×)`,
    )
    console.log(lines.join('\n'))
    app.server.close()
    bare.server.close()
    app.server.closeAllConnections()
    bare.server.closeAllConnections()
  } finally {
    await db.destroy()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * The chair writes up the demo's sitting of 17 November: attendance once, then Freya's decision saved
 * again and again through the form, turn about a deferral (which sends her back to the queue) and a
 * decision, each time a new version.
 */
async function decisionSaves(db: Db, base: string, count: number) {
  const sitting = (await db('sittings as s')
    .join('panels as p', 'p.id', 's.panel_id')
    .where({ 'p.panel_type': 'send_decision', 's.sitting_on': '2026-11-17' })
    .orderBy('s.origin', 'desc')
    .first('s.id', 's.panel_id', 's.record_version')) as {
    id: string
    panel_id: string
    record_version: number
  }
  const caseId = (
    (await db('agenda_items as ai')
      .join('cases as c', 'c.id', 'ai.case_id')
      .where({ 'ai.sitting_id': sitting.id, 'c.kind': 'assessment_request' })
      .first('c.id')) as { id: string }
  ).id
  const chair = await signIn(base, 'chair@example.org')
  const seats = (await db('panel_members').where({ panel_id: sitting.panel_id }).pluck('id')) as string[]
  const attendance: Record<string, string> = { version: String(sitting.record_version) }
  for (const seat of seats) attendance[`attendance-${seat}`] = 'present'
  const attendancePath = `/sittings/${sitting.id}/attendance`
  await post(base, chair, attendancePath, {
    _csrf: await formToken(base, chair, attendancePath),
    ...attendance,
  })
  const decisionPath = `/sittings/${sitting.id}/items/${caseId}/decision`
  const token = await formToken(base, chair, decisionPath)
  let turn = 0
  const save = async () => {
    const version = Number(
      ((await db('decisions').where({ case_id: caseId }).first('version')) as { version: number } | undefined)
        ?.version ?? 0,
    )
    turn += 1
    const common = {
      _csrf: token,
      version: String(version),
      familyAttended: 'no',
      withoutFamilyReason: 'Her mother sent her views in writing, which the panel read.',
      reasons: 'Freya is making good progress with the help her school gives her.',
      matchesPreference: 'no',
      disagreementExplanation:
        'You asked us to assess Freya. We think her school can meet her needs for now.',
      notes: `Save ${turn}.`,
    }
    const form =
      turn % 2 === 0
        ? { ...common, outcome: 'refuse_to_assess' }
        : {
            ...common,
            outcome: 'defer',
            deferralAction: 'Ask the educational psychologist for advice',
            deferralOwner: 'Caseworker',
            'deferralDueOn-day': String(1 + (turn % 20)),
            'deferralDueOn-month': '12',
            'deferralDueOn-year': '2026',
            lateDeferralAcceptedFor: `2026-12-${String(1 + (turn % 20)).padStart(2, '0')}`,
          }
    // The route answers a fresh version read each time; the read is not part of the save.
    const started = performance.now()
    await post(base, chair, decisionPath, form)
    return performance.now() - started
  }
  for (let i = 0; i < 4; i++) await save() // warm up
  const samples: number[] = []
  for (let i = 0; i < count; i++) samples.push(await save())
  return summarise(samples)
}

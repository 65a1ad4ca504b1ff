import { createTestApp, signedInAgent, type TestApp } from '../support/app'
import { dataLayer, type DataLayer } from '../../src/data'
import { LOCK_KEYS, lockSittingWrites, tryTransactionLock } from '../../src/data/locks'
import { KnexSessionStore } from '../../src/data/sessions'
import { createLogger } from '../../src/logger'
import { runJob, scheduledJobs, type Job } from '../../src/jobs'
import { ABANDONED_MESSAGE } from '../../src/data/jobRuns'
import { openDatabase } from '../../src/data/db'
import { testServices as buildServices } from '../support/services'
import { jobRunsService } from '../../src/jobs/service'
import { sessionCleanupService } from '../../src/services/sessionCleanup'
import { fixedClock, sessionClock } from '../../src/services/clock'

let t: TestApp
let data: DataLayer
const logger = createLogger('silent')

beforeAll(async () => {
  t = await createTestApp()
  data = dataLayer(t.database.db)
})
afterAll(() => t.close())

/**
 * createTestDatabase uses a real server exactly when DATABASE_URL is set (decided here, before the
 * database exists, because a test is skipped or not when it is defined).
 */
const onServer = Boolean(process.env.DATABASE_URL)
// The embedded database has one connection, hence one session: advisory locks are re-entrant within
// a session, so there is no second holder to contend with and "another instance holds the lock"
// cannot happen there (nor be shown). Those cases run only on a real server, as CI's second pass does.
const testOnServer = onServer ? test : test.skip

const minutes = (n: number) => new Date(Date.now() + n * 60_000)

async function insertSession(sid: string, expiresAt: Date): Promise<void> {
  await t.database.db('sessions').insert({ sid, sess: JSON.stringify({ cookie: {} }), expires_at: expiresAt })
}

async function sessionIds(prefix: string): Promise<string[]> {
  const rows = await t.database.db('sessions').where('sid', 'like', `${prefix}%`).orderBy('sid').select('sid')
  return rows.map((r: { sid: string }) => r.sid)
}

describe('runJob', () => {
  test('records a run as running while it works, then succeeded with its counts', async () => {
    let seenWhileRunning: string | undefined
    const job: Job = {
      name: 'test-succeeds',
      run: async () => {
        seenWhileRunning = (await data.jobRuns.lastRun('test-succeeds'))?.outcome
        return { ran: true, counts: { placed: 3, atRisk: 1 } }
      },
    }
    await expect(runJob(data, logger, job)).resolves.toBe('succeeded')
    expect(seenWhileRunning).toBe('running')
    const run = await data.jobRuns.lastRun('test-succeeds')
    expect(run).toMatchObject({ outcome: 'succeeded', counts: { placed: 3, atRisk: 1 }, errorMessage: null })
    expect(run?.finishedAt).toBeInstanceOf(Date)
    expect(run!.finishedAt!.getTime()).toBeGreaterThanOrEqual(run!.startedAt.getTime())
  })

  test('a job that throws is recorded as failed with its message cut short, and runJob still resolves', async () => {
    const job: Job = {
      name: 'test-fails',
      run: () => Promise.reject(new Error('x'.repeat(2000))),
    }
    await expect(runJob(data, logger, job)).resolves.toBe('failed')
    const run = await data.jobRuns.lastRun('test-fails')
    expect(run).toMatchObject({ outcome: 'failed', counts: {} })
    expect(run?.finishedAt).toBeInstanceOf(Date)
    expect(run?.errorMessage).toHaveLength(500)
  })

  test('a failed job’s transaction is rolled back but its run record stays', async () => {
    const job: Job = {
      name: 'test-fails-in-transaction',
      run: () =>
        t.database.db.transaction(async (trx) => {
          await trx('sessions').insert({ sid: 'rolled-back', sess: '{}', expires_at: minutes(5) })
          throw new Error('part-way through')
        }),
    }
    await expect(runJob(data, logger, job)).resolves.toBe('failed')
    expect(await sessionIds('rolled-back')).toEqual([])
    expect(await data.jobRuns.lastRun('test-fails-in-transaction')).toMatchObject({
      outcome: 'failed',
      errorMessage: 'part-way through',
    })
  })

  test('a job that did not get its lock is recorded as skipped', async () => {
    const job: Job = { name: 'test-skipped', run: () => Promise.resolve({ ran: false }) }
    await expect(runJob(data, logger, job)).resolves.toBe('skipped')
    expect(await data.jobRuns.lastRun('test-skipped')).toMatchObject({ outcome: 'skipped', counts: {} })
  })

  test('lists recent runs newest first', async () => {
    const recent = await data.jobRuns.listRecent(2)
    expect(recent.map((r) => r.jobName)).toEqual(['test-skipped', 'test-fails-in-transaction'])
  })
})

describe('tryTransactionLock', () => {
  test('takes a free lock, again within the same transaction, and lets it go at commit', async () => {
    const db = t.database.db
    await db.transaction(async (trx) => {
      expect(await tryTransactionLock(trx, LOCK_KEYS.placeCases)).toBe(true)
      expect(await tryTransactionLock(trx, LOCK_KEYS.placeCases)).toBe(true)
    })
    await db.transaction(async (trx) => {
      expect(await tryTransactionLock(trx, LOCK_KEYS.placeCases)).toBe(true)
    })
  })

  test('every job has a lock key of its own', () => {
    const keys = Object.values(LOCK_KEYS)
    expect(new Set(keys).size).toBe(keys.length)
  })

  testOnServer(
    'is refused while another connection holds the lock, and free once that one commits',
    async () => {
      const holder = await t.database.db.transaction()
      try {
        await holder.raw('select pg_advisory_xact_lock(?::bigint)', [LOCK_KEYS.rollCalendarForward])
        await t.database.db.transaction(async (trx) => {
          expect(await tryTransactionLock(trx, LOCK_KEYS.rollCalendarForward)).toBe(false)
        })
      } finally {
        await holder.commit()
      }
      await t.database.db.transaction(async (trx) => {
        expect(await tryTransactionLock(trx, LOCK_KEYS.rollCalendarForward)).toBe(true)
      })
    },
  )
})

describe('deleting expired sessions', () => {
  const cleanup = () => sessionCleanupService(data)
  const job = (): Job => ({ name: 'delete-expired-sessions', run: () => cleanup().deleteExpiredSessions() })

  test('deletes expired sessions only, and a second run deletes none', async () => {
    await insertSession('exp-old-1', minutes(-60 * 24))
    await insertSession('exp-old-2', minutes(-1))
    await insertSession('exp-live', minutes(30))
    const agent = await signedInAgent(t.app, 'admin@example.org')

    await expect(runJob(data, logger, job())).resolves.toBe('succeeded')
    // Sessions that other tests' sign-ins left are live, so only ours are deleted.
    expect(await data.jobRuns.lastRun('delete-expired-sessions')).toMatchObject({ counts: { deleted: 2 } })
    expect(await sessionIds('exp-')).toEqual(['exp-live'])

    await expect(cleanup().deleteExpiredSessions()).resolves.toEqual({ ran: true, counts: { deleted: 0 } })
    expect(await sessionIds('exp-')).toEqual(['exp-live'])
    // The store is untouched by the change to deleteExpired: a signed-in user is still signed in.
    await agent.get('/admin').expect(200)
  })

  test('the session store still refuses an expired session the job has not yet deleted', async () => {
    await insertSession('exp-unread', minutes(-5))
    const store = new KnexSessionStore(t.database.db, 60_000, sessionClock)
    const found = await new Promise((resolve, reject) =>
      store.get('exp-unread', (err, sess) =>
        err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(sess),
      ),
    )
    expect(found).toBeNull()
    await cleanup().deleteExpiredSessions()
    expect(await sessionIds('exp-unread')).toEqual([])
  })

  testOnServer('is skipped, deleting nothing, while another instance holds its lock', async () => {
    await insertSession('exp-locked', minutes(-5))
    const otherInstance = await t.database.db.transaction()
    try {
      await otherInstance.raw('select pg_advisory_xact_lock(?::bigint)', [LOCK_KEYS.deleteExpiredSessions])
      await expect(runJob(data, logger, job())).resolves.toBe('skipped')
    } finally {
      await otherInstance.commit()
    }
    expect(await data.jobRuns.lastRun('delete-expired-sessions')).toMatchObject({
      outcome: 'skipped',
      counts: {},
    })
    expect(await sessionIds('exp-locked')).toEqual(['exp-locked'])

    await expect(runJob(data, logger, job())).resolves.toBe('succeeded')
    expect(await sessionIds('exp-locked')).toEqual([])
  })
})

describe('a scheduled run’s slot', () => {
  const quick = (name: string): Job => ({
    name,
    run: () => Promise.resolve({ ran: true, counts: { done: 1 } }),
  })

  test('the second run fired for the same minute is skipped even after the first has finished', async () => {
    const slot = new Date('2026-11-23T02:00:00Z')
    await expect(runJob(data, logger, quick('test-slot'), { scheduledFor: slot })).resolves.toBe('succeeded')
    await expect(runJob(data, logger, quick('test-slot'), { scheduledFor: slot })).resolves.toBe('skipped')
    // The next minute is a new slot; a run on demand has none.
    const next = new Date('2026-11-23T02:01:00Z')
    await expect(runJob(data, logger, quick('test-slot'), { scheduledFor: next })).resolves.toBe('succeeded')
    await expect(runJob(data, logger, quick('test-slot'))).resolves.toBe('succeeded')
    const runs = await t.database.db('job_runs').where({ job_name: 'test-slot' }).orderBy('id')
    expect(runs.map((r: { outcome: string }) => r.outcome)).toEqual([
      'succeeded',
      'skipped',
      'succeeded',
      'succeeded',
    ])
  })

  test('a run skipped for its lock does not hold its slot', async () => {
    const slot = new Date('2026-11-23T03:00:00Z')
    const locked: Job = { name: 'test-slot-locked', run: () => Promise.resolve({ ran: false }) }
    await expect(runJob(data, logger, locked, { scheduledFor: slot })).resolves.toBe('skipped')
    // Skipped runs do not hold the slot: the one that did the work might have been an on-demand run.
    await expect(runJob(data, logger, quick('test-slot-locked'), { scheduledFor: slot })).resolves.toBe(
      'succeeded',
    )
  })
})

describe('runs cut short', () => {
  test('a run still "running" at start-up, that nothing holds, is marked failed', async () => {
    const id = await data.jobRuns.start('place-cases')
    await expect(jobRunsService(data, fixedClock('2026-11-23')).markAbandonedRunsFailed()).resolves.toBe(1)
    const [row] = await t.database.db('job_runs').where({ id })
    expect(row).toMatchObject({ outcome: 'failed', error_message: ABANDONED_MESSAGE })
    expect(row.finished_at).toBeInstanceOf(Date)
    // A finished run is left as it was.
    await expect(jobRunsService(data, fixedClock('2026-11-23')).markAbandonedRunsFailed()).resolves.toBe(0)
  })

  testOnServer('a run another instance is still doing is left running', async () => {
    const id = await data.jobRuns.start('roll-calendar-forward')
    const otherInstance = await t.database.db.transaction()
    try {
      await otherInstance.raw('select pg_advisory_xact_lock(?::bigint)', [LOCK_KEYS.rollCalendarForward])
      await expect(data.jobRuns.failAbandoned()).resolves.toBe(0)
    } finally {
      await otherInstance.commit()
    }
    expect(await t.database.db('job_runs').where({ id }).first()).toMatchObject({ outcome: 'running' })
    await expect(data.jobRuns.failAbandoned()).resolves.toBe(1)
  })
})

describe('pruning job_runs', () => {
  test('keeps 90 days of runs and the runs under way', async () => {
    const now = new Date('2026-11-23T09:00:00Z')
    const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000)
    const db = t.database.db
    await db('job_runs').insert([
      { job_name: 'test-prune', started_at: daysAgo(91), outcome: 'succeeded' },
      { job_name: 'test-prune', started_at: daysAgo(200), outcome: 'failed' },
      { job_name: 'test-prune', started_at: daysAgo(89), outcome: 'succeeded' },
      { job_name: 'test-prune', started_at: daysAgo(95), outcome: 'running' },
    ])
    const service = jobRunsService(data, fixedClock('2026-11-23'))
    const prune: Job = { name: 'prune-job-runs', run: () => service.pruneOld() }
    await expect(runJob(data, logger, prune)).resolves.toBe('succeeded')
    expect(await data.jobRuns.lastRun('prune-job-runs')).toMatchObject({ counts: { deleted: 2 } })
    const left = await db('job_runs').where({ job_name: 'test-prune' }).orderBy('started_at')
    expect(left.map((r: { outcome: string }) => r.outcome)).toEqual(['running', 'succeeded'])
    await db('job_runs').where({ job_name: 'test-prune' }).delete()
  })
})

describe('two instances with every job due in the same minute', () => {
  // Issue 14: roll-calendar-forward deadlocked against tell-members-papers-ready (40P01), and jobs
  // "succeeded" on both instances. Two connection pools on one database stand for two instances.
  testOnServer(
    'no job fails, and each job runs once per minute, the other instance recording it as skipped',
    async () => {
      const other = openDatabase({ databaseUrl: t.database.databaseUrl, schema: t.database.schema })
      try {
        const clock = fixedClock('2026-11-23')
        const settings = { sittingHorizonWeeks: 12, papersReadyWorkingDays: 30 }
        const instances = [dataLayer(t.database.db), dataLayer(other)].map((d) => ({
          data: d,
          jobs: scheduledJobs(buildServices(d, clock, settings)),
        }))
        for (const minute of ['2026-11-23T02:00:00Z', '2026-11-23T07:00:00Z', '2026-11-24T02:00:00Z']) {
          const slot = new Date(minute)
          const outcomes = await Promise.all(
            instances.flatMap(({ data: d, jobs }) =>
              jobs.map(
                async (job) => [job.name, await runJob(d, logger, job, { scheduledFor: slot })] as const,
              ),
            ),
          )
          const failures = await t.database.db('job_runs').where({ scheduled_for: slot, outcome: 'failed' })
          expect(failures.map((r: { error_message: string }) => r.error_message)).toEqual([])
          for (const job of instances[0]!.jobs) {
            const mine = outcomes.filter(([name]) => name === job.name).map(([, outcome]) => outcome)
            expect(mine.sort()).toEqual(['skipped', 'succeeded'])
          }
        }
      } finally {
        await other.destroy()
      }
    },
  )
})

describe('the one lock for writes to sittings', () => {
  const waitersFor = async (key: number): Promise<number> => {
    const result = (await t.database.db.raw(
      "select count(*) as n from pg_locks where locktype = 'advisory' and objid = ? and not granted",
      [key],
    )) as { rows: Array<{ n: number | string }> }
    return Number(result.rows[0]?.n ?? 0)
  }

  // Each job that writes sittings or agendas waits for the lock a writer in another instance holds,
  // rather than taking row locks in its own order: that is what rules the deadlock out.
  testOnServer.each(['roll-calendar-forward', 'place-cases', 'tell-members-papers-ready'])(
    '%s waits for a writer in another instance to finish, then runs',
    async (name) => {
      const services = buildServices(data, fixedClock('2026-11-23'))
      const job = scheduledJobs(services).find((j) => j.name === name)!
      const writer = await t.database.db.transaction()
      let run: Promise<string> | undefined
      try {
        await lockSittingWrites(writer)
        run = runJob(data, logger, job)
        while ((await waitersFor(LOCK_KEYS.sittingWrites)) === 0) await new Promise((r) => setImmediate(r))
      } finally {
        await writer.commit()
      }
      await expect(run).resolves.toBe('succeeded')
    },
  )
})

describe('/admin/jobs', () => {
  test('shows an admin the recent runs with their outcome, counts and error', async () => {
    const id = await data.jobRuns.start('place-cases')
    await data.jobRuns.finish(id, { outcome: 'succeeded', counts: { placed: 7, atRisk: 2 } })
    const failed = await data.jobRuns.start('roll-calendar-forward')
    await data.jobRuns.finish(failed, { outcome: 'failed', errorMessage: 'relation <sittings> is missing' })

    const agent = await signedInAgent(t.app, 'admin@example.org')
    const res = await agent.get('/admin/jobs').expect(200)
    expect(res.text).toContain('<h1 class="govuk-heading-l">Scheduled jobs</h1>')
    const row = new RegExp(`data-job-run="${id}">([\\s\\S]*?)</tr>`).exec(res.text)?.[1] ?? ''
    expect(row).toContain('place-cases')
    expect(row).toContain('govuk-tag--green')
    expect(row).toContain('at risk 2, placed 7')
    // Real clock time: a run at 12:00 reads "at midday".
    expect(row).toMatch(/\d{4} at (\d|midday)/)
    // Error text is escaped like any other.
    expect(res.text).toContain('Error: relation &lt;sittings&gt; is missing')
    expect(res.text).toContain('govuk-tag--red')
  })

  test('is refused to a caseworker', async () => {
    const agent = await signedInAgent(t.app, 'caseworker@example.org')
    await agent.get('/admin/jobs').expect(403)
  })
})

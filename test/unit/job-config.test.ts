import { jobEnvVar, loadConfig, type JobsConfig } from '../../src/config'
import { JOB_LOCK_KEYS } from '../../src/data/locks'
import { planJobs, scheduleJobs, scheduledJobs, slotOf, type Job, type ScheduledJob } from '../../src/jobs'
import type { Services } from '../../src/services'
import pino from 'pino'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const PRODUCTION = { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) }

const noWork = () => Promise.resolve({ ran: true as const, counts: {} })
const JOBS: ScheduledJob[] = [
  { name: 'roll-calendar-forward', defaultSchedule: '0 2 * * *', run: noWork },
  { name: 'place-cases', defaultSchedule: '30 2 * * *', run: noWork },
]
const settings = (overrides: Partial<JobsConfig> = {}): JobsConfig => ({
  enabled: true,
  schedules: {},
  disabled: [],
  ...overrides,
})

describe('jobs settings from the environment', () => {
  test('jobs run by default in development and production, not under test', () => {
    expect(loadConfig({}).jobs).toEqual({ enabled: true, schedules: {}, disabled: [] })
    expect(loadConfig(PRODUCTION).jobs.enabled).toBe(true)
    expect(loadConfig({ NODE_ENV: 'test' }).jobs.enabled).toBe(false)
    expect(loadConfig({ NODE_ENV: 'test', JOBS_ENABLED: 'true' }).jobs.enabled).toBe(true)
  })

  test('JOBS_ENABLED=false turns every job off', () => {
    expect(loadConfig({ ...PRODUCTION, JOBS_ENABLED: 'false' }).jobs.enabled).toBe(false)
    expect(loadConfig({ JOBS_ENABLED: 'FALSE' }).jobs.enabled).toBe(false)
    expect(loadConfig({ JOBS_ENABLED: '' }).jobs.enabled).toBe(true)
  })

  test('anything but true or false is refused, naming the variable', () => {
    expect(() => loadConfig({ JOBS_ENABLED: 'no' })).toThrow('JOBS_ENABLED must be true or false, not "no"')
    expect(() => loadConfig({ JOB_PLACE_CASES_ENABLED: '0' })).toThrow(
      'JOB_PLACE_CASES_ENABLED must be true or false',
    )
  })

  test('a job’s schedule is overridden, and a job turned off, by its own variables', () => {
    const jobs = loadConfig({
      JOB_ROLL_CALENDAR_FORWARD_SCHEDULE: ' 15 3 * * * ',
      JOB_PLACE_CASES_ENABLED: 'false',
      JOB_DELETE_EXPIRED_SESSIONS_ENABLED: 'true',
      JOB_DELETE_EXPIRED_SESSIONS_SCHEDULE: '',
    }).jobs
    expect(jobs).toEqual({
      enabled: true,
      schedules: { 'roll-calendar-forward': '15 3 * * *' },
      disabled: ['place-cases'],
    })
  })

  test('a job’s variables are its name in upper case with underscores', () => {
    expect(jobEnvVar('delete-expired-sessions', 'SCHEDULE')).toBe('JOB_DELETE_EXPIRED_SESSIONS_SCHEDULE')
    expect(jobEnvVar('place-cases', 'ENABLED')).toBe('JOB_PLACE_CASES_ENABLED')
  })

  test('every real job’s name survives the round trip through its variables', () => {
    for (const job of scheduledJobs({} as Services)) {
      expect(job.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      const env = {
        [jobEnvVar(job.name, 'SCHEDULE')]: '1 2 * * *',
        [jobEnvVar(job.name, 'ENABLED')]: 'false',
      }
      expect(loadConfig(env).jobs).toMatchObject({
        schedules: { [job.name]: '1 2 * * *' },
        disabled: [job.name],
      })
    }
  })

  test('the sitting horizon is 12 weeks unless set to a whole number from 1 to 104', () => {
    expect(loadConfig({}).sittingHorizonWeeks).toBe(12)
    expect(loadConfig({ SITTING_HORIZON_WEEKS: '1' }).sittingHorizonWeeks).toBe(1)
    expect(loadConfig({ SITTING_HORIZON_WEEKS: '104' }).sittingHorizonWeeks).toBe(104)
    for (const bad of ['0', '105', '-3', '6.5', 'twelve']) {
      expect(() => loadConfig({ SITTING_HORIZON_WEEKS: bad })).toThrow(
        'SITTING_HORIZON_WEEKS must be a whole number',
      )
    }
  })
})

describe('planning the jobs', () => {
  test('each job runs on its default schedule unless overridden, and not at all when turned off', () => {
    expect(planJobs(JOBS, settings()).map((p) => [p.job.name, p.schedule])).toEqual([
      ['roll-calendar-forward', '0 2 * * *'],
      ['place-cases', '30 2 * * *'],
    ])
    const planned = planJobs(
      JOBS,
      settings({ schedules: { 'place-cases': '*/15 * * * *' }, disabled: ['roll-calendar-forward'] }),
    )
    expect(planned.map((p) => [p.job.name, p.schedule])).toEqual([['place-cases', '*/15 * * * *']])
  })

  test('nothing is planned when jobs are off', () => {
    expect(planJobs(JOBS, settings({ enabled: false }))).toEqual([])
  })

  test('every real job’s default schedule is valid', () => {
    const jobs = scheduledJobs({} as Services)
    expect(planJobs(jobs, settings())).toHaveLength(jobs.length)
    expect(new Set(jobs.map((j) => j.name)).size).toBe(jobs.length)
  })

  test('every real job has a lock key, so a run a crash cut short can be told from one under way', () => {
    const names = scheduledJobs({} as Services).map((j) => j.name)
    expect(Object.keys(JOB_LOCK_KEYS).sort()).toEqual([...names].sort())
  })

  test('a run’s slot is the minute it was fired for, the same for a tick that came late', () => {
    expect(slotOf(new Date('2026-12-02T02:00:00.000Z'))).toEqual(new Date('2026-12-02T02:00:00.000Z'))
    expect(slotOf(new Date('2026-12-02T02:00:59.999Z'))).toEqual(new Date('2026-12-02T02:00:00.000Z'))
  })

  test('a setting naming no job is refused, so a typo cannot leave a job running', () => {
    expect(() => planJobs(JOBS, settings({ disabled: ['place-case'] }))).toThrow(
      'JOB_PLACE_CASE_ENABLED names no job (jobs: roll-calendar-forward, place-cases)',
    )
    expect(() => planJobs(JOBS, settings({ schedules: { 'roll-forward': '0 1 * * *' } }))).toThrow(
      'JOB_ROLL_FORWARD_SCHEDULE names no job',
    )
  })
})

describe('scheduleJobs', () => {
  test('a bad cron expression is refused at start-up, naming its variable, before any job is scheduled', () => {
    const runner = jest.fn(() => Promise.resolve())
    expect(() =>
      scheduleJobs(JOBS, settings({ schedules: { 'place-cases': '61 2 * * *' } }), runner),
    ).toThrow(/^JOB_PLACE_CASES_SCHEDULE is not a valid cron expression: "61 2 \* \* \*"/)
    expect(() => scheduleJobs(JOBS, settings({ schedules: { 'place-cases': 'daily' } }), runner)).toThrow(
      'JOB_PLACE_CASES_SCHEDULE is not a valid cron expression',
    )
    // Even for a job that is turned off: the setting is wrong either way.
    expect(() =>
      scheduleJobs(
        JOBS,
        settings({ schedules: { 'place-cases': 'daily' }, disabled: ['place-cases'] }),
        runner,
      ),
    ).toThrow('JOB_PLACE_CASES_SCHEDULE')
  })

  test('a bad default schedule names the job', () => {
    const broken: ScheduledJob = { name: 'broken', defaultSchedule: '* * *', run: noWork }
    expect(() => scheduleJobs([broken], settings(), jest.fn())).toThrow(
      'the default schedule of broken is not a valid cron expression',
    )
  })

  test('says what it scheduled, and schedules nothing when jobs are off', async () => {
    const on = scheduleJobs(JOBS, settings({ disabled: ['place-cases'] }), jest.fn())
    expect(on.scheduled).toEqual([{ name: 'roll-calendar-forward', schedule: '0 2 * * *' }])
    await on.stop()
    const off = scheduleJobs(JOBS, settings({ enabled: false }), jest.fn())
    expect(off.scheduled).toEqual([])
    await off.stop()
  })

  test('cron hands a due job to the runner, never twice at once, and stop waits for the run under way', async () => {
    let release: () => void = () => undefined
    const started: Job[] = []
    const runner = (job: Job) => {
      started.push(job)
      return new Promise<void>((resolve) => {
        release = resolve
      })
    }
    const logLines: string[] = []
    const logger = pino({ level: 'warn' }, { write: (line: string) => logLines.push(line) })
    const everySecond = settings({
      schedules: { 'roll-calendar-forward': '* * * * * *' },
      disabled: ['place-cases'],
    })
    const scheduled = scheduleJobs(JOBS, everySecond, runner, logger)

    const deadline = Date.now() + 3000
    while (started.length === 0 && Date.now() < deadline) await sleep(50)
    expect(started.map((j) => j.name)).toEqual(['roll-calendar-forward'])
    // The next second comes while the first run is still under way: noOverlap holds it back.
    await sleep(1300)
    expect(started).toHaveLength(1)
    expect(logLines.join('')).toMatch(/"job":"roll-calendar-forward".*overlap/)

    let stopped = false
    const stopping = scheduled.stop().then(() => {
      stopped = true
    })
    await sleep(100)
    expect(stopped).toBe(false)
    release()
    await stopping
    expect(started).toHaveLength(1)
  })
})

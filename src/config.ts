import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { DEFAULT_PAPERS_READY_WORKING_DAYS } from './domain/papersReady'
import { DEFAULT_TEXT_ENGINE, TEXT_ENGINES, type TextEngine } from './letters/textEngine'

/** The folder holding package.json: views, static files and migrations are found from here, compiled or not. */
export function findProjectRoot(start: string = __dirname): string {
  let dir = start
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('Cannot find package.json above ' + start)
    dir = parent
  }
  return dir
}

export type Environment = 'development' | 'test' | 'production'

export interface Config {
  environment: Environment
  port: number
  /** A real PostgreSQL server; without it the embedded database is used. */
  databaseUrl: string | undefined
  /** Where the embedded database keeps its files. */
  dataDir: string
  sessionSecret: string
  /** Signed-in users are signed out after this long without a request. */
  sessionIdleMinutes: number
  /** And after this long whatever they do. */
  sessionMaxHours: number
  demoPassword: string
  councilName: string
  logLevel: string
  signInAttemptsPerWindow: number
  /** How many weeks ahead each panel's sittings are generated. */
  sittingHorizonWeeks: number
  jobs: JobsConfig
  mail: MailConfig
  /** The address people reach the service at, without a trailing slash (PUBLIC_URL): for links in e-mails and feed addresses. */
  publicUrl: string
  /** The family portal's address, for links in e-mails (PUBLIC_URL). */
  portalUrl: string
  /** Which proxies' X-Forwarded-For to believe (TRUST_PROXY): none, a number of hops, or their addresses. */
  trustProxy: TrustProxy
  /** Whether error pages show the stack trace (SHOW_ERROR_DETAILS): for a developer at their own machine only. */
  showErrorDetails: boolean
  /** How many working days before a sitting its members are told the papers are ready (PAPERS_READY_WORKING_DAYS). */
  papersReadyWorkingDays: number
  /** How letters and minutes draw their text (LETTER_TEXT_ENGINE): fast, or pdfkit alone. */
  letterTextEngine: TextEngine
  /** Staff sign-in through the council's identity provider (OIDC_*); undefined when not set up. */
  oidc: OidcConfig | undefined
  projectRoot: string
}

export interface OidcConfig {
  /** The provider's issuer address (OIDC_ISSUER); its discovery document is read from there. */
  issuer: string
  clientId: string
  clientSecret: string
  /** Shown on the button: "Sign in with <providerName>" (OIDC_PROVIDER_NAME). */
  providerName: string
  /** PUBLIC_URL + /sign-in/oidc/callback: register exactly this address with the provider. */
  redirectUri: string
  /**
   * Whether an email the provider sends without an email_verified claim counts as verified
   * (OIDC_TRUST_EMAIL_WITHOUT_VERIFIED_CLAIM). An explicit email_verified false is refused whatever this says.
   */
  trustEmailWithoutVerifiedClaim: boolean
  /** Plain-http issuer: allowed for loopback addresses, or by OIDC_ALLOW_HTTP_ISSUER outside production. */
  allowHttpIssuer: boolean
}

export interface MailConfig {
  /** The mail server e-mails are sent through (SMTP_URL); without it they wait in the outbox. */
  smtpUrl: string | undefined
  /** The From of every e-mail (MAIL_FROM). */
  from: string
}

export interface JobsConfig {
  /** Whether this instance runs scheduled jobs at all (JOBS_ENABLED). */
  enabled: boolean
  /** Cron expressions overriding a job's default, by job name (JOB_<NAME>_SCHEDULE). */
  schedules: Record<string, string>
  /** Jobs turned off one by one (JOB_<NAME>_ENABLED=false). */
  disabled: string[]
}

/** false: no proxy; a number: that many hops in front; a list: the proxies' addresses or subnets. */
export type TrustProxy = false | number | string[]

type Env = Record<string, string | undefined>

const DEFAULT_DEMO_PASSWORD = 'demo-panel-2026'

function integer(env: Env, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`)
  return value
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = raw.trim().toLowerCase()
  if (value === 'true') return true
  if (value === 'false') return false
  throw new Error(`${name} must be true or false, not "${raw}"`)
}

function wholeNumberBetween(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = integer(env, name, fallback)
  if (value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${env[name]}"`)
  return value
}

const DEFAULT_MAIL_FROM = 'Panel <no-reply@northshire.example.org>'

function loadMailConfig(env: Env): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || undefined
  if (smtpUrl !== undefined) {
    const protocol = URL.canParse(smtpUrl) ? new URL(smtpUrl).protocol : undefined
    if (protocol !== 'smtp:' && protocol !== 'smtps:') {
      throw new Error('SMTP_URL must be an smtp:// or smtps:// address, such as smtp://127.0.0.1:2525')
    }
  }
  return { smtpUrl, from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM }
}

/** The service's own address, never taken from a request's Host header (which whoever sends it chooses). */
function publicUrl(env: Env, port: number): string {
  const url = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '')
  const protocol = URL.canParse(url) ? new URL(url).protocol : undefined
  if (protocol !== 'http:' && protocol !== 'https:')
    throw new Error('PUBLIC_URL must be a web address, such as https://panel.example.gov.uk')
  return url
}

/** Where families sign in, for the link in every e-mail: PUBLIC_URL, then /portal. */
function portalUrl(env: Env, port: number): string {
  return `${publicUrl(env, port)}/portal`
}

// proxy-addr's names for the private ranges, which Express accepts in place of addresses.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isAddressOrSubnet(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true
  const [address, prefix, ...rest] = entry.split('/')
  const version = net.isIP(address ?? '')
  if (version === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  const bits = Number(prefix)
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128)
}

/**
 * Off unless set: believing X-Forwarded-For with no proxy in front lets anyone choose the address
 * the per-address limits count, by sending a new one each time. "true" (believe any number of hops)
 * is refused for the same reason.
 */
function loadTrustProxy(env: Env): TrustProxy {
  const raw = env.TRUST_PROXY?.trim() ?? ''
  const message = `TRUST_PROXY must be false, a number of proxy hops (such as 1), or the proxies' addresses separated by commas (such as 10.0.0.1,10.0.1.0/24 or loopback), not "${raw}"`
  if (raw === '' || raw.toLowerCase() === 'false' || raw === '0') return false
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw)
    if (hops > 10) throw new Error(message)
    return hops
  }
  const entries = raw.split(',').map((entry) => entry.trim())
  if (!entries.every(isAddressOrSubnet)) throw new Error(message)
  return entries
}

/**
 * The settings e-mails are written with, for the few callers that place cases without the app's
 * settings to hand: read from the same variables, so their links match the rest.
 */
function loadNotificationConfig(
  env: Env = process.env,
): Pick<Config, 'publicUrl' | 'portalUrl' | 'papersReadyWorkingDays'> {
  const port = integer(env, 'PORT', 3000)
  return {
    publicUrl: publicUrl(env, port),
    portalUrl: portalUrl(env, port),
    // Members need a day at least to read the papers; more than a month ahead they would be stale.
    papersReadyWorkingDays: wholeNumberBetween(
      env,
      'PAPERS_READY_WORKING_DAYS',
      DEFAULT_PAPERS_READY_WORKING_DAYS,
      1,
      20,
    ),
  }
}

function loadTextEngine(env: Env): TextEngine {
  const raw = env.LETTER_TEXT_ENGINE?.trim() ?? ''
  if (raw === '') return DEFAULT_TEXT_ENGINE
  const engine = TEXT_ENGINES.find((name) => name === raw)
  if (!engine) throw new Error(`LETTER_TEXT_ENGINE must be ${TEXT_ENGINES.join(' or ')}, not "${raw}"`)
  return engine
}

/** A job's environment variable: "place-cases" and "SCHEDULE" give JOB_PLACE_CASES_SCHEDULE. */
export function jobEnvVar(jobName: string, setting: 'SCHEDULE' | 'ENABLED'): string {
  return `JOB_${jobName.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_${setting}`
}

const JOB_ENV_VAR = /^JOB_([A-Z0-9_]+)_(SCHEDULE|ENABLED)$/

/**
 * Per-job settings are found by scanning the environment, because the list of jobs is built later
 * from the services; scheduleJobs rejects any that names no job, so a typo cannot pass unnoticed.
 */
function loadJobsConfig(env: Env, environment: Environment): JobsConfig {
  const schedules: Record<string, string> = {}
  const disabled: string[] = []
  for (const name of Object.keys(env).sort()) {
    const match = JOB_ENV_VAR.exec(name)
    const raw = env[name]
    if (!match?.[1] || raw === undefined || raw.trim() === '') continue
    const jobName = match[1].toLowerCase().replace(/_/g, '-')
    if (match[2] === 'SCHEDULE') schedules[jobName] = raw.trim()
    else if (!boolean(env, name, true)) disabled.push(jobName)
  }
  // Tests call jobs directly; timers firing during a test run would make results depend on the clock.
  return { enabled: boolean(env, 'JOBS_ENABLED', environment !== 'test'), schedules, disabled }
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || (net.isIPv4(host) && host.startsWith('127.'))
}

/**
 * All of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none: half a set-up is a mistake to
 * report at start-up, not a button that fails when staff press it.
 */
function loadOidcConfig(env: Env, environment: Environment, port: number): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim() || undefined
  const clientId = env.OIDC_CLIENT_ID?.trim() || undefined
  const clientSecret = env.OIDC_CLIENT_SECRET || undefined
  if (!issuer && !clientId && !clientSecret) return undefined
  if (!issuer || !clientId || !clientSecret)
    throw new Error(
      'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together, or none of them',
    )
  const url = URL.canParse(issuer) ? new URL(issuer) : undefined
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash)
    throw new Error(
      "OIDC_ISSUER must be the identity provider's issuer address, such as https://login.example.org",
    )
  const explicitHttp = boolean(env, 'OIDC_ALLOW_HTTP_ISSUER', false)
  if (explicitHttp && environment === 'production')
    throw new Error(
      'OIDC_ALLOW_HTTP_ISSUER is for development and tests only: use an https issuer in production',
    )
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !explicitHttp)
    throw new Error(
      'OIDC_ISSUER must use https (plain http is allowed only for an issuer on this machine, such as http://127.0.0.1:9000)',
    )
  const providerName = (env.OIDC_PROVIDER_NAME?.trim() || 'your council account').slice(0, 60)
  return {
    issuer,
    clientId,
    clientSecret,
    providerName,
    redirectUri: `${publicUrl(env, port)}/sign-in/oidc/callback`,
    trustEmailWithoutVerifiedClaim: boolean(env, 'OIDC_TRUST_EMAIL_WITHOUT_VERIFIED_CLAIM', false),
    allowHttpIssuer: url.protocol === 'http:',
  }
}

/** Reads every setting once, at start-up, and fails fast when production lacks one it needs. */
export function loadConfig(env: Env = process.env): Config {
  const environment: Environment =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development'
  const projectRoot = findProjectRoot()
  const sessionSecret = env.SESSION_SECRET
  if (environment === 'production' && (!sessionSecret || sessionSecret.length < 32)) {
    throw new Error('SESSION_SECRET must be set to at least 32 characters in production')
  }
  return {
    environment,
    port: integer(env, 'PORT', 3000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(projectRoot, env.PANEL_DATA_DIR || 'data'),
    sessionSecret: sessionSecret || 'development-only-session-secret-not-for-production',
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 12),
    demoPassword: env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    councilName: env.COUNCIL_NAME || 'Northshire County Council',
    logLevel: env.LOG_LEVEL || (environment === 'test' ? 'silent' : 'info'),
    signInAttemptsPerWindow: integer(env, 'SIGN_IN_ATTEMPTS_PER_15_MINUTES', 10),
    sittingHorizonWeeks: wholeNumberBetween(env, 'SITTING_HORIZON_WEEKS', 12, 1, 104),
    jobs: loadJobsConfig(env, environment),
    mail: loadMailConfig(env),
    ...loadNotificationConfig(env),
    trustProxy: loadTrustProxy(env),
    showErrorDetails: boolean(env, 'SHOW_ERROR_DETAILS', false),
    letterTextEngine: loadTextEngine(env),
    oidc: loadOidcConfig(env, environment, integer(env, 'PORT', 3000)),
    projectRoot,
  }
}

import fs from 'node:fs'
import path from 'node:path'

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
  projectRoot: string
}

type Env = Record<string, string | undefined>

const DEFAULT_DEMO_PASSWORD = 'demo-panel-2026'

function integer(env: Env, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`)
  return value
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
    projectRoot,
  }
}

import fs from 'node:fs'
import path from 'node:path'
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite'
import ClientPgLite from 'knex-pglite'
import knex, { Knex } from 'knex'
import pg from 'pg'
import { findProjectRoot } from '../config'

export type Db = Knex
/** A transaction a service opened, handed down to the data modules it calls. */
export type Transaction = Knex.Transaction
/** What a query runs on: the database itself, or a transaction under way. The one executor type. */
export type Executor = Db | Transaction

/**
 * Both drivers hand back values of the same JavaScript types: statutory dates stay as 'YYYY-MM-DD'
 * strings (a Date would shift across midnight with the time zone), and bigints (count(*)) become numbers.
 */
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value)
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value))

const pgliteParsers = {
  [pgliteTypes.DATE]: (value: string) => value,
  [pgliteTypes.INT8]: (value: string) => Number(value),
}

export interface DatabaseOptions {
  /** A real PostgreSQL server. */
  databaseUrl?: string
  /** The embedded database's folder; omit both for an in-memory embedded database (tests). */
  dataDir?: string
  /** Tables live in this schema (tests on a shared server get one each). */
  schema?: string
  /**
   * The embedded database's files to start from, as `PGlite.dumpDataDir()` wrote them: the tests copy
   * a database migrated and seeded once per run instead of building it again for every file.
   */
  loadDataDir?: Blob
}

export function isEmbedded(options: DatabaseOptions): boolean {
  return !options.databaseUrl
}

export function openDatabase(options: DatabaseOptions): Db {
  const searchPath = options.schema ? [options.schema, 'public'] : undefined
  if (options.databaseUrl) {
    return knex({
      client: 'pg',
      connection: options.databaseUrl,
      searchPath,
      pool: { min: 0, max: 10 },
    })
  }
  return knexOverPglite(
    new PGlite({
      dataDir: options.dataDir ? path.join(options.dataDir, 'pgdata') : undefined,
      loadDataDir: options.loadDataDir,
      parsers: pgliteParsers,
    }),
    searchPath,
  )
}

/** An embedded database the caller opened itself (the tests' template, which they dump when it is built). */
export function knexOverPglite(pglite: PGlite, searchPath?: string[]): Db {
  // knex-pglite accepts an instance through a connection function; its types do not say so.
  const connection = (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig
  return knex({
    client: ClientPgLite,
    dialect: 'postgres',
    connection,
    searchPath,
    // A new embedded database takes a few seconds to initialise before the first query.
    acquireConnectionTimeout: 60_000,
  })
}

/** A new in-memory embedded database that hands back the same value types as the server does. */
export function newEmbeddedDatabase(): PGlite {
  return new PGlite({ parsers: pgliteParsers })
}

/** Migrations are TypeScript in the source tree and JavaScript once compiled; load whichever we are running as. */
export function migrationConfig(schema?: string): Knex.MigratorConfig {
  const compiled = path.extname(__filename) === '.js'
  const root = findProjectRoot()
  return {
    directory: path.join(root, compiled ? 'dist/migrations' : 'migrations'),
    loadExtensions: [compiled ? '.js' : '.ts'],
    tableName: 'knex_migrations',
    schemaName: schema,
  }
}

export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  const [, applied] = (await db.migrate.latest(migrationConfig(schema))) as [number, string[]]
  return applied
}

/**
 * Nothing in PGlite stops two processes opening one folder, which corrupts it: the first takes a
 * lock file and the second refuses to start. A lock left by a process that has died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(dataDir, 'panel.lock')
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const holder = Number(fs.readFileSync(lockPath, 'utf8'))
    if (holder && holder !== process.pid && processIsAlive(holder)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${holder}. Stop it first, or set PANEL_DATA_DIR.`,
        { cause: error },
      )
    }
    fs.writeFileSync(lockPath, String(process.pid))
  }
  return () => {
    try {
      if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath)
    } catch {
      // already gone
    }
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The smallest question the database can answer: for the health check, and to connect early at start-up. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.raw('select 1')
}

/** Inserts one row and gives back its generated id. */
export async function insertRow(trx: Executor, table: string, row: Record<string, unknown>): Promise<string> {
  const [inserted] = (await trx(table).insert(row).returning('id')) as { id: string }[]
  return inserted!.id
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import knex from 'knex'
import {
  knexOverPglite,
  migrateToLatest,
  newEmbeddedDatabase,
  openDatabase,
  type Db,
} from '../../src/data/db'
import { seedDemoCouncil } from '../../src/demo'

/**
 * Migrating and seeding the demo council took 4–10 s for every test file. Jest's global set-up builds
 * both once per run, and each file starts from a copy: the embedded database's files (PGlite's
 * dumpDataDir), or `CREATE DATABASE … TEMPLATE` on a PostgreSQL server.
 */
export type Template = 'migrated' | 'seeded'

export const TEST_TODAY = '2026-11-23'
export const DEMO_PASSWORD = 'test-demo-password'

const ENV = 'PANEL_TEST_TEMPLATES'

interface Templates {
  /** Embedded: the files of each template. PostgreSQL: the template databases' names. */
  migrated: string
  seeded: string
  kind: 'embedded' | 'server'
}

function seed(db: Db) {
  return seedDemoCouncil(db, { demoPassword: DEMO_PASSWORD, today: TEST_TODAY })
}

export function databaseUrlFor(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function buildTemplates(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-test-templates-'))
    const pglite = newEmbeddedDatabase()
    const db = knexOverPglite(pglite)
    const dump = async (name: Template) => {
      const file = path.join(folder, `${name}.tar`)
      fs.writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()))
      return file
    }
    await migrateToLatest(db)
    const migrated = await dump('migrated')
    await seed(db)
    const seeded = await dump('seeded')
    await db.destroy()
    process.env[ENV] = JSON.stringify({ migrated, seeded, kind: 'embedded' } satisfies Templates)
    return
  }
  const run = crypto.randomBytes(4).toString('hex')
  const names = { migrated: `panel_template_${run}_migrated`, seeded: `panel_template_${run}_seeded` }
  const admin = knex({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } })
  try {
    await admin.raw('CREATE DATABASE ??', [names.migrated])
    const migrated = openDatabase({ databaseUrl: databaseUrlFor(databaseUrl, names.migrated) })
    await migrateToLatest(migrated)
    await migrated.destroy()
    // A template can be copied only while nobody is connected to it, so each is closed once built.
    await admin.raw('CREATE DATABASE ?? TEMPLATE ??', [names.seeded, names.migrated])
    const seeded = openDatabase({ databaseUrl: databaseUrlFor(databaseUrl, names.seeded) })
    await seed(seeded)
    await seeded.destroy()
  } finally {
    await admin.destroy()
  }
  process.env[ENV] = JSON.stringify({ ...names, kind: 'server' } satisfies Templates)
}

export async function removeTemplates(): Promise<void> {
  const text = process.env[ENV]
  if (!text) return
  const templates = JSON.parse(text) as Templates
  if (templates.kind === 'embedded') {
    fs.rmSync(path.dirname(templates.migrated), { recursive: true, force: true })
    return
  }
  const admin = knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 1 } })
  try {
    for (const name of [templates.seeded, templates.migrated]) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name])
    }
  } finally {
    await admin.destroy()
  }
}

/** The templates this run built, or undefined when a test file runs outside jest's global set-up. */
export function builtTemplates(): Templates | undefined {
  const text = process.env[ENV]
  return text ? (JSON.parse(text) as Templates) : undefined
}

export const seedForTests = seed

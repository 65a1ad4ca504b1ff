import crypto from 'node:crypto'
import fs from 'node:fs'
import knex from 'knex'
import { migrateToLatest, openDatabase, type Db } from '../../src/data/db'
import { builtTemplates, databaseUrlFor, seedForTests, type Template } from './templates'

export interface TestDatabase {
  db: Db
  /** The schema holding the tables on a shared server; undefined when the file has a database of its own. */
  schema?: string
  /** On a server, where a second pool (standing for a second instance) connects; with `schema`, to the same tables. */
  databaseUrl?: string
  destroy(): Promise<void>
}

/**
 * A database of this test file's own, copied from the run's template (migrated, or migrated and holding
 * the demo council): an in-memory embedded database, or, with DATABASE_URL set, a database of its own
 * on that server (dropped afterwards), so test files never see each other's rows.
 */
export async function createTestDatabase(template: Template = 'migrated'): Promise<TestDatabase> {
  const databaseUrl = process.env.DATABASE_URL
  const templates = builtTemplates()
  if (!templates) return buildWithoutTemplate(template, databaseUrl)
  if (!databaseUrl) {
    const db = openDatabase({ loadDataDir: new Blob([fs.readFileSync(templates[template])]) })
    return { db, destroy: () => db.destroy() }
  }
  const name = `test_${crypto.randomBytes(6).toString('hex')}`
  const admin = knex({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } })
  await admin.raw('CREATE DATABASE ?? TEMPLATE ??', [name, templates[template]])
  const ownUrl = databaseUrlFor(databaseUrl, name)
  const db = openDatabase({ databaseUrl: ownUrl })
  return {
    db,
    databaseUrl: ownUrl,
    async destroy() {
      await db.destroy()
      await admin.raw('DROP DATABASE ?? WITH (FORCE)', [name])
      await admin.destroy()
    },
  }
}

/** Outside jest's global set-up (a script, say): migrate, and seed, from nothing. */
async function buildWithoutTemplate(
  template: Template,
  databaseUrl: string | undefined,
): Promise<TestDatabase> {
  if (!databaseUrl) {
    const db = openDatabase({})
    await migrateToLatest(db)
    if (template === 'seeded') await seedForTests(db)
    return { db, destroy: () => db.destroy() }
  }
  const schema = `test_${crypto.randomBytes(6).toString('hex')}`
  const admin = knex({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } })
  await admin.raw('CREATE SCHEMA ??', [schema])
  const db = openDatabase({ databaseUrl, schema })
  await migrateToLatest(db, schema)
  if (template === 'seeded') await seedForTests(db)
  return {
    db,
    schema,
    databaseUrl,
    async destroy() {
      await db.destroy()
      await admin.raw('DROP SCHEMA ?? CASCADE', [schema])
      await admin.destroy()
    },
  }
}

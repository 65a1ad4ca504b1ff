import crypto from 'node:crypto'
import knex from 'knex'
import { migrateToLatest, openDatabase, type Db } from '../../src/data/db'

export interface TestDatabase {
  db: Db
  /** The schema holding the tables on a shared server; undefined on the embedded database. */
  schema?: string
  destroy(): Promise<void>
}

/**
 * A fresh, migrated database for one test file: an in-memory embedded database, or, with DATABASE_URL
 * set, a schema of its own on that server (dropped afterwards), so test files never see each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    const db = openDatabase({})
    await migrateToLatest(db)
    return { db, destroy: () => db.destroy() }
  }
  const schema = `test_${crypto.randomBytes(6).toString('hex')}`
  const admin = knex({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } })
  await admin.raw('CREATE SCHEMA ??', [schema])
  const db = openDatabase({ databaseUrl, schema })
  await migrateToLatest(db, schema)
  return {
    db,
    schema,
    async destroy() {
      await db.destroy()
      await admin.raw('DROP SCHEMA ?? CASCADE', [schema])
      await admin.destroy()
    },
  }
}

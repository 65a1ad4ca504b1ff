import { migrationConfig } from '../../src/data/db'
import { createTestDatabase } from '../support/database'

test('every migration has a working down: all roll back, and all apply again', async () => {
  const { db, destroy, schema } = await createTestDatabase()
  try {
    await db.migrate.rollback(migrationConfig(schema), true)
    const remaining = await db('pg_tables').where({ schemaname: schema ?? 'public', tablename: 'cases' })
    expect(remaining).toHaveLength(0)
    const [, applied] = (await db.migrate.latest(migrationConfig(schema))) as [number, string[]]
    expect(applied.length).toBeGreaterThan(0)
  } finally {
    await destroy()
  }
})

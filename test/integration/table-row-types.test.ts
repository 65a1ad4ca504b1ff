import fs from 'node:fs'
import path from 'node:path'
import { createTestDatabase } from '../support/database'

/**
 * src/data/tables.ts declares each table's row type once, by hand, from what the migrations create.
 * Nothing in TypeScript ties those declarations to the schema, so this reads both: every table the
 * migrations make has a row type in `TableRows`, and each row type names exactly that table's columns.
 * A migration that adds, drops or renames a column fails here until tables.ts says the same.
 */
const source = fs.readFileSync(path.join(__dirname, '../../src/data/tables.ts'), 'utf8')

function interfaceBody(name: string): string {
  const match = new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(source)
  if (!match) throw new Error(`No interface ${name} in tables.ts`)
  return match[1]!
}

/** Each property's name at the top level of an interface body (nested object types are skipped). */
function propertyNames(body: string): string[] {
  return body
    .split('\n')
    .filter((line) => /^ {2}[a-z_0-9]+\??:/.test(line))
    .map((line) => line.trim().split(/\??:/)[0]!)
}

const declared = new Map(
  interfaceBody('TableRows')
    .split('\n')
    .map((line) => /^\s*([a-z_0-9]+): ([A-Za-z0-9]+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!] as const),
)

test('every table has one row type naming exactly its columns', async () => {
  const { db, destroy, schema } = await createTestDatabase()
  try {
    const rows = (await db('information_schema.columns')
      .where('table_schema', schema ?? 'public')
      .whereNotIn('table_name', ['knex_migrations', 'knex_migrations_lock'])
      .select('table_name', 'column_name')) as { table_name: string; column_name: string }[]
    const columns = new Map<string, string[]>()
    for (const r of rows) columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name])

    expect([...declared.keys()].sort()).toEqual([...columns.keys()].sort())
    for (const [table, rowType] of declared) {
      expect({ table, columns: propertyNames(interfaceBody(rowType)).sort() }).toEqual({
        table,
        columns: (columns.get(table) ?? []).sort(),
      })
    }
  } finally {
    await destroy()
  }
})

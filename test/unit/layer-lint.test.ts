import path from 'node:path'
import { ESLint } from 'eslint'

// The layers are held by eslint.config.mjs; these cases fail if a rule is dropped or stops matching.
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') })

async function lint(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '../..', file) })
  return result!.messages
}

async function restrictedImports(file: string, code: string): Promise<number> {
  return (await lint(file, code)).filter((m) => m.ruleId === 'no-restricted-imports').length
}

/** Refusals that name knex's place, whichever rule made them (an import declaration, or an import() type). */
async function knexRefusals(file: string, code: string): Promise<number> {
  return (await lint(file, code)).filter((m) => m.message.includes('knex belongs to src/data')).length
}

describe('the layer rules', () => {
  test.each([
    ['src/domain/example.ts', "import knex from 'knex'\nexport const k = knex\n"],
    ['src/domain/example.ts', "import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n"],
    ['src/domain/example.ts', "import type { Db } from '../data/db'\nexport type D = Db\n"],
    [
      'src/domain/letters/example.ts',
      "import { systemClock } from '../../services/clock'\nexport const c = systemClock\n",
    ],
    ['src/data/example.ts', "import type { Services } from '../services'\nexport type S = Services\n"],
    ['src/data/example.ts', "import { HttpError } from '../web/errors'\nexport const e = HttpError\n"],
    ['src/services/example.ts', "import { HttpError } from '../web/errors'\nexport const e = HttpError\n"],
    ['src/demo/example.ts', "import { HttpError } from '../web/errors'\nexport const e = HttpError\n"],
    [
      'src/data/demoCouncil/example.ts',
      "import { placeCasesIn } from '../../services/queue'\nexport const p = placeCasesIn\n",
    ],
    ['src/data/example.ts', "import { seedDemoCouncil } from '../demo'\nexport const s = seedDemoCouncil\n"],
    ['src/web/cases/example.ts', "import type { User } from '../../data/users'\nexport type U = User\n"],
    ['src/web/example.ts', "import knex from 'knex'\nexport const k = knex\n"],
  ])('%s may not import what this names: %j', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(1)
  })

  test.each([
    ['src/domain/example.ts', "import { createHash } from 'node:crypto'\nexport const h = createHash\n"],
    ['src/data/example.ts', "import type { IsoDate } from '../domain/dates'\nexport type I = IsoDate\n"],
    ['src/services/example.ts', "import type { Db } from '../data/db'\nexport type D = Db\n"],
    ['src/web/example.ts', "import type { Services } from '../services'\nexport type S = Services\n"],
    [
      'src/web/cases/example.ts',
      "import type { User } from '../../services/records'\nexport type U = User\n",
    ],
  ])('%s may import this: %j', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(0)
  })
})

describe('knex only in src/data', () => {
  const typeImport = "import type { Knex } from 'knex'\nexport type K = Knex\n"
  const valueImport = "import knex from 'knex'\nexport const k = knex\n"
  const importType = "export type T = import('knex').Knex.Transaction\n"

  test.each([
    ['src/services/example.ts', typeImport],
    ['src/services/example.ts', valueImport],
    ['src/services/example.ts', importType],
    ['src/services/example.ts', "export const load = () => import('knex')\n"],
    ['src/services/admin/example.ts', typeImport],
    ['src/services/clock.ts', typeImport],
    ['src/demo/example.ts', typeImport],
    ['src/jobs/example.ts', valueImport],
    ['src/letters/example.ts', typeImport],
    ['src/cli/example.ts', valueImport],
    ['src/example.ts', typeImport],
    ['src/web/example.ts', importType],
  ])('%s may not use knex: %j', async (file, code) => {
    expect(await knexRefusals(file, code)).toBe(1)
  })

  test.each([
    ['src/data/example.ts', typeImport],
    ['src/data/example.ts', valueImport],
    ['src/data/example.ts', importType],
    ['src/data/demoCouncil/example.ts', typeImport],
    [
      'src/services/example.ts',
      "import type { Executor, Transaction } from '../data/db'\nexport type E = Executor | Transaction\n",
    ],
  ])('%s may use this: %j', async (file, code) => {
    expect(await knexRefusals(file, code)).toBe(0)
    expect((await lint(file, code)).filter((m) => m.severity === 2)).toEqual([])
  })

  test('the clock rule still holds in src/data, beside the knex rule', async () => {
    const messages = await lint('src/data/example.ts', 'export const d = new Date()\n')
    expect(messages.filter((m) => m.ruleId === 'no-restricted-syntax')).toHaveLength(1)
  })
})

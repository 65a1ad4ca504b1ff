import path from 'node:path'
import { ESLint } from 'eslint'

// The layers are held by eslint.config.mjs; these cases fail if a rule is dropped or stops matching.
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') })

async function restrictedImports(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '../..', file) })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length
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
    [
      'src/services/demoCouncil/example.ts',
      "import { HttpError } from '../../web/errors'\nexport const e = HttpError\n",
    ],
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

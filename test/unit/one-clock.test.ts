/**
 * Only the clock module reads the machine's time. ESLint holds src/ to that; templates are not
 * TypeScript, so this reads them. A view that asked the machine for the time broke the suite once the
 * real date passed the tests' fixed one.
 */
import fs from 'node:fs'
import path from 'node:path'

const VIEWS = path.join(__dirname, '../../views')
const READS_THE_TIME = /new\s+Date\s*\(\s*\)|Date\s*\.\s*now\s*\(/

function templates(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return templates(full)
    return entry.name.endsWith('.ejs') ? [full] : []
  })
}

describe('one clock', () => {
  const files = templates(VIEWS)

  test('finds the templates it checks', () => {
    expect(files.length).toBeGreaterThan(50)
  })

  test('no template reads the machine’s time', () => {
    const offenders = files.flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (READS_THE_TIME.test(line) ? [`${path.relative(VIEWS, file)}:${i + 1}`] : [])),
    )
    expect(offenders).toEqual([])
  })

  test('the check would see the line that broke it', () => {
    expect(READS_THE_TIME.test('invited.expiresAt > new Date()')).toBe(true)
    expect(READS_THE_TIME.test('Date.now() - x')).toBe(true)
    expect(READS_THE_TIME.test('dates.formatDateTime(account.expiresAt)')).toBe(false)
  })
})

import fc from 'fast-check'
import { clampPage, csvSafeCell, pageCount, safeFileName } from '../../src/domain/dataProtection'
import { activeNavigationHref, canUse, homePath, navigationFor } from '../../src/domain/permissions'
import { ROLES } from '../../src/domain/vocabulary'

describe('csvSafeCell', () => {
  test.each(['=1+1', '+44 1632 960101', '-2', '@SUM(A1)', '\tx', '\rx'])('quotes %j as text', (value) => {
    expect(csvSafeCell(value)).toBe(`'${value}`)
  })

  test('no cell starts with a formula character, and what was there is kept after the quote', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const safe = csvSafeCell(value)
        expect(/^[=+\-@\t\r]/.test(safe)).toBe(false)
        expect(safe === value || safe === `'${value}`).toBe(true)
      }),
    )
  })

  test('ordinary text is left alone', () => {
    expect(csvSafeCell('Priya Sharma')).toBe('Priya Sharma')
    expect(csvSafeCell('')).toBe('')
  })
})

describe('pages of the log', () => {
  test('every row is on exactly one page, and the page asked for stays within them', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 200 }), fc.integer(), (total, perPage, asked) => {
        const pages = pageCount(total, perPage)
        expect(pages).toBeGreaterThanOrEqual(1)
        expect((pages - 1) * perPage).toBeLessThanOrEqual(Math.max(0, total - 1))
        expect(pages * perPage).toBeGreaterThanOrEqual(total)
        const page = clampPage(asked, total, perPage)
        expect(page).toBeGreaterThanOrEqual(1)
        expect(page).toBeLessThanOrEqual(pages)
      }),
    )
  })
})

describe('safeFileName', () => {
  test('keeps letters, digits and hyphens only', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(safeFileName(text)).toMatch(/^[a-z0-9-]{1,60}$/)
      }),
    )
    expect(safeFileName('NS-2026-0007')).toBe('ns-2026-0007')
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd')
  })
})

describe('the officer’s navigation', () => {
  test('marks Who looked under its own address and Subject access elsewhere under /data-protection', () => {
    const items = navigationFor('data_protection')
    expect(activeNavigationHref(items, '/data-protection/reads')).toBe('/data-protection/reads')
    expect(activeNavigationHref(items, '/data-protection/children/x')).toBe('/data-protection')
    expect(homePath('data_protection')).toBe('/data-protection')
  })

  test('only the officer reads the log; the officer and admins answer subject access', () => {
    expect(ROLES.filter((role) => canUse(role, 'readLog'))).toEqual(['data_protection'])
    expect(ROLES.filter((role) => canUse(role, 'subjectAccess'))).toEqual(['admin', 'data_protection'])
  })
})

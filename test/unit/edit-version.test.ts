import fc from 'fast-check'
import { canonicalJson, versionTag } from '../../src/domain/editVersion'

describe('the version tag a form carries', () => {
  test('the same content gives the same tag, whatever order its keys were read in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse())
        return versionTag(record) === versionTag(reversed)
      }),
    )
  })

  test('any change to a saved value changes the tag', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }),
        fc.jsonValue(),
        (record, other) => {
          const key = Object.keys(record)[0]!
          fc.pre(canonicalJson(record[key]) !== canonicalJson(other))
          return versionTag(record) !== versionTag({ ...record, [key]: other })
        },
      ),
    )
  })

  test('dates are tagged by their instant, and a missing value is no value', () => {
    const at = new Date('2026-12-02T10:00:00Z')
    expect(versionTag({ at })).toBe(versionTag({ at: new Date(at.getTime()) }))
    expect(versionTag({ a: 1, b: undefined })).toBe(versionTag({ a: 1 }))
    expect(versionTag({ a: null })).not.toBe(versionTag({ a: 1 }))
    expect(versionTag({ a: 'x' })).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })
})

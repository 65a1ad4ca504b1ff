import fc from 'fast-check'
import { csvCell, toCsv } from '../../src/domain/csv'

describe('CSV cells for managers’ downloads', () => {
  it.each(['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx'])('makes %j text, not a formula', (v) => {
    expect(csvCell(v).replace(/^"/, '')).toMatch(/^'/)
  })

  it('quotes commas, quotes and line breaks, and leaves numbers and nulls plain', () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""')
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell(null)).toBe('')
    expect(toCsv(['A', 'B'], [[1, 'x']])).toBe('A,B\r\n1,x\r\n')
  })

  it('never lets a text cell start with a formula character', () => {
    fc.assert(
      fc.property(fc.string(), (v) => {
        expect(csvCell(v).replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/)
      }),
    )
  })
})

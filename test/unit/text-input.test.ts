import { hasControlCharacters } from '../../src/domain/textInput'
import { typedText } from '../../src/web/validation'

describe('control characters in typed answers', () => {
  test('NUL, the other C0 controls, DEL and the C1 controls are refused on one line', () => {
    for (const c of [
      '\u0000',
      '\u0001',
      '\u0009',
      '\u000a',
      '\u000b',
      '\u000d',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u009f',
    ])
      expect(hasControlCharacters(`a${c}b`, false)).toBe(true)
  })

  test('a multi-line answer keeps tabs and line breaks, and nothing else of them', () => {
    expect(hasControlCharacters('one\ttwo\r\nthree\nfour', true)).toBe(false)
    for (const c of ['\u0000', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085'])
      expect(hasControlCharacters(`a${c}b`, true)).toBe(true)
  })

  test('right-to-left text, emoji and accents are answers like any other', () => {
    for (const text of ['مرحبا بالعالم', '\u202Eעברית\u202C', '👩‍👩‍👧 🇬🇧', 'Zoë Ó Súilleabháin', '\u00a0'])
      expect(hasControlCharacters(text, false)).toBe(false)
  })

  test('a field refuses them with its own message before its other checks', () => {
    const field = typedText('The reason', { missing: 'Enter the reason' }).trim().min(1, 'Enter the reason')
    const refused = field.safeParse('\u0000')
    expect(refused.success).toBe(false)
    expect(refused.error?.issues.map((i) => i.message)).toEqual([
      'The reason must not contain hidden control characters. Retype any text you pasted in',
    ])
    expect(field.safeParse(['a', 'b']).error?.issues[0]?.message).toBe('Enter the reason')
    expect(field.safeParse('  fine  ').data).toBe('fine')
  })
})

import fc from 'fast-check'
import { newPasswordProblem, PASSWORD_MAX_LENGTH } from '../../src/domain/passwordRules'

const WHITESPACE = [' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000']
const PADDING = fc.string({
  unit: fc.constantFrom('!', '#', '%', '&', '*', '-', '+', '=', '7', '9'),
  minLength: 12,
  maxLength: 40,
})
const lettersFrom = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet.split('')), minLength, maxLength })

const randomCase = (text: string, flips: boolean[]) =>
  [...text].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c)).join('')

describe('the password rule, for any input', () => {
  test('a password of only white space, of any length up to the limit, is refused as only spaces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WHITESPACE), { minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
        (chars) => {
          const password = chars.join('')
          expect(
            newPasswordProblem(password, password, { email: 'a.person@example.org', fullName: 'A Person' }),
          ).toEqual({
            field: 'password',
            message: 'Password must not be only spaces',
          })
        },
      ),
    )
  })

  test('a password over 1,000 characters is refused for its length, whatever it holds', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: 'grapheme',
          minLength: PASSWORD_MAX_LENGTH + 1,
          maxLength: PASSWORD_MAX_LENGTH + 50,
        }),
        (password) => {
          fc.pre([...password].length > PASSWORD_MAX_LENGTH)
          expect(
            newPasswordProblem(password, password, { email: 'a@example.org', fullName: 'A' })?.message,
          ).toBe('Password must be 1,000 characters or fewer')
        },
      ),
      { numRuns: 30 },
    )
  })

  test('a password holding the email address’s local part, in any case, is refused for it', () => {
    fc.assert(
      fc.property(
        lettersFrom('nopqrstuvwxyz.', 3, 20),
        PADDING,
        PADDING,
        fc.array(fc.boolean(), { minLength: 1 }),
        (local, before, after, flips) => {
          fc.pre(local.replace(/\./g, '').length >= 1)
          const email = `${local}@example.org`
          const password = `${before}${randomCase(local, flips)}${after}`
          expect(newPasswordProblem(password, password, { email, fullName: 'Sam Lee' })?.message).toBe(
            'Password must not contain your email address',
          )
        },
      ),
    )
  })

  test('a password holding any part of the person’s name of three letters or more is refused for it', () => {
    fc.assert(
      fc.property(
        fc.array(lettersFrom('abcdefghijklm', 3, 12), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        PADDING,
        PADDING,
        fc.array(fc.boolean(), { minLength: 1 }),
        (names, pick, before, after, flips) => {
          const fullName = names.join(' ')
          const part = names[pick % names.length]!
          const password = `${before}${randomCase(part, flips)}${after}`
          // The email is made of other letters, so only the name can be what the password holds.
          expect(
            newPasswordProblem(password, password, { email: 'zz.wx@example.org', fullName })?.message,
          ).toBe('Password must not contain your name')
        },
      ),
    )
  })

  test('an accepted password must be confirmed exactly', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (confirm) => {
        fc.pre(confirm !== 'maple kettle harbour 7')
        expect(
          newPasswordProblem('maple kettle harbour 7', confirm, {
            email: 'a.person@example.org',
            fullName: 'A Person',
          }),
        ).toEqual({ field: 'confirmPassword', message: 'Enter the same password again to confirm it' })
      }),
      { numRuns: 25 },
    )
  })
})

import { newPasswordProblem } from '../../src/domain/passwordRules'

const owner = { email: 'laura.bennett@example.org', fullName: 'Laura Bennett' }
const problem = (password: string, confirm = password) => newPasswordProblem(password, confirm, owner)

describe('the rule for a new password', () => {
  test('the issue’s examples are refused, each with its own message', () => {
    expect(problem('aaaaaaaaaaaa')?.message).toMatch(/^Repeated characters .* harder to guess/)
    expect(problem('password1234')?.message).toMatch(/commonly used password.*harder to guess/)
    expect(problem(' '.repeat(12))?.message).toBe('Password must not be only spaces')
    expect(problem('\t \n'.repeat(5))?.message).toBe('Password must not be only spaces')
    expect(problem('x'.repeat(1001))?.message).toBe('Password must be 1,000 characters or fewer')
    expect(problem('')?.message).toBe('Enter a password')
    expect(problem('short')?.message).toBe('Password must be 12 characters or more')
  })

  test('a password holding the owner’s email address or name is refused', () => {
    expect(problem('laura.bennett harbour')?.message).toBe('Password must not contain your email address')
    expect(problem('xLAURA.BENNETT@EXAMPLE.ORGx')?.message).toBe(
      'Password must not contain your email address',
    )
    expect(problem('bennett kettle harbour')?.message).toBe('Password must not contain your name')
    expect(problem('harbour LAURA kettle')?.message).toBe('Password must not contain your name')
  })

  test('a hard-to-guess password is accepted, up to 1,000 characters, once confirmed', () => {
    expect(problem('purple lamp river 42')).toBeNull()
    expect(problem('maple kettle harbour 7')).toBeNull()
    const long = 'purple lamp river 42 '.repeat(47).slice(0, 1000)
    expect(problem(long)).toBeNull()
    expect(problem('purple lamp river 42', 'purple lamp river 43')).toEqual({
      field: 'confirmPassword',
      message: 'Enter the same password again to confirm it',
    })
  })

  test('length is counted in characters a person sees, not UTF-16 units', () => {
    // 12 emoji are 24 UTF-16 units but 12 characters: long enough, so refused only if guessable.
    expect(problem('🐢'.repeat(11))?.message).toBe('Password must be 12 characters or more')
    expect(problem('🐢'.repeat(1000))?.message).not.toMatch(/1,000 characters/)
  })
})

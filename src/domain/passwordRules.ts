import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as english from '@zxcvbn-ts/language-en'

/** The one rule for a new password, wherever one is set. */

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 1000
/** zxcvbn's 3 is "safely unguessable" against an attacker holding a stolen hash, throttled or not. */
export const PASSWORD_MIN_SCORE = 3
const ESTIMATED_LENGTH = 64

export interface PasswordOwner {
  email: string
  fullName: string
}

export type PasswordProblem = { field: 'password' | 'confirmPassword'; message: string }

// The dictionaries (common and breached passwords, English words and names) are data, not I/O: they
// load with the module, once, and checking a password is pure computation. Built on first use so
// that processes which never set a password do not pay for parsing them.
let estimator: ZxcvbnFactory | undefined
function passwordEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    // Matching grows steeply with length (the first 256 characters of a long passphrase took 1.5 s
    // here, the first 64 about 0.2 s): a password is judged on its first 64, plenty to tell a
    // guessable one, and a stranger cannot make the server spend seconds on each attempt.
    maxLength: ESTIMATED_LENGTH,
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  })
  return estimator
}

/** Parts of the owner's email and name long enough that finding them in a password is no accident. */
function personalWords(owner: PasswordOwner): { email: string[]; name: string[] } {
  const email = owner.email.trim().toLowerCase()
  const localPart = email.split('@')[0] ?? ''
  const name = owner.fullName
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => [...part].length >= 3)
  return { email: [email, localPart].filter((part) => [...part].length >= 3), name }
}

/** Why this password may not be used, in words for the person choosing it; null when it may. */
export function newPasswordProblem(
  password: string,
  confirmPassword: string,
  owner: PasswordOwner,
): PasswordProblem | null {
  const length = [...password].length
  const problem = (message: string): PasswordProblem => ({ field: 'password', message })
  if (length === 0) return problem('Enter a password')
  if (length > PASSWORD_MAX_LENGTH)
    return problem(`Password must be ${PASSWORD_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`)
  if (password.trim() === '') return problem('Password must not be only spaces')
  if (length < PASSWORD_MIN_LENGTH)
    return problem(`Password must be ${PASSWORD_MIN_LENGTH} characters or more`)

  const lower = password.toLowerCase()
  const words = personalWords(owner)
  if (words.email.some((part) => lower.includes(part)))
    return problem('Password must not contain your email address')
  if (words.name.some((part) => lower.includes(part))) return problem('Password must not contain your name')

  const result = passwordEstimator().check(password, [...words.email, ...words.name])
  if (result.score < PASSWORD_MIN_SCORE) {
    // The estimator's own warning says why (a common password, a keyboard pattern, a repeat) when it knows.
    const why = result.feedback.warning ? `${result.feedback.warning.replace(/\.$/, '')}. ` : ''
    return problem(`${why}Choose a password that is harder to guess, such as three or four random words`)
  }

  if (confirmPassword !== password)
    return { field: 'confirmPassword', message: 'Enter the same password again to confirm it' }
  return null
}

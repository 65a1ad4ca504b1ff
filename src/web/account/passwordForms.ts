import { z } from 'zod'
import { typedText } from '../validation'

// Lengths and strength are the password rule's to judge (src/domain/passwordRules.ts), with its own messages.
export const newPasswordFields = {
  password: typedText('The new password', { missing: 'Enter a password' }).default(''),
  confirmPassword: typedText('The password entered again', {
    missing: 'Enter the same password again to confirm it',
  }).default(''),
}

export const newPasswordForm = z.object(newPasswordFields)

export const changePasswordForm = z.object({
  currentPassword: typedText('Your current password', { missing: 'Enter your current password' })
    .min(1, 'Enter your current password')
    .max(1000, 'Enter your current password'),
  ...newPasswordFields,
})

export const forgottenPasswordForm = z.object({
  email: typedText('Your email address', { missing: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email('Enter an email address in the correct format, like name@example.org')),
})

/** A link's token: 32 random bytes in base64url. Anything else is an unknown link, not an error. */
export const linkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/)

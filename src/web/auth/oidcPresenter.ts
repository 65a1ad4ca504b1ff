import type { OidcRefusal } from '../../services/oidcSignIn'

export interface OidcRefusedPage {
  title: string
  lines: string[]
  /** Whether starting again could help: a lost or cancelled sign-in, not a missing account. */
  canTryAgain: boolean
}

/** Plain words for why the sign-in did not let the person in, and what they can do next. */
export function oidcRefusedPage(reason: OidcRefusal, providerName: string): OidcRefusedPage {
  const askAdmin = 'Ask your Panel administrator or the SEND team if you think this is wrong.'
  switch (reason) {
    case 'unknown_account':
      return {
        title: 'You do not have a Panel account',
        lines: [
          `You signed in with ${providerName}, but there is no Panel staff account for your email address.`,
          'Ask your Panel administrator to add you, with the email address you use for council systems.',
        ],
        canTryAgain: false,
      }
    case 'account_disabled':
      return {
        title: 'Your Panel account is switched off',
        lines: ['Your Panel account has been switched off, so you cannot sign in.', askAdmin],
        canTryAgain: false,
      }
    case 'family_account':
      return {
        title: 'Families sign in with a password',
        lines: [
          `Your email address belongs to a family's account, which cannot sign in with ${providerName}.`,
          'Sign in with your email address and password instead.',
        ],
        canTryAgain: false,
      }
    case 'no_email':
      return {
        title: 'Panel cannot tell who you are',
        lines: [
          `${providerName} did not share your email address with Panel, so Panel cannot find your account.`,
          'Ask your IT team to let Panel see the email address on your account.',
        ],
        canTryAgain: false,
      }
    case 'email_not_verified':
      return {
        title: 'Your email address is not confirmed',
        lines: [
          `${providerName} has not confirmed that the email address on your account is yours, so Panel cannot use it to find your account.`,
          'Ask your IT team to confirm your email address.',
        ],
        canTryAgain: false,
      }
    case 'state_mismatch':
      return {
        title: 'Your sign-in could not be completed',
        lines: [
          `Panel could not match your return from ${providerName} to a sign-in started in this browser.`,
          'This happens if you took longer than 10 minutes, went back a page, or started in another browser.',
        ],
        canTryAgain: true,
      }
    case 'callback_rejected':
      return {
        title: 'Your sign-in could not be completed',
        lines: [
          `${providerName} did not complete your sign-in. You may have cancelled it, or the sign-in had already been used.`,
        ],
        canTryAgain: true,
      }
    case 'provider_unavailable':
      return {
        title: `Signing in with ${providerName} is not working`,
        lines: [`Panel cannot reach ${providerName} at the moment. Try again in a few minutes.`],
        canTryAgain: true,
      }
  }
}

/** Refused accounts are forbidden; a lost or altered sign-in is a bad request; an unreachable provider is unavailable. */
export function oidcRefusedStatus(reason: OidcRefusal): number {
  if (reason === 'provider_unavailable') return 503
  if (reason === 'state_mismatch' || reason === 'callback_rejected') return 400
  return 403
}

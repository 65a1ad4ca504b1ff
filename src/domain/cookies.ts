/**
 * Every cookie the service sets, in one place: the code that sets each one takes its name (and, where
 * it has one, its lifetime) from here, and the cookies page lists them from here. A test drives the
 * main journeys and fails on any Set-Cookie whose name is not in this list.
 *
 * All of them are strictly necessary for the service to work (the Privacy and Electronic
 * Communications Regulations 2003, reg 6(4)), so none needs consent and there is no banner.
 */
export interface CookieDefinition {
  name: string
  purpose: string
  /** How long it lasts, in words for the cookies page. */
  lifetime: string
}

export const SESSION_COOKIE = 'panel.sid'
export const CSRF_COOKIE = 'panel.csrf'
export const RETURN_TO_COOKIE = 'panel.return'
export const DEVICE_COOKIE = 'panel.device'
export const OIDC_PENDING_COOKIE = 'panel.oidc'

/** The browser's proof that it signed in to an account before (OWASP's device cookie). */
export const DEVICE_COOKIE_DAYS = 180
/** Long enough to sign in at the provider (with a second factor); short, as the cookie holds the PKCE verifier. */
export const OIDC_PENDING_LIFETIME_MS = 10 * 60_000

/** An hour is enough to remember a password. */
export const RETURN_TO_MAX_AGE_MS = 3_600_000

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Every cookie this instance can set: the single sign-on one only where the council has set it up. */
export function cookieRegistry(settings: {
  sessionIdleMinutes: number
  sessionMaxHours: number
  oidc?: unknown
}): CookieDefinition[] {
  return [
    {
      name: SESSION_COOKIE,
      purpose:
        'Keeps you signed in as you move from page to page. It holds a random number, not your name or anything about your child. It is only set when you sign in.',
      lifetime: `${plural(settings.sessionIdleMinutes, 'minute')} after you last use the service, and never more than ${plural(settings.sessionMaxHours, 'hour')} after you signed in. It is deleted when you sign out.`,
    },
    {
      name: CSRF_COOKIE,
      purpose:
        'Checks that a form you send, such as the sign-in form, came from this service and not from another website.',
      lifetime: 'Until you close your browser.',
    },
    {
      name: RETURN_TO_COOKIE,
      purpose:
        'Remembers the page you asked for before you signed in, so that you go straight there after signing in.',
      lifetime: `${plural(RETURN_TO_MAX_AGE_MS / 60_000 / 60, 'hour')}, or until you sign in.`,
    },
    {
      name: DEVICE_COOKIE,
      purpose:
        'Remembers that this browser has signed in to your account before. If someone else keeps trying wrong passwords for your account, you can still sign in from here. It holds a signed code, not your password.',
      lifetime: `${DEVICE_COOKIE_DAYS} days after you last signed in.`,
    },
    ...(settings.oidc
      ? [
          {
            name: OIDC_PENDING_COOKIE,
            purpose:
              'Used only while you sign in with your council account (single sign-on). It checks that the answer coming back belongs to the sign-in you started.',
            lifetime: `${plural(OIDC_PENDING_LIFETIME_MS / 60_000, 'minute')}, or until you finish signing in.`,
          },
        ]
      : []),
  ]
}

import type { Refused, Result } from './result'
import type { OidcConfig } from '../config'
import type { DataLayer } from '../data'
import type { User } from '../data/users'
import { recordAuditEvent } from '../data/audit'
import { verifiedEmailFrom } from '../domain/oidcEmail'
import type { Clock } from './clock'
import { recordSignedIn } from './auth'
import { CallbackRejected, oidcClient, ProviderUnavailable, type PendingSignIn } from './oidcClient'

export type OidcRefusal =
  | 'unknown_account'
  | 'account_disabled'
  | 'family_account'
  | 'no_email'
  | 'email_not_verified'
  /** The browser came back without the sign-in it started, or with another one's state. */
  | 'state_mismatch'
  /** The provider said no (the person cancelled), or its answer failed a check (used code, nonce, token). */
  | 'callback_rejected'
  /** The provider's discovery document could not be had. */
  | 'provider_unavailable'

export type OidcSignInResult = Result<{ user: User }, Refused<OidcRefusal>>

const AUDIT_ENTITY = { entityType: 'user', actorUserId: null } as const

/**
 * Staff sign-in through the council's identity provider. A person is let in only as an existing,
 * enabled staff account whose address the provider vouches for; families sign in with a password.
 * Every attempt leaves an audit row, with reasons and codes but never the address that was tried.
 */
export function oidcSignInService(data: DataLayer, clock: Clock, settings: OidcConfig) {
  const client = oidcClient(settings)

  async function refuse(reason: OidcRefusal, entityId = 'unknown', code?: string): Promise<OidcSignInResult> {
    await recordAuditEvent(data.db, {
      ...AUDIT_ENTITY,
      action: 'oidc_sign_in_refused',
      entityId,
      details: code ? { reason, code } : { reason },
    })
    return { ok: false, reason }
  }

  return {
    providerName: settings.providerName,

    /** Where to send the person and what to keep until they return, or why they cannot go. */
    async start(): Promise<
      { ok: true; url: URL; pending: PendingSignIn } | { ok: false; reason: 'provider_unavailable' }
    > {
      try {
        return { ok: true, ...(await client.start()) }
      } catch (error) {
        if (!(error instanceof ProviderUnavailable)) throw error
        await refuse('provider_unavailable')
        return { ok: false, reason: 'provider_unavailable' }
      }
    },

    /** A callback that cannot be matched to a sign-in this browser started: audited, then refused. */
    async refuseCallback(reason: 'state_mismatch'): Promise<void> {
      await refuse(reason)
    },

    async finish(callbackUrl: URL, pending: PendingSignIn): Promise<OidcSignInResult> {
      let claims
      try {
        claims = await client.finish(callbackUrl, pending)
      } catch (error) {
        if (error instanceof CallbackRejected) return refuse('callback_rejected', 'unknown', error.code)
        // Discovery is retried after a failure, so a provider down since the start fails here too.
        if (error instanceof ProviderUnavailable) return refuse('provider_unavailable')
        throw error
      }
      const email = verifiedEmailFrom(claims, settings.trustEmailWithoutVerifiedClaim)
      if (!email.ok) return refuse(email.reason)

      const account = await data.users.findByEmail(email.email)
      if (!account) return refuse('unknown_account')
      if (account.disabled) return refuse('account_disabled', account.id)
      if (account.role === 'family') return refuse('family_account', account.id)

      return { ok: true, user: await recordSignedIn(data, clock, account, 'oidc') }
    },
  }
}

export type OidcSignInService = ReturnType<typeof oidcSignInService>

import type * as OpenIdClient from 'openid-client'
import type { OidcConfig } from '../config'
import type { EmailClaims } from '../domain/oidcEmail'

/**
 * openid-client v6 is published as ES modules only, and this project compiles to CommonJS. Node
 * 20.19+ could `require()` it, but jest's module loader cannot before Node 24.9, so a static import
 * would break every test that builds the app. A dynamic `import()`, which TypeScript keeps as it is
 * under `module: nodenext`, loads it in both: Node natively, jest through --experimental-vm-modules
 * (already needed for PGlite). Only types are imported statically; they vanish from the output.
 */
let loading: Promise<typeof OpenIdClient> | undefined
function openIdClient(): Promise<typeof OpenIdClient> {
  loading ??= import('openid-client')
  return loading
}

/** What is kept in the browser between sending a person to the provider and their return. */
export interface PendingSignIn {
  codeVerifier: string
  state: string
  nonce: string
}

/** The provider could not be reached, or its discovery document was unusable. */
export class ProviderUnavailable extends Error {}

/** The provider's answer was refused: an error it returned, a used code, a wrong nonce, a bad token. */
export class CallbackRejected extends Error {
  constructor(
    readonly code: string,
    cause: unknown,
  ) {
    super(`OpenID Connect callback rejected: ${code}`, { cause })
  }
}

const SCOPE = 'openid email profile'

/** One client for the configured provider; its discovery document is fetched once, on first use. */
export function oidcClient(settings: OidcConfig) {
  let discovered: Promise<OpenIdClient.Configuration> | undefined

  async function configuration(): Promise<OpenIdClient.Configuration> {
    const client = await openIdClient()
    discovered ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        client.ClientSecretBasic(settings.clientSecret),
        {
          // openid-client refuses plain http unless told; config allows it only for a loopback issuer
          // (tests, a provider on the developer's machine) or by an explicit setting outside production.
          execute: settings.allowHttpIssuer ? [client.allowInsecureRequests] : [],
          timeout: 10,
        },
      )
      .catch((error: unknown) => {
        discovered = undefined // try again on the next sign-in rather than failing until a restart
        throw new ProviderUnavailable('OpenID Connect discovery failed', { cause: error })
      })
    return discovered
  }

  return {
    /** Where to send the person, and the secrets to keep until they come back. */
    async start(): Promise<{ url: URL; pending: PendingSignIn }> {
      const client = await openIdClient()
      const config = await configuration()
      const pending = {
        codeVerifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
      }
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: SCOPE,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      })
      return { url, pending }
    },

    /**
     * Exchanges the code (PKCE) and checks state, the ID token and its nonce; returns the subject's
     * email claims, from the ID token or, when it leaves them out, from the userinfo endpoint.
     */
    async finish(callbackUrl: URL, pending: PendingSignIn): Promise<EmailClaims & { sub: string }> {
      const client = await openIdClient()
      const config = await configuration()
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>
      try {
        tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        })
      } catch (error) {
        throw new CallbackRejected(errorCode(error), error)
      }
      const claims = tokens.claims()
      if (!claims) throw new CallbackRejected('no_id_token', undefined)
      let email: EmailClaims = { email: claims.email, email_verified: claims.email_verified }
      if (
        (email.email === undefined || email.email_verified === undefined) &&
        config.serverMetadata().userinfo_endpoint
      ) {
        try {
          const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub)
          if (info.email !== undefined) email = { email: info.email, email_verified: info.email_verified }
        } catch (error) {
          throw new CallbackRejected(errorCode(error), error)
        }
      }
      return { ...email, sub: claims.sub }
    },
  }
}

export type OidcClient = ReturnType<typeof oidcClient>

const CODE = /^[\w.-]{1,64}$/

/**
 * A code safe to audit: the OAuth error, or the library's error code with the claim that failed its
 * check (such as nonce); never the message or the cause's claims, which hold the person's details.
 */
function errorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const { error: oauthError, code, cause } = error as { error?: unknown; code?: unknown; cause?: unknown }
    if (typeof oauthError === 'string' && CODE.test(oauthError)) return oauthError
    const claim = failedClaim(cause)
    if (typeof code === 'string' && CODE.test(code))
      return typeof claim === 'string' && CODE.test(claim) ? `${code}:${claim}` : code
  }
  return 'unexpected'
}

/** openid-client wraps oauth4webapi's error, whose cause names the claim: look a few causes down. */
function failedClaim(cause: unknown, depth = 0): unknown {
  if (!cause || typeof cause !== 'object' || depth > 3) return undefined
  const { claim, cause: inner } = cause as { claim?: unknown; cause?: unknown }
  return claim ?? failedClaim(inner, depth + 1)
}

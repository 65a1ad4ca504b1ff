import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type Provider from 'oidc-provider'
import type { KoaContextWithOIDC } from 'oidc-provider'
import request from 'supertest'
import type { OidcConfig } from '../../src/config'

/** The claims a test account's provider vouches for; an email_verified left out is what Entra ID often does. */
export interface TestIdentity {
  email?: string
  email_verified?: boolean
}

export interface TestOidcProvider {
  issuer: string
  /** The app's settings for this provider, for the given app address (PUBLIC_URL). */
  settingsFor(publicUrl: string): OidcConfig
  /** Adds a person who can sign in at the provider by typing `login` on its sign-in page. */
  addIdentity(login: string, identity: TestIdentity): void
  close(): Promise<void>
}

const CLIENT_ID = 'panel-test'
const CLIENT_SECRET = 'panel-test-client-secret-that-is-long-enough'
export const PROVIDER_NAME = 'Northshire Council sign-in'

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => resolve(new URLSearchParams(body)))
    req.on('error', reject)
  })
}

const loginPage = (uid: string) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title><link rel="icon" href="data:,"></head>
<body><main><h1>Test identity provider</h1>
<form method="post" action="/interaction/${uid}/login">
<label for="login">Test account</label> <input id="login" name="login">
<button type="submit">Continue</button>
</form></main></body></html>`

/**
 * A real OpenID Provider (oidc-provider, the certified implementation openid-client is tested
 * against) on 127.0.0.1 and a random port. Its login interaction is a one-field form: a test, or a
 * browser in one, types an account's name to be signed in as it; consent is taken as given, as a
 * council's own provider does for its own services. The Panel client may be registered for one
 * redirect address only, so tests name the app's address up front.
 */
export async function startTestOidcProvider(redirectUris: string[]): Promise<TestOidcProvider> {
  const restoreConsole = quietProviderNotices()
  // ES modules only, like openid-client: loaded with import() for the reason given in src/services/oidcClient.ts.
  const { default: OidcProvider } = await import('oidc-provider')
  const identities = new Map<string, TestIdentity>()
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const provider: Provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['test-only-provider-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const identity = identities.get(sub)
      if (!identity) return undefined
      return { accountId: sub, claims: async () => ({ sub, ...identity }) }
    },
    // Consent is implied: the provider grants the scopes Panel asks for without a second page.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const accountId = ctx.oidc.session?.accountId
      const clientId = ctx.oidc.client?.clientId
      if (!accountId || !clientId) return undefined
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
  })
  const providerCallback = provider.callback()

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? '')
    if (!match) return void providerCallback(req, res)
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res)
        if (details.uid !== match[1]) throw new Error('interaction mismatch')
        if (req.method === 'GET' && !match[2]) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid))
          return
        }
        const login = (await readForm(req)).get('login') ?? ''
        if (!identities.has(login)) {
          res.writeHead(400, { 'content-type': 'text/plain' }).end('No such test account')
          return
        }
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: login } },
          { mergeWithLastSubmission: false },
        )
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
      }
    })()
  })

  return {
    issuer,
    settingsFor: (publicUrl) => ({
      issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      providerName: PROVIDER_NAME,
      redirectUri: `${publicUrl}/sign-in/oidc/callback`,
      trustEmailWithoutVerifiedClaim: false,
      allowHttpIssuer: true,
    }),
    addIdentity: (login, identity) => void identities.set(login, identity),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
        restoreConsole()
      }),
  }
}

/**
 * oidc-provider prints notices meant for a deployment (its in-memory store, development keys, default
 * lifetimes, Node 20 not being its supported LTS); in a test provider they are expected and only noise.
 */
function quietProviderNotices(): () => void {
  const { warn, info } = console
  const quiet =
    (original: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('oidc-provider ')) return
      original(...args)
    }
  console.warn = quiet(warn)
  console.info = quiet(info)
  return () => {
    console.warn = warn
    console.info = info
  }
}

/**
 * Follows the provider's side of a sign-in as a browser would, without one: from the authorisation
 * address the app redirected to, through the test account form, to the address the provider sends
 * the person back to (the app's callback, with code and state).
 */
export async function signInAtProvider(providerUrl: string, login: string): Promise<URL> {
  const start = new URL(providerUrl)
  const agent = request.agent(start.origin)
  let location = start.pathname + start.search
  let response = await agent.get(location).redirects(0)
  for (let hop = 0; hop < 10; hop += 1) {
    if (response.status === 200 && /\/interaction\//.test(location)) {
      response = await agent.post(`${location}/login`).type('form').send({ login }).redirects(0)
    } else if (response.status >= 300 && response.status < 400 && response.headers.location) {
      const next = new URL(response.headers.location, start.origin)
      if (next.origin !== start.origin) return next
      location = next.pathname + next.search
      response = await agent.get(location).redirects(0)
    } else {
      throw new Error(`The test provider answered ${response.status} at ${location}: ${response.text}`)
    }
  }
  throw new Error('The test provider never sent the person back')
}

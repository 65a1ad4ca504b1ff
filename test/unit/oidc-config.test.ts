import { loadConfig } from '../../src/config'

const OIDC = {
  OIDC_ISSUER: 'https://login.example.org/tenant/v2.0',
  OIDC_CLIENT_ID: 'panel',
  OIDC_CLIENT_SECRET: 'secret',
}

describe('OIDC settings', () => {
  test('not set up when none is given, and the sign-in page stays as it was', () => {
    expect(loadConfig({}).oidc).toBeUndefined()
  })

  test('builds the redirect address from PUBLIC_URL, with a default button text', () => {
    expect(loadConfig({ ...OIDC, PUBLIC_URL: 'https://panel.example.gov.uk/' }).oidc).toEqual({
      issuer: OIDC.OIDC_ISSUER,
      clientId: 'panel',
      clientSecret: 'secret',
      providerName: 'your council account',
      redirectUri: 'https://panel.example.gov.uk/sign-in/oidc/callback',
      trustEmailWithoutVerifiedClaim: false,
      allowHttpIssuer: false,
    })
    const named = loadConfig({
      ...OIDC,
      OIDC_PROVIDER_NAME: 'Microsoft',
      OIDC_TRUST_EMAIL_WITHOUT_VERIFIED_CLAIM: 'true',
    })
    expect(named.oidc).toMatchObject({ providerName: 'Microsoft', trustEmailWithoutVerifiedClaim: true })
  })

  test('half a set-up is refused at start-up', () => {
    expect(() => loadConfig({ OIDC_ISSUER: OIDC.OIDC_ISSUER })).toThrow(/must be set together/)
    expect(() => loadConfig({ ...OIDC, OIDC_CLIENT_SECRET: '' })).toThrow(/must be set together/)
    expect(() => loadConfig({ ...OIDC, OIDC_ISSUER: 'login.example.org' })).toThrow(/OIDC_ISSUER/)
    expect(() => loadConfig({ ...OIDC, OIDC_TRUST_EMAIL_WITHOUT_VERIFIED_CLAIM: 'yes' })).toThrow(
      /true or false/,
    )
  })

  test('plain http only for an issuer on this machine, or when a developer says so outside production', () => {
    expect(() => loadConfig({ ...OIDC, OIDC_ISSUER: 'http://login.example.org' })).toThrow(/https/)
    for (const issuer of ['http://127.0.0.1:9000', 'http://localhost:9000/realms/x', 'http://[::1]:9000'])
      expect(loadConfig({ ...OIDC, OIDC_ISSUER: issuer }).oidc?.allowHttpIssuer).toBe(true)
    const dev = { ...OIDC, OIDC_ISSUER: 'http://keycloak:8080/realms/panel', OIDC_ALLOW_HTTP_ISSUER: 'true' }
    expect(loadConfig(dev).oidc?.allowHttpIssuer).toBe(true)
    expect(() => loadConfig({ ...dev, NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40) })).toThrow(
      /OIDC_ALLOW_HTTP_ISSUER/,
    )
  })
})

/**
 * Which email address, if any, an identity provider's claims vouch for. OpenID Connect Core 1.0
 * §5.1: `email` is the address the person prefers and need not be unique or checked; only
 * `email_verified` true says the provider took steps to ensure it is theirs. Matching a staff
 * account on an unchecked address would let anyone who can type that address at the provider sign in.
 *
 * Some providers leave email_verified out altogether (Microsoft Entra ID commonly does, vouching for
 * the address through the tenant's own directory instead); for those the council can choose to trust
 * the issuer's email, and only then is a missing claim taken as verified. A false claim never is.
 */
export type VerifiedEmail =
  { ok: true; email: string } | { ok: false; reason: 'no_email' | 'email_not_verified' }

export interface EmailClaims {
  email?: unknown
  email_verified?: unknown
}

// Some providers send the claim as the string "true" (JSON booleans are the standard's form). Only a
// claim left out is "not said"; anything present but not true (false, null, "no") is a no.
function verifiedClaim(value: unknown): boolean | undefined {
  if (value === undefined) return undefined
  return value === true || value === 'true'
}

const EMAIL = /^[^\s@]+@[^\s@]+$/

export function verifiedEmailFrom(
  claims: EmailClaims,
  trustEmailWithoutVerifiedClaim: boolean,
): VerifiedEmail {
  const email = typeof claims.email === 'string' ? claims.email.trim() : ''
  if (email === '' || email.length > 254 || !EMAIL.test(email)) return { ok: false, reason: 'no_email' }
  const verified = verifiedClaim(claims.email_verified)
  if (verified === true || (verified === undefined && trustEmailWithoutVerifiedClaim))
    return { ok: true, email }
  return { ok: false, reason: 'email_not_verified' }
}

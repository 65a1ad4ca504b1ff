import type { Refused, Result } from './result'
import type { DataLayer } from '../data'
import type { User, UserWithPassword } from '../data/users'
import { recordAuditEvent } from '../data/audit'
import { decoyPasswordHash, verifyPassword } from './passwords'
import type { Clock } from './clock'

/** `refused` whatever was wrong (no such account, wrong password, disabled), so the page cannot tell which. */
export type SignInResult = Result<{ user: User }, Refused<'refused'>>

/** Every way of signing in ends here: the sign-in noted on the account and audited with its method. */
export async function recordSignedIn(
  data: DataLayer,
  clock: Clock,
  account: UserWithPassword,
  method: 'password' | 'oidc',
): Promise<User> {
  await data.db.transaction(async (trx) => {
    await data.users.recordSignIn(trx, account.id, clock.now())
    await recordAuditEvent(trx, {
      actorUserId: account.id,
      action: 'signed_in',
      entityType: 'user',
      entityId: account.id,
      details: { method },
    })
  })
  const { passwordHash: _passwordHash, ...user } = account
  return user
}

export function authService(data: DataLayer, clock: Clock) {
  return {
    /** One answer for every failure (no account, wrong password, disabled), so the form never reveals which accounts exist. */
    async signIn(email: string, password: string): Promise<SignInResult> {
      const account = await data.users.findByEmail(email.trim())
      const valid = await verifyPassword(password, account?.passwordHash ?? (await decoyPasswordHash()))
      if (!account || !account.passwordHash || !valid || account.disabled) {
        // Written for unknown addresses too, so that the time taken does not tell which accounts exist.
        await recordAuditEvent(data.db, {
          actorUserId: null,
          action: 'sign_in_failed',
          entityType: 'user',
          entityId: account?.id ?? 'unknown',
        })
        return { ok: false, reason: 'refused' }
      }
      return { ok: true, user: await recordSignedIn(data, clock, account, 'password') }
    },

    async signedOut(userId: string): Promise<void> {
      await recordAuditEvent(data.db, {
        actorUserId: userId,
        action: 'signed_out',
        entityType: 'user',
        entityId: userId,
      })
    },

    async currentUser(userId: string): Promise<User | undefined> {
      const user = await data.users.findById(userId)
      return user && !user.disabled ? user : undefined
    },
  }
}

export type AuthService = ReturnType<typeof authService>

import session from 'express-session'
import type { Db, Executor, Transaction } from './db'
import type { Clock } from '../domain/clock'
import { parsedJson, type SessionRow } from './tables'

import { SESSION_RENEWAL_MS } from '../domain/sessionRenewal'

/**
 * express-session's store over knex, so that sessions live in PostgreSQL on both the embedded
 * database and a real server (connect-pg-simple needs a pg pool, which the embedded database has not).
 */
export class KnexSessionStore extends session.Store {
  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {
    super()
  }

  private expiry(sess: session.SessionData): Date {
    const maxAge = sess.cookie?.maxAge
    return new Date(this.clock.now().getTime() + (typeof maxAge === 'number' ? maxAge : this.ttlMs))
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    this.db<SessionRow>('sessions')
      .where({ sid })
      .andWhere('expires_at', '>', this.clock.now())
      .first('sess')
      .then((row) => {
        if (!row) return callback(null, null)
        callback(null, parsedJson(row.sess))
      }, callback)
  }

  override set(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
    this.db<SessionRow>('sessions')
      .insert({ sid, sess: JSON.stringify(sess), expires_at: this.expiry(sess) })
      .onConflict('sid')
      .merge()
      .then(() => callback?.(), callback)
  }

  /**
   * Called for every request that left the session unchanged. A signed-in session is renewed by a
   * save once a minute, so a touch within that minute would only rewrite the row: it is skipped.
   */
  override touch(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
    const lastWritten = sess.touchedAt ?? sess.signedInAt
    if (lastWritten !== undefined && this.clock.now().getTime() - lastWritten < SESSION_RENEWAL_MS) {
      callback?.()
      return
    }
    this.db<SessionRow>('sessions')
      .where({ sid })
      .update({ expires_at: this.expiry(sess) })
      .then(() => callback?.(), callback)
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.db<SessionRow>('sessions')
      .where({ sid })
      .delete()
      .then(() => callback?.(), callback)
  }
}

export function sessionsRepository(db: Db) {
  return {
    /**
     * Takes the caller's transaction so that the clean-up job can run under its advisory lock. Counts
     * the returned rows because knex-pglite answers a bare delete with its raw result, not a number.
     */
    async deleteExpired(now: Date, trx: Executor = db): Promise<number> {
      const deleted = await trx<SessionRow>('sessions')
        .where('expires_at', '<=', now)
        .delete()
        .returning('sid')
      return deleted.length
    },
  }
}

/**
 * Ends a person's sessions at once (disabled, or a password changed or reset), in the caller's
 * transaction so that the change and the sign-out land together. `keepSid` is the session making
 * the change, when it should stay signed in.
 */
export async function deleteSessionsOfUser(
  trx: Transaction,
  userId: string,
  keepSid?: string,
): Promise<number> {
  const query = trx<SessionRow>('sessions').whereRaw("sess->>'userId' = ?", [userId])
  if (keepSid) query.whereNot({ sid: keepSid })
  const deleted = await query.delete().returning('sid')
  return deleted.length
}

import type { Db, Transaction } from './db'
import type { CalendarFeedTokenRow, UserRow } from './tables'
import type { Role } from '../domain/vocabulary'

/** Whose feed address a token is: enough to decide what the feed may show. */
export interface FeedTokenOwner {
  userId: string
  role: Role
}

/**
 * One feed address per user, kept only as the SHA-256 hash of its secret: whoever reads the table
 * cannot rebuild an address. Making a new one replaces the old, which then stops working.
 */
export function calendarFeedTokensRepository(db: Db) {
  return {
    async replace(trx: Transaction, userId: string, tokenHash: string): Promise<void> {
      await trx('calendar_feed_tokens')
        .insert({ user_id: userId, token_hash: tokenHash, created_at: trx.fn.now() })
        .onConflict('user_id')
        .merge(['token_hash', 'created_at'])
    },

    /** The owner of the address, while their account is open. */
    async findOwner(tokenHash: string): Promise<FeedTokenOwner | undefined> {
      const row = await db('calendar_feed_tokens as t')
        .join('users as u', 'u.id', 't.user_id')
        .where('t.token_hash', tokenHash)
        .whereNull('u.disabled_at')
        .first<Pick<UserRow, 'id' | 'role'> | undefined>('u.id', 'u.role')
      return row ? { userId: row.id, role: row.role } : undefined
    },

    /** When the user's current address was made, if they have one. */
    async createdAt(userId: string): Promise<Date | undefined> {
      const row = await db<CalendarFeedTokenRow>('calendar_feed_tokens')
        .where('user_id', userId)
        .first('created_at')
      return row ? new Date(row.created_at) : undefined
    },
  }
}

export type CalendarFeedTokensRepository = ReturnType<typeof calendarFeedTokensRepository>

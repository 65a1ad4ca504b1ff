import type { Db, Transaction } from './db'
import type { UserRow } from './tables'
import type { Role } from '../domain/vocabulary'

export interface User {
  id: string
  email: string
  fullName: string
  role: Role
  jobTitle: string | null
  phone: string | null
  disabled: boolean
}

export interface UserWithPassword extends User {
  passwordHash: string | null
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    role: row.role,
    jobTitle: row.job_title,
    phone: row.phone,
    disabled: row.disabled_at !== null,
  }
}

export function usersRepository(db: Db) {
  return {
    async findByEmail(email: string): Promise<UserWithPassword | undefined> {
      const row = await db<UserRow>('users').whereRaw('lower(email) = lower(?)', [email]).first()
      return row && { ...toUser(row), passwordHash: row.password_hash }
    },

    async findById(id: string): Promise<User | undefined> {
      const row = await db<UserRow>('users').where({ id }).first()
      return row && toUser(row)
    },

    /** Takes the caller's transaction, so that the sign-in and its audit event land together. */
    async recordSignIn(trx: Transaction, id: string, at: Date): Promise<void> {
      await trx('users').where({ id }).update({ last_signed_in_at: at })
    },

    async listAll(): Promise<User[]> {
      const rows = await db<UserRow>('users').orderBy([{ column: 'role' }, { column: 'full_name' }])
      return rows.map(toUser)
    },
  }
}

export type UsersRepository = ReturnType<typeof usersRepository>

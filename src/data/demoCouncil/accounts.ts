import type { Transaction } from '../db'
import type { Role } from '../../domain/vocabulary'

export interface AccountSeed {
  email: string
  role: Role
  fullName: string
  jobTitle: string | null
  /** Ofcom keeps 01632 960xxx and 07700 900xxx for drama, so these numbers ring nobody. */
  phone: string
}

/** The demo's staff and family accounts, as they are written to the users table. */
export const ACCOUNTS: readonly AccountSeed[] = [
  {
    email: 'caseworker@example.org',
    role: 'caseworker',
    fullName: 'Priya Sharma',
    jobTitle: 'SEND caseworker',
    phone: '01632 960101',
  },
  {
    email: 'caseworker2@example.org',
    role: 'caseworker',
    fullName: 'Daniel Okonkwo',
    jobTitle: 'SEND caseworker',
    phone: '01632 960102',
  },
  {
    email: 'caseworker3@example.org',
    role: 'caseworker',
    fullName: 'Rhiannon Evans',
    jobTitle: 'Senior SEND caseworker',
    phone: '01632 960103',
  },
  {
    email: 'chair@example.org',
    role: 'chair',
    fullName: 'Helen Whitaker',
    jobTitle: 'Head of SEND and Inclusion',
    phone: '01632 960110',
  },
  {
    email: 'member@example.org',
    role: 'member',
    fullName: 'Joanne Brierley',
    jobTitle: 'Principal educational psychologist',
    phone: '01632 960121',
  },
  {
    email: 'manager@example.org',
    role: 'manager',
    fullName: 'Mark Pemberton',
    jobTitle: 'SEND service manager',
    phone: '01632 960130',
  },
  {
    email: 'admin@example.org',
    role: 'admin',
    fullName: 'Leanne Doyle',
    jobTitle: 'SEND business support officer',
    phone: '01632 960140',
  },
  {
    email: 'dpo@example.org',
    role: 'data_protection',
    fullName: 'Gareth Lloyd',
    jobTitle: 'Data protection officer',
    phone: '01632 960150',
  },
  {
    email: 'parent@example.org',
    role: 'family',
    fullName: 'Sarah Thompson',
    jobTitle: null,
    phone: '07700 900101',
  },
  {
    email: 'parent2@example.org',
    role: 'family',
    fullName: 'Imran Hussain',
    jobTitle: null,
    phone: '07700 900102',
  },
]

export interface DemoAccount {
  email: string
  role: Role
  displayName: string
}

/** For the server to print on start-up in development: who to sign in as (the password is configured). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = ACCOUNTS.map((a) => ({
  email: a.email,
  role: a.role,
  displayName: a.fullName,
}))

export interface SeededAccount extends AccountSeed {
  id: string
}

export type AccountsByEmail = ReadonlyMap<string, SeededAccount>

export const DEMO_EMAIL_DOMAIN = '@example.org'

export async function insertAccounts(
  trx: Transaction,
  accounts: ReadonlyArray<SeededAccount & { passwordHash: string }>,
): Promise<AccountsByEmail> {
  await trx('users').insert(
    accounts.map((a) => ({
      id: a.id,
      email: a.email,
      full_name: a.fullName,
      role: a.role,
      job_title: a.jobTitle,
      phone: a.phone,
      password_hash: a.passwordHash,
    })),
  )
  return new Map(
    accounts.map((a) => [
      a.email,
      { id: a.id, email: a.email, role: a.role, fullName: a.fullName, jobTitle: a.jobTitle, phone: a.phone },
    ]),
  )
}

export function accountFor(accounts: AccountsByEmail, email: string): SeededAccount {
  const account = accounts.get(email)
  if (!account) throw new Error(`The demo council has no account ${email}`)
  return account
}

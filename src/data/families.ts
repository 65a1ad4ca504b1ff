import type { Knex } from 'knex'
import type { Db } from './db'

export interface FamilyChild {
  id: string
  firstName: string
  lastName: string
}

export function familiesRepository(db: Db) {
  return {
    /** The children a family account is linked to: the only children that account may ever see. */
    async listChildrenForAccount(userId: string): Promise<FamilyChild[]> {
      const rows: { id: string; first_name: string; last_name: string }[] = await db('children as ch')
        .join('family_contacts as fc', 'fc.child_id', 'ch.id')
        .where('fc.user_id', userId)
        .distinct('ch.id', 'ch.first_name', 'ch.last_name')
        .orderBy('ch.first_name')
      return rows.map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name }))
    },
  }
}

export type FamiliesRepository = ReturnType<typeof familiesRepository>

/** The family's portal accounts for a case's child: who is told by e-mail that a letter is ready. */
export async function familyAccountsForCase(
  trx: Db | Knex.Transaction,
  caseId: string,
): Promise<{ email: string }[]> {
  return trx('cases as c')
    .join('family_contacts as fc', 'fc.child_id', 'c.child_id')
    .join('users as u', 'u.id', 'fc.user_id')
    .where('c.id', caseId)
    .whereNull('u.disabled_at')
    .distinct('u.email')
}

import type { Transaction } from '../db'

/** The children whose families have demo accounts: their decided cases have letters to read. */
const CHILDREN_WITH_LETTERS = ['Maya', 'Zain']

/** The demo families' decided cases, whose decision letters the seed issues. */
export async function casesWithDemoLetters(
  trx: Transaction,
): Promise<{ id: string; caseworker_id: string }[]> {
  return trx('cases as c')
    .join('children as ch', 'ch.id', 'c.child_id')
    .whereIn('ch.first_name', CHILDREN_WITH_LETTERS)
    .where('c.status', 'decided')
    .select('c.id', 'c.caseworker_id')
}

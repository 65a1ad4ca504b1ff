import { insertRow, type Executor, type Transaction } from './db'
import type { JargonTermRow } from './tables'
import type { JargonTerm } from '../domain/readability'

/** A row of the council's jargon list, with the id the admin pages address it by. */
export interface JargonRecord extends JargonTerm {
  id: string
}

/** The council's jargon list, which the plain-language help points at, in alphabetical order. */
export async function listJargon(trx: Executor): Promise<JargonTerm[]> {
  const rows = await trx<JargonTermRow>('jargon_terms')
    .select('term', 'plainer')
    .orderByRaw('lower(term), term')
  return rows
}

/** The same list with each term's id, for the admin's page. */
export async function listJargonRecords(trx: Executor): Promise<JargonRecord[]> {
  const rows = await trx<JargonTermRow>('jargon_terms')
    .select('id', 'term', 'plainer')
    .orderByRaw('lower(term), term')
  return rows
}

export async function findJargonTerm(trx: Executor, id: string): Promise<JargonRecord | undefined> {
  return await trx<JargonTermRow>('jargon_terms').where({ id }).first('id', 'term', 'plainer')
}

/** The term spelt this way in any case, which the unique index on lower(term) allows only once. */
export async function findJargonByTerm(trx: Executor, term: string): Promise<JargonRecord | undefined> {
  return await trx<JargonTermRow>('jargon_terms')
    .whereRaw('lower(term) = lower(?)', [term])
    .first('id', 'term', 'plainer')
}

export async function insertJargonTerm(trx: Transaction, jargon: JargonTerm): Promise<string> {
  return insertRow(trx, 'jargon_terms', { term: jargon.term, plainer: jargon.plainer })
}

/** False when there is no term with this id. */
export async function updateJargonTerm(trx: Transaction, id: string, jargon: JargonTerm): Promise<boolean> {
  // The PGlite driver does not report a count of rows changed: the returned ids say instead.
  const rows = await trx<JargonTermRow>('jargon_terms')
    .where({ id })
    .update({ term: jargon.term, plainer: jargon.plainer, updated_at: trx.fn.now() })
    .returning('id')
  return rows.length > 0
}

/** False when there is no term with this id. */
export async function deleteJargonTerm(trx: Transaction, id: string): Promise<boolean> {
  const rows = await trx<JargonTermRow>('jargon_terms').where({ id }).delete().returning('id')
  return rows.length > 0
}

/**
 * Edits to the list queue here: each checks the whole list (a plainer word must not be on it) before it
 * writes, and two at once could each pass the check and together break it.
 */
export async function lockJargon(trx: Transaction): Promise<void> {
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['admin:jargon'])
}

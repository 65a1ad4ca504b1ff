import type { Knex } from 'knex'

/**
 * Abbreviations families are often left to decode: the plain-language help now matches them (in
 * capitals) as well as the forms of listed words. Added only where the council's list lacks them;
 * the admin may remove them like any other term.
 */
const ABBREVIATIONS: [string, string][] = [
  ['SEN', 'special educational needs'],
  ['EHC', 'education, health and care'],
  ['EHCP', 'education, health and care plan'],
  ['SENCO', 'the teacher in charge of special needs'],
]

export async function up(knex: Knex): Promise<void> {
  const present = new Set(
    ((await knex('jargon_terms').select('term')) as { term: string }[]).map((r) => r.term.toLowerCase()),
  )
  const missing = ABBREVIATIONS.filter(([term]) => !present.has(term.toLowerCase()))
  if (missing.length > 0)
    await knex('jargon_terms').insert(missing.map(([term, plainer]) => ({ term, plainer })))
}

export async function down(knex: Knex): Promise<void> {
  // Only rows still as this migration added them: an admin's own wording for a term stays.
  for (const [term, plainer] of ABBREVIATIONS) await knex('jargon_terms').where({ term, plainer }).delete()
}

import type { Knex } from 'knex'
import { dataLayer } from '../../data'
import { listDecisionsForCase } from '../../data/letters'
import { loadBankHolidays } from '../../data/queue'
import { firstWorkingDayAfter } from '../../domain/workingDays'
import { fixedClock } from '../clock'
import { lettersService } from '../letters'
import { DEFAULT_TEXT_ENGINE } from '../../letters/textEngine'

/** The children whose families have demo accounts: their decided cases have letters to read. */
const CHILDREN_WITH_LETTERS = ['Maya', 'Zain']

/**
 * Issues the decision letters of the demo families' decided cases, dated the working day after the
 * panel met, as the caseworker would have. Nobody is e-mailed: these letters were sent before the demo began.
 */
export async function insertDemoLetters(
  trx: Knex.Transaction,
  today: string,
  portalUrl: string,
): Promise<number> {
  const cases: { id: string; caseworker_id: string }[] = await trx('cases as c')
    .join('children as ch', 'ch.id', 'c.child_id')
    .whereIn('ch.first_name', CHILDREN_WITH_LETTERS)
    .where('c.status', 'decided')
    .select('c.id', 'c.caseworker_id')
  const letters = lettersService(dataLayer(trx), fixedClock(today), {
    portalUrl,
    textEngine: DEFAULT_TEXT_ENGINE,
  })
  const bankHolidays = await loadBankHolidays(trx)
  let issued = 0
  for (const c of cases) {
    const [decision] = await listDecisionsForCase(trx, c.id)
    if (!decision) continue
    const result = await letters.issueIn(
      trx,
      c.caseworker_id,
      c.id,
      { decisionId: decision.id, format: 'standard', issuedCount: 0, correctionReason: null },
      { issuedOn: firstWorkingDayAfter(decision.decidedOn, bankHolidays), tellFamily: false },
    )
    if (!result.ok)
      throw new Error(`The demo letter for case ${c.id} could not be issued: ${JSON.stringify(result)}`)
    issued += 1
  }
  return issued
}

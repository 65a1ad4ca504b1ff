import { dataLayer } from '../data'
import type { Transaction } from '../data/db'
import { casesWithDemoLetters } from '../data/demoCouncil/letters'
import { listDecisionsForCase } from '../data/letters'
import { loadBankHolidays } from '../data/queue'
import { firstWorkingDayAfter } from '../domain/workingDays'
import { DEFAULT_TEXT_ENGINE } from '../letters/textEngine'
import { fixedClock } from '../services/clock'
import { lettersService } from '../services/letters'

/**
 * Issues the decision letters of the demo families' decided cases, dated the working day after the
 * panel met, as the caseworker would have. Nobody is e-mailed: these letters were sent before the demo began.
 */
export async function insertDemoLetters(trx: Transaction, today: string, portalUrl: string): Promise<number> {
  const cases = await casesWithDemoLetters(trx)
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

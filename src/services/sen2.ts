import type { DataLayer } from '../data'
import type { User } from '../data/users'
import { recordAuditEvent } from '../data/audit'
import { lockCase, updateCase } from '../data/caseRecords'
import { loadCaseSen2, loadSen2Facts, saveCaseSen2, type CaseSen2, type Sen2Details } from '../data/sen2'
import type { IsoDate } from '../domain/dates'
import { buildSen2Return, type Sen2Return } from '../domain/sen2/sen2Return'
import { validateSen2Return, type Sen2Problem } from '../domain/sen2/validation'
import type { Clock } from './clock'
import { CASE_STALE, type EditResult } from './cases'

export type { CaseSen2, Sen2Details }

/** The DfE's SEN2 return (issue 18): what each case keeps for it, and the return for a census date. */
export function sen2Service(data: DataLayer, clock: Clock) {
  return {
    caseDetails(caseId: string): Promise<CaseSen2 | undefined> {
      return loadCaseSen2(data.db, caseId)
    },

    /** Saves the child's and the case's SEN2 details in one transaction, with the audit row. */
    async saveDetails(
      actor: User,
      caseId: string,
      details: Sen2Details,
      version: number,
    ): Promise<EditResult> {
      return data.db.transaction(async (trx): Promise<EditResult> => {
        const current = await lockCase(trx, caseId)
        if (!current) return { ok: false, reason: 'not-found' }
        if (current.version !== version) return CASE_STALE
        await saveCaseSen2(trx, caseId, current.childId, details)
        await updateCase(trx, caseId, {})
        // Which items changed, not their values: the UPN and ethnicity are personal data.
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'case_sen2_details_updated',
          entityType: 'case',
          entityId: caseId,
          details: {
            items: Object.keys(details)
              .filter((k) => details[k as keyof Sen2Details] !== null)
              .join(' '),
          },
        })
        return { ok: true, moves: [] }
      })
    },

    /** The return for a census date, and the records that would fail the rules Panel reproduces. */
    async returnFor(censusDate: IsoDate): Promise<{ sen2: Sen2Return; problems: Sen2Problem[] }> {
      const sen2 = buildSen2Return(await loadSen2Facts(data.db), censusDate)
      return { sen2, problems: validateSen2Return(sen2) }
    },

    /** The moment the file is made, for its header, from the one clock. */
    madeAt(): string {
      return clock.now().toISOString().slice(0, 19)
    },
  }
}

export type Sen2Service = ReturnType<typeof sen2Service>

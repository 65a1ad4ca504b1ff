import type { IsoDate } from './dates'
import type { NewEvidence } from './caseIntake'

/** The advice that was asked for or has arrived: what the papers wait for. */
export function adviceAsked(evidence: readonly NewEvidence[]): NewEvidence[] {
  return evidence.filter((e) => e.requestedOn || e.receivedOn)
}

/**
 * A case's papers are complete once every piece of advice asked for has come back, on the day the last
 * one arrived. With something still awaited they are not complete. With nothing asked for, they are
 * complete only if a caseworker said no advice is needed (from that day): otherwise a case that never
 * asks for advice would wait for ever, and one not yet asked for would go to a panel too soon.
 */
export function papersCompleteOn(
  evidence: readonly NewEvidence[],
  noAdviceNeededOn: IsoDate | null = null,
): IsoDate | null {
  const asked = adviceAsked(evidence)
  if (asked.length === 0) return noAdviceNeededOn
  if (asked.some((e) => !e.receivedOn)) return null
  return asked
    .map((e) => e.receivedOn!)
    .sort()
    .at(-1)!
}

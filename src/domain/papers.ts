import type { IsoDate } from './dates'
import type { NewEvidence } from './caseIntake'

/**
 * A case's papers are complete once every piece of advice asked for has come back, on the day the last
 * one arrived. With nothing asked for yet, or something still awaited, they are not complete.
 */
export function papersCompleteOn(evidence: readonly NewEvidence[]): IsoDate | null {
  const asked = evidence.filter((e) => e.requestedOn || e.receivedOn)
  if (asked.length === 0 || asked.some((e) => !e.receivedOn)) return null
  return asked
    .map((e) => e.receivedOn!)
    .sort()
    .at(-1)!
}

import type { DataLayer } from '../data'
import { listJargon } from '../data/jargon'
import { readability, type ReadabilityReport } from '../domain/readability'

/** Text longer than this is not scored while typing: reasons are paragraphs, not documents. */
export const MAX_SCORED_CHARACTERS = 10_000

/** The plain-language help a chair sees while typing, scored against the council's own jargon list. */
export function readabilityService(data: DataLayer) {
  return {
    async check(text: string): Promise<ReadabilityReport> {
      return readability(text.slice(0, MAX_SCORED_CHARACTERS), await listJargon(data.db))
    },

    /** Several fields at once against one read of the jargon list (a form has four of them). */
    async checkEach<K extends string>(texts: Record<K, string>): Promise<Record<K, ReadabilityReport>> {
      const jargon = await listJargon(data.db)
      const entries = Object.entries<string>(texts).map(([field, text]) => [
        field,
        readability(text.slice(0, MAX_SCORED_CHARACTERS), jargon),
      ])
      return Object.fromEntries(entries) as Record<K, ReadabilityReport>
    },
  }
}

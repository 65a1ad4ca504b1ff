import { createHash } from 'node:crypto'

/**
 * The version a form carries: a tag of the record as it was read to fill the form in. A save is refused
 * when the record's tag is no longer the one the form carries, so a change made since is never overwritten
 * unseen. A tag of the content rather than a counter in each table works alike for every admin form,
 * including a bank holiday the rule gives, which has no row to count in until the council changes it.
 */
export function versionTag(saved: unknown): string {
  return createHash('sha256').update(canonicalJson(saved)).digest('base64url').slice(0, 22)
}

/** JSON with object keys in order, so that the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value)) ?? 'null'
}

function sortedKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(sortedKeys)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
    )
  }
  return value
}

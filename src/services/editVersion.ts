import type { Stale } from './result'
import { versionTag } from '../domain/editVersion'

/** Someone saved the record after the form was read: nothing was written. */
export const STALE: Stale = { ok: false, reason: 'stale' }

/**
 * Whether the record, read inside the save's transaction after its lock, has changed since the form was
 * filled in from it. Every admin edit uses this one check.
 */
export function changedSince(saved: unknown, version: string): boolean {
  return versionTag(saved) !== version
}

export { versionTag }

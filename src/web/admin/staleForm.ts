import { z } from 'zod'
import type { FormErrors } from '../validation'

/** One saved setting, as the page shows it beside the form. */
export interface SavedValue {
  label: string
  value: string
}

/** The version a form was sent with; anything malformed matches no record, so is refused as stale. */
export function postedVersion(body: Record<string, unknown>): string {
  return z.string().max(100).catch('').parse(body.version)
}

/**
 * What every admin form shows when its save was refused as stale: what the other person saved, above the
 * form, and what this person typed, still in it. The form now carries the new version, so saving again
 * (having seen theirs) goes through.
 */
export function staleForm(
  body: Record<string, unknown>,
  saved: { version: string; values: SavedValue[] },
  what: string,
): { values: Record<string, unknown>; errors: FormErrors; savedValues: SavedValue[] } {
  return {
    values: { ...body, version: saved.version },
    errors: {
      byField: {},
      summary: [
        {
          text: `Someone else saved ${what} after you opened this page, so your changes were not saved. What they saved is shown below; your changes are still in the form. Check them, then save again`,
          href: '#saved-values',
        },
      ],
    },
    savedValues: saved.values,
  }
}

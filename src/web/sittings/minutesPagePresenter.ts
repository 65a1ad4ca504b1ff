import { formatLongDate, type IsoDate } from '../../domain/dates'
import type { MinutesVersion } from '../../domain/minutes'
import type { FormErrors } from '../validation'

/** What the minutes page is built from: the sitting's record, the draft it would approve, and the request. */
export interface MinutesPageInput {
  sitting: { id: string; panelName: string; sittingOn: IsoDate; recordVersion: number }
  isChair: boolean
  state: { open: true } | { open: false; message: string }
  /** Every stored version, newest first. */
  minutes: readonly MinutesVersion[]
  /** The minutes as the record stands, while it is open; null once approved or before the sitting. */
  draft: MinutesVersion | null
  blockers: readonly string[]
  approved: boolean
  errors: FormErrors
}

function shownVersion(sittingHref: string, shown: MinutesVersion) {
  const isDraft = shown.status === 'draft'
  return {
    isDraft,
    statusText: isDraft
      ? `Version ${shown.version}, not yet approved.`
      : `Version ${shown.version}, approved${shown.approvedByName ? ` by ${shown.approvedByName}` : ''}.`,
    correction: shown.correctionReason
      ? `Why this version corrects the last: ${shown.correctionReason}`
      : null,
    pdfHref: `${sittingHref}/minutes/${isDraft ? 'draft' : `versions/${shown.version}`}.pdf`,
    pdfText: `Download ${isDraft ? 'the draft' : `version ${shown.version}`} as a PDF`,
    content: shown.content,
    extracts: isDraft
      ? null
      : shown.content.items.map((item) => ({
          href: `${sittingHref}/minutes/extracts/${item.caseId}.pdf`,
          text: `Extract for ${item.childName} (PDF)`,
        })),
  }
}

/**
 * The minutes page: the draft (while the record is open) or the latest approved version, what stops the
 * chair approving, and every approved version. Only the sitting's chair approves or corrects; the
 * service checks the same.
 */
export function presentMinutesPage(input: MinutesPageInput) {
  const { sitting, draft, isChair } = input
  const sittingHref = `/sittings/${sitting.id}`
  const approvedVersions = input.minutes.filter((m) => m.status === 'approved')
  const shown = draft ?? approvedVersions[0] ?? null
  const date = formatLongDate(sitting.sittingOn)
  return {
    sittingHref,
    title: `Minutes – ${sitting.panelName}, ${date}`,
    banner:
      !input.errors.summary.length && input.approved
        ? 'Minutes approved. They can no longer be changed, only corrected as a new version.'
        : null,
    caption: sitting.panelName,
    heading: `Minutes: ${date}`,
    noMinutes: shown
      ? null
      : `There are no minutes for this sitting. ${input.state.open ? '' : input.state.message}`,
    shown: shown && shownVersion(sittingHref, shown),
    approval: draft && isChair ? { blockers: input.blockers, recordVersion: sitting.recordVersion } : null,
    approvedVersions: approvedVersions.map((m) => ({
      href: `${sittingHref}/minutes/versions/${m.version}.pdf`,
      text: `Version ${m.version} (PDF)`,
      correctionReason: m.correctionReason,
    })),
    mayCorrect: isChair && !draft,
  }
}

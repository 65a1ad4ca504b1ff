import { formatLongDate, type IsoDate } from '../../domain/dates'
import type { FamilyProgress } from '../../domain/familyPortal'
import { CASE_KIND_LABELS, type CaseKind } from '../../domain/vocabulary'
import type { FormErrors } from '../validation'

/** The family's case as the portal service hands it to the page. */
export interface PortalCaseView {
  caseId: string
  reference: string
  kind: CaseKind
  child: { firstName: string; lastName: string }
  caseworker: { fullName: string; email: string; phone: string | null }
  progress: FamilyProgress
  explained: string
  views: {
    open: boolean
    closesOn: IsoDate | null
    sent: readonly { sentByName: string; sentAt: Date; body: string }[]
    closedBecause: string | null
  }
  letters: readonly {
    id: string
    title: string | null
    issuedOn: IsoDate | null
    correctionReason: string | null
  }[]
  hasMinutesExtract: boolean
}

/**
 * Everything the family's case page shows, in words: the template only loops and chooses. `viewsSent` is
 * the `?sent=1` after the family sent their views; `viewsMaxLength` the longest they may send.
 */
export function presentPortalCase(
  view: PortalCaseView,
  facts: { viewsSent: boolean; errors: FormErrors; viewsMaxLength: number },
) {
  const name = view.child.firstName
  const kind = CASE_KIND_LABELS[view.kind]
  const { views } = view
  const { errors } = facts
  const closesOn = views.closesOn && formatLongDate(views.closesOn)
  const sentCount = views.sent.length
  return {
    caseId: view.caseId,
    title: `${name}’s case: ${kind}`,
    name,
    caption: `${name} ${view.child.lastName} · ${view.reference}`,
    heading: kind,
    explained: view.explained,
    banner:
      !errors.summary.length && facts.viewsSent ? 'We have sent your views to the panel. Thank you.' : null,
    progress: view.progress,
    caseworker: {
      fullName: view.caseworker.fullName,
      phone: view.caseworker.phone || 'Call the SEND team',
      email: view.caseworker.email,
    },
    letters: view.letters.map((l) => ({
      href: `/portal/cases/${view.caseId}/letters/${l.id}.pdf`,
      text: `${l.title || 'Letter'} (PDF)`,
      sentOn: l.issuedOn ? formatLongDate(l.issuedOn) : '',
      corrects: l.correctionReason !== null && l.correctionReason !== '',
    })),
    minutesExtractHref: view.hasMinutesExtract ? `/portal/cases/${view.caseId}/minutes-extract.pdf` : null,
    views: {
      sent: views.sent,
      sentText: sentCount
        ? `You have sent the panel your views ${sentCount === 1 ? 'once' : `${sentCount} times`}. The panel reads everything you send.`
        : null,
      open: views.open,
      closesOn,
      hint: `Up to ${facts.viewsMaxLength.toLocaleString('en-GB')} characters.${closesOn ? ` The closing date is ${closesOn}.` : ''}`,
      error: errors.byField.views ?? null,
      errorMessage: errors.byField.views ? { text: errors.byField.views } : undefined,
      closedBecause: views.closedBecause,
    },
  }
}

import { formatDate, formatLongDate, type IsoDate } from '../../domain/dates'
import { canUse } from '../../domain/permissions'
import { OUTCOME_LABELS, type Role } from '../../domain/vocabulary'
import type { FormErrors } from '../validation'
import { deadlineStepLabel } from '../presenters'

/** The letters service's page, as the router hands it on. */
export interface LettersPageView {
  detail: { id: string; reference: string; child: { firstName: string; lastName: string } }
  decisions: readonly { id: string; outcome: string; panelName: string; decidedOn: IsoDate }[]
  letters: readonly {
    id: string
    decisionId: string | null
    version: number
    format: 'standard' | 'large_print' | 'easy_read'
    issuedOn: IsoDate | null
    issuedByName: string | null
    sha256: string | null
    correctionReason: string | null
  }[]
  checks: readonly { decisionId: string; problems: string[]; warnings: string[] }[]
  apologies: readonly {
    id: string
    status: 'draft' | 'issued'
    step: string
    dueOn: IsoDate
    issuedOn: IsoDate | null
  }[]
  defaultFormat: string
}

const FORMAT_LABELS = { standard: 'Standard', large_print: 'Large print', easy_read: 'Easy Read' } as const

/** A GOV.UK component's errorMessage for a field of one decision's or one apology's form. */
function errorFor(errors: FormErrors, field: string): { text: string } | undefined {
  const text = errors.byField[field]
  return text ? { text } : undefined
}

/**
 * Everything the case's letters page shows: each decision's letters and whether a caseworker may issue
 * one (canUse 'caseWork'; the POST routes check the same), and each apology. `values` is the form posted
 * back with its errors; it belongs to the decision or apology it names.
 */
export function presentLettersPage(
  view: LettersPageView,
  facts: { role: Role; errors: FormErrors; values: Record<string, unknown>; issued: boolean },
) {
  const { detail } = view
  const { errors, values } = facts
  const mayIssue = canUse(facts.role, 'caseWork')
  const caseHref = `/cases/${detail.id}`
  return {
    caseId: detail.id,
    title: `Letters – ${detail.child.firstName} ${detail.child.lastName}`,
    backHref: caseHref,
    caption: `${detail.child.firstName} ${detail.child.lastName} · ${detail.reference}`,
    banner:
      !errors.summary.length && facts.issued
        ? 'Letter issued. It is stored as issued and will not change.'
        : null,
    decisions: view.decisions.map((d) => {
      const mine = view.letters.filter((l) => l.decisionId === d.id)
      const check = view.checks.find((c) => c.decisionId === d.id) ?? { problems: [], warnings: [] }
      const posted = values.decisionId === d.id ? values : {}
      const outcome = OUTCOME_LABELS[d.outcome]!
      return {
        id: d.id,
        heading: outcome,
        outcomeInWords: outcome.toLowerCase(),
        madeBy: `${d.panelName}, ${formatLongDate(d.decidedOn)}`,
        letters: mine.map((l) => ({
          version: l.version,
          correctionReason: l.correctionReason,
          issued: `${l.issuedOn ? formatDate(l.issuedOn) : ''} by ${l.issuedByName ?? ''}`,
          checksum: `SHA-256 ${(l.sha256 ?? '').slice(0, 12)}…`,
          format: FORMAT_LABELS[l.format],
          href: `${caseHref}/letters/${l.id}.pdf`,
        })),
        previewHref: `${caseHref}/letters/preview/${d.id}`,
        warnings: check.warnings,
        problems: check.problems,
        form:
          check.problems.length === 0 && mayIssue
            ? {
                issuedCount: mine.length,
                formatIdPrefix: `format-${d.id}`,
                format: posted.format || view.defaultFormat,
                formatError: errorFor(errors, `format-${d.id}`),
                correction: mine.length
                  ? {
                      id: `correctionReason-${d.id}`,
                      value: posted.correctionReason,
                      error: errorFor(errors, `correctionReason-${d.id}`),
                    }
                  : null,
                error: errors.byField[`letter-${d.id}`] ?? null,
                button: mine.length ? 'Issue a corrected letter' : 'Issue the letter',
              }
            : null,
      }
    }),
    apologies: view.apologies.map((a) => {
      const posted = values.letterId === a.id ? values : {}
      return {
        id: a.id,
        heading: `${deadlineStepLabel(a.step)}: due ${formatLongDate(a.dueOn)}`,
        issued:
          a.status === 'issued'
            ? { on: a.issuedOn ? formatLongDate(a.issuedOn) : '', href: `${caseHref}/letters/${a.id}.pdf` }
            : null,
        form:
          a.status !== 'issued' && mayIssue
            ? {
                reasonId: `reason-${a.id}`,
                reason: posted.reason,
                reasonError: errorFor(errors, `reason-${a.id}`),
                dateId: `newExpectedOn-${a.id}`,
                dateError: errorFor(errors, `newExpectedOn-${a.id}`),
                day: posted['newExpectedOn-day'],
                month: posted['newExpectedOn-month'],
                year: posted['newExpectedOn-year'],
              }
            : null,
      }
    }),
  }
}

import {
  EVIDENCE_SOURCE_LABELS,
  EVIDENCE_SOURCES,
  type EvidenceSource,
  type NewEvidence,
} from '../../domain/caseIntake'
import type { IsoDate } from '../../domain/dates'
import { adviceAsked } from '../../domain/papers'
import { dateFieldValues } from '../dateFields'
import type { FormErrorCollector } from '../formErrors'

export const EVIDENCE_PREFIX: Record<EvidenceSource, string> = {
  educational_psychology: 'evidenceEp',
  health: 'evidenceHealth',
  social_care: 'evidenceSocialCare',
  school: 'evidenceSchool',
}

export const EVIDENCE_FIELDS = EVIDENCE_SOURCES.flatMap((s) => [
  `${EVIDENCE_PREFIX[s]}Requested`,
  `${EVIDENCE_PREFIX[s]}Received`,
])

/** The evidence section, as the intake form and the evidence form both show it. */
export const EVIDENCE_SECTIONS = EVIDENCE_SOURCES.map((s) => ({
  prefix: EVIDENCE_PREFIX[s],
  label: EVIDENCE_SOURCE_LABELS[s],
}))

/** The dates advice was asked for and received, from each professional, none after today. */
export function parseEvidence(form: FormErrorCollector, today: IsoDate): NewEvidence[] {
  return EVIDENCE_SOURCES.map((source) => {
    const prefix = EVIDENCE_PREFIX[source]
    const what = `${EVIDENCE_SOURCE_LABELS[source].toLowerCase()} advice`
    const requestedOn = form.date(`${prefix}Requested`, `Date ${what} was asked for`, {
      required: false,
      notAfter: today,
    })
    const receivedOn = form.date(`${prefix}Received`, `Date ${what} was received`, {
      required: false,
      notAfter: today,
    })
    if (requestedOn && receivedOn && receivedOn < requestedOn) {
      form.add(`${prefix}Received`, `Date ${what} was received must be on or after the date it was asked for`)
    }
    return { source, requestedOn, receivedOn }
  })
}

/** Stored evidence back into the form's fields. */
export function evidenceFormValues(
  evidence: { source: EvidenceSource; requestedOn: string | null; receivedOn: string | null }[],
) {
  const values: Record<string, string> = {}
  for (const e of evidence) {
    for (const [suffix, date] of [
      ['Requested', e.requestedOn],
      ['Received', e.receivedOn],
    ] as const) {
      const { day, month, year } = dateFieldValues(date)
      const field = `${EVIDENCE_PREFIX[e.source]}${suffix}`
      Object.assign(values, { [`${field}-day`]: day, [`${field}-month`]: month, [`${field}-year`]: year })
    }
  }
  return values
}

/**
 * The caseworker's "no advice is needed" box: ticked, it completes the papers, so it cannot stand
 * beside advice asked for (that advice is what the papers wait for).
 */
export function parseNoAdviceNeeded(
  form: FormErrorCollector,
  body: Record<string, unknown>,
  evidence: readonly NewEvidence[],
): boolean {
  const ticked = [body.noAdviceNeeded].flat().includes('yes')
  if (ticked && adviceAsked(evidence).length > 0)
    form.add('noAdviceNeeded', 'Clear the dates of the advice asked for, or untick ‘No advice is needed’')
  return ticked
}

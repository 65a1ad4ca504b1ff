import type { MilestoneChange, Milestones } from '../../data/caseMilestones'
import type { IsoDate } from '../../domain/dates'
import type { CaseKind } from '../../domain/vocabulary'
import { FormErrorCollector } from '../formErrors'
import type { FormErrors } from '../validation'
import { dateFieldValues } from '../dateFields'

/** Which statutory steps a kind of case records: the ones its clock reads. */
export type MilestoneSection = 'assessment' | 'plan' | 'review'

export function milestoneSectionsFor(kind: CaseKind): MilestoneSection[] {
  if (kind === 'assessment_request') return ['assessment', 'plan']
  if (kind === 'issue_plan') return ['plan']
  if (kind === 'annual_review' || kind === 'phase_transfer') return ['review']
  return []
}

const FIELD_ORDER = [
  'assessmentDecided',
  'assessmentDecision',
  'planDecided',
  'planDecision',
  'draftPlanSent',
  'finalPlanIssued',
  'reviewMeeting',
  'reviewNotice',
  'reviewDecision',
]

function choice<T extends string>(
  body: Record<string, unknown>,
  field: string,
  options: readonly T[],
): T | null {
  return options.find((o) => o === body[field]) ?? null
}

/**
 * A step done is a date and, for a decision, which way it went: one without the other is refused. Dates
 * are today or earlier, except a phase transfer's review meeting, which can be arranged ahead.
 */
export function parseMilestoneForm(
  body: Record<string, unknown>,
  kind: CaseKind,
  today: IsoDate,
): { ok: true; value: MilestoneChange } | { ok: false; errors: FormErrors } {
  const form = new FormErrorCollector(body, FIELD_ORDER)
  const sections = milestoneSectionsFor(kind)
  const past = { required: false, notAfter: today }
  const change: MilestoneChange = {}

  const decision = <T extends string>(
    dateField: string,
    wayField: string,
    label: string,
    ways: readonly T[],
  ) => {
    const on = form.date(dateField, `Date of the ${label}`, past)
    const way = choice(body, wayField, ways)
    if (on && !way) form.add(wayField, `Select which way the ${label} went`)
    if (way && !on && !form.errors().byField[dateField]) form.add(dateField, `Enter the date of the ${label}`)
    return { on, way }
  }

  if (sections.includes('assessment')) {
    const d = decision('assessmentDecided', 'assessmentDecision', 'decision whether to assess', [
      'agree',
      'refuse',
    ] as const)
    Object.assign(change, { assessmentDecidedOn: d.on, assessmentDecision: d.way })
  }
  if (sections.includes('plan')) {
    const d = decision('planDecided', 'planDecision', 'decision whether to issue a plan', [
      'issue',
      'not_issue',
    ] as const)
    Object.assign(change, {
      planDecisionOn: d.on,
      planDecision: d.way,
      draftPlanSentOn: form.date('draftPlanSent', 'Date the draft plan was sent', past),
      finalPlanIssuedOn: form.date('finalPlanIssued', 'Date the final plan was issued', past),
    })
  }
  if (sections.includes('review')) {
    const reviewMeetingOn = form.date('reviewMeeting', 'Date of the review meeting', {
      required: kind === 'annual_review',
      notAfter: kind === 'annual_review' ? today : undefined,
    })
    const d = decision('reviewNotice', 'reviewDecision', 'review decision', [
      'maintain',
      'amend',
      'cease',
    ] as const)
    if (reviewMeetingOn && d.on && d.on < reviewMeetingOn) {
      form.add('reviewNotice', 'Date of the review decision must be on or after the review meeting')
    }
    Object.assign(change, {
      reviewMeetingOn,
      reviewNoticeOn: d.on,
      reviewDecision: d.way,
      finalPlanIssuedOn: form.date('finalPlanIssued', 'Date the amended plan was issued', past),
    })
  }
  return form.empty ? { ok: true, value: change } : { ok: false, errors: form.errors() }
}

/** The stored steps back into the form's fields. */
export function milestoneFormValues(m: Milestones): Record<string, string> {
  const values: Record<string, string> = {}
  const date = (field: string, value: IsoDate | null) => {
    const { day, month, year } = dateFieldValues(value)
    Object.assign(values, { [`${field}-day`]: day, [`${field}-month`]: month, [`${field}-year`]: year })
  }
  date('assessmentDecided', m.assessmentDecidedOn)
  date('planDecided', m.planDecisionOn)
  date('draftPlanSent', m.draftPlanSentOn)
  date('finalPlanIssued', m.finalPlanIssuedOn)
  date('reviewMeeting', m.reviewMeetingOn)
  date('reviewNotice', m.reviewNoticeOn)
  Object.assign(values, {
    assessmentDecision: m.assessmentDecision ?? '',
    planDecision: m.planDecision ?? '',
    reviewDecision: m.reviewDecision ?? '',
  })
  return values
}

import type { MilestoneChange, Milestones } from '../../services/records'
import type { IsoDate } from '../../domain/dates'
import type { CaseKind } from '../../domain/vocabulary'
import { FormErrorCollector } from '../formErrors'
import type { FormErrors } from '../validation'
import { dateFieldValues } from '../dateFields'
import { PHASE_TRANSFERS } from '../../domain/statutoryClock'
import { controlCharactersMessage, hasControlCharacters } from '../../domain/textInput'

/** Which statutory steps a kind of case records: the ones its clock reads. */
export type MilestoneSection = 'assessment' | 'plan' | 'review' | 'transfer'

export function milestoneSectionsFor(kind: CaseKind): MilestoneSection[] {
  if (kind === 'assessment_request') return ['assessment', 'plan']
  if (kind === 'issue_plan') return ['plan']
  if (kind === 'annual_review') return ['review']
  if (kind === 'phase_transfer') return ['transfer', 'review']
  return []
}

const FIELD_ORDER = [
  'transferType',
  'transferYear',
  'transferOn',
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
  if (sections.includes('transfer')) {
    // Reg 18(1): a transfer between phases or to post-16 is dated by its year; reg 18(2): a move between post-16
    // institutions at any other time by its day.
    // The form shows the stored transfer; one sent without it (an older form) leaves the transfer as it was.
    const transferType = choice(body, 'transferType', PHASE_TRANSFERS)
    if (body.transferType !== undefined && body.transferType !== '' && !transferType)
      form.add('transferType', 'Select the kind of move')
    if (transferType === 'post16_move') {
      const transferOn = form.date('transferOn', 'Date of the move', { required: true })
      Object.assign(change, {
        transferType,
        transferOn,
        transferYear: transferOn ? Number(transferOn.slice(0, 4)) : null,
      })
    } else if (transferType) {
      const year = String(body.transferYear ?? '').trim()
      if (hasControlCharacters(year, false))
        form.add('transferYear', controlCharactersMessage('The year of transfer'))
      else if (!/^20\d\d$/.test(year))
        form.add(
          'transferYear',
          year ? 'Enter the year of transfer as 4 numbers, like 2027' : 'Enter the year of transfer',
        )
      Object.assign(change, { transferType, transferYear: Number(year), transferOn: null })
    }
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
  date('transferOn', m.transferOn)
  Object.assign(values, {
    transferType: m.transferType ?? '',
    transferYear: m.transferYear ? String(m.transferYear) : '',
    assessmentDecision: m.assessmentDecision ?? '',
    planDecision: m.planDecision ?? '',
    reviewDecision: m.reviewDecision ?? '',
  })
  return values
}

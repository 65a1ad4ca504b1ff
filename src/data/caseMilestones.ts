import type { IsoDate } from '../domain/dates'
import type { PhaseTransfer } from '../domain/statutoryClock'
import type { CaseRow } from './tables'

/** The columns of `cases` that record the statutory steps done, which the clock and reports read. */
export const MILESTONE_COLUMNS = [
  'assessment_decided_on',
  'assessment_decision',
  'draft_plan_sent_on',
  'plan_decision_on',
  'plan_decision',
  'final_plan_issued_on',
  'review_meeting_on',
  'review_notice_on',
  'review_decision',
  'transfer_year',
  'transfer_type',
  'transfer_on',
] as const

/** The milestone columns of a case, as `cases` stores them. */
export type MilestoneRow = Pick<CaseRow, (typeof MILESTONE_COLUMNS)[number]>

export interface Milestones {
  assessmentDecidedOn: IsoDate | null
  assessmentDecision: 'agree' | 'refuse' | null
  draftPlanSentOn: IsoDate | null
  planDecisionOn: IsoDate | null
  planDecision: 'issue' | 'not_issue' | null
  finalPlanIssuedOn: IsoDate | null
  reviewMeetingOn: IsoDate | null
  reviewNoticeOn: IsoDate | null
  reviewDecision: 'maintain' | 'amend' | 'cease' | null
  transferYear: number | null
  transferType: PhaseTransfer | null
  /** The day of a move between post-16 institutions (reg 18(2)); null for the other transfers. */
  transferOn: IsoDate | null
}

/** What a caseworker records of the steps done, and the transfer (set at intake, changeable on the case). */
export type MilestoneChange = Partial<Milestones>

export function toMilestones(row: MilestoneRow): Milestones {
  return {
    assessmentDecidedOn: row.assessment_decided_on,
    assessmentDecision: row.assessment_decision,
    draftPlanSentOn: row.draft_plan_sent_on,
    planDecisionOn: row.plan_decision_on,
    planDecision: row.plan_decision,
    finalPlanIssuedOn: row.final_plan_issued_on,
    reviewMeetingOn: row.review_meeting_on,
    reviewNoticeOn: row.review_notice_on,
    reviewDecision: row.review_decision,
    transferYear: row.transfer_year,
    transferType: row.transfer_type,
    transferOn: row.transfer_on,
  }
}

const COLUMN_OF: Record<keyof Milestones, (typeof MILESTONE_COLUMNS)[number]> = {
  assessmentDecidedOn: 'assessment_decided_on',
  assessmentDecision: 'assessment_decision',
  draftPlanSentOn: 'draft_plan_sent_on',
  planDecisionOn: 'plan_decision_on',
  planDecision: 'plan_decision',
  finalPlanIssuedOn: 'final_plan_issued_on',
  reviewMeetingOn: 'review_meeting_on',
  reviewNoticeOn: 'review_notice_on',
  reviewDecision: 'review_decision',
  transferYear: 'transfer_year',
  transferType: 'transfer_type',
  transferOn: 'transfer_on',
}

/** The columns to write for the milestones given (and only those). */
export function milestoneColumns(change: Partial<Milestones>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(change).map(([key, value]) => [COLUMN_OF[key as keyof Milestones], value]),
  )
}

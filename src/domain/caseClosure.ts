import type { IsoDate } from './dates'
import type { CaseStatus } from './vocabulary'

/**
 * Ending a case (issue 17: retention counts from the day a case ended, so Panel must record it).
 *
 * Two ways a case ends, told apart because the law and the DfE's SEN2 return treat them differently:
 * - **Withdrawn**: before the panel decided. The request stops: the family withdrew it, the child left the
 *   council's area (the duties of the Children and Families Act 2014 are to children "in its area", s.24),
 *   or it was opened in error. SEN2 reports such a request as withdrawn ("W").
 * - **Closed**: after the panel decided, when the work that follows is done: the decision carried out, the
 *   plan ceased (s.45, with the notice of regulation 31 of the SEND Regulations 2014), or the child left.
 *
 * Neither the Act nor the Regulations say when a council should close its own record; the rules here are
 * the council's practice as Panel models it: a case can be ended only from a state it can end from, the
 * day it ended cannot be in the future or before the request came in, and an ending made by mistake can be
 * undone by reopening the case to where it was.
 */
export const CLOSURE_ACTIONS = ['withdraw', 'close'] as const
export type ClosureAction = (typeof CLOSURE_ACTIONS)[number]

export const CLOSURE_REASONS = [
  'family_withdrew',
  'moved_away',
  'opened_in_error',
  'decision_carried_out',
  'plan_ceased',
  'other',
] as const
export type ClosureReason = (typeof CLOSURE_REASONS)[number]

export const CLOSURE_REASON_LABELS: Record<ClosureReason, string> = {
  family_withdrew: 'The family withdrew the request',
  moved_away: 'The child moved to another council’s area',
  opened_in_error: 'The case was opened in error, or repeats another case',
  decision_carried_out: 'The decision has been carried out',
  plan_ceased: 'The education, health and care plan has ended',
  other: 'Another reason',
}

/** The reasons offered for each way of ending, in the order they are shown. */
export const REASONS_FOR: Record<ClosureAction, readonly ClosureReason[]> = {
  withdraw: ['family_withdrew', 'moved_away', 'opened_in_error', 'other'],
  close: ['decision_carried_out', 'plan_ceased', 'moved_away', 'other'],
}

/** The end state each way of ending leaves the case in. */
export const ENDED_STATUS: Record<ClosureAction, 'withdrawn' | 'closed'> = {
  withdraw: 'withdrawn',
  close: 'closed',
}

/**
 * How a case in this state can end, or null when it cannot: one not yet decided is withdrawn, a decided
 * one is closed, one already ended is reopened first.
 */
export function closureActionFor(status: CaseStatus): ClosureAction | null {
  switch (status) {
    case 'draft':
    case 'submitted':
    case 'scheduled':
      return 'withdraw'
    case 'decided':
      return 'close'
    case 'closed':
    case 'withdrawn':
      return null
  }
}

export function isEnded(status: CaseStatus): status is 'closed' | 'withdrawn' {
  return status === 'closed' || status === 'withdrawn'
}

export interface ClosureInput {
  action: ClosureAction
  reason: ClosureReason
  /** Required for "another reason"; otherwise optional. */
  note: string | null
  endedOn: IsoDate
}

export type ClosureProblem = { field: 'reason' | 'note' | 'endedOn'; message: string }

/** What is wrong with an ending, or nothing. Dates are ISO strings, so they compare as text. */
export function closureProblems(
  input: ClosureInput,
  facts: { receivedOn: IsoDate; today: IsoDate },
): ClosureProblem[] {
  const problems: ClosureProblem[] = []
  if (!REASONS_FOR[input.action].includes(input.reason)) {
    problems.push({
      field: 'reason',
      message:
        input.action === 'withdraw'
          ? 'Select why the request is being withdrawn'
          : 'Select why the case is being closed',
    })
  }
  if (input.reason === 'other' && !input.note) {
    problems.push({ field: 'note', message: 'Enter the reason' })
  }
  if (input.endedOn > facts.today) {
    problems.push({ field: 'endedOn', message: 'The date must be today or in the past' })
  } else if (input.endedOn < facts.receivedOn) {
    problems.push({ field: 'endedOn', message: 'The date must be on or after the day the request came in' })
  }
  return problems
}

/**
 * Where a reopened case goes back to: the state it was in when it ended. An ending recorded before Panel
 * kept that state (only the demo's closed cases) goes back to what its status implies.
 */
export function reopenedStatus(
  ended: 'closed' | 'withdrawn',
  before: CaseStatus | null,
): 'draft' | 'submitted' | 'decided' {
  if (before === 'draft' || before === 'decided') return before
  if (before === 'submitted' || before === 'scheduled') return 'submitted'
  return ended === 'closed' ? 'decided' : 'submitted'
}

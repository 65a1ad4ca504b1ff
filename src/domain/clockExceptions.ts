import { addDays, daysBetween, type IsoDate } from './dates'
import type { DeadlineStep } from './statutoryClock'

/*
 * Exceptions. Regs 5(4), 10(4) and 13(3) lift the 6-, 16- and 20-week limits when meeting them is impractical
 * because: the council asked a school for advice in the window from one week before it closes for at least
 * 4 weeks until one week before it reopens; of exceptional personal circumstances of the child or family; or
 * the child or family is away from the area for at least 4 weeks. No other limit has exceptions, and an
 * exception never moves a due date: it only changes how a late step is counted in reports.
 */

export const EXCEPTION_REASONS = [
  'school_closure',
  'exceptional_personal_circumstances',
  'away_from_area',
] as const
export type ExceptionReason = (typeof EXCEPTION_REASONS)[number]

export const EXCEPTION_REASON_LABELS: Record<ExceptionReason, string> = {
  school_closure: 'The school was closed for 4 weeks or more when we asked it for advice',
  exceptional_personal_circumstances: 'Exceptional personal circumstances of the child or family',
  away_from_area: 'The child or family was away from the area for 4 weeks or more',
}

export const STEPS_WITH_EXCEPTIONS = [
  'decide_whether_to_assess',
  'notify_plan_not_issued',
  'issue_final_plan',
] as const satisfies readonly DeadlineStep[]
export type ExceptionStep = (typeof STEPS_WITH_EXCEPTIONS)[number]

export function canHaveException(step: DeadlineStep): step is ExceptionStep {
  return (STEPS_WITH_EXCEPTIONS as readonly DeadlineStep[]).includes(step)
}

export interface ClockException {
  reason: ExceptionReason
  step: ExceptionStep
  /** The first day the school was closed, the family was away, or the circumstances began. */
  startsOn: IsoDate
  /** The day the school reopened, the family came back, or the circumstances ended; null while not known. */
  endsOn: IsoDate | null
  /** For a school closure: the day the council asked the school for advice. */
  adviceRequestedOn?: IsoDate | null
  explanation: string
}

const WEEK = 7
const FOUR_WEEKS = 4 * WEEK

/** What is wrong with an exception, in plain words; empty when the regulations allow it. */
export interface ExceptionProblem {
  /** The part of the exception the problem is with, so that a form can show it by that field. */
  field: 'explanation' | 'endsOn' | 'adviceRequestedOn'
  message: string
}

export function exceptionProblems(exception: ClockException): ExceptionProblem[] {
  const { reason, startsOn, endsOn, adviceRequestedOn } = exception
  const problems: ExceptionProblem[] = []
  const problem = (field: ExceptionProblem['field'], message: string) => problems.push({ field, message })
  if (exception.explanation.trim() === '') problem('explanation', 'Explain why the time limit cannot be met')
  if (endsOn && endsOn < startsOn)
    problem('endsOn', 'The end date must be the same as or after the start date')
  if (reason === 'school_closure') {
    if (!endsOn) problem('endsOn', 'Enter the date the school reopens')
    else if (daysBetween(startsOn, endsOn) < FOUR_WEEKS) {
      problem('endsOn', 'The school must be closed for 4 weeks or more')
    }
    if (!adviceRequestedOn) problem('adviceRequestedOn', 'Enter the date we asked the school for advice')
    else if (
      endsOn &&
      (adviceRequestedOn < addDays(startsOn, -WEEK) || adviceRequestedOn > addDays(endsOn, -WEEK))
    ) {
      problem(
        'adviceRequestedOn',
        'Advice must be asked for from 1 week before the school closes until 1 week before it reopens',
      )
    }
  }
  if (reason === 'away_from_area' && endsOn && daysBetween(startsOn, endsOn) < FOUR_WEEKS) {
    problem('endsOn', 'The child or family must be away from the area for 4 weeks or more')
  }
  return problems
}

export type TimelinessOutcome = 'not_yet_due' | 'in_time' | 'late' | 'late_with_exception'

export interface Timeliness {
  outcome: TimelinessOutcome
  /** The exception that excuses a late step. */
  exception: ClockException | null
  /** Whether the step counts as in time in each report figure; null while it is not yet due. */
  inTimeWithExceptions: boolean | null
  inTimeWithoutExceptions: boolean | null
}

export interface TimelinessInput {
  step: DeadlineStep
  due: IsoDate
  today: IsoDate
  completedOn?: IsoDate | null
  exceptions: readonly ClockException[]
}

/**
 * How a step counts in the timeliness reports. Late while an allowed exception applies to that same step
 * (recorded for it, and begun by its due date) is excused in the figure "with exceptions" and still late in
 * the figure "without exceptions". An exception on one step never excuses another.
 */
export function timeliness({ step, due, today, completedOn, exceptions }: TimelinessInput): Timeliness {
  const late = completedOn ? completedOn > due : today > due
  if (!completedOn && !late) {
    return {
      outcome: 'not_yet_due',
      exception: null,
      inTimeWithExceptions: null,
      inTimeWithoutExceptions: null,
    }
  }
  if (!late) {
    return { outcome: 'in_time', exception: null, inTimeWithExceptions: true, inTimeWithoutExceptions: true }
  }
  const exception =
    exceptions.find(
      (e) =>
        e.step === step &&
        exceptionProblems(e).length === 0 &&
        (e.reason === 'school_closure' ? (e.adviceRequestedOn ?? e.startsOn) : e.startsOn) <= due,
    ) ?? null
  return exception
    ? {
        outcome: 'late_with_exception',
        exception,
        inTimeWithExceptions: true,
        inTimeWithoutExceptions: false,
      }
    : { outcome: 'late', exception: null, inTimeWithExceptions: false, inTimeWithoutExceptions: false }
}

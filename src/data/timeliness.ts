import type { Db } from './db'
import { MILESTONE_COLUMNS, toMilestones, type MilestoneRow } from './caseMilestones'
import {
  EXCEPTION_REASONS,
  STEPS_WITH_EXCEPTIONS,
  type ClockException,
  type ExceptionReason,
  type ExceptionStep,
} from '../domain/clockExceptions'
import type { IsoDate } from '../domain/dates'
import { KINDS_WITH_A_CLOCK } from '../domain/statutoryClock'
import type { CaseKind } from '../domain/vocabulary'
import type { CaseClockFacts } from '../domain/caseDeadlines'

/** A case's clock facts with its exceptions in full, as the timeliness report needs them. */
export interface CaseClockRecord extends CaseClockFacts {
  id: string
  exceptions: ClockException[]
}

interface ClockRow extends MilestoneRow {
  id: string
  kind: CaseKind
  received_on: IsoDate
}

interface ExceptionRow {
  case_id: string
  step: string
  reason_code: string
  starts_on: IsoDate
  ends_on: IsoDate | null
  advice_requested_on: IsoDate | null
  explanation: string
}

function isExceptionStep(step: string): step is ExceptionStep {
  return (STEPS_WITH_EXCEPTIONS as readonly string[]).includes(step)
}

function isExceptionReason(reason: string): reason is ExceptionReason {
  return (EXCEPTION_REASONS as readonly string[]).includes(reason)
}

function toClockException(row: ExceptionRow): ClockException | undefined {
  // The step column is free text: a row naming a step the regulations give no exception to could never
  // excuse lateness, so it is left out rather than trusted.
  if (!isExceptionStep(row.step) || !isExceptionReason(row.reason_code)) return undefined
  return {
    step: row.step,
    reason: row.reason_code,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    adviceRequestedOn: row.advice_requested_on,
    explanation: row.explanation,
  }
}

export function timelinessRepository(db: Db) {
  return {
    /** Every case that has a statutory clock, with its milestones and exceptions: two queries in all. */
    async listCaseClocks(): Promise<CaseClockRecord[]> {
      const [cases, exceptions] = await Promise.all([
        db('cases')
          .whereIn('kind', KINDS_WITH_A_CLOCK)
          .orderBy('reference')
          .select<ClockRow[]>('id', 'kind', 'received_on', ...MILESTONE_COLUMNS),
        db('case_exceptions as e')
          .join('cases as c', 'c.id', 'e.case_id')
          .whereIn('c.kind', KINDS_WITH_A_CLOCK)
          .orderBy(['e.case_id', 'e.starts_on'])
          .select<ExceptionRow[]>(
            'e.case_id',
            'e.step',
            'e.reason_code',
            'e.starts_on',
            'e.ends_on',
            'e.advice_requested_on',
            'e.explanation',
          ),
      ])
      const byCase = new Map<string, ClockException[]>()
      for (const row of exceptions) {
        const exception = toClockException(row)
        if (!exception) continue
        const list = byCase.get(row.case_id) ?? []
        list.push(exception)
        byCase.set(row.case_id, list)
      }
      return cases.map((c) => ({
        id: c.id,
        kind: c.kind,
        receivedOn: c.received_on,
        milestones: toMilestones(c),
        exceptions: byCase.get(c.id) ?? [],
      }))
    },
  }
}

export type TimelinessRepository = ReturnType<typeof timelinessRepository>

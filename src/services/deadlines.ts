import type { DataLayer } from '../data'
import { appealDeadline, type AppealDeadline, type AppealDeadlineInput } from '../domain/appealDeadline'
import {
  deadlinesFor,
  deadlineState,
  type ClockRequest,
  type Deadline,
  type DeadlineStateInput,
  type DeadlineStatus,
} from '../domain/statutoryClock'
import type { Clock } from './clock'

/** The statutory clock with what it needs from outside: today's date and the bank holidays an admin keeps. */
export function deadlinesService(data: DataLayer, clock: Clock) {
  return {
    deadlinesFor(request: ClockRequest): Deadline[] {
      return deadlinesFor(request)
    },

    /** Bank holidays are read on every call, not cached: an admin can add or correct them at any time. */
    async appealDeadline(input: AppealDeadlineInput): Promise<AppealDeadline> {
      const holidays = await data.calendar.listBankHolidays()
      return appealDeadline(
        input,
        holidays.map((h) => h.date),
      )
    },

    stateOf(input: Omit<DeadlineStateInput, 'today'>): DeadlineStatus {
      return deadlineState({ ...input, today: clock.today() })
    },
  }
}

export type DeadlinesService = ReturnType<typeof deadlinesService>

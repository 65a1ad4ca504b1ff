import type { DataLayer } from '../data'
import {
  appealDeadline,
  appealDeadlineYears,
  type AppealDeadline,
  type AppealDeadlineInput,
} from '../domain/appealDeadline'
import { unconfirmedNote, unconfirmedYears, type BankHolidayCalendar } from '../domain/bankHolidays'
import {
  deadlinesFor,
  deadlineState,
  type ClockRequest,
  type Deadline,
  type DeadlineStateInput,
  type DeadlineStatus,
} from '../domain/statutoryClock'
import type { Clock } from './clock'

/**
 * What a date worked out with bank holidays needs said beside it: the years whose bank holidays it depends
 * on that the council has not confirmed, and the note for people. Both absent when every year is confirmed.
 */
export interface UnconfirmedBankHolidays {
  unconfirmedBankHolidayYears?: number[]
  note?: string
}

function unconfirmed(years: readonly number[]): UnconfirmedBankHolidays {
  const note = unconfirmedNote(years)
  return note ? { unconfirmedBankHolidayYears: [...years], note } : {}
}

export type DeadlineWithNote = Omit<Deadline, 'bankHolidayYears'> & UnconfirmedBankHolidays

/**
 * The statutory clock with what it needs from outside: today's date and the bank holidays (the rule with the
 * admin's changes). Bank holidays are read on every call, not cached: an admin can change them at any time.
 */
export function deadlinesService(data: DataLayer, clock: Clock) {
  return {
    async deadlinesFor(request: ClockRequest): Promise<DeadlineWithNote[]> {
      const holidays = await data.calendar.loadBankHolidayCalendar()
      return deadlinesFor(request, holidays).map(({ bankHolidayYears, ...d }) => ({
        ...d,
        ...unconfirmed(unconfirmedYears(bankHolidayYears ?? [], holidays)),
      }))
    },

    async appealDeadline(input: AppealDeadlineInput): Promise<AppealDeadline & UnconfirmedBankHolidays> {
      const holidays = await data.calendar.loadBankHolidayCalendar()
      const deadline = appealDeadline(input, holidays)
      return { ...deadline, ...unconfirmed(unconfirmedYears(appealDeadlineYears(deadline), holidays)) }
    },

    /** The bank holidays by rule with the admin's changes, for pages that work dates out as they are typed. */
    bankHolidays(): Promise<BankHolidayCalendar> {
      return data.calendar.loadBankHolidayCalendar()
    },

    stateOf(input: Omit<DeadlineStateInput, 'today'>): DeadlineStatus {
      return deadlineState({ ...input, today: clock.today() })
    },
  }
}

export type DeadlinesService = ReturnType<typeof deadlinesService>

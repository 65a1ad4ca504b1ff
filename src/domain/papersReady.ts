import type { IsoDate } from './dates'
import { addWorkingDays, type BankHolidayLookup } from './workingDays'

/**
 * How many working days before a sitting its members are told the papers are ready, unless set. Two:
 * after a panel's usual papers cut-off (three working days), which is also when the family's views
 * close, so the papers members are sent are complete.
 */
export const DEFAULT_PAPERS_READY_WORKING_DAYS = 2

/** The last day on which a sitting counts as coming up soon enough for its papers to go out. */
export function papersReadyHorizon(
  today: IsoDate,
  workingDays: number,
  bankHolidays: BankHolidayLookup,
): IsoDate {
  return addWorkingDays(today, workingDays, bankHolidays)
}

export interface SittingForPapers {
  sittingOn: IsoDate
  status: 'scheduled' | 'held' | 'cancelled'
  itemCount: number
  papersReadyNotifiedAt: Date | null
}

/**
 * Whether a sitting's members should be told today that its papers are ready: it is still to be held,
 * has something on its agenda, is within `workingDays` working days, and they have not been told yet.
 * A sitting already inside the window when it first qualifies (an extra one, or a job that did not
 * run) is told at once rather than never.
 */
export function isPapersReadyNoticeDue(
  sitting: SittingForPapers,
  today: IsoDate,
  workingDays: number,
  bankHolidays: BankHolidayLookup,
): boolean {
  return (
    sitting.status === 'scheduled' &&
    sitting.itemCount > 0 &&
    sitting.papersReadyNotifiedAt === null &&
    sitting.sittingOn >= today &&
    sitting.sittingOn <= papersReadyHorizon(today, workingDays, bankHolidays)
  )
}

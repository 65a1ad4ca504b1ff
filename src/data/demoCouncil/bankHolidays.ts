import type { IsoDate } from './dates'
// Imported rather than read from disk, so that the compiler copies it into dist beside this module.
import bankHolidayList from './bank-holidays-england-and-wales.json'

export interface BankHoliday {
  holidayOn: IsoDate
  title: string
}

/** English and Welsh bank holidays 2025–2028, substitute days included (GOV.UK's list). */
export const BANK_HOLIDAYS: readonly BankHoliday[] = bankHolidayList.events.map((event) => ({
  holidayOn: event.date,
  title: event.title,
}))

import type { Db } from './db'

export interface BankHoliday {
  date: string
  title: string
}

export function calendarRepository(db: Db) {
  return {
    async listBankHolidays(): Promise<BankHoliday[]> {
      const rows: { holiday_on: string; title: string }[] = await db('bank_holidays')
        .select('holiday_on', 'title')
        .orderBy('holiday_on')
      return rows.map((r) => ({ date: r.holiday_on, title: r.title }))
    },
  }
}

export type CalendarRepository = ReturnType<typeof calendarRepository>

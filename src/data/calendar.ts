import type { Db, Executor, Transaction } from './db'
import type { IsoDate } from '../domain/dates'
import type { BankHolidayRow, BankHolidayYearRow, SchoolTermRow, SittingRow } from './tables'
import {
  bankHolidayCalendar,
  type BankHoliday,
  type BankHolidayCalendar,
  type BankHolidayOverride,
} from '../domain/bankHolidays'

export type { BankHoliday }

/** The council's changes to the rule, one a day, earliest first. */
export async function listBankHolidayOverrides(q: Executor): Promise<BankHolidayOverride[]> {
  const rows = await q<BankHolidayRow>('bank_holidays')
    .select('holiday_on', 'title', 'observed')
    .orderBy('holiday_on')
  return rows.map((r) => ({ date: r.holiday_on, title: r.title, observed: r.observed }))
}

export async function listConfirmedBankHolidayYears(q: Executor): Promise<number[]> {
  const years = await q<BankHolidayYearRow>('bank_holiday_years').orderBy('year').pluck('year')
  return years.map(Number)
}

/**
 * The bank holidays for any year, as the rule gives them with the council's changes, read afresh each time:
 * an admin can add or correct a day at any moment, and every date worked out from then on counts it.
 */
export async function loadBankHolidayCalendar(q: Executor): Promise<BankHolidayCalendar> {
  return bankHolidayCalendar(await listBankHolidayOverrides(q), await listConfirmedBankHolidayYears(q))
}

import type { TermName } from '../domain/schoolTerms'
export { TERM_NAMES, type TermName } from '../domain/schoolTerms'

export interface SchoolTermSettings {
  /** '2026/27'. */
  academicYear: string
  term: TermName
  startsOn: IsoDate
  endsOn: IsoDate
}

export interface SchoolTermRecord extends SchoolTermSettings {
  id: number
}

function toTerm(row: SchoolTermRow): SchoolTermRecord {
  return {
    id: row.id,
    academicYear: row.academic_year,
    term: row.term,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
  }
}

function termColumns(term: SchoolTermSettings) {
  return {
    academic_year: term.academicYear,
    term: term.term,
    starts_on: term.startsOn,
    ends_on: term.endsOn,
  }
}

export function calendarRepository(db: Db) {
  return {
    loadBankHolidayCalendar(q: Executor = db): Promise<BankHolidayCalendar> {
      return loadBankHolidayCalendar(q)
    },

    async findBankHolidayOverride(date: IsoDate, q: Executor = db): Promise<BankHolidayOverride | undefined> {
      const row = await q<BankHolidayRow>('bank_holidays')
        .where({ holiday_on: date })
        .first('holiday_on', 'title', 'observed')
      return row && { date: row.holiday_on, title: row.title, observed: row.observed }
    },

    /** Writes the council's change for a day, or takes it away (null) when the rule alone is right. */
    async setBankHolidayOverride(
      trx: Transaction,
      date: IsoDate,
      override: BankHolidayOverride | null,
    ): Promise<void> {
      if (!override) {
        await trx<BankHolidayRow>('bank_holidays').where({ holiday_on: date }).delete()
        return
      }
      await trx<BankHolidayRow>('bank_holidays')
        .insert({ holiday_on: date, title: override.title, observed: override.observed })
        .onConflict('holiday_on')
        .merge(['title', 'observed'])
    },

    async confirmBankHolidayYear(
      trx: Transaction,
      year: number,
      confirmedBy: string | null,
    ): Promise<boolean> {
      const rows = await trx<BankHolidayYearRow>('bank_holiday_years')
        .insert({ year, confirmed_by: confirmedBy })
        .onConflict('year')
        .ignore()
        .returning('year')
      return rows.length > 0
    },

    /** Sittings still to be held on a day, which a new bank holiday does not cancel by itself. */
    async countScheduledSittingsOn(date: IsoDate, q: Executor = db): Promise<number> {
      const row = await q<SittingRow>('sittings')
        .where({ sitting_on: date, status: 'scheduled' })
        .count({ n: '*' })
        .first()
      return Number(row?.n ?? 0)
    },

    async listTerms(q: Executor = db): Promise<SchoolTermRecord[]> {
      const rows = await q<SchoolTermRow>('school_terms').select('*').orderBy('starts_on')
      return rows.map(toTerm)
    },

    async findTerm(id: number, q: Executor = db): Promise<SchoolTermRecord | undefined> {
      const row = await q<SchoolTermRow>('school_terms').where({ id }).first()
      return row && toTerm(row)
    },

    async insertTerm(trx: Transaction, term: SchoolTermSettings): Promise<number> {
      const [row] = await trx<SchoolTermRow>('school_terms').insert(termColumns(term)).returning('id')
      return row!.id
    },

    async updateTerm(trx: Transaction, id: number, term: SchoolTermSettings): Promise<void> {
      await trx<SchoolTermRow>('school_terms').where({ id }).update(termColumns(term))
    },

    async deleteTerm(trx: Transaction, id: number): Promise<void> {
      await trx<SchoolTermRow>('school_terms').where({ id }).delete()
    },

    /**
     * Term and bank holiday edits queue here: each checks the others' dates before it writes, and two
     * at once could each pass the check and together break it.
     */
    async lockCalendar(trx: Transaction): Promise<void> {
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['admin:calendar'])
    },
  }
}

export type CalendarRepository = ReturnType<typeof calendarRepository>

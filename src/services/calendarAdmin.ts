import type { DataLayer } from '../data'
import type { User } from '../data/users'
import {
  TERM_NAMES,
  type BankHoliday,
  type SchoolTermRecord,
  type SchoolTermSettings,
} from '../data/calendar'
import { recordAuditEvent } from '../data/audit'
import { addDays, daysBetween, formatDate, type IsoDate } from '../domain/dates'
import { summerHolidays, type DateRange } from '../domain/sittingPlan'
import type { AdminResult } from './panelAdmin'

const NOT_FOUND = { ok: false, reason: 'not-found' } as const

function invalid(field: string, message: string) {
  return { ok: false, reason: 'invalid', field, message } as const
}

function termName(t: SchoolTermSettings): string {
  return `${t.academicYear} ${t.term} term`
}

/**
 * What is wrong with a term's dates beside the others, if anything: two terms never overlap, and
 * within an academic year autumn comes before spring and spring before summer.
 */
export function termProblem(
  term: SchoolTermSettings,
  others: readonly SchoolTermSettings[],
): { field: string; message: string } | undefined {
  const twin = others.find((o) => o.academicYear === term.academicYear && o.term === term.term)
  if (twin) {
    return {
      field: 'term',
      message: `There are already dates for the ${termName(term)}. Change those instead`,
    }
  }
  const clash = others.find((o) => o.startsOn <= term.endsOn && term.startsOn <= o.endsOn)
  if (clash) {
    return {
      field: 'startsOn',
      message: `These dates overlap the ${termName(clash)}, ${formatDate(clash.startsOn)} to ${formatDate(clash.endsOn)}`,
    }
  }
  const order = TERM_NAMES.indexOf(term.term)
  for (const other of others.filter((o) => o.academicYear === term.academicYear)) {
    const otherOrder = TERM_NAMES.indexOf(other.term)
    if (otherOrder < order && other.startsOn > term.startsOn) {
      return {
        field: 'startsOn',
        message: `The ${term.term} term must start after the ${termName(other)} ends, on ${formatDate(other.endsOn)}`,
      }
    }
    if (otherOrder > order && other.startsOn < term.startsOn) {
      return {
        field: 'endsOn',
        message: `The ${term.term} term must end before the ${termName(other)} starts, on ${formatDate(other.startsOn)}`,
      }
    }
  }
  return undefined
}

export interface AcademicYearTerms {
  academicYear: string
  terms: SchoolTermRecord[]
  /** From the day after the summer term to the day before the next autumn term; null until both are known. */
  summerHoliday: (DateRange & { days: number }) | null
}

/** Admins keep the school terms (which set the summer holiday, and so the summer sittings) and bank holidays. */
export function calendarAdminService(data: DataLayer) {
  const { calendar } = data

  return {
    async termsByYear(): Promise<AcademicYearTerms[]> {
      const terms = await calendar.listTerms()
      const holidays = summerHolidays(terms)
      const years = [...new Set(terms.map((t) => t.academicYear))].sort()
      return years.map((academicYear) => {
        const inYear = terms
          .filter((t) => t.academicYear === academicYear)
          .sort((a, b) => TERM_NAMES.indexOf(a.term) - TERM_NAMES.indexOf(b.term))
        const summer = inYear.find((t) => t.term === 'summer')
        const holiday = summer && holidays.find((h) => h.startsOn === addDays(summer.endsOn, 1))
        return {
          academicYear,
          terms: inYear,
          summerHoliday: holiday
            ? { ...holiday, days: daysBetween(holiday.startsOn, holiday.endsOn) + 1 }
            : null,
        }
      })
    },

    findTerm(id: number) {
      return calendar.findTerm(id)
    },

    async createTerm(actor: User, term: SchoolTermSettings): Promise<AdminResult<{ id: number }>> {
      return data.db.transaction(async (trx) => {
        await calendar.lockCalendar(trx)
        const problem = termProblem(term, await calendar.listTerms(trx))
        if (problem) return invalid(problem.field, problem.message)
        const id = await calendar.insertTerm(trx, term)
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'school_term_added',
          entityType: 'school_term',
          entityId: String(id),
          details: { ...term },
        })
        return { ok: true as const, id }
      })
    },

    async updateTerm(actor: User, id: number, term: SchoolTermSettings): Promise<AdminResult> {
      return data.db.transaction(async (trx) => {
        await calendar.lockCalendar(trx)
        const terms = await calendar.listTerms(trx)
        const before = terms.find((t) => t.id === id)
        if (!before) return NOT_FOUND
        const problem = termProblem(
          term,
          terms.filter((t) => t.id !== id),
        )
        if (problem) return invalid(problem.field, problem.message)
        await calendar.updateTerm(trx, id, term)
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'school_term_updated',
          entityType: 'school_term',
          entityId: String(id),
          details: { ...term, previousStartsOn: before.startsOn, previousEndsOn: before.endsOn },
        })
        return { ok: true as const }
      })
    },

    async deleteTerm(actor: User, id: number): Promise<AdminResult> {
      return data.db.transaction(async (trx) => {
        await calendar.lockCalendar(trx)
        const term = await calendar.findTerm(id, trx)
        if (!term) return NOT_FOUND
        await calendar.deleteTerm(trx, id)
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'school_term_deleted',
          entityType: 'school_term',
          entityId: String(id),
          details: {
            academicYear: term.academicYear,
            term: term.term,
            startsOn: term.startsOn,
            endsOn: term.endsOn,
          },
        })
        return { ok: true as const }
      })
    },

    /** Bank holidays by calendar year, earliest first. */
    async bankHolidaysByYear(): Promise<{ year: string; holidays: BankHoliday[] }[]> {
      const holidays = await calendar.listBankHolidays()
      const years = [...new Set(holidays.map((h) => h.date.slice(0, 4)))].sort()
      return years.map((year) => ({ year, holidays: holidays.filter((h) => h.date.startsWith(year)) }))
    },

    findBankHoliday(date: IsoDate) {
      return calendar.findBankHoliday(date)
    },

    /**
     * Adds a bank holiday, or changes one (`previousDate`). A sitting already arranged on the day is not
     * cancelled here, since its items must go back to the queue: the count tells the admin to ask the chair.
     */
    async saveBankHoliday(
      actor: User,
      holiday: BankHoliday,
      previousDate?: IsoDate,
    ): Promise<AdminResult<{ sittingsOnDay: number }>> {
      return data.db.transaction(async (trx) => {
        await calendar.lockCalendar(trx)
        if (previousDate && !(await calendar.findBankHoliday(previousDate, trx))) return NOT_FOUND
        const existing = holiday.date !== previousDate && (await calendar.findBankHoliday(holiday.date, trx))
        if (existing) {
          return invalid(
            'date',
            `There is already a bank holiday on ${formatDate(existing.date)}: ${existing.title}. Change that one instead`,
          )
        }
        if (previousDate) await calendar.updateBankHoliday(trx, previousDate, holiday)
        else await calendar.insertBankHoliday(trx, holiday)
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: previousDate ? 'bank_holiday_updated' : 'bank_holiday_added',
          entityType: 'bank_holiday',
          entityId: holiday.date,
          details: previousDate ? { ...holiday, previousDate } : { ...holiday },
        })
        return {
          ok: true as const,
          sittingsOnDay: await calendar.countScheduledSittingsOn(holiday.date, trx),
        }
      })
    },

    async deleteBankHoliday(actor: User, date: IsoDate): Promise<AdminResult> {
      return data.db.transaction(async (trx) => {
        await calendar.lockCalendar(trx)
        const holiday = await calendar.findBankHoliday(date, trx)
        if (!holiday) return NOT_FOUND
        await calendar.deleteBankHoliday(trx, date)
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'bank_holiday_deleted',
          entityType: 'bank_holiday',
          entityId: date,
          details: { ...holiday },
        })
        return { ok: true as const }
      })
    },
  }
}

export type CalendarAdminService = ReturnType<typeof calendarAdminService>

import type { DataLayer } from '../data'
import type { User } from '../data/users'
import {
  listBankHolidayOverrides,
  TERM_NAMES,
  type BankHoliday,
  type SchoolTermRecord,
  type SchoolTermSettings,
} from '../data/calendar'
import { overrideFor, ruleHolidayOn, type CalendarDay } from '../domain/bankHolidays'
import type { Clock } from './clock'
import { recordAuditEvent } from '../data/audit'
import { addDays, daysBetween, formatDate, type IsoDate } from '../domain/dates'
import { summerHolidays, type DateRange } from '../domain/sittingPlan'
import type { AdminEdit, AdminResult } from './panelAdmin'
import { changedSince, STALE, versionTag } from './editVersion'

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

/** A bank holiday's version: its day and name, whether the rule or the council gives it. */
const bankHolidayVersion = (h: BankHoliday) => versionTag({ date: h.date, title: h.title })

export interface AcademicYearTerms {
  academicYear: string
  terms: SchoolTermRecord[]
  /** From the day after the summer term to the day before the next autumn term; null until both are known. */
  summerHoliday: (DateRange & { days: number }) | null
}

export interface BankHolidayYear {
  year: number
  /** Checked by the admin against the published list; until then its dates carry a note that they may change. */
  confirmed: boolean
  days: CalendarDay[]
}

/** Admins keep the school terms (which set the summer holiday, and so the summer sittings) and bank holidays. */
export function calendarAdminService(data: DataLayer, clock: Clock) {
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

    async updateTerm(actor: User, id: number, term: SchoolTermSettings, version: string): Promise<AdminEdit> {
      return data.db.transaction(async (trx): Promise<AdminEdit> => {
        await calendar.lockCalendar(trx)
        const terms = await calendar.listTerms(trx)
        const before = terms.find((t) => t.id === id)
        if (!before) return NOT_FOUND
        if (changedSince(before, version)) return STALE
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

    /**
     * Bank holidays by calendar year, earliest first: the rule's days with the council's changes, and each
     * year's confirmation. From this year (or the earliest year with a change or confirmation) to two years
     * ahead and the year after the last one confirmed, so that the next year to confirm is always shown.
     */
    async bankHolidaysByYear(): Promise<BankHolidayYear[]> {
      const holidays = await calendar.loadBankHolidayCalendar()
      const overrides = await listBankHolidayOverrides(data.db)
      const thisYear = Number(clock.today().slice(0, 4))
      const known = [...holidays.confirmedYears, ...overrides.map((o) => Number(o.date.slice(0, 4)))]
      const from = Math.min(thisYear, ...known)
      const to = Math.max(thisYear + 2, ...holidays.confirmedYears.map((y) => y + 1), ...known)
      return Array.from({ length: to - from + 1 }, (_, i) => from + i).map((year) => ({
        year,
        confirmed: holidays.isConfirmed(year),
        days: holidays.daysIn(year),
      }))
    },

    /** The bank holiday on a day, by rule or added, that the admin may change or delete. */
    async findBankHoliday(
      date: IsoDate,
    ): Promise<(BankHoliday & { fromRule: boolean; version: string }) | undefined> {
      const holiday = (await calendar.loadBankHolidayCalendar()).on(date)
      return (
        holiday && {
          ...holiday,
          fromRule: ruleHolidayOn(date) !== undefined,
          version: bankHolidayVersion(holiday),
        }
      )
    },

    /** A day the rule gives that the council has said is not a bank holiday, which the admin may restore. */
    async findRemovedBankHoliday(date: IsoDate): Promise<BankHoliday | undefined> {
      const holidays = await calendar.loadBankHolidayCalendar()
      const day = holidays.daysIn(Number(date.slice(0, 4))).find((d) => d.date === date)
      return day?.source === 'removed' ? { date: day.date, title: day.title } : undefined
    },

    /**
     * Adds a bank holiday, or changes one (`previousDate`): moving a day the rule gives records that it is not
     * a holiday there, and only what differs from the rule is kept. A sitting already arranged on the day is
     * not cancelled here, since its items must go back to the queue: the count tells the admin to ask the chair.
     */
    async saveBankHoliday(
      actor: User,
      holiday: BankHoliday,
      previous?: { date: IsoDate; version: string },
    ): Promise<AdminEdit<{ sittingsOnDay: number }>> {
      const previousDate = previous?.date
      return data.db.transaction(async (trx): Promise<AdminEdit<{ sittingsOnDay: number }>> => {
        await calendar.lockCalendar(trx)
        const holidays = await calendar.loadBankHolidayCalendar(trx)
        const current = previous && holidays.on(previous.date)
        if (previous && !current) return NOT_FOUND
        if (previous && current && bankHolidayVersion(current) !== previous.version) return STALE
        const existing = holiday.date !== previousDate && holidays.on(holiday.date)
        if (existing) {
          return invalid(
            'date',
            `There is already a bank holiday on ${formatDate(existing.date)}: ${existing.title}. Change that one instead`,
          )
        }
        if (previousDate && previousDate !== holiday.date) {
          await calendar.setBankHolidayOverride(
            trx,
            previousDate,
            overrideFor(previousDate, null, ruleHolidayOn(previousDate)),
          )
        }
        await calendar.setBankHolidayOverride(
          trx,
          holiday.date,
          overrideFor(holiday.date, { title: holiday.title }, ruleHolidayOn(holiday.date)),
        )
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

    /** Deletes a bank holiday: an added day goes, and a day the rule gives is recorded as not a holiday this year. */
    async deleteBankHoliday(actor: User, date: IsoDate): Promise<AdminResult> {
      return data.db.transaction(async (trx) => {
        await calendar.lockCalendar(trx)
        const holiday = (await calendar.loadBankHolidayCalendar(trx)).on(date)
        if (!holiday) return NOT_FOUND
        const fromRule = ruleHolidayOn(date)
        await calendar.setBankHolidayOverride(trx, date, overrideFor(date, null, fromRule))
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'bank_holiday_deleted',
          entityType: 'bank_holiday',
          entityId: date,
          details: { ...holiday, fromRule: fromRule !== undefined },
        })
        return { ok: true as const }
      })
    },

    /** Gives back a day the rule gives that was deleted (or moved away from). */
    async restoreBankHoliday(actor: User, date: IsoDate): Promise<AdminResult> {
      return data.db.transaction(async (trx) => {
        await calendar.lockCalendar(trx)
        const override = await calendar.findBankHolidayOverride(date, trx)
        const fromRule = ruleHolidayOn(date)
        if (!override || override.observed || !fromRule) return NOT_FOUND
        await calendar.setBankHolidayOverride(trx, date, null)
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'bank_holiday_restored',
          entityType: 'bank_holiday',
          entityId: date,
          details: { ...fromRule },
        })
        return { ok: true as const }
      })
    },

    /**
     * Records that the admin has checked a year's days against the published list (GOV.UK's, from the royal
     * proclamation). Until then every date worked out with that year's bank holidays carries a note.
     */
    async confirmBankHolidayYear(actor: User, year: number): Promise<AdminResult> {
      return data.db.transaction(async (trx) => {
        await calendar.lockCalendar(trx)
        if (!(await calendar.confirmBankHolidayYear(trx, year, actor.id))) return { ok: true as const }
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: 'bank_holiday_year_confirmed',
          entityType: 'bank_holiday_year',
          entityId: String(year),
          details: {
            year,
            days: (await calendar.loadBankHolidayCalendar(trx))
              .daysIn(year)
              .filter((d) => d.observed)
              .map((d) => d.date)
              .join(', '),
          },
        })
        return { ok: true as const }
      })
    },
  }
}

export type CalendarAdminService = ReturnType<typeof calendarAdminService>

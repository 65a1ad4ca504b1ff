import type { Executor, Transaction } from '../db'
import { LOCK_KEYS, transactionLock } from '../locks'
import { overridesToMatch } from '../../domain/bankHolidays'
import { DEMO_EMAIL_DOMAIN } from './accounts'
import { BANK_HOLIDAYS } from './bankHolidays'
import { SCHOOL_TERMS } from './terms'

/** Whether the demo council is already there: any account at the demo's e-mail domain. */
export async function hasDemoAccounts(q: Executor): Promise<boolean> {
  const row = await q('users')
    .whereRaw('lower(email) like ?', [`%${DEMO_EMAIL_DOMAIN}`])
    .first('id')
  return row !== undefined
}

/** Two instances starting together would both find no demo accounts; the second waits here, then sees the first's. */
export async function lockDemoSeed(trx: Transaction): Promise<void> {
  await transactionLock(trx, LOCK_KEYS.demoCouncilSeed)
}

/** The audit trail says when the demo council was added, and how many rows of each table it wrote. */
export async function recordDemoSeeded(
  trx: Transaction,
  today: string,
  counts: Record<string, number>,
): Promise<void> {
  await trx('audit_events').insert({
    action: 'demo_council_seeded',
    entity_type: 'system',
    entity_id: 'demo',
    details: JSON.stringify({ today, counts }),
  })
}

/**
 * The published bank holidays confirm their years; the rule gives them already, so only a difference from it
 * (none in 2025–2028) is written as a change. An admin may already have entered some of these; theirs are
 * kept, and only the missing ones are added and counted.
 */
export async function insertCalendar(trx: Transaction): Promise<Record<string, number>> {
  const published = BANK_HOLIDAYS.map((h) => ({ date: h.holidayOn, title: h.title }))
  const years = [...new Set(published.map((h) => Number(h.date.slice(0, 4))))]
  const confirmed = await trx('bank_holiday_years')
    .insert(years.map((year) => ({ year })))
    .onConflict('year')
    .ignore()
    .returning('year')
  const changes = overridesToMatch(published)
  const holidays =
    changes.length === 0
      ? []
      : await trx('bank_holidays')
          .insert(changes.map((o) => ({ holiday_on: o.date, title: o.title, observed: o.observed })))
          .onConflict('holiday_on')
          .ignore()
          .returning('holiday_on')
  const terms = await trx('school_terms')
    .insert(
      SCHOOL_TERMS.map((t) => ({
        academic_year: t.academicYear,
        term: t.term,
        starts_on: t.startsOn,
        ends_on: t.endsOn,
      })),
    )
    .onConflict(['academic_year', 'term'])
    .ignore()
    .returning('id')
  return { bank_holiday_years: confirmed.length, bank_holidays: holidays.length, school_terms: terms.length }
}

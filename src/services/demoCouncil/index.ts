import type { Knex } from 'knex'
import { DEMO_EMAIL_DOMAIN, insertAccounts, prepareAccounts } from './accounts'
import { BANK_HOLIDAYS } from './bankHolidays'
import { insertCases } from './cases'
import { insertChildren } from './children'
import { isIsoDate } from './dates'
import { insertLetterSettings } from './letterSettings'
import { insertPublicPageSettings } from './publicPages'
import { insertDemoLetters } from './letters'
import { insertPanels } from './panels'
import { createPrng } from './prng'
import { insertSittings } from './sittings'
import { placeCasesIn } from '../queue'
import { SCHOOL_TERMS } from './terms'
import { overridesToMatch } from '../../domain/bankHolidays'

export { DEMO_ACCOUNTS, type DemoAccount } from './accounts'
export { londonDate } from './dates'

export interface SeedDemoCouncilOptions {
  demoPassword: string
  /** YYYY-MM-DD in Europe/London: the demo's sittings and cases are placed around this day. */
  today: string
  /** The portal's address (PUBLIC_URL/portal): the demo's letters give the privacy notice's address from it. */
  portalUrl?: string
}

export interface SeedDemoCouncilResult {
  seeded: boolean
  /** Rows added, per table. */
  counts: Record<string, number>
}

// Any fixed number will do; it only has to be the same in every app instance that might seed at once.
const SEED_LOCK_KEY = 727_001
const PRNG_SEED = 20_261_123

async function hasDemoAccounts(db: Knex): Promise<boolean> {
  const row = await db('users')
    .whereRaw('lower(email) like ?', [`%${DEMO_EMAIL_DOMAIN}`])
    .first('id')
  return row !== undefined
}

/**
 * Fills an empty database with an invented council: accounts for every role, three panels with
 * their members and sittings, and forty children with cases at every stage. Does nothing when
 * demo accounts already exist, so it can run at every start-up.
 */
export async function seedDemoCouncil(
  db: Knex,
  options: SeedDemoCouncilOptions,
): Promise<SeedDemoCouncilResult> {
  if (await hasDemoAccounts(db)) return { seeded: false, counts: {} }
  const { today } = options
  if (!isIsoDate(today)) throw new Error(`today must be a YYYY-MM-DD date, not "${today}"`)
  const accounts = await prepareAccounts(options.demoPassword)

  return db.transaction(async (trx) => {
    // Two instances starting together would both find no demo accounts; the second waits here, then sees the first's.
    await trx.raw('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY])
    if (await hasDemoAccounts(trx)) return { seeded: false, counts: {} }

    const counts: Record<string, number> = await insertCalendar(trx)
    await insertLetterSettings(trx)
    await insertPublicPageSettings(trx, today)
    const byEmail = await insertAccounts(trx, accounts)
    counts.users = byEmail.size
    const panels = await insertPanels(trx, byEmail)
    Object.assign(counts, panels.counts)
    const sittings = await insertSittings(trx, panels.panels, today)
    counts.sittings = sittings.length
    const children = await insertChildren(trx, byEmail, today, createPrng(PRNG_SEED))
    Object.assign(counts, children.counts)
    const context = { today, accounts: byEmail, children: children.children, panels: panels.panels, sittings }
    Object.assign(counts, await insertCases(trx, context))
    // The queue as the nightly job would leave it: agendas in deadline order, and the at-risk flags.
    // Nobody is e-mailed: the demo's people are not real, and the outbox would start full.
    const { counts: placed } = await placeCasesIn(trx, today, null, { notify: false })
    counts.case_queue = placed.waiting
    counts.agenda_items = (counts.agenda_items ?? 0) + placed.added - placed.removed
    counts.audit_events = placed.added + placed.moved + placed.removed
    counts.letters = await insertDemoLetters(trx, today, options.portalUrl ?? 'http://localhost:3000/portal')
    counts.audit_events += counts.letters

    await trx('audit_events').insert({
      action: 'demo_council_seeded',
      entity_type: 'system',
      entity_id: 'demo',
      details: JSON.stringify({ today, counts }),
    })
    counts.audit_events += 1
    return { seeded: true, counts }
  })
}

/**
 * The published bank holidays confirm their years; the rule gives them already, so only a difference from it
 * (none in 2025–2028) is written as a change. An admin may already have entered some of these; theirs are
 * kept, and only the missing ones are added and counted.
 */
async function insertCalendar(trx: Knex.Transaction): Promise<Record<string, number>> {
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

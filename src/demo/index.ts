import crypto from 'node:crypto'
import type { Db } from '../data/db'
import { ACCOUNTS, insertAccounts, type SeededAccount } from '../data/demoCouncil/accounts'
import { insertCases } from '../data/demoCouncil/cases'
import { insertChildren } from '../data/demoCouncil/children'
import { isIsoDate } from '../data/demoCouncil/dates'
import { insertLetterSettings } from '../data/demoCouncil/letterSettings'
import { insertPublicPageSettings } from '../data/demoCouncil/publicPages'
import { insertPanels } from '../data/demoCouncil/panels'
import { createPrng } from '../data/demoCouncil/prng'
import { hasDemoAccounts, insertCalendar, lockDemoSeed, recordDemoSeeded } from '../data/demoCouncil/seed'
import { insertSittings } from '../data/demoCouncil/sittings'
import { hashPassword } from '../services/passwords'
import { placeCasesIn } from '../services/queue'
import { insertDemoLetters } from './letters'

/*
 * The demo council: an invented council to try the service on. Its rows are written by src/data/demoCouncil
 * (SQL stays in src/data); this module puts them together in one transaction, with the services the seed
 * runs as the council would (the queue's first run, the letters issued), for `npm start`, `npm run seed`,
 * the benchmarks and the tests' template.
 */

export { DEMO_ACCOUNTS, type DemoAccount } from '../data/demoCouncil/accounts'
export { londonDate } from '../data/demoCouncil/dates'

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

const PRNG_SEED = 20_261_123

/**
 * Hashing is the slow part of seeding (tens of milliseconds each), so it runs before the
 * transaction opens and in parallel on libuv's thread pool; each account still gets its own salt.
 */
async function prepareAccounts(
  demoPassword: string,
): Promise<Array<SeededAccount & { passwordHash: string }>> {
  return Promise.all(
    ACCOUNTS.map(async (account) => ({
      ...account,
      id: crypto.randomUUID(),
      passwordHash: await hashPassword(demoPassword),
    })),
  )
}

/**
 * Fills an empty database with an invented council: accounts for every role, three panels with
 * their members and sittings, and forty children with cases at every stage. Does nothing when
 * demo accounts already exist, so it can run at every start-up.
 */
export async function seedDemoCouncil(
  db: Db,
  options: SeedDemoCouncilOptions,
): Promise<SeedDemoCouncilResult> {
  if (await hasDemoAccounts(db)) return { seeded: false, counts: {} }
  const { today } = options
  if (!isIsoDate(today)) throw new Error(`today must be a YYYY-MM-DD date, not "${today}"`)
  const accounts = await prepareAccounts(options.demoPassword)

  return db.transaction(async (trx) => {
    // Two instances starting together would both find no demo accounts; the second waits here, then sees the first's.
    await lockDemoSeed(trx)
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

    await recordDemoSeeded(trx, today, counts)
    counts.audit_events += 1
    return { seeded: true, counts }
  })
}

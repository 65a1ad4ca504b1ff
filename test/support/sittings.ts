import type TestAgent from 'supertest/lib/agent'
import type { Db } from '../../src/data/db'
import { loadBankHolidays } from '../../src/data/queue'
import { papersCutoff } from '../../src/domain/sittingPlan'
import { createTestApp, csrfTokenIn, signedInAgent, type TestApp } from './app'

/** Helpers for the sittings, agenda and queue tests: the demo's panels, sittings and agendas, read straight from the database. */

export type PanelType = 'send_decision' | 'placement' | 'alternative_provision'

export interface SignedIn {
  agent: TestAgent
  token: string
}

/**
 * For a test file: the demo council's app, built before its tests and closed after them, with its
 * database and signed-in agents. Call the getters inside tests, once beforeAll has run.
 */
export function useDemoApp() {
  let built: TestApp | undefined
  beforeAll(async () => {
    built = await createTestApp()
  }, 120_000)
  afterAll(() => built?.close())
  const t = () => built!
  return { t, db: () => t().database.db, as: agents(t) }
}

/** Signs in once per account and app, and keeps the session's CSRF token beside the agent. */
export function agents(t: () => TestApp) {
  const cache = new Map<string, Promise<SignedIn>>()
  return (email: string): Promise<SignedIn> => {
    let signedIn = cache.get(email)
    if (!signedIn) {
      signedIn = (async () => {
        const agent = await signedInAgent(t().app, email)
        // Every signed-in page carries the token in its meta tag; the calendar is open to all staff.
        const page = await agent.get(email.startsWith('parent') ? '/portal' : '/calendar').expect(200)
        return { agent, token: csrfTokenFor(page.text) }
      })()
      cache.set(email, signedIn)
    }
    return signedIn
  }
}

function csrfTokenFor(html: string): string {
  try {
    return csrfTokenIn(html)
  } catch {
    return ''
  }
}

export async function panelId(db: Db, type: PanelType): Promise<string> {
  const row = (await db('panels').where({ panel_type: type }).first('id')) as { id: string } | undefined
  if (!row) throw new Error(`No ${type} panel`)
  return row.id
}

export async function userId(db: Db, email: string): Promise<string> {
  const row = (await db('users').where({ email }).first('id')) as { id: string } | undefined
  if (!row) throw new Error(`No user ${email}`)
  return row.id
}

/** The panel's sitting on that date (the weekly one, or the only one). */
export async function sittingOn(db: Db, type: PanelType, date: string): Promise<string> {
  const rows = (await db('sittings as s')
    .join('panels as p', 'p.id', 's.panel_id')
    .where({ 'p.panel_type': type, 's.sitting_on': date })
    .orderBy('s.origin', 'desc')
    .select('s.id')) as { id: string }[]
  if (!rows[0]) throw new Error(`No ${type} sitting on ${date}`)
  return rows[0].id
}

export interface AgendaRow {
  caseId: string
  reference: string
  position: number
  placedBy: 'scheduler' | 'chair'
  deadline: string | null
}

/** A sitting's agenda as stored, in order. */
export async function agendaOf(db: Db, sittingId: string): Promise<AgendaRow[]> {
  const rows = (await db('agenda_items as ai')
    .join('cases as c', 'c.id', 'ai.case_id')
    .where('ai.sitting_id', sittingId)
    .orderBy([{ column: 'ai.position' }, { column: 'c.reference' }])
    .select('ai.case_id', 'c.reference', 'ai.position', 'ai.placed_by', 'c.next_deadline_on')) as {
    case_id: string
    reference: string
    position: number
    placed_by: 'scheduler' | 'chair'
    next_deadline_on: string | null
  }[]
  return rows.map((r) => ({
    caseId: r.case_id,
    reference: r.reference,
    position: r.position,
    placedBy: r.placed_by,
    deadline: r.next_deadline_on,
  }))
}

/** Where a case is on an agenda now (at most one sitting still to come while it waits). */
export async function sittingsOfCase(db: Db, caseId: string): Promise<string[]> {
  const rows = (await db('agenda_items').where({ case_id: caseId }).select('sitting_id')) as {
    sitting_id: string
  }[]
  return rows.map((r) => r.sitting_id)
}

export async function auditCount(db: Db, where: Record<string, unknown> = {}): Promise<number> {
  const row = (await db('audit_events')
    .where(where)
    .count<{ count: number | string }>({ count: '*' })
    .first())!
  return Number(row.count)
}

export async function auditActions(db: Db, entityId: string): Promise<string[]> {
  const rows = (await db('audit_events').where({ entity_id: entityId }).orderBy('id').select('action')) as {
    action: string
  }[]
  return rows.map((r) => r.action)
}

export interface ComingSitting {
  id: string
  panelType: PanelType
  sittingOn: string
  cutoffOn: string
}

/** Scheduled sittings from today whose papers cut-off has not passed: the agendas the scheduler still writes. */
export async function openSittings(db: Db, today: string): Promise<ComingSitting[]> {
  const bankHolidays = await loadBankHolidays(db)
  const rows = (await db('sittings as s')
    .join('panels as p', 'p.id', 's.panel_id')
    .where('s.status', 'scheduled')
    .whereNull('s.agenda_locked_at')
    .where('s.sitting_on', '>=', today)
    .orderBy([{ column: 's.sitting_on' }, { column: 's.starts_at' }])
    .select('s.id', 'p.panel_type', 's.sitting_on', 'p.papers_cutoff_working_days')) as {
    id: string
    panel_type: PanelType
    sitting_on: string
    papers_cutoff_working_days: number
  }[]
  return rows
    .map((r) => ({
      id: r.id,
      panelType: r.panel_type,
      sittingOn: r.sitting_on,
      cutoffOn: papersCutoff(r.sitting_on, r.papers_cutoff_working_days, bankHolidays),
    }))
    .filter((s) => s.cutoffOn >= today)
}

/** Every agenda item, for comparing the whole plan before and after a run. */
export async function allAgendaItems(db: Db) {
  return db('agenda_items')
    .orderBy('id')
    .select('id', 'sitting_id', 'case_id', 'position', 'placed_by', 'placed_at')
}

/** The references in the order the page lists them. */
export function referencesInOrder(html: string): string[] {
  return [...html.matchAll(/NS-\d{4}-\d{4}/g)].map((m) => m[0])
}

/** A form post with the session's token. */
export function post(signedIn: SignedIn, url: string, fields: Record<string, string> = {}) {
  return signedIn.agent
    .post(url)
    .type('form')
    .send({ _csrf: signedIn.token, ...fields })
}

/**
 * Copies of one waiting demo case, each in the queue with no place (references BIG-00001 on): quicker
 * than opening thousands through the app, and the queue page reads only what the scheduler last wrote.
 */
export async function seedWaitingCases(db: Db, count: number): Promise<void> {
  const columns = (
    (await db('information_schema.columns')
      .where({ table_name: 'cases', table_schema: db.raw('current_schema()') })
      .select('column_name')) as { column_name: string }[]
  )
    .map((c) => c.column_name)
    .filter((c) => c !== 'id' && c !== 'reference')
  const template = (await db('cases').whereIn('status', ['submitted', 'scheduled']).first('id')) as {
    id: string
  }
  const list = columns.map((c) => `"${c}"`).join(', ')
  await db.raw(
    `insert into cases (id, reference, ${list})
       select gen_random_uuid(), 'BIG-' || lpad(g::text, 5, '0'), ${list}
         from cases, generate_series(1, ?) g where cases.id = ?`,
    [count, template.id],
  )
  await db.raw(
    `insert into case_queue (case_id, state, reason)
       select id, 'unplaced', 'no_capacity' from cases where reference like 'BIG-%'`,
  )
}

import crypto from 'node:crypto'
import { migrateToLatest, openDatabase, type Db } from '../../src/data/db'
import { loadBankHolidayCalendar } from '../../src/data/calendar'
import { OUTCOMES_BY_KIND, CASE_KINDS, type CaseKind } from '../../src/domain/vocabulary'
import { verifyPassword } from '../../src/services/passwords'
import { DEMO_ACCOUNTS, seedDemoCouncil, type SeedDemoCouncilResult } from '../../src/demo'
import { ageOn, summerHolidays, daysBetween, type SchoolTerm } from '../../src/data/demoCouncil/dates'

const DEMO_PASSWORD = 'demo-password-for-tests'
const TODAY = '2026-11-23'
const TABLES = [
  'bank_holiday_years',
  'bank_holidays',
  'school_terms',
  'users',
  'panels',
  'panel_case_kinds',
  'panel_members',
  'sittings',
  'children',
  'family_contacts',
  'cases',
  'case_evidence',
  'agenda_items',
  'decisions',
  'letters',
  'audit_events',
  'case_queue',
]

const TIME_LIMIT_DAYS: Partial<Record<string, number>> = {
  assessment_request: 6 * 7,
  issue_plan: 16 * 7,
  annual_review: 4 * 7,
}

interface TestDatabase {
  db: Db
  close(): Promise<void>
}

/** Embedded and in memory by default; on a real server (DATABASE_URL), a schema of its own, dropped afterwards. */
async function openTestDatabase(): Promise<TestDatabase> {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    const db = openDatabase({})
    await migrateToLatest(db)
    return { db, close: () => db.destroy() }
  }
  const schema = `test_${crypto.randomBytes(6).toString('hex')}`
  const root = openDatabase({ databaseUrl })
  await root.raw('CREATE SCHEMA ??', [schema])
  const db = openDatabase({ databaseUrl, schema })
  await migrateToLatest(db, schema)
  return {
    db,
    close: async () => {
      await db.destroy()
      await root.raw('DROP SCHEMA ?? CASCADE', [schema])
      await root.destroy()
    },
  }
}

async function countAll(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of TABLES) {
    const row = await db(table).count<{ count: number | string }>({ count: '*' }).first()
    counts[table] = Number(row?.count)
  }
  return counts
}

async function childIdsOf(db: Db, email: string): Promise<string[]> {
  const rows = await db('family_contacts as fc')
    .join('users as u', 'u.id', 'fc.user_id')
    .where('u.email', email)
    .select<Array<{ child_id: string }>>('fc.child_id')
  return rows.map((r) => r.child_id)
}

describe('the demo council', () => {
  let database: TestDatabase
  let db: Db
  let result: SeedDemoCouncilResult

  beforeAll(async () => {
    database = await openTestDatabase()
    db = database.db
    result = await seedDemoCouncil(db, { demoPassword: DEMO_PASSWORD, today: TODAY })
  }, 120_000)

  afterAll(async () => {
    await database?.close()
  })

  it('reports what it added, table by table', async () => {
    expect(result.seeded).toBe(true)
    expect(result.counts).toEqual(await countAll(db))
  })

  it('has the eight demo accounts, each with its role and the demo password', async () => {
    const expected: Record<string, string> = {
      'caseworker@example.org': 'caseworker',
      'chair@example.org': 'chair',
      'member@example.org': 'member',
      'manager@example.org': 'manager',
      'admin@example.org': 'admin',
      'dpo@example.org': 'data_protection',
      'parent@example.org': 'family',
      'parent2@example.org': 'family',
    }
    const users = await db('users')
      .whereIn('email', Object.keys(expected))
      .select('email', 'role', 'password_hash')
    expect(Object.fromEntries(users.map((u) => [u.email, u.role]))).toEqual(expected)
    await expect(verifyPassword(DEMO_PASSWORD, users[0].password_hash)).resolves.toBe(true)
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(users.length)
    expect(DEMO_ACCOUNTS.map((a) => a.email)).toEqual(expect.arrayContaining(Object.keys(expected)))
    const caseworkers = await db('users')
      .where('role', 'caseworker')
      .count<{ count: number }>({ count: '*' })
      .first()
    expect(Number(caseworkers?.count)).toBe(3)
  })

  it('has the three panels, each with education, health and social care members and the chair', async () => {
    const panels = await db('panels').select('id', 'panel_type')
    expect(panels.map((p) => p.panel_type).sort()).toEqual([
      'alternative_provision',
      'placement',
      'send_decision',
    ])
    const members = await db('panel_members as m')
      .leftJoin('users as u', 'u.id', 'm.user_id')
      .select('m.panel_id', 'm.agency', 'm.is_chair', 'u.email')
    for (const panel of panels) {
      const own = members.filter((m) => m.panel_id === panel.id)
      for (const agency of ['education', 'health', 'social_care']) {
        expect(own.some((m) => m.agency === agency)).toBe(true)
      }
      expect(own.filter((m) => m.is_chair).map((m) => m.email)).toEqual(['chair@example.org'])
      expect(own.some((m) => m.email === 'member@example.org')).toBe(
        panel.panel_type !== 'alternative_provision',
      )
      expect(own.some((m) => m.email === null)).toBe(true)
    }
    expect(members.some((m) => m.agency === 'parent_carer_forum')).toBe(true)
  })

  it('has about forty cases of every kind, at every stage, spread over the caseworkers', async () => {
    const cases = await db('cases as c')
      .join('users as u', 'u.id', 'c.caseworker_id')
      .select('c.kind', 'c.status', 'c.reference', 'c.received_on', 'c.papers_complete_on', 'u.email')
    expect(cases.length).toBeGreaterThanOrEqual(35)
    expect(cases.length).toBeLessThanOrEqual(45)
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(CASE_KINDS))
    // No status 'submitted': the seed runs the scheduler, which places every case whose papers are complete.
    for (const status of ['draft', 'scheduled', 'decided', 'closed']) {
      expect(cases.some((c) => c.status === status)).toBe(true)
    }
    const mine = cases.filter((c) => c.email === 'caseworker@example.org').length
    expect(mine).toBeGreaterThanOrEqual(12)
    expect(mine).toBeLessThanOrEqual(18)
    expect(new Set(cases.map((c) => c.reference)).size).toBe(cases.length)
    for (const c of cases) {
      expect(c.reference).toMatch(/^NS-\d{4}-\d{4}$/)
      expect(c.received_on <= TODAY).toBe(true)
      if (c.status === 'submitted' || c.status === 'scheduled') expect(c.papers_complete_on).not.toBeNull()
      if (c.papers_complete_on)
        expect(c.papers_complete_on >= c.received_on && c.papers_complete_on <= TODAY).toBe(true)
    }
  })

  it('places cases only on sittings of panels that decide their kind, within capacity, in order', async () => {
    const items = await db('agenda_items as a')
      .join('sittings as s', 's.id', 'a.sitting_id')
      .join('panels as p', 'p.id', 's.panel_id')
      .join('cases as c', 'c.id', 'a.case_id')
      .leftJoin('decisions as d', 'd.agenda_item_id', 'a.id')
      .select(
        'a.sitting_id',
        'a.position',
        'p.id as panel_id',
        'p.capacity',
        'c.kind',
        'c.status',
        's.status as sitting_status',
      )
      .select('d.id as decision_id', 'c.received_on', 's.sitting_on')
    const kinds = await db('panel_case_kinds').select('panel_id', 'case_kind')
    const perSitting = new Map<string, number[]>()
    for (const item of items) {
      expect(kinds).toContainEqual({ panel_id: item.panel_id, case_kind: item.kind })
      perSitting.set(item.sitting_id, [...(perSitting.get(item.sitting_id) ?? []), item.position])
      expect(item.received_on < item.sitting_on).toBe(true)
      // A held sitting's items all carry decisions; an upcoming sitting's cases wait for it.
      if (item.sitting_status === 'held') expect(item.decision_id).not.toBeNull()
      else
        expect([item.sitting_status, item.status, item.decision_id]).toEqual(['scheduled', 'scheduled', null])
    }
    for (const [sittingId, positions] of perSitting) {
      const capacity = items.find((i) => i.sitting_id === sittingId)?.capacity
      expect(positions.length).toBeLessThanOrEqual(capacity)
      expect(positions.sort((a, b) => a - b)).toEqual(positions.map((_, i) => i + 1))
    }
    const scheduled = await db('cases').where('status', 'scheduled').pluck('id')
    const onUpcoming = await db('agenda_items as a')
      .join('sittings as s', 's.id', 'a.sitting_id')
      .where('s.status', 'scheduled')
      .pluck('a.case_id')
    expect(new Set(onUpcoming)).toEqual(new Set(scheduled))
  })

  it('records decisions that fit the case kind, and explains every difference from what the family asked', async () => {
    const chair = await db('users').where('email', 'chair@example.org').first('id')
    const decisions = await db('decisions as d')
      .join('cases as c', 'c.id', 'd.case_id')
      .join('agenda_items as a', 'a.id', 'd.agenda_item_id')
      .join('sittings as s', 's.id', 'a.sitting_id')
      .select('d.*', 'c.kind', 'c.received_on', 's.sitting_on')
    expect(decisions.length).toBeGreaterThan(10)
    for (const d of decisions) {
      expect(OUTCOMES_BY_KIND[d.kind as CaseKind]).toContain(d.outcome)
      expect(d.decided_on).toBe(d.sitting_on)
      expect(d.recorded_by).toBe(chair.id)
      expect(d.reasons.length).toBeGreaterThan(50)
      // A deferral decides nothing: it neither matches nor differs from what the family asked.
      if (d.outcome === 'defer') expect(d.matches_preference).toBeNull()
      else expect(typeof d.matches_preference).toBe('boolean')
      if (d.matches_preference === false) expect(d.disagreement_explanation.trim()).not.toBe('')
      if (d.outcome === 'name_different_setting') {
        expect([
          'unsuitable_for_child',
          'incompatible_with_education_of_others',
          'incompatible_with_use_of_resources',
        ]).toContain(d.disagreement_ground)
      }
      if (d.outcome === 'defer') expect(d.deferral_action && d.deferral_due_on).toBeTruthy()
      // The demo shows a service that meets its time limits (SEND Regulations 2014 regs 5, 10 and 22).
      const limit = TIME_LIMIT_DAYS[d.kind]
      if (limit !== undefined) expect(daysBetween(d.received_on, d.decided_on)).toBeLessThanOrEqual(limit)
    }
    expect(decisions.some((d) => !d.matches_preference)).toBe(true)
    const decidedCases = await db('cases').whereIn('status', ['decided', 'closed']).pluck('id')
    for (const id of decidedCases) expect(decisions.some((d) => d.case_id === id)).toBe(true)
  })

  it('gives the two family accounts different children, each with cases to follow', async () => {
    const first = await childIdsOf(db, 'parent@example.org')
    const second = await childIdsOf(db, 'parent2@example.org')
    expect(first).toHaveLength(1)
    expect(second).toHaveLength(1)
    expect(first.filter((id) => second.includes(id))).toEqual([])

    const firstCases = await db('cases as c')
      .leftJoin('agenda_items as a', 'a.case_id', 'c.id')
      .leftJoin('sittings as s', 's.id', 'a.sitting_id')
      .leftJoin('panels as p', 'p.id', 's.panel_id')
      .whereIn('c.child_id', first)
      .select('c.status', 'c.kind', 's.status as sitting_status', 'p.panel_type')
    expect(firstCases).toContainEqual({
      status: 'scheduled',
      kind: expect.any(String),
      sitting_status: 'scheduled',
      panel_type: 'send_decision',
    })
    expect(firstCases.some((c) => c.status === 'decided')).toBe(true)

    const secondDecisions = await db('decisions as d')
      .join('cases as c', 'c.id', 'd.case_id')
      .whereIn('c.child_id', second)
      .select('c.kind', 'd.outcome', 'd.disagreement_ground', 'd.disagreement_explanation')
    expect(secondDecisions).toContainEqual({
      kind: 'placement',
      outcome: 'name_different_setting',
      disagreement_ground: expect.any(String),
      disagreement_explanation: expect.stringMatching(/\w/),
    })
  })

  it('describes children of 2 to 19 with one or two family contacts each', async () => {
    const children = await db('children').select(
      'id',
      'date_of_birth',
      'areas_of_need',
      'current_setting',
      'year_group',
    )
    expect(children.length).toBeGreaterThanOrEqual(35)
    for (const child of children) {
      const age = ageOn(child.date_of_birth, TODAY)
      expect(age).toBeGreaterThanOrEqual(2)
      expect(age).toBeLessThanOrEqual(19)
      expect(child.areas_of_need.length).toBeGreaterThan(0)
      expect(child.current_setting).toBeTruthy()
    }
    const contacts = await db('family_contacts').select(
      'child_id',
      'letter_format',
      'needs_interpreter',
      'preferred_language',
    )
    for (const child of children) {
      const own = contacts.filter((c) => c.child_id === child.id)
      expect(own.length).toBeGreaterThanOrEqual(1)
      expect(own.length).toBeLessThanOrEqual(2)
    }
    expect(contacts.filter((c) => c.letter_format === 'standard').length).toBeGreaterThan(contacts.length / 2)
    expect(contacts.some((c) => c.letter_format === 'large_print')).toBe(true)
    expect(contacts.some((c) => c.needs_interpreter && c.preferred_language !== 'English')).toBe(true)
  })

  /** Past sittings with items still waiting for a decision: the record the chair has to write up. */
  async function awaitingRecord(): Promise<string[]> {
    return db('sittings as s')
      .where('s.sitting_on', '<', TODAY)
      .whereExists(
        db('agenda_items as ai')
          .whereRaw('ai.sitting_id = s.id')
          .whereNotExists(db('decisions as d').whereRaw('d.agenda_item_id = ai.id')),
      )
      .pluck('s.id')
  }

  it('leaves the SEND panel’s last sitting for the chair to write up: three items, no decisions, agenda locked', async () => {
    const [sittingId, ...others] = await awaitingRecord()
    expect(others).toEqual([])
    const sitting = await db('sittings as s')
      .join('panels as p', 'p.id', 's.panel_id')
      .where('s.id', sittingId)
      .first('p.panel_type', 's.sitting_on', 's.status', 's.agenda_locked_at')
    expect(sitting.panel_type).toBe('send_decision')
    expect(sitting.status).toBe('scheduled')
    expect(sitting.agenda_locked_at).not.toBeNull()
    const lastHeld = await db('sittings as s')
      .join('panels as p', 'p.id', 's.panel_id')
      .where({ 'p.panel_type': 'send_decision' })
      .where('s.sitting_on', '<', TODAY)
      .max('s.sitting_on as on')
      .first()
    expect(sitting.sitting_on).toBe(lastHeld!.on)
    const items = await db('agenda_items as ai')
      .join('cases as c', 'c.id', 'ai.case_id')
      .where('ai.sitting_id', sittingId)
      .select('c.status', 'c.kind')
    expect(items).toHaveLength(3)
    for (const item of items) expect(item.status).toBe('scheduled')
  })

  it('holds past sittings, schedules coming ones, on each panel weekday and never on a bank holiday', async () => {
    const sittings = await db('sittings as s')
      .join('panels as p', 'p.id', 's.panel_id')
      .select('s.id', 's.sitting_on', 's.status', 's.is_summer', 'p.weekday')
      .select(db.raw('extract(isodow from s.sitting_on) as isodow'))
    const awaiting = new Set(await awaitingRecord())
    const holidays = await loadBankHolidayCalendar(db)
    expect(sittings.length).toBeGreaterThanOrEqual(3 * 19)
    for (const s of sittings) {
      expect(holidays.has(s.sitting_on)).toBe(false)
      expect(Number(s.isodow)).toBe(s.weekday)
      expect(s.status).toBe(s.sitting_on < TODAY && !awaiting.has(s.id) ? 'held' : 'scheduled')
      // From the start of the last summer holiday to the end of the next one.
      expect(s.sitting_on >= '2026-07-21' && s.sitting_on <= '2027-09-02').toBe(true)
    }
    const summer = sittings.filter((s) => s.is_summer).map((s) => s.sitting_on)
    expect(summer.filter((d) => d.startsWith('2026')).length).toBeGreaterThanOrEqual(3 * 5)
    expect(summer.filter((d) => d.startsWith('2027')).length).toBeGreaterThanOrEqual(3 * 5)
  })

  it('confirms the bank holidays for 2025 to 2028, which the rule gives with no change, and school terms covering them', async () => {
    const holidays = await loadBankHolidayCalendar(db)
    expect(holidays.confirmedYears).toEqual([2025, 2026, 2027, 2028])
    // The published list is what the rule gives, so the council's list of changes starts empty.
    expect(await db('bank_holidays').select('holiday_on')).toEqual([])
    for (const year of [2025, 2026, 2027, 2028]) expect(holidays.daysIn(year)).toHaveLength(8)
    expect(holidays.has('2026-12-28')).toBe(true)

    const rows = await db('school_terms').select('academic_year', 'term', 'starts_on', 'ends_on')
    const terms: SchoolTerm[] = rows.map((r) => ({
      academicYear: r.academic_year,
      term: r.term,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
    }))
    expect(terms.some((t) => t.startsOn <= '2025-01-06')).toBe(true)
    expect(terms.some((t) => t.endsOn >= '2028-12-31')).toBe(true)
    const summers = summerHolidays(terms)
    expect(summers.map((s) => s.startsOn.slice(0, 4))).toEqual(['2025', '2026', '2027', '2028'])
    for (const summer of summers) {
      const days = daysBetween(summer.startsOn, summer.endsOn) + 1
      expect(days).toBeGreaterThanOrEqual(40)
      expect(days).toBeLessThanOrEqual(46)
    }
  })

  it('records that it ran', async () => {
    const events = await db('audit_events').where({ action: 'demo_council_seeded', entity_type: 'system' })
    expect(events).toHaveLength(1)
    expect(events[0].entity_id).toBe('demo')
  })

  it('does nothing the second time', async () => {
    const before = await countAll(db)
    const again = await seedDemoCouncil(db, { demoPassword: 'another-password', today: '2026-12-01' })
    expect(again.seeded).toBe(false)
    expect(await countAll(db)).toEqual(before)
  })
})

describe('the demo council seeded in August', () => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await openTestDatabase()
    await seedDemoCouncil(database.db, { demoPassword: DEMO_PASSWORD, today: '2026-08-12' })
  }, 120_000)

  afterAll(async () => {
    await database?.close()
  })

  it('marks the sittings in the school summer holiday as summer sittings, and only those', async () => {
    const sittings = await database.db('sittings').select('sitting_on', 'is_summer')
    const summer = sittings.filter((s) => s.is_summer).map((s) => s.sitting_on)
    expect(summer.length).toBeGreaterThanOrEqual(3 * 5)
    for (const s of sittings) {
      const inSummer =
        (s.sitting_on >= '2026-07-23' && s.sitting_on <= '2026-09-02') ||
        (s.sitting_on >= '2027-07-22' && s.sitting_on <= '2027-09-01')
      expect(s.is_summer).toBe(inSummer)
    }
    expect(summer.some((d) => d >= '2026-07-28' && d <= '2026-08-31')).toBe(true)
  })
})

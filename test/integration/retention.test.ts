import type { MinutesContent, MinutesItem } from '../../src/domain/minutes'
import { REMOVED_ITEM_TEXT } from '../../src/domain/retention'
import { dataLayer } from '../../src/data'
import { scheduledJobs } from '../../src/jobs'
import { services, serviceSettings } from '../../src/services'
import { fixedClock } from '../../src/services/clock'
import { TEST_TODAY } from '../support/app'
import { useDemoApp } from '../support/sittings'
import { readLogOf } from '../../src/web/readEvents'
import type { User } from '../../src/data/users'

/**
 * Retention (issue 17 point 4), on the demo council. Maya's cases are made closed long ago and Maya born
 * in 1980, so they are past retention; another child shares Maya's sitting and its approved minutes. The
 * dry run must list Maya's cases and change nothing; the run must remove them and everything of Maya's,
 * keep the other child's items, letters and case, anonymise the audit rows and keep the counts.
 */

const { t, db, as } = useDemoApp()
const ADMIN = 'admin@example.org'
const NOT_ADMINS = [
  'caseworker@example.org',
  'chair@example.org',
  'manager@example.org',
  'dpo@example.org',
  'parent2@example.org',
]

let maya: { childId: string; caseIds: string[]; references: string[]; contactIds: string[] }
let other: { childId: string; caseId: string; letters: number; firstName: string }
let sittingId: string

const retention = () =>
  services(dataLayer(db()), fixedClock(TEST_TODAY), serviceSettings(t().config)).retention
const count = async (table: string, where: (q: ReturnType<ReturnType<typeof db>>) => unknown) => {
  const q = db()(table)
  where(q)
  const row = (await q.count({ n: '*' }).first()) as { n: number | string }
  return Number(row.n)
}

function item(position: number, caseId: string, name: string): MinutesItem {
  return {
    position,
    caseId,
    reference: `R-${position}`,
    childName: name,
    kind: 'assessment_request',
    preference: `${name}’s family would like an assessment.`,
    familyAttended: true,
    familyAttendees: `${name}’s mother`,
    interpreter: null,
    withoutFamilyReason: null,
    declarations: [],
    decision: null,
    notes: `Notes about ${name}.`,
  }
}

beforeAll(async () => {
  const child = (await db()('children').where({ first_name: 'Maya' }).first('id')) as { id: string }
  const cases = (await db()('cases')
    .where({ child_id: child.id })
    .orderBy('reference')
    .select('id', 'reference')) as {
    id: string
    reference: string
  }[]
  const contacts = (await db()('family_contacts').where({ child_id: child.id }).pluck('id')) as string[]
  maya = {
    childId: child.id,
    caseIds: cases.map((c) => c.id),
    references: cases.map((c) => c.reference),
    contactIds: contacts,
  }

  const mayaItem = (await db()('agenda_items')
    .whereIn('case_id', maya.caseIds)
    .first('sitting_id', 'case_id')) as {
    sitting_id: string
    case_id: string
  }
  sittingId = mayaItem.sitting_id
  const otherItem = (await db()('agenda_items as ai')
    .join('cases as c', 'c.id', 'ai.case_id')
    .join('children as ch', 'ch.id', 'c.child_id')
    .where('ai.sitting_id', sittingId)
    .whereNot('c.child_id', maya.childId)
    .first('ai.case_id', 'c.child_id', 'ch.first_name')) as {
    case_id: string
    child_id: string
    first_name: string
  }
  other = {
    childId: otherItem.child_id,
    caseId: otherItem.case_id,
    firstName: otherItem.first_name,
    letters: await count('letters', (q) => q.where({ case_id: otherItem.case_id })),
  }

  await db()('children').where({ id: maya.childId }).update({ date_of_birth: '1980-01-01' })
  await db()('cases').whereIn('id', maya.caseIds).update({ status: 'closed', ended_on: '2010-06-01' })
  const content = {
    panelName: 'SEND decision-making panel',
    sittingOn: '2026-10-13',
    startsAt: '10:00',
    venue: 'County Hall',
    members: [],
    guests: [],
    quorum: { rule: 'One member from each agency', quorate: true, shortfall: null },
    items: [item(1, mayaItem.case_id, 'Maya Thompson'), item(2, other.caseId, other.firstName)],
  } as MinutesContent
  const chair = (await db()('users').where({ email: 'chair@example.org' }).first('id')) as { id: string }
  await db()('minutes').insert({
    sitting_id: sittingId,
    version: 99,
    status: 'approved',
    content: JSON.stringify(content),
    approved_by: chair.id,
    approved_at: new Date(`${TEST_TODAY}T08:00:00Z`),
  })
  await db()('email_outbox').insert({
    to_address: 'maya.parent@example.org',
    subject: 'About Maya',
    body: 'Maya Thompson',
    event: 'letter_issued',
    case_id: maya.caseIds[0],
  })
  await db()('audit_events').insert([
    {
      action: 'case.updated',
      entity_type: 'case',
      entity_id: maya.caseIds[0],
      details: JSON.stringify({ field: 'Maya' }),
    },
    {
      action: 'case.updated',
      entity_type: 'case',
      entity_id: other.caseId,
      details: JSON.stringify({ field: 'kept' }),
    },
  ])
})

test('the page is for admins only', async () => {
  for (const email of NOT_ADMINS) {
    const { agent } = await as(email)
    const res = await agent.get('/admin/retention')
    expect([403, 404]).toContain(res.status)
    expect(res.text).not.toContain(maya.references[0])
  }
})

test('the dry run lists exactly the cases past retention and removes nothing', async () => {
  const overview = await retention().overview()
  expect(overview.due.map((d) => d.reference).sort()).toEqual([...maya.references].sort())
  expect(overview.due.every((d) => d.initials === 'MT')).toBe(true)
  expect(JSON.stringify(overview.due)).not.toContain('Maya')

  const { agent } = await as(ADMIN)
  const page = (await agent.get('/admin/retention').expect(200)).text
  for (const reference of maya.references) expect(page).toContain(reference)
  expect(page).not.toContain('Thompson')
  expect(page).toContain('href="/admin/public-pages"')
  expect(await count('cases', (q) => q.whereIn('id', maya.caseIds))).toBe(maya.caseIds.length)
  expect(await count('retention_runs', () => undefined)).toBe(0)
})

test('the run removes the child’s cases and everything of theirs, and nothing of the other child’s', async () => {
  const job = scheduledJobs(
    services(dataLayer(db()), fixedClock(TEST_TODAY), serviceSettings(t().config)),
  ).find((j) => j.name === 'apply-retention')!
  const result = await job.run()
  expect(result).toEqual({ ran: true, counts: { casesRemoved: maya.caseIds.length, childrenRemoved: 1 } })

  const ids = (q: ReturnType<ReturnType<typeof db>>) => q.whereIn('case_id', maya.caseIds)
  expect(await count('cases', (q) => q.whereIn('id', maya.caseIds))).toBe(0)
  expect(await count('children', (q) => q.where({ id: maya.childId }))).toBe(0)
  expect(await count('family_contacts', (q) => q.where({ child_id: maya.childId }))).toBe(0)
  for (const table of [
    'letters',
    'family_views',
    'agenda_items',
    'decisions',
    'email_outbox',
    'record_reads',
  ])
    expect(await count(table, ids)).toBe(0)
  expect(
    await count('audit_events', (q) => q.where('entity_type', 'case').whereIn('entity_id', maya.caseIds)),
  ).toBe(0)
  const anonymised = (await db()('audit_events')
    .where({ entity_id: 'removed', action: 'case.updated' })
    .select('details')) as {
    details: unknown
  }[]
  expect(anonymised.length).toBeGreaterThan(0)
  expect(JSON.stringify(anonymised)).not.toContain('Maya')
  const parent = (await db()('users').where({ email: 'parent@example.org' }).first('id')) as
    { id: string } | undefined
  expect(parent).toBeUndefined()

  // The other child is untouched: case, letters, agenda item, audit row and minutes item.
  expect(await count('cases', (q) => q.where({ id: other.caseId }))).toBe(1)
  expect(await count('letters', (q) => q.where({ case_id: other.caseId }))).toBe(other.letters)
  expect(await count('agenda_items', (q) => q.where({ case_id: other.caseId, sitting_id: sittingId }))).toBe(
    1,
  )
  expect(
    await count('audit_events', (q) => q.where({ entity_type: 'case', entity_id: other.caseId })),
  ).toBeGreaterThan(0)
  const minutes = (await db()('minutes').where({ sitting_id: sittingId, version: 99 }).first('content')) as {
    content: MinutesContent | string
  }
  const content = (
    typeof minutes.content === 'string' ? JSON.parse(minutes.content) : minutes.content
  ) as MinutesContent
  expect(JSON.stringify(content)).not.toContain('Maya')
  expect(content.items.map((i) => i.position)).toEqual([1, 2])
  expect(content.items[0]!.childName).toBe(REMOVED_ITEM_TEXT)
  expect(content.items[1]!.childName).toBe(other.firstName)
  expect(content.items[1]!.notes).toBe(`Notes about ${other.firstName}.`)

  // What was removed is recorded without personal data, and counted.
  const removals = (await db()('retention_removals').select('*')) as Record<string, unknown>[]
  expect(removals).toHaveLength(maya.caseIds.length)
  expect(JSON.stringify(removals)).not.toMatch(/Maya|Thompson/)
  for (const id of maya.caseIds) expect(JSON.stringify(removals)).not.toContain(id)
  const overview = await retention().overview()
  expect(overview.due).toEqual([])
  expect(overview.totalRemoved).toBe(maya.caseIds.length)
  expect(overview.totals.every((r) => r.closedYear === 2010)).toBe(true)
  expect(overview.totals.reduce((n, r) => n + r.removed, 0)).toBe(maya.caseIds.length)
  expect(overview.runs[0]).toMatchObject({ casesRemoved: maya.caseIds.length, casesFailed: 0 })

  const { agent } = await as(ADMIN)
  const page = (await agent.get('/admin/retention').expect(200)).text
  expect(page).toContain(`data-total="${maya.caseIds.length}"`)
  expect(page).toContain('data-due="none"')
})

test('a second run finds nothing to remove', async () => {
  expect(await retention().apply()).toEqual({ ran: true, counts: { casesRemoved: 0, childrenRemoved: 0 } })
})

test('a read of a removed case still waiting in the buffer does not stop the others being written', async () => {
  const log = readLogOf(t().app)
  const user = (await db()('users').where({ email: 'caseworker@example.org' }).first()) as User
  const before = await count('record_reads', (q) => q.where({ case_id: other.caseId }))
  log.record(user, maya.caseIds[0]!, 'case')
  log.record(user, other.caseId, 'case')
  await log.flush()
  expect(await count('record_reads', (q) => q.where({ case_id: other.caseId }))).toBe(before + 1)
})

test('a case that cannot be removed is left whole, and the run is recorded as failed', async () => {
  await db()('children').where({ id: other.childId }).update({ date_of_birth: '1980-01-01' })
  await db()('cases').where({ child_id: other.childId }).update({ status: 'closed', ended_on: '2010-06-01' })
  const cases = (await db()('cases').where({ child_id: other.childId }).pluck('id')) as string[]
  // Stands for a row this code does not know about: the delete of the case row itself fails, last.
  await db().raw(`CREATE FUNCTION refuse_case_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'refused'; END $$`)
  await db().raw(
    'CREATE TRIGGER refuse_case_delete BEFORE DELETE ON cases FOR EACH ROW EXECUTE FUNCTION refuse_case_delete()',
  )
  try {
    await expect(retention().apply()).rejects.toThrow(/could not be removed/)
  } finally {
    await db().raw('DROP TRIGGER refuse_case_delete ON cases')
    await db().raw('DROP FUNCTION refuse_case_delete()')
  }
  expect(await count('cases', (q) => q.whereIn('id', cases))).toBe(cases.length)
  expect(await count('letters', (q) => q.where({ case_id: other.caseId }))).toBe(other.letters)
  expect(await count('agenda_items', (q) => q.where({ case_id: other.caseId }))).toBeGreaterThan(0)
  const [run] = (await db()('retention_runs').orderBy('id', 'desc').limit(1).select('*')) as {
    cases_removed: number
    cases_failed: number
  }[]
  expect(run).toMatchObject({ cases_removed: 0, cases_failed: cases.length })
  expect((await retention().overview()).due).toHaveLength(cases.length)
})

import type TestAgent from 'supertest/lib/agent'
import { signedInAgent, STAFF_NOT_ADMIN } from '../support/app'
import { useDemoApp } from '../support/sittings'
import { inlineError, summaryLinks, versionOn } from '../support/formPages'

const { t, as } = useDemoApp()
let admin: TestAgent, token: string
beforeAll(async () => {
  ;({ agent: admin, token } = await as('admin@example.org'))
})

const panelId = async (name: string): Promise<string> =>
  (await t().database.db('panels').where({ name }).first('id')).id
const userId = async (email: string): Promise<string> =>
  (await t().database.db('users').where({ email }).first('id')).id
const auditFor = (entityId: string, action: string) =>
  t().database.db('audit_events').where({ entity_id: entityId, action })

const VALID_PANEL = {
  name: 'Early years panel',
  panelType: 'send_decision',
  caseKinds: ['assessment_request', 'issue_plan'],
  weekday: '1',
  startsAt: '2:30pm',
  durationMinutes: '90',
  venue: 'Room 1, Ashcombe Children’s Centre',
  onlineLink: '',
  capacity: '4',
  papersCutoffWorkingDays: '5',
  'quorum-education': '2',
  'quorum-health': '1',
  'quorum-social_care': '1',
  'quorum-parent_carer_forum': '0',
  'quorum-other': '',
  active: 'yes',
}

const post = (path: string, fields: Record<string, unknown>) =>
  admin
    .post(path)
    .type('form')
    .send({ _csrf: token, ...fields })

describe('panels', () => {
  test('the settings page links to each panel, to adding one, and to the calendar pages', async () => {
    const res = await admin.get('/admin').expect(200)
    const id = await panelId('Placement panel')
    expect(res.text).toContain(`href="/admin/panels/${id}"`)
    expect(res.text).toContain('href="/admin/panels/new"')
    expect(res.text).toContain('href="/admin/terms"')
    expect(res.text).toContain('href="/admin/bank-holidays"')
  })

  test('the panel page shows its settings, quorum in words and its members', async () => {
    const res = await admin.get(`/admin/panels/${await panelId('SEND decision-making panel')}`).expect(200)
    expect(res.text).toContain('Tuesdays at 10am, for 180 minutes')
    expect(res.text).toContain('At least one member each from education, health and social care')
    expect(res.text).toContain('Today’s members can meet the quorum')
    expect(res.text).toContain('Helen Whitaker')
    expect(res.text).toContain('chair@example.org')
  })

  test('a new panel is saved with its kinds and quorum, audited, and shown with a success banner', async () => {
    const form = await admin.get('/admin/panels/new').expect(200)
    expect(form.text).toContain('name="_csrf"')
    // The default quorum: one each from education, health and social care.
    expect(form.text).toMatch(/id="quorum-education" name="quorum-education" type="text"[^>]*value="1"/)
    const res = await post('/admin/panels/new', VALID_PANEL).expect(303)
    const id = /\/admin\/panels\/([0-9a-f-]{36})\?done=created$/.exec(res.headers.location!)![1]!
    const row = await t().database.db('panels').where({ id }).first()
    expect(row).toMatchObject({
      name: 'Early years panel',
      weekday: 1,
      starts_at: '14:30:00',
      duration_minutes: 90,
      venue: 'Room 1, Ashcombe Children’s Centre',
      online_link: null,
      capacity: 4,
      papers_cutoff_working_days: 5,
      quorum_rule: { education: 2, health: 1, social_care: 1 },
      active: true,
    })
    const kinds = await t().database.db('panel_case_kinds').where({ panel_id: id }).orderBy('case_kind')
    expect(kinds.map((k) => k.case_kind)).toEqual(['assessment_request', 'issue_plan'])
    expect(await auditFor(id, 'panel_created')).toHaveLength(1)
    const page = await admin.get(res.headers.location!).expect(200)
    expect(page.text).toContain('govuk-notification-banner--success')
    expect(page.text).toContain('Panel added')
    expect(page.text).toContain(
      'At least 2 members from education, and at least one member each from health and social care',
    )
    expect(page.text).toContain('Today’s members cannot meet the quorum')
  })

  test('an empty form shows every problem by its field and in the summary, in page order', async () => {
    const res = await post('/admin/panels/new', {}).expect(400)
    expect(res.text).toContain('<title>Error: Add a panel')
    const expected: [string, string][] = [
      ['name', 'Enter the panel’s name'],
      ['panelType', 'Select the type of panel'],
      ['caseKinds', 'Select at least one kind of case that this panel decides'],
      ['weekday', 'Select the day the panel meets'],
      ['startsAt', 'Enter the time the panel starts'],
      ['durationMinutes', 'Enter how long a sitting lasts, in minutes'],
      ['capacity', 'Enter the number of cases a sitting can take'],
      ['papersCutoffWorkingDays', 'Enter how many working days before the sitting the papers must be ready'],
      ['quorum', 'A quorum needs at least one member from at least one agency'],
    ]
    for (const [field, message] of expected) expect(inlineError(res.text, field)).toBe(message)
    expect(summaryLinks(res.text)).toEqual(
      expected.map(([field, message]) => [field === 'quorum' ? '#quorum-education' : `#${field}`, message]),
    )
  })

  test.each([
    [{ venue: '', onlineLink: '' }, 'venue', 'Enter a venue or an online link, or both'],
    [
      { onlineLink: 'http://meet.example.org/x' },
      'onlineLink',
      'Enter the online link as a full web address starting with https://, like https://meet.example.org/panel',
    ],
    [{ onlineLink: 'not a link' }, 'onlineLink', expect.stringContaining('starting with https://')],
    [{ startsAt: '25:00' }, 'startsAt', 'Enter the start time as a time of day, like 10:00 or 2:30pm'],
    [{ startsAt: '10' }, 'startsAt', 'Enter the start time as a time of day, like 10:00 or 2:30pm'],
    [{ weekday: '6' }, 'weekday', 'Select the day the panel meets'],
    [{ panelType: 'tribunal' }, 'panelType', 'Select the type of panel'],
    [{ caseKinds: ['placement', 'parking'] }, 'caseKinds', 'Select kinds of case from the list'],
    [{ capacity: '0' }, 'capacity', 'The number of cases per sitting must be between 1 and 50'],
    [{ capacity: '51' }, 'capacity', 'The number of cases per sitting must be between 1 and 50'],
    [{ capacity: 'six' }, 'capacity', 'The number of cases per sitting must be a whole number'],
    [
      { papersCutoffWorkingDays: '21' },
      'papersCutoffWorkingDays',
      'The papers cut-off must be between 0 and 20',
    ],
    [{ durationMinutes: '5' }, 'durationMinutes', 'The length of the sitting must be between 15 and 720'],
    [
      { 'quorum-health': 'two' },
      'quorum-health',
      'The number of members from health must be a whole number from 0 to 20',
    ],
    [{ name: 'x'.repeat(101) }, 'name', 'The panel’s name must be 100 characters or fewer'],
  ])('%j is refused by its field, keeping what was typed', async (change, field, message) => {
    const res = await post('/admin/panels/new', { ...VALID_PANEL, name: 'Refused panel', ...change }).expect(
      400,
    )
    expect(inlineError(res.text, field)).toEqual(message)
    expect(summaryLinks(res.text)).toHaveLength(1)
    expect(res.text).toContain(
      'name' in change ? 'value="Room 1, Ashcombe Children’s Centre"' : 'value="Refused panel"',
    )
    expect(res.text).toMatch(
      /name="caseKinds" type="checkbox" value="(assessment_request|placement)"\s+checked/,
    )
    expect(await t().database.db('panels').where({ name: 'Refused panel' })).toHaveLength(0)
  })

  test('a second panel with the same name (in any case) is refused', async () => {
    const res = await post('/admin/panels/new', { ...VALID_PANEL, name: ' placement PANEL ' }).expect(400)
    expect(inlineError(res.text, 'name')).toBe(
      'There is already a panel with this name. Give this panel a different name',
    )
  })

  test('changing the weekly slot is saved and audited, and the form says it reaches only new sittings', async () => {
    const id = await panelId('Alternative provision panel')
    const form = await admin.get(`/admin/panels/${id}/edit`).expect(200)
    expect(form.text).toContain('changes only the sittings generated from now on')
    expect(form.text).toMatch(/name="weekday" type="radio" value="4"\s+checked/)
    expect(form.text).toContain('value="https://meet.example.org/northshire-ap-panel"')
    const sittingsBefore = await t().database.db('sittings').where({ panel_id: id }).orderBy('sitting_on')
    const res = await post(`/admin/panels/${id}/edit`, {
      version: await versionOn(admin, `/admin/panels/${id}/edit`),
      name: 'Alternative provision panel',
      panelType: 'alternative_provision',
      caseKinds: 'alternative_provision',
      weekday: '5',
      startsAt: '09:30',
      durationMinutes: '120',
      venue: '',
      onlineLink: 'https://meet.example.org/northshire-ap-panel',
      capacity: '6',
      papersCutoffWorkingDays: '3',
      'quorum-education': '1',
      'quorum-health': '1',
      'quorum-social_care': '1',
      active: 'yes',
    }).expect(303)
    expect(res.headers.location).toBe(`/admin/panels/${id}?done=updated`)
    expect(await t().database.db('panels').where({ id }).first('weekday', 'starts_at', 'capacity')).toEqual({
      weekday: 5,
      starts_at: '09:30:00',
      capacity: 6,
    })
    const [event] = await auditFor(id, 'panel_updated')
    expect(event.details).toEqual({ changed: 'weekday,startsAt,capacity', weeklySlotChanged: true })
    // Sittings already generated stay where they were.
    expect(await t().database.db('sittings').where({ panel_id: id }).orderBy('sitting_on')).toEqual(
      sittingsBefore,
    )
    expect((await admin.get(res.headers.location!)).text).toContain('Panel saved')
  })

  test('a panel can be made inactive, and another panel’s name cannot be taken', async () => {
    const id = await panelId('Early years panel')
    await post(`/admin/panels/${id}/edit`, {
      version: await versionOn(admin, `/admin/panels/${id}/edit`),
      ...VALID_PANEL,
      active: undefined,
    }).expect(303)
    expect((await t().database.db('panels').where({ id }).first('active')).active).toBe(false)
    const res = await post(`/admin/panels/${id}/edit`, {
      version: await versionOn(admin, `/admin/panels/${id}/edit`),
      ...VALID_PANEL,
      name: 'Placement panel',
    }).expect(400)
    expect(inlineError(res.text, 'name')).toContain('There is already a panel with this name')
  })

  test('an unknown or malformed panel id is a 404', async () => {
    await admin.get('/admin/panels/00000000-0000-4000-8000-000000000000').expect(404)
    await admin.get('/admin/panels/not-an-id/edit').expect(404)
    await post('/admin/panels/00000000-0000-4000-8000-000000000000/edit', VALID_PANEL).expect(404)
    await admin.get('/admin/panels/00000000-0000-4000-8000-000000000000/members/new').expect(404)
  })
})

describe('members', () => {
  test('a member with an account is added and audited', async () => {
    const id = await panelId('Alternative provision panel')
    const form = await admin.get(`/admin/panels/${id}/members/new`).expect(200)
    expect(form.text).toContain('member@example.org')
    expect(form.text).not.toContain('caseworker@example.org')
    const member = await userId('member@example.org')
    const res = await post(`/admin/panels/${id}/members/new`, {
      fullName: 'Joanne Brierley',
      jobTitle: 'Principal educational psychologist',
      agency: 'education',
      isChair: 'no',
      userId: member,
      'memberFrom-day': '1',
      'memberFrom-month': '12',
      'memberFrom-year': '2026',
    }).expect(303)
    expect(res.headers.location).toBe(`/admin/panels/${id}?done=member-added#members`)
    const row = await t().database.db('panel_members').where({ panel_id: id, user_id: member }).first()
    expect(row).toMatchObject({
      full_name: 'Joanne Brierley',
      agency: 'education',
      member_from: '2026-12-01',
    })
    const [event] = await auditFor(row.id, 'panel_member_added')
    expect(event.entity_type).toBe('panel_member')
    expect(event.details).toMatchObject({ panelId: id, userId: member, agency: 'education', isChair: false })
    expect(JSON.stringify(event.details)).not.toContain('Brierley')
    const page = await admin.get(`/admin/panels/${id}?done=member-added`).expect(200)
    expect(page.text).toContain('Member added')
    expect(page.text).toContain('Not current')
  })

  test('an empty member form shows each problem by its field', async () => {
    const id = await panelId('Placement panel')
    const res = await post(`/admin/panels/${id}/members/new`, {
      'memberUntil-day': '31',
      'memberUntil-month': '2',
      'memberUntil-year': '2027',
    }).expect(400)
    expect(inlineError(res.text, 'fullName')).toBe('Enter the member’s full name')
    expect(inlineError(res.text, 'agency')).toBe('Select the agency the member comes from')
    expect(inlineError(res.text, 'isChair')).toBe('Select whether this member chairs the panel')
    expect(inlineError(res.text, 'memberUntil')).toBe('Date they leave must be a real date')
    expect(summaryLinks(res.text).map(([href]) => href)).toEqual([
      '#fullName',
      '#agency',
      '#isChair',
      '#memberUntil-day',
    ])
  })

  test('a leaving date before the joining date, and an account that cannot sit on panels, are refused', async () => {
    const id = await panelId('Placement panel')
    const base = { fullName: 'Sam Okafor', agency: 'health', isChair: 'no' }
    const dates = await post(`/admin/panels/${id}/members/new`, {
      ...base,
      'memberFrom-day': '2',
      'memberFrom-month': '9',
      'memberFrom-year': '2026',
      'memberUntil-day': '1',
      'memberUntil-month': '9',
      'memberUntil-year': '2026',
    }).expect(400)
    expect(inlineError(dates.text, 'memberUntil')).toBe(
      'The date they leave must be the same as or after the date they joined',
    )
    expect(dates.text).toContain('value="Sam Okafor"')
    const account = await post(`/admin/panels/${id}/members/new`, {
      ...base,
      userId: await userId('caseworker@example.org'),
    }).expect(400)
    expect(inlineError(account.text, 'userId')).toBe('Select an account from the list, or no account')
    const twice = await post(`/admin/panels/${id}/members/new`, {
      ...base,
      userId: await userId('member@example.org'),
    }).expect(400)
    expect(inlineError(twice.text, 'userId')).toBe(
      'That account is already linked to another member of this panel',
    )
    expect(await t().database.db('panel_members').where({ full_name: 'Sam Okafor' })).toHaveLength(0)
  })

  test('a second chair at the same time is refused with a clear message; one after the first leaves is not', async () => {
    const id = await panelId('Placement panel')
    const chair = { fullName: 'Priya Shah', agency: 'education', isChair: 'yes' }
    const res = await post(`/admin/panels/${id}/members/new`, chair).expect(400)
    expect(inlineError(res.text, 'isChair')).toBe(
      'Helen Whitaker is already the chair of this panel. A panel has one chair at a time: make Helen Whitaker a member first, or set membership dates that do not overlap',
    )
    const helen = await t().database.db('panel_members').where({ panel_id: id, is_chair: true }).first('id')
    await post(`/admin/panels/${id}/members/${helen.id}/edit`, {
      version: await versionOn(admin, `/admin/panels/${id}/members/${helen.id}/edit`),
      fullName: 'Helen Whitaker',
      agency: 'education',
      isChair: 'yes',
      userId: await userId('chair@example.org'),
      'memberUntil-day': '31',
      'memberUntil-month': '12',
      'memberUntil-year': '2026',
    }).expect(303)
    await post(`/admin/panels/${id}/members/new`, {
      ...chair,
      'memberFrom-day': '1',
      'memberFrom-month': '1',
      'memberFrom-year': '2027',
    }).expect(303)
    expect(await t().database.db('panel_members').where({ panel_id: id, is_chair: true })).toHaveLength(2)
    expect(await auditFor(helen.id, 'panel_member_updated')).toHaveLength(1)
  })

  test('the member form is filled in from what is stored', async () => {
    const id = await panelId('SEND decision-making panel')
    const helen = await t().database.db('panel_members').where({ panel_id: id, is_chair: true }).first('id')
    const form = await admin.get(`/admin/panels/${id}/members/${helen.id}/edit`).expect(200)
    expect(form.text).toContain('value="Helen Whitaker"')
    expect(form.text).toMatch(/name="isChair" type="radio" value="yes"\s+checked/)
    expect(form.text).toMatch(new RegExp(`value="${await userId('chair@example.org')}" selected`))
    expect(form.text).toMatch(/name="memberFrom-year" type="text"[^>]*value="2024"/)
  })

  test('removing a member with an account stops them seeing the panel’s sittings, and is audited', async () => {
    const id = await panelId('Placement panel')
    const member = await userId('member@example.org')
    const row = await t().database.db('panel_members').where({ panel_id: id, user_id: member }).first('id')
    const memberAgent = await signedInAgent(t().app, 'member@example.org')
    expect((await memberAgent.get('/sittings').expect(200)).text).toContain('Placement panel')
    const confirm = await admin.get(`/admin/panels/${id}/members/${row.id}/remove`).expect(200)
    expect(confirm.text).toContain('Their account will no longer see this panel’s sittings')
    const res = await post(`/admin/panels/${id}/members/${row.id}/remove`, {}).expect(303)
    expect(res.headers.location).toBe(`/admin/panels/${id}?done=member-removed#members`)
    expect(await t().database.db('panel_members').where({ id: row.id })).toHaveLength(0)
    expect(await auditFor(row.id, 'panel_member_removed')).toHaveLength(1)
    expect((await memberAgent.get('/sittings').expect(200)).text).not.toContain('Placement panel')
    await post(`/admin/panels/${id}/members/${row.id}/remove`, {}).expect(404)
  })

  test('a panel left without a health member says so, by agency', async () => {
    const id = await panelId('Alternative provision panel')
    const health = await t()
      .database.db('panel_members')
      .where({ panel_id: id, agency: 'health' })
      .first('id')
    await post(`/admin/panels/${id}/members/${health.id}/remove`, {}).expect(303)
    const page = await admin.get(`/admin/panels/${id}`).expect(200)
    expect(page.text).toContain('Today’s members cannot meet the quorum. Needs one more member from health.')
  })

  test('an unknown member, or one from another panel, is a 404', async () => {
    const send = await panelId('SEND decision-making panel')
    const other = await t()
      .database.db('panel_members')
      .where({ panel_id: await panelId('Alternative provision panel') })
      .first('id')
    await admin.get(`/admin/panels/${send}/members/${other.id}/edit`).expect(404)
    await admin.get(`/admin/panels/${send}/members/not-an-id/remove`).expect(404)
    await post(`/admin/panels/${send}/members/${other.id}/remove`, {}).expect(404)
  })
})

describe('who may use the panel pages', () => {
  test.each(STAFF_NOT_ADMIN)('%s gets 403 on every admin panel route, and changes nothing', async (email) => {
    // Their own valid token, so that the refusal is the role check and not the CSRF check.
    const { agent, token: own } = await as(email)
    const id = await panelId('SEND decision-making panel')
    const memberId = (await t().database.db('panel_members').where({ panel_id: id }).first('id')).id
    const gets = [
      '/admin',
      '/admin/panels/new',
      `/admin/panels/${id}`,
      `/admin/panels/${id}/edit`,
      `/admin/panels/${id}/members/new`,
      `/admin/panels/${id}/members/${memberId}/edit`,
      `/admin/panels/${id}/members/${memberId}/remove`,
    ]
    for (const path of gets) {
      const res = await agent.get(path).expect(403)
      expect(res.text).toContain('You cannot see this page')
    }
    const posts = gets.slice(1).filter((p) => p !== `/admin/panels/${id}`)
    for (const path of posts) {
      await agent
        .post(path)
        .type('form')
        .send({ _csrf: own, ...VALID_PANEL, name: 'Forbidden panel' })
        .expect(403)
        .expect((res) => expect(res.text).toContain('You cannot see this page'))
    }
    expect(await t().database.db('panels').where({ name: 'Forbidden panel' })).toHaveLength(0)
    expect(await t().database.db('panel_members').where({ id: memberId })).toHaveLength(1)
  })
})

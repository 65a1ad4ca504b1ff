import { formatDate, formatLongDate } from '../../src/domain/dates'
import { createTestApp, csrfTokenIn, signedInAgent, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

interface CaseRow {
  id: string
  version: number
  child_id: string
  status: string
}

/** A case of the kind, skipping those other tests here have already used, so that each test starts clean. */
const used = new Set<string>()
async function freshCase(where: Record<string, string>): Promise<CaseRow> {
  const c = (await t.database
    .db('cases')
    .where(where)
    .whereNotIn('id', [...used])
    .orderBy('reference')
    .first('id', 'version', 'child_id', 'status')) as CaseRow | undefined
  if (!c) throw new Error(`No unused case ${JSON.stringify(where)} in the demo council`)
  used.add(c.id)
  return c
}

/** A case whose child has `contacts` contacts, none with a family portal account. */
async function caseWithContacts(contacts: number): Promise<CaseRow> {
  const children = t.database
    .db('family_contacts')
    .groupBy('child_id')
    .havingRaw('count(*) = ? and count(user_id) = 0', [contacts])
    .select('child_id')
  const c = (await t.database
    .db('cases')
    .whereIn('child_id', children)
    .whereNotIn('id', [...used])
    .orderBy('reference')
    .first('id', 'version', 'child_id', 'status')) as CaseRow | undefined
  if (!c) throw new Error(`No case whose child has ${contacts} contacts`)
  used.add(c.id)
  return c
}

async function caseworkerForm(path: string) {
  const agent = await signedInAgent(t.app, 'caseworker@example.org')
  const page = await agent.get(path).expect(200)
  return { agent, page, token: csrfTokenIn(page.text) }
}

const auditFor = (caseId: string, action: string) =>
  t.database.db('audit_events').where({ entity_type: 'case', entity_id: caseId, action })

const versionOf = async (id: string): Promise<number> =>
  ((await t.database.db('cases').where({ id }).first('version')) as { version: number }).version

describe('changing what the family is asking for', () => {
  test('the form shows what is stored; saving changes it, moves the version on, is audited and shown on the timeline', async () => {
    const c = await freshCase({ kind: 'placement', status: 'draft' })
    const { agent, page, token } = await caseworkerForm(`/cases/${c.id}/preference`)
    expect(page.text).toContain('Change what the family is asking for')
    expect(page.text).toMatch(/id="preferredSetting"[^>]*value="Longmoor High School"/)
    expect(page.text).toMatch(/id="preferredSettingIsMainstream"[^>]*value="yes"\s+checked/)
    const res = await agent
      .post(`/cases/${c.id}/preference`)
      .type('form')
      .send({
        _csrf: token,
        version: c.version,
        preference: 'Lily would now like a smaller school nearer home.',
        preferredSetting: 'Riverside Special School',
        preferredSettingIsMainstream: 'no',
      })
      .expect(303)
    expect(res.headers.location).toBe(`/cases/${c.id}?changed=preference#preference`)
    const casePage = await agent.get(`/cases/${c.id}?changed=preference`).expect(200)
    expect(casePage.text).toContain('What the family is asking for has been saved')
    expect(casePage.text).toContain('Lily would now like a smaller school nearer home.')
    expect(casePage.text).toContain('Riverside Special School (not mainstream)')
    expect(casePage.text).toContain('Family’s preference changed')
    const stored = await t.database
      .db('cases')
      .where({ id: c.id })
      .first('preference', 'preferred_setting', 'preferred_setting_is_mainstream', 'version')
    expect(stored).toEqual({
      preference: 'Lily would now like a smaller school nearer home.',
      preferred_setting: 'Riverside Special School',
      preferred_setting_is_mainstream: false,
      version: c.version + 1,
    })
    const events = await auditFor(c.id, 'preference_changed')
    expect(events).toHaveLength(1)
    expect(events[0].details).toEqual({
      preferenceChanged: true,
      preferredSettingChanged: true,
      preferredSettingIsMainstream: false,
    })
    expect(JSON.stringify(events[0].details)).not.toContain('Riverside')
  })

  test('a placement without the school or whether it is mainstream is refused, each problem by its field, the input kept', async () => {
    const c = await freshCase({ kind: 'placement' })
    const { agent, token } = await caseworkerForm(`/cases/${c.id}/preference`)
    const res = await agent
      .post(`/cases/${c.id}/preference`)
      .type('form')
      .send({
        _csrf: token,
        version: c.version,
        preference: 'A school with a quiet room',
        preferredSetting: '',
      })
      .expect(400)
    expect(res.text).toContain('There is a problem')
    expect(res.text).toContain('<title>Error: Change what the family is asking for')
    expect(res.text).toContain('href="#preferredSetting"')
    expect(res.text).toMatch(/id="preferredSetting-error"[\s\S]*Enter the school or setting the family wants/)
    expect(res.text).toContain('href="#preferredSettingIsMainstream"')
    expect(res.text).toMatch(
      /id="preferredSettingIsMainstream-error"[\s\S]*Select whether the school or setting is mainstream/,
    )
    expect(res.text).toContain('A school with a quiet room')
    expect(await versionOf(c.id)).toBe(c.version)
  })

  test('words over the limit are refused', async () => {
    const c = await freshCase({ kind: 'annual_review' })
    const { agent, token } = await caseworkerForm(`/cases/${c.id}/preference`)
    const res = await agent
      .post(`/cases/${c.id}/preference`)
      .type('form')
      .send({ _csrf: token, version: c.version, preference: 'x'.repeat(2001) })
      .expect(400)
    expect(res.text).toContain('href="#preference"')
    expect(res.text).toMatch(
      /id="preference-error"[\s\S]*What the family is asking for must be 2000 characters/,
    )
  })

  test('a phase transfer may name the next setting, and then must say whether it is mainstream', async () => {
    const c = await freshCase({ kind: 'phase_transfer' })
    const { agent, page, token } = await caseworkerForm(`/cases/${c.id}/preference`)
    expect(page.text).toContain('The school or setting they want (optional)')
    const refused = await agent
      .post(`/cases/${c.id}/preference`)
      .type('form')
      .send({ _csrf: token, version: c.version, preferredSetting: 'Northshire College' })
      .expect(400)
    expect(refused.text).toContain('Select whether the school or setting is mainstream')
    await agent
      .post(`/cases/${c.id}/preference`)
      .type('form')
      .send({ _csrf: token, version: c.version, preferredSetting: '', preferredSettingIsMainstream: 'yes' })
      .expect(303)
    const stored = await t.database
      .db('cases')
      .where({ id: c.id })
      .first('preferred_setting', 'preferred_setting_is_mainstream')
    expect(stored).toEqual({ preferred_setting: null, preferred_setting_is_mainstream: null })
  })

  test('a kind of case that names no school keeps none, whatever is posted', async () => {
    const c = await freshCase({ kind: 'assessment_request' })
    const { agent, page, token } = await caseworkerForm(`/cases/${c.id}/preference`)
    expect(page.text).not.toContain('name="preferredSetting"')
    await agent
      .post(`/cases/${c.id}/preference`)
      .type('form')
      .send({
        _csrf: token,
        version: c.version,
        preference: 'An assessment, please.',
        preferredSetting: 'Somewhere',
        preferredSettingIsMainstream: 'yes',
      })
      .expect(303)
    const stored = await t.database.db('cases').where({ id: c.id }).first('preference', 'preferred_setting')
    expect(stored).toEqual({ preference: 'An assessment, please.', preferred_setting: null })
  })

  test('a form read before someone else changed the case is refused with 409, and nothing is saved', async () => {
    const c = await freshCase({ kind: 'placement' })
    const { agent, token } = await caseworkerForm(`/cases/${c.id}/preference`)
    await t.database.db('cases').where({ id: c.id }).increment('version', 1)
    const res = await agent
      .post(`/cases/${c.id}/preference`)
      .type('form')
      .send({
        _csrf: token,
        version: c.version,
        preference: 'Changed too late',
        preferredSetting: 'Ashcombe Academy',
        preferredSettingIsMainstream: 'yes',
      })
      .expect(409)
    expect(res.text).toContain('Someone else changed this case after you opened it')
    expect(res.text).toContain('Changed too late')
    expect(await auditFor(c.id, 'preference_changed')).toHaveLength(0)
  })
})

/** The contacts form as shown, posted back with the given changes. */
function contactsFormFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
    const tag = m[0]
    const name = m[1]!
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? ''
    if (/type="(radio|checkbox)"/.test(tag)) {
      if (/\schecked/.test(tag)) fields[name] = value
    } else {
      fields[name] = value
    }
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) {
    fields[m[1]!] = m[2]!.trim()
  }
  const decode = (s: string) =>
    s
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, decode(v)]))
}

const NEW_CONTACT = {
  newContactName: 'Grace Adebayo',
  newContactRelationship: 'carer',
  newContactAddress: '',
  newContactEmail: 'grace@example.com',
  newContactPhone: '07700 900 555',
  newContactLanguage: 'Yoruba',
  newContactInterpreter: 'yes',
  newContactLetterFormat: 'easy_read',
}

describe('changing the family contacts', () => {
  test('a contact is changed and one added as the main contact: saved, audited by counts only, on the timeline', async () => {
    const c = await caseWithContacts(1)
    const { agent, page } = await caseworkerForm(`/cases/${c.id}/contacts`)
    const fields = contactsFormFields(page.text)
    const before = await t.database.db('family_contacts').where({ child_id: c.child_id }).first()
    expect(fields.contact1Id).toBe(before.id)
    expect(fields.contact1Name).toBe(before.full_name)
    expect(fields.mainContact).toBe(before.id)
    const res = await agent
      .post(`/cases/${c.id}/contacts`)
      .type('form')
      .send({ ...fields, contact1Phone: '01632 960 777', ...NEW_CONTACT, mainContact: 'new' })
      .expect(303)
    expect(res.headers.location).toBe(`/cases/${c.id}?changed=contacts#family`)

    const contacts = await t.database
      .db('family_contacts')
      .where({ child_id: c.child_id })
      .orderBy('created_at')
    expect(contacts).toHaveLength(2)
    expect(contacts[0]).toMatchObject({ id: before.id, phone: '01632 960 777', is_main_contact: false })
    expect(contacts[1]).toMatchObject({
      full_name: 'Grace Adebayo',
      relationship: 'carer',
      address: null,
      email: 'grace@example.com',
      preferred_language: 'Yoruba',
      needs_interpreter: true,
      letter_format: 'easy_read',
      is_main_contact: true,
      user_id: null,
    })
    expect(await versionOf(c.id)).toBe(c.version + 1)
    const events = await auditFor(c.id, 'contacts_changed')
    expect(events).toHaveLength(1)
    expect(events[0].details).toEqual({
      changed: 1,
      added: 1,
      removed: 0,
      mainContactChanged: true,
      accessEnded: 0,
    })

    const casePage = await agent.get(`/cases/${c.id}?changed=contacts`).expect(200)
    expect(casePage.text).toContain('Family contacts saved')
    expect(casePage.text).toContain('Grace Adebayo (main contact)')
    expect(casePage.text).toContain(
      'Family contacts changed: 1 contact’s details changed, 1 added, main contact changed',
    )
  })

  test('a contact is removed, leaving the other as the main contact', async () => {
    const c = await caseWithContacts(2)
    const { agent, page } = await caseworkerForm(`/cases/${c.id}/contacts`)
    const fields = contactsFormFields(page.text)
    expect(fields.contact2Id).toBeDefined()
    await agent
      .post(`/cases/${c.id}/contacts`)
      .type('form')
      .send({ ...fields, contact1Remove: 'yes', mainContact: fields.contact2Id })
      .expect(303)
    const contacts = await t.database.db('family_contacts').where({ child_id: c.child_id })
    expect(contacts).toEqual([expect.objectContaining({ id: fields.contact2Id, is_main_contact: true })])
    const [event] = await auditFor(c.id, 'contacts_changed')
    expect(event.details).toEqual({
      changed: 0,
      added: 0,
      removed: 1,
      mainContactChanged: true,
      accessEnded: 0,
    })
  })

  test.each([
    [{ contact1Name: '' }, 'contact1Name', 'Enter the name of family contact 1'],
    [
      { contact1Relationship: '' },
      'contact1Relationship',
      'Select how family contact 1 is related to the child',
    ],
    [
      { contact1Email: 'not-an-email' },
      'contact1Email',
      'Enter the email address of family contact 1 in the correct format, like name@example.org',
    ],
    [
      { contact1Address: '', contact1Email: '' },
      'contact1Address',
      'Enter an address or an email address for family contact 1, so that letters reach them',
    ],
    [{ contact1Phone: 'call me' }, 'contact1Phone', 'Enter the phone number of family contact 1'],
    [{ contact1Language: '' }, 'contact1Language', 'Enter the language family contact 1 prefers'],
    [
      { contact1Interpreter: '' },
      'contact1Interpreter',
      'Select whether family contact 1 needs an interpreter',
    ],
    [
      { contact1LetterFormat: 'braille' },
      'contact1LetterFormat',
      'Select the letter format family contact 1 needs',
    ],
    [
      { newContactName: 'Sam Jones' },
      'newContactRelationship',
      'Select how the new family contact is related to the child',
    ],
    [
      { contact1Remove: 'yes' },
      'contact1Remove',
      'A child must have at least one family contact: keep one, or add a new one',
    ],
    [
      { mainContact: 'new' },
      'mainContact',
      'Enter the new family contact’s details, or select another main contact',
    ],
    [{ mainContact: '' }, 'mainContact', 'Select the main contact'],
  ])(
    '%j is refused: %s — by its field and in the summary, the input kept',
    async (change, field, message) => {
      const c = await caseWithContacts(1)
      const { agent, page } = await caseworkerForm(`/cases/${c.id}/contacts`)
      const fields = contactsFormFields(page.text)
      const res = await agent
        .post(`/cases/${c.id}/contacts`)
        .type('form')
        .send({ ...fields, contact1Name: 'Kept As Typed', ...change })
        .expect(400)
      expect(res.text).toContain('There is a problem')
      expect(res.text).toContain(`href="#${field}"`)
      expect(res.text).toContain(`id="${field}-error"`)
      expect(res.text).toContain(message)
      if (!('contact1Name' in change)) expect(res.text).toContain('value="Kept As Typed"')
      expect(await versionOf(c.id)).toBe(c.version)
      used.delete(c.id)
    },
  )

  test('the main contact cannot be one being removed', async () => {
    const c = await caseWithContacts(2)
    const { agent, page } = await caseworkerForm(`/cases/${c.id}/contacts`)
    const fields = contactsFormFields(page.text)
    const res = await agent
      .post(`/cases/${c.id}/contacts`)
      .type('form')
      .send({ ...fields, contact1Remove: 'yes', mainContact: fields.contact1Id })
      .expect(400)
    expect(res.text).toContain('Select a main contact who is not being removed')
    used.delete(c.id)
  })

  test('a contact with a family portal account keeps it through a change that leaves them the same person', async () => {
    const parent = await t.database.db('users').where({ email: 'parent@example.org' }).first('id')
    const linked = await t.database.db('family_contacts').where({ user_id: parent.id }).first()
    const c = await freshCase({ child_id: linked.child_id })
    const { agent, page } = await caseworkerForm(`/cases/${c.id}/contacts`)
    expect(page.text).toContain('This contact has a family portal account.')
    const fields = contactsFormFields(page.text)
    const n = Object.entries(fields).find(([k, v]) => /^contact\d+Id$/.test(k) && v === linked.id)![0][7]
    await agent
      .post(`/cases/${c.id}/contacts`)
      .type('form')
      .send({ ...fields, [`contact${n}Phone`]: '01632 960 777' })
      .expect(303)
    const after = await t.database.db('family_contacts').where({ id: linked.id }).first()
    expect(after).toMatchObject({ phone: '01632 960 777', user_id: parent.id })
    // The family still sees their child's case.
    const family = await signedInAgent(t.app, 'parent@example.org')
    await family.get('/portal').expect(200)
  })

  test('a form read before someone else changed the case, or the family from another of the child’s cases, is refused with 409', async () => {
    const c = await caseWithContacts(1)
    const { agent, page } = await caseworkerForm(`/cases/${c.id}/contacts`)
    const fields = contactsFormFields(page.text)
    await t.database.db('cases').where({ id: c.id }).increment('version', 1)
    const stale = await agent
      .post(`/cases/${c.id}/contacts`)
      .type('form')
      .send({ ...fields, contact1Phone: '01632 960 999' })
      .expect(409)
    expect(stale.text).toContain('Someone else changed this case after you opened it')
    expect(stale.text).toContain('value="01632 960 999"')

    const fresh = contactsFormFields((await agent.get(`/cases/${c.id}/contacts`).expect(200)).text)
    await t.database.db('family_contacts').insert({
      child_id: c.child_id,
      full_name: 'Added Elsewhere',
      relationship: 'other',
      email: 'elsewhere@example.com',
    })
    await agent
      .post(`/cases/${c.id}/contacts`)
      .type('form')
      .send({ ...fresh, contact1Phone: '01632 960 999' })
      .expect(409)
    expect(await auditFor(c.id, 'contacts_changed')).toHaveLength(0)
  })
})

describe('submitting a case to panel', () => {
  test('a draft case is submitted: its status moves on, it is audited and on the timeline', async () => {
    const c = await freshCase({ status: 'draft', kind: 'assessment_request' })
    const { agent, page, token } = await caseworkerForm(`/cases/${c.id}`)
    expect(page.text).toContain('Submit to panel')
    expect(page.text).toContain(`action="/cases/${c.id}/submit"`)
    const res = await agent
      .post(`/cases/${c.id}/submit`)
      .type('form')
      .send({ _csrf: token, version: c.version })
      .expect(303)
    expect(res.headers.location).toBe(`/cases/${c.id}?changed=submitted`)
    const after = await agent.get(res.headers.location as string).expect(200)
    expect(after.text).toMatch(/Case NS-\d{4}-\d{4} submitted to panel/)
    expect(after.text).toContain('Waiting for a panel')
    expect(after.text).toContain('Submitted to panel</strong>')
    expect(after.text).not.toContain(`action="/cases/${c.id}/submit"`)
    expect(await t.database.db('cases').where({ id: c.id }).first('status', 'version')).toEqual({
      status: 'submitted',
      version: c.version + 1,
    })
    expect(await auditFor(c.id, 'case_submitted')).toHaveLength(1)
  })

  test('issue 14: a submitted case with its papers complete is placed at once, with no one pressing "Place cases"', async () => {
    const c = await freshCase({ status: 'draft', kind: 'assessment_request' })
    await t.database
      .db('cases')
      .where({ id: c.id })
      .update({ papers_complete_on: '2026-11-10', next_deadline_on: '2027-01-20' })
    const { agent, token } = await caseworkerForm(`/cases/${c.id}`)
    const res = await agent
      .post(`/cases/${c.id}/submit`)
      .type('form')
      .send({ _csrf: token, version: c.version })
      .expect(303)
    const flag = await t.database.db('case_queue').where({ case_id: c.id }).first('state', 'sitting_id')
    expect(flag.state).toBe('placed')
    // Issue 14 point 2: the caseworker sees where it was placed, from where, and why, once.
    const sitting = (await t.database
      .db('sittings as s')
      .join('panels as p', 'p.id', 's.panel_id')
      .where('s.id', flag.sitting_id)
      .first('p.name', 's.sitting_on')) as { name: string; sitting_on: string }
    const { reference } = (await t.database.db('cases').where({ id: c.id }).first('reference')) as {
      reference: string
    }
    const page = await agent.get(res.headers.location as string).expect(200)
    expect(page.text).toContain(
      `submitted to panel. It is on the agenda of the ${sitting.name} on ${formatLongDate(sitting.sitting_on)}.`,
    )
    const moves = page.text.slice(page.text.indexOf('id="queue-moves"'))
    expect(moves).toContain('What the queue did at once')
    expect(moves).toContain(`(${reference}):`)
    expect(moves).toContain(`from the queue to ${sitting.name}, ${formatDate(sitting.sitting_on)}.`)
    expect(moves).toContain('It was waiting for a place: this is the earliest sitting that can take it.')
    expect((await agent.get(`/cases/${c.id}`).expect(200)).text).not.toContain('id="queue-moves"')
    expect(
      await t.database.db('agenda_items').where({ case_id: c.id, sitting_id: flag.sitting_id }),
    ).toHaveLength(1)
    expect((await t.database.db('cases').where({ id: c.id }).first('status')).status).toBe('scheduled')
  })

  test('a case that is not a draft is refused with 400 and the reason in the error summary', async () => {
    const c = await freshCase({ status: 'scheduled' })
    const { agent, page, token } = await caseworkerForm(`/cases/${c.id}`)
    expect(page.text).not.toContain('Submit to panel')
    const res = await agent
      .post(`/cases/${c.id}/submit`)
      .type('form')
      .send({ _csrf: token, version: c.version })
      .expect(400)
    expect(res.text).toContain('There is a problem')
    expect(res.text).toContain('Only a draft case can be submitted to panel: this one is on a panel agenda')
    expect(res.text).toContain('href="#case-status"')
    expect((await t.database.db('cases').where({ id: c.id }).first('status')).status).toBe('scheduled')
    expect(await auditFor(c.id, 'case_submitted')).toHaveLength(0)
  })

  test('a stale form is refused with 409', async () => {
    const c = await freshCase({ status: 'draft' })
    const { agent, token } = await caseworkerForm(`/cases/${c.id}`)
    const res = await agent
      .post(`/cases/${c.id}/submit`)
      .type('form')
      .send({ _csrf: token, version: c.version - 1 })
      .expect(409)
    expect(res.text).toContain('Someone else changed this case')
    expect((await t.database.db('cases').where({ id: c.id }).first('status')).status).toBe('draft')
  })

  test('an unknown case is not found', async () => {
    const { agent, token } = await caseworkerForm('/cases')
    await agent
      .post('/cases/00000000-0000-4000-8000-000000000000/submit')
      .type('form')
      .send({ _csrf: token, version: 1 })
      .expect(404)
  })
})

describe('only caseworkers edit a case', () => {
  const OTHERS = [
    'manager@example.org',
    'chair@example.org',
    'member@example.org',
    'parent@example.org',
    'admin@example.org',
  ]

  test.each(OTHERS)('%s cannot see the forms, and cannot post them', async (email) => {
    const c = await t.database
      .db('cases')
      .where({ status: 'draft' })
      .orderBy('reference')
      .first('id', 'version')
    const agent = await signedInAgent(t.app, email)
    const home = await agent.get('/').redirects(1)
    const token = csrfTokenIn(home.text)
    for (const path of ['preference', 'contacts']) {
      const res = await agent.get(`/cases/${c.id}/${path}`)
      expect([403, 404]).toContain(res.status)
    }
    for (const path of ['preference', 'contacts', 'submit']) {
      const res = await agent
        .post(`/cases/${c.id}/${path}`)
        .type('form')
        .send({ _csrf: token, version: c.version, preference: 'Not allowed' })
      expect([403, 404]).toContain(res.status)
    }
    expect(await t.database.db('cases').where({ id: c.id }).first('status', 'version')).toEqual({
      status: 'draft',
      version: c.version,
    })
  })

  test('a manager sees the case but no change links or submit button', async () => {
    const c = await t.database.db('cases').where({ status: 'draft' }).orderBy('reference').first('id')
    const manager = await signedInAgent(t.app, 'manager@example.org')
    const page = await manager.get(`/cases/${c.id}`).expect(200)
    expect(page.text).not.toContain(`/cases/${c.id}/preference`)
    expect(page.text).not.toContain(`/cases/${c.id}/contacts`)
    expect(page.text).not.toContain('Submit to panel')
  })

  test('a caseworker sees the change links', async () => {
    const c = await t.database.db('cases').where({ kind: 'placement' }).orderBy('reference').first('id')
    const { page } = await caseworkerForm(`/cases/${c.id}`)
    expect(page.text).toContain(
      `href="/cases/${c.id}/preference">Change<span class="govuk-visually-hidden"> the family’s preference`,
    )
    expect(page.text).toContain(`href="/cases/${c.id}/contacts">Change<span class="govuk-visually-hidden"> (`)
    expect(page.text).toContain('Add or remove a family contact')
  })
})

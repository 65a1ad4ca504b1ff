import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { hashPassword } from '../../src/services/passwords'
import { csrfTokenIn, DEMO_PASSWORD, signedInAgent } from '../support/app'
import { useDemoApp } from '../support/sittings'
import { formsIn } from '../support/htmlForms'
import { decode } from '../support/formPages'

/**
 * Issue 16 point 2: family access that can be taken away. Removing a contact, changing it into someone else,
 * a caseworker ending access from the case, or an admin closing the account: the account stops seeing the
 * child at once, its sessions end when it sees no child, and an unused invitation stops working.
 */
const { t, db, as } = useDemoApp()

interface Family {
  caseId: string
  childId: string
  contactId: string
  userId: string
  email: string
}

let accounts = 0
const usedChildren = new Set<string>()

/** A submitted case whose child's first contact gets a new family account (not the demo's), for one test. */
async function familyWithAccount(): Promise<Family> {
  const row = (await db()('cases as c')
    .join('family_contacts as fc', 'fc.child_id', 'c.child_id')
    .whereNot('c.status', 'draft')
    .whereNotIn('c.child_id', [...usedChildren])
    .whereNotExists(
      db()('family_contacts as o').whereRaw('o.child_id = c.child_id').whereNotNull('o.user_id'),
    )
    .orderBy('c.reference')
    .first('c.id', 'c.child_id', 'fc.id as contact_id', 'fc.full_name')) as {
    id: string
    child_id: string
    contact_id: string
    full_name: string
  }
  usedChildren.add(row.child_id)
  const email = `family-access-${++accounts}@example.org`
  const [user] = (await db()('users')
    .insert({
      email,
      full_name: row.full_name,
      role: 'family',
      password_hash: await hashPassword(DEMO_PASSWORD),
    })
    .returning('id')) as { id: string }[]
  await db()('family_contacts').where({ id: row.contact_id }).update({ user_id: user!.id, email })
  return { caseId: row.id, childId: row.child_id, contactId: row.contact_id, userId: user!.id, email }
}

/** The contacts form as the page fills it in, one value a field. */
async function contactsForm(agent: TestAgent, caseId: string): Promise<Record<string, string>> {
  const page = await agent.get(`/cases/${caseId}/contacts`).expect(200)
  const form = formsIn(page.text).find((f) => f.action === `/cases/${caseId}/contacts`)!
  return Object.fromEntries(Object.entries(form.fields).map(([k, v]) => [k, v[0]!]))
}

const contactNumber = (fields: Record<string, string>, contactId: string) =>
  Object.entries(fields)
    .find(([k, v]) => /^contact\d+Id$/.test(k) && v === contactId)![0]
    .replace(/Id$/, '')

const sessionsOf = async (userId: string) =>
  Number(
    (
      (await db()('sessions').whereRaw("sess->>'userId' = ?", [userId]).count('* as n').first()) as {
        n: string
      }
    ).n,
  )

const accessEnded = (userId: string) =>
  db()('audit_events').where({ action: 'family_access_ended', entity_type: 'user', entity_id: userId })

async function expectSeesNothingOf(family: TestAgent, f: Family) {
  const home = await family.get('/portal')
  // Signed out (no child left) or still signed in with the child gone: either way nothing of the case.
  if (home.status === 200) expect(home.text).not.toContain(`/portal/cases/${f.caseId}`)
  else expect(home.headers.location).toBe('/sign-in')
  const page = await family.get(`/portal/cases/${f.caseId}`)
  expect([303, 404]).toContain(page.status)
}

describe('removing a contact, or changing who it is, ends the account’s access', () => {
  test('a contact with an account can be removed: the account is signed out and sees nothing of the child', async () => {
    const f = await familyWithAccount()
    const family = await signedInAgent(t().app, f.email)
    expect((await family.get('/portal').expect(200)).text).toContain(`/portal/cases/${f.caseId}`)
    expect(await sessionsOf(f.userId)).toBe(1)

    const { agent } = await as('caseworker@example.org')
    const fields = await contactsForm(agent, f.caseId)
    const p = contactNumber(fields, f.contactId)
    const page = await agent.get(`/cases/${f.caseId}/contacts`)
    expect(decode(page.text)).toContain('ends that account’s access to this child’s case at once')
    await agent
      .post(`/cases/${f.caseId}/contacts`)
      .type('form')
      .send({
        ...fields,
        [`${p}Remove`]: 'yes',
        newContactName: 'Grace Adebayo',
        newContactRelationship: 'carer',
        newContactEmail: 'grace@example.com',
        newContactInterpreter: 'no',
        mainContact: 'new',
      })
      .expect(303)

    expect(await db()('family_contacts').where({ id: f.contactId }).first()).toBeUndefined()
    expect(await sessionsOf(f.userId)).toBe(0)
    await expectSeesNothingOf(family, f)
    const [event] = await accessEnded(f.userId)
    expect(event.details).toMatchObject({ childId: f.childId, reason: 'contact_removed', sessionsEnded: 1 })
    expect(JSON.stringify(event.details)).not.toContain(f.email)
  })

  test('renaming the contact to someone else ends access; a change of capitals alone does not', async () => {
    const f = await familyWithAccount()
    const family = await signedInAgent(t().app, f.email)
    const { agent } = await as('caseworker@example.org')
    let fields = await contactsForm(agent, f.caseId)
    const p = contactNumber(fields, f.contactId)
    await agent
      .post(`/cases/${f.caseId}/contacts`)
      .type('form')
      .send({ ...fields, [`${p}Name`]: ` ${fields[`${p}Name`]!.toUpperCase()} ` })
      .expect(303)
    expect((await db()('family_contacts').where({ id: f.contactId }).first()).user_id).toBe(f.userId)
    await family.get(`/portal/cases/${f.caseId}`).expect(200)

    fields = await contactsForm(agent, f.caseId)
    await agent
      .post(`/cases/${f.caseId}/contacts`)
      .type('form')
      .send({ ...fields, [`${p}Name`]: 'Someone Else Entirely' })
      .expect(303)
    expect((await db()('family_contacts').where({ id: f.contactId }).first()).user_id).toBeNull()
    await expectSeesNothingOf(family, f)
    expect((await accessEnded(f.userId))[0].details).toMatchObject({ reason: 'contact_changed' })
  })

  test('a new email address ends access and voids the invitation sent to the old one', async () => {
    const row = (await db()('cases as c')
      .join('family_contacts as fc', 'fc.child_id', 'c.child_id')
      .whereNot('c.status', 'draft')
      .whereNotIn('c.child_id', [...usedChildren])
      .whereNull('fc.user_id')
      .whereNotNull('fc.email')
      .where('fc.relationship', '<>', 'young_person')
      .orderBy('c.reference')
      .first('c.id', 'c.child_id', 'fc.id as contact_id')) as {
      id: string
      child_id: string
      contact_id: string
    }
    usedChildren.add(row.child_id)
    const { agent, token } = await as('caseworker@example.org')
    await agent
      .post(`/cases/${row.id}/contacts/${row.contact_id}/invite`)
      .type('form')
      .send({ _csrf: token })
      .expect(303)
    const fields = await contactsForm(agent, row.id)
    const p = contactNumber(fields, row.contact_id)
    await agent
      .post(`/cases/${row.id}/contacts`)
      .type('form')
      .send({ ...fields, [`${p}Name`]: 'A Different Person' })
      .expect(303)
    const open = await db()('family_invitations')
      .where({ family_contact_id: row.contact_id })
      .whereNull('withdrawn_at')
      .whereNull('accepted_at')
    expect(open).toEqual([])
  })
})

describe('a caseworker ends a contact’s portal access from the case', () => {
  test('the case page links to a confirmation; the account sees the child no more and, with no child left, is closed', async () => {
    const f = await familyWithAccount()
    const family = await signedInAgent(t().app, f.email)
    const { agent, token } = await as('caseworker@example.org')
    const casePage = await agent.get(`/cases/${f.caseId}`).expect(200)
    expect(casePage.text).toContain(`/cases/${f.caseId}/contacts/${f.contactId}/end-access`)
    const confirm = await agent.get(`/cases/${f.caseId}/contacts/${f.contactId}/end-access`).expect(200)
    expect(decode(confirm.text)).toContain('It is linked to no other child, so it will be closed')
    const done = await agent
      .post(`/cases/${f.caseId}/contacts/${f.contactId}/end-access`)
      .type('form')
      .send({ _csrf: csrfTokenIn(confirm.text) ?? token })
      .expect(303)
    expect(done.headers.location).toBe(`/cases/${f.caseId}?changed=access-ended#family`)
    await expectSeesNothingOf(family, f)
    expect((await db()('users').where({ id: f.userId }).first()).disabled_at).not.toBeNull()
    expect(await sessionsOf(f.userId)).toBe(0)
    // The contact stays, without its account, and can be invited again.
    expect((await db()('family_contacts').where({ id: f.contactId }).first()).user_id).toBeNull()
    const signIn = request.agent(t().app)
    const page = await signIn.get('/sign-in')
    await signIn
      .post('/sign-in')
      .type('form')
      .send({ email: f.email, password: DEMO_PASSWORD, _csrf: csrfTokenIn(page.text) })
      .expect(401)
  })

  test('an account that sees another child keeps that child and its session', async () => {
    const f = await familyWithAccount()
    const other = await familyWithAccount()
    // The same parent for two children: the second contact is linked to the first account too.
    await db()('family_contacts').where({ id: other.contactId }).update({ user_id: f.userId })
    const family = await signedInAgent(t().app, f.email)
    const { agent, token } = await as('caseworker@example.org')
    const confirm = await agent.get(`/cases/${f.caseId}/contacts/${f.contactId}/end-access`).expect(200)
    expect(decode(confirm.text)).toContain('It still sees the other child it is linked to.')
    await agent
      .post(`/cases/${f.caseId}/contacts/${f.contactId}/end-access`)
      .type('form')
      .send({ _csrf: token })
      .expect(303)
    const home = await family.get('/portal').expect(200)
    expect(home.text).not.toContain(`/portal/cases/${f.caseId}`)
    expect(home.text).toContain(`/portal/cases/${other.caseId}`)
    await family.get(`/portal/cases/${f.caseId}`).expect(404)
    await family.get(`/portal/cases/${other.caseId}`).expect(200)
  })

  test('only caseworkers may end access, and a contact without an account is not found', async () => {
    const f = await familyWithAccount()
    const { agent: manager, token } = await as('manager@example.org')
    await manager
      .post(`/cases/${f.caseId}/contacts/${f.contactId}/end-access`)
      .type('form')
      .send({ _csrf: token })
      .expect(403)
    const { agent } = await as('caseworker@example.org')
    const unlinked = (await db()('family_contacts')
      .where({ child_id: f.childId })
      .whereNull('user_id')
      .first('id')) as { id: string } | undefined
    if (unlinked) await agent.get(`/cases/${f.caseId}/contacts/${unlinked.id}/end-access`).expect(404)
    await agent.get(`/cases/${f.caseId}/contacts/not-a-uuid/end-access`).expect(404)
    expect((await db()('family_contacts').where({ id: f.contactId }).first()).user_id).toBe(f.userId)
  })
})

describe('an admin closes a family account', () => {
  test('the list shows each account and its children; closing signs it out and shows nothing after', async () => {
    const f = await familyWithAccount()
    const family = await signedInAgent(t().app, f.email)
    const { agent, token } = await as('admin@example.org')
    expect((await agent.get('/admin').expect(200)).text).toContain('href="/admin/family-accounts"')
    const list = await agent.get('/admin/family-accounts').expect(200)
    expect(list.text).toContain(f.email)
    expect(list.text).toContain(`/admin/family-accounts/${f.userId}/close`)
    await agent.get(`/admin/family-accounts/${f.userId}/close`).expect(200)
    await agent
      .post(`/admin/family-accounts/${f.userId}/close`)
      .type('form')
      .send({ _csrf: token })
      .expect(303)
    await expectSeesNothingOf(family, f)
    expect(await sessionsOf(f.userId)).toBe(0)
    const closed = await db()('audit_events').where({ action: 'family_account_closed', entity_id: f.userId })
    expect(closed).toHaveLength(1)
    expect(decode((await agent.get('/admin/family-accounts').expect(200)).text)).toContain('Closed')
    // A new invitation to the closed account's address is refused with a reason.
    const { agent: caseworker, token: cwToken } = await as('caseworker@example.org')
    const refused = await caseworker
      .post(`/cases/${f.caseId}/contacts/${f.contactId}/invite`)
      .type('form')
      .send({ _csrf: cwToken })
      .expect(400)
    expect(decode(refused.text)).toContain(`The family account for ${f.email} was closed`)
  })

  test('only admins see or close family accounts', async () => {
    const f = await familyWithAccount()
    const { agent, token } = await as('caseworker@example.org')
    await agent.get('/admin/family-accounts').expect(403)
    await agent
      .post(`/admin/family-accounts/${f.userId}/close`)
      .type('form')
      .send({ _csrf: token })
      .expect(403)
    expect((await db()('users').where({ id: f.userId }).first()).disabled_at).toBeNull()
  })
})

import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { csrfTokenIn, signedInAgent, STAFF_NOT_ADMIN } from '../support/app'
import {
  choosePassword,
  createAccountsTestApp,
  linkInOutbox,
  sessionRowsOf,
  type AccountsTestApp,
} from '../support/accounts'
import { inlineError, summaryLinks, decode } from '../support/formPages'
import { LAST_ADMIN_MESSAGE } from '../../src/domain/staffAccounts'
import { dataLayer } from '../../src/data'
import { testServices as services } from '../support/services'

let t: AccountsTestApp
let admin: TestAgent
let token: string
beforeAll(async () => {
  t = await createAccountsTestApp()
  admin = await signedInAgent(t.app, 'admin@example.org')
  token = csrfTokenIn((await admin.get('/admin/staff').expect(200)).text)
}, 120_000)
afterAll(() => t.close())

const db = () => t.database.db
const post = (path: string, fields: Record<string, string> = {}) =>
  admin
    .post(path)
    .type('form')
    .send({ _csrf: token, ...fields })
const userIdOf = async (email: string): Promise<string> =>
  ((await db()('users').whereRaw('lower(email) = lower(?)', [email]).first('id')) as { id: string }).id
const versionOf = async (id: string): Promise<string> =>
  String(((await db()('users').where({ id }).first('version')) as { version: number }).version)

const GOOD_PASSWORD = 'copper lantern meadow 58'

async function addPerson(fields: { fullName: string; email: string; role: string }): Promise<string> {
  const res = await post('/admin/staff/new', fields).expect(303)
  const id = /^\/admin\/staff\/([0-9a-f-]{36})\?done=added$/.exec(res.headers.location!)?.[1]
  expect(id).toBeDefined()
  return id!
}

describe('staff accounts', () => {
  test('the staff list shows council staff and not families, and links to adding a person and the panels', async () => {
    const res = await admin.get('/admin/staff').expect(200)
    expect(res.text).toContain('caseworker@example.org')
    expect(res.text).toContain('admin@example.org')
    expect(res.text).not.toContain('parent@example.org')
    expect(res.text).toContain('href="/admin/staff/new"')
    expect(res.text).toContain('href="/admin"')
    // Staff is in the admin's navigation, and is the one current item here.
    expect(res.text).toMatch(/href="\/admin\/staff" aria-current="true"/)
    expect(res.text).not.toMatch(/href="\/admin" aria-current/)
    // Every signed-in page links to changing one's own password.
    expect(res.text).toContain('href="/account/password"')
  })

  test('an admin adds a caseworker, who is e-mailed a link, sets a password (a weak one refused) and signs in', async () => {
    const form = await admin.get('/admin/staff/new').expect(200)
    expect(form.text).toContain('name="_csrf"')
    const id = await addPerson({
      fullName: 'Priya Raman',
      email: 'Priya.Raman@example.org',
      role: 'caseworker',
    })
    const row = await db()('users').where({ id }).first()
    expect(row).toMatchObject({
      full_name: 'Priya Raman',
      role: 'caseworker',
      password_hash: null,
      disabled_at: null,
    })

    const page = await admin.get(`/admin/staff/${id}?done=added`).expect(200)
    expect(decode(page.text)).toContain('We have e-mailed Priya.Raman@example.org a link to set a password')
    expect(page.text).toContain('Account added as Caseworker, and a set-up link e-mailed')
    expect(page.text).toContain('Leanne Doyle')

    const link = await linkInOutbox(t, 'Priya.Raman@example.org', 'staff_account_set_up')
    expect(link?.url).toMatch(/^https:\/\/panel\.example\.gov\.uk\/set-up-account\//)
    // Only the token's hash is stored.
    const stored = await db()('password_links').where({ user_id: id }).first()
    expect(stored.token_hash).not.toContain(link!.token)
    expect(stored.expires_at.getTime() - stored.created_at.getTime()).toBe(7 * 24 * 3_600_000)

    const before = Number((await db()('sessions').count({ n: '*' }))[0]!.n)
    const weak = await choosePassword(t.app, link!.path, 'password1234', 400)
    expect(inlineError(weak.text, 'password')).toMatch(/commonly used password.*harder to guess/)
    const named = await choosePassword(t.app, link!.path, 'raman copper lantern 58', 400)
    expect(inlineError(named.text, 'password')).toBe('Password must not contain your name')
    const emailed = await choosePassword(t.app, link!.path, 'x priya.raman lantern 58', 400)
    expect(inlineError(emailed.text, 'password')).toBe('Password must not contain your email address')
    const done = await choosePassword(t.app, link!.path, GOOD_PASSWORD, 200)
    expect(done.text).toContain('Your account is set up')
    // The anonymous set-up pages stored no session.
    expect(Number((await db()('sessions').count({ n: '*' }))[0]!.n)).toBe(before)
    // The link works once.
    await choosePassword(t.app, link!.path, GOOD_PASSWORD, 410)

    const priya = await signedInAgent(t.app, 'priya.raman@example.org', GOOD_PASSWORD)
    await priya.get('/cases').expect(200)
    const audit = await db()('audit_events').where({ entity_id: id }).orderBy('id').pluck('action')
    expect(audit).toEqual(expect.arrayContaining(['staff_account_added', 'password_set_up', 'signed_in']))
  })

  test('an email already in use, whatever its case, is refused by its field and what was typed is kept', async () => {
    const res = await post('/admin/staff/new', {
      fullName: 'Second Caseworker',
      email: 'CASEWORKER@example.org',
      role: 'caseworker',
    }).expect(400)
    expect(inlineError(res.text, 'email')).toMatch(/^There is already an account with this email address/)
    expect(summaryLinks(res.text)[0]![0]).toBe('#email')
    expect(res.text).toContain('value="Second Caseworker"')
    // A family's address is taken too.
    const family = await post('/admin/staff/new', {
      fullName: 'A Parent',
      email: 'parent@example.org',
      role: 'member',
    }).expect(400)
    expect(inlineError(family.text, 'email')).toMatch(/^There is already an account/)
    const blank = await post('/admin/staff/new', {
      fullName: '',
      email: 'not an email',
      role: 'family',
    }).expect(400)
    expect(summaryLinks(blank.text).map(([href]) => href)).toEqual(['#fullName', '#email', '#role'])
  })

  test('disabling signs the person out on their next request and stops sign-in; enabling lets them back', async () => {
    const email = 'caseworker@example.org'
    const id = await userIdOf(email)
    const caseworker = await signedInAgent(t.app, email)
    await caseworker.get('/cases').expect(200)
    expect(await sessionRowsOf(t, id)).toBeGreaterThan(0)

    await post(`/admin/staff/${id}/disable`, { version: await versionOf(id) }).expect(303)
    expect(await sessionRowsOf(t, id)).toBe(0)
    const next = await caseworker.get('/cases').expect(303)
    expect(next.headers.location).toBe('/sign-in')
    const signIn = request.agent(t.app)
    const page = await signIn.get('/sign-in')
    await signIn
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), email, password: 'test-demo-password' })
      .expect(401)
    const account = await admin.get(`/admin/staff/${id}`).expect(200)
    expect(account.text).toContain('Account disabled, and its sessions ended')

    await post(`/admin/staff/${id}/enable`, { version: await versionOf(id) }).expect(303)
    const back = await signedInAgent(t.app, email)
    await back.get('/cases').expect(200)
    expect((await admin.get(`/admin/staff/${id}`)).text).toContain('Account enabled again')
  })

  test('the last active admin can be neither disabled nor demoted, and two admins cannot race past it', async () => {
    const adminId = await userIdOf('admin@example.org')
    const disable = await post(`/admin/staff/${adminId}/disable`, {
      version: await versionOf(adminId),
    }).expect(409)
    expect(inlineError(disable.text, 'disable')).toBe(LAST_ADMIN_MESSAGE)
    const demote = await post(`/admin/staff/${adminId}/edit`, {
      fullName: 'Leanne Doyle',
      email: 'admin@example.org',
      role: 'manager',
      version: await versionOf(adminId),
    }).expect(400)
    expect(inlineError(demote.text, 'role')).toBe(LAST_ADMIN_MESSAGE)
    expect(await db()('users').where({ id: adminId }).first('role', 'disabled_at')).toEqual({
      role: 'admin',
      disabled_at: null,
    })

    // With a second admin, each removes themselves at once (the routes' role check passed for both):
    // the lock lets one through and refuses the other, whichever goes first.
    const secondId = await addPerson({
      fullName: 'Omar Haddad',
      email: 'omar.haddad@example.org',
      role: 'admin',
    })
    const staff = services(dataLayer(db()), t.clock).staffAccounts
    const leanne = (await dataLayer(db()).users.findById(adminId))!
    const omar = (await dataLayer(db()).users.findById(secondId))!
    const [a, b] = await Promise.all([
      staff.setDisabled(leanne, adminId, true, Number(await versionOf(adminId))),
      staff.update(
        omar,
        secondId,
        { fullName: omar.fullName, email: omar.email, role: 'member' },
        Number(await versionOf(secondId)),
      ),
    ])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    expect([a, b].find((r) => !r.ok)).toMatchObject({ reason: 'invalid', message: LAST_ADMIN_MESSAGE })
    expect(await db()('users').where({ role: 'admin' }).whereNull('disabled_at').pluck('id')).toHaveLength(1)
    // Put the demo's admin back for the tests after this one.
    if (a.ok) {
      await staff.setDisabled(omar, adminId, false, Number(await versionOf(adminId)))
      admin = await signedInAgent(t.app, 'admin@example.org')
      token = csrfTokenIn((await admin.get('/admin/staff').expect(200)).text)
    }
  })

  test('a stale save is refused, showing what was saved and keeping what was typed', async () => {
    const id = await userIdOf('member@example.org')
    const form = await admin.get(`/admin/staff/${id}/edit`).expect(200)
    const version = /name="version" value="(\d+)"/.exec(form.text)![1]!
    // Another admin's save lands first.
    await post(`/admin/staff/${id}/edit`, {
      fullName: 'Grace Okafor-Bell',
      email: 'member@example.org',
      role: 'member',
      version,
    }).expect(303)
    const stale = await post(`/admin/staff/${id}/edit`, {
      fullName: 'Typed But Stale',
      email: 'member@example.org',
      role: 'chair',
      version,
    }).expect(409)
    expect(decode(stale.text)).toContain('Someone else changed this account after you opened the page')
    expect(stale.text).toContain('Grace Okafor-Bell')
    expect(stale.text).toContain('value="Typed But Stale"')
    expect(stale.text).toMatch(/value="chair"[^>]*checked/)
    expect((await db()('users').where({ id }).first('full_name')).full_name).toBe('Grace Okafor-Bell')
    // Saving again from that page is a deliberate choice, and works.
    const newVersion = /name="version" value="(\d+)"/.exec(stale.text)![1]!
    await post(`/admin/staff/${id}/edit`, {
      fullName: 'Typed But Stale',
      email: 'member@example.org',
      role: 'chair',
      version: newVersion,
    }).expect(303)
    const page = await admin.get(`/admin/staff/${id}`).expect(200)
    expect(page.text).toContain('Changed the name and role (from Panel member to Panel chair)')
    // A stale disable changes nothing.
    await post(`/admin/staff/${id}/disable`, { version }).expect(303)
    expect((await db()('users').where({ id }).first('disabled_at')).disabled_at).toBeNull()
  })

  test('re-sending a set-up link voids the old one', async () => {
    const id = await addPerson({ fullName: 'Tom Ashby', email: 'tom.ashby@example.org', role: 'manager' })
    const first = await linkInOutbox(t, 'tom.ashby@example.org', 'staff_account_set_up')
    await post(`/admin/staff/${id}/resend`).expect(303)
    const second = await linkInOutbox(t, 'tom.ashby@example.org', 'staff_account_set_up')
    expect(second!.token).not.toBe(first!.token)
    await request(t.app).get(first!.path).expect(404)
    await choosePassword(t.app, second!.path, GOOD_PASSWORD, 200)
    const again = await post(`/admin/staff/${id}/resend`).expect(409)
    expect(inlineError(again.text, 'resend')).toMatch(/has already set a password/)
  })

  test('families are not staff: their accounts have no staff page', async () => {
    await admin.get(`/admin/staff/${await userIdOf('parent@example.org')}`).expect(404)
    await admin.get('/admin/staff/not-a-uuid').expect(404)
  })

  test('every staff route refuses everyone but admins with 403', async () => {
    const id = await userIdOf('caseworker@example.org')
    for (const email of [...STAFF_NOT_ADMIN, 'parent@example.org']) {
      const agent = await signedInAgent(t.app, email)
      const page = await agent.get('/account/password').expect(200)
      const csrf = csrfTokenIn(page.text)
      for (const path of [
        '/admin/staff',
        '/admin/staff/new',
        `/admin/staff/${id}`,
        `/admin/staff/${id}/edit`,
      ])
        await agent.get(path).expect(403)
      for (const path of [
        '/admin/staff/new',
        `/admin/staff/${id}/edit`,
        `/admin/staff/${id}/disable`,
        `/admin/staff/${id}/enable`,
        `/admin/staff/${id}/resend`,
      ])
        await agent.post(path).type('form').send({ _csrf: csrf, version: '1' }).expect(403)
    }
  })
})

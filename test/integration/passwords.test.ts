import request from 'supertest'
import { csrfTokenIn, DEMO_PASSWORD, signedInAgent } from '../support/app'
import {
  choosePassword,
  createAccountsTestApp,
  linkInOutbox,
  sessionRowsOf,
  type AccountsTestApp,
} from '../support/accounts'
import { decode, inlineError } from '../support/formPages'

let t: AccountsTestApp
beforeAll(async () => {
  t = await createAccountsTestApp()
}, 120_000)
afterAll(() => t.close())

const db = () => t.database.db
const userIdOf = async (email: string): Promise<string> =>
  ((await db()('users').where({ email }).first('id')) as { id: string }).id
const sessionRows = async () => Number((await db()('sessions').count({ n: '*' }))[0]!.n)
const NEW_PASSWORD = 'harbour violet compass 73'

async function canSignIn(email: string, password: string): Promise<boolean> {
  const agent = request.agent(t.app)
  const page = await agent.get('/sign-in').expect(200)
  const res = await agent
    .post('/sign-in')
    .type('form')
    .send({ _csrf: csrfTokenIn(page.text), email, password })
  return res.status === 303
}

async function askForReset(email: string, status = 200) {
  const visitor = request.agent(t.app)
  const page = await visitor.get('/forgotten-password').expect(200)
  return visitor
    .post('/forgotten-password')
    .type('form')
    .send({ _csrf: csrfTokenIn(page.text), email })
    .expect(status)
}

describe('changing a password when signed in', () => {
  test('needs the current password and the password rule; other sessions end, this one stays', async () => {
    const email = 'chair@example.org'
    const id = await userIdOf(email)
    const here = await signedInAgent(t.app, email)
    const elsewhere = await signedInAgent(t.app, email)
    const page = await here.get('/account/password').expect(200)
    const csrf = csrfTokenIn(page.text)
    const change = (fields: Record<string, string>) =>
      here
        .post('/account/password')
        .type('form')
        .send({ _csrf: csrf, ...fields })

    const wrong = await change({
      currentPassword: 'not it',
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    })
    expect(wrong.status).toBe(400)
    expect(inlineError(wrong.text, 'currentPassword')).toBe('The current password is not correct')
    const weak = await change({ currentPassword: DEMO_PASSWORD, password: 'lamp', confirmPassword: 'lamp' })
    expect(inlineError(weak.text, 'password')).toBe('Password must be 12 characters or more')
    const spaces = await change({
      currentPassword: DEMO_PASSWORD,
      password: ' '.repeat(14),
      confirmPassword: '',
    })
    expect(inlineError(spaces.text, 'password')).toBe('Password must not be only spaces')
    const named = await change({
      currentPassword: DEMO_PASSWORD,
      password: 'whitaker lamp harbour',
      confirmPassword: 'whitaker lamp harbour',
    })
    expect(inlineError(named.text, 'password')).toBe('Password must not contain your name')
    const mismatch = await change({
      currentPassword: DEMO_PASSWORD,
      password: NEW_PASSWORD,
      confirmPassword: 'x',
    })
    expect(inlineError(mismatch.text, 'confirmPassword')).toBe('Enter the same password again to confirm it')

    expect(await sessionRowsOf(t, id)).toBe(2)
    const done = await change({
      currentPassword: DEMO_PASSWORD,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    }).expect(303)
    expect(done.headers.location).toBe('/account/password?done=changed')
    expect((await here.get('/account/password?done=changed').expect(200)).text).toContain(
      'Your password has been changed',
    )
    expect(await sessionRowsOf(t, id)).toBe(1)
    expect((await elsewhere.get('/sittings').expect(303)).headers.location).toBe('/sign-in')
    await here.get('/sittings').expect(200)
    expect(await canSignIn(email, DEMO_PASSWORD)).toBe(false)
    expect(await canSignIn(email, NEW_PASSWORD)).toBe(true)
    expect(await db()('audit_events').where({ entity_id: id, action: 'password_changed' })).toHaveLength(1)
  })

  test('families can change their password too, and signed-out visitors are sent to sign in', async () => {
    const parent = await signedInAgent(t.app, 'parent@example.org')
    const page = await parent.get('/account/password').expect(200)
    expect(page.text).toContain('Change your password')
    expect(page.text).toContain('href="/account/password"')
    await request(t.app).get('/account/password').expect(303)
  })
})

describe('forgotten password', () => {
  test('the sign-in page links to it', async () => {
    const page = await request(t.app).get('/sign-in').expect(200)
    expect(page.text).toContain('href="/forgotten-password"')
    expect(page.text).toContain('Forgotten your password?')
  })

  test('the answer is the same whether or not the address has an account; disabled accounts get no mail', async () => {
    const before = await sessionRows()
    const known = await askForReset('Manager@Example.org')
    const unknown = await askForReset('nobody.here@example.org')
    const same = (html: string, email: string) => decode(html).replace(email, 'EMAIL')
    expect(same(known.text, 'Manager@Example.org')).toBe(same(unknown.text, 'nobody.here@example.org'))
    expect(known.text).toContain('Check your email')
    expect(await linkInOutbox(t, 'manager@example.org', 'password_reset_requested')).toBeDefined()
    expect(await db()('email_outbox').where({ to_address: 'nobody.here@example.org' })).toHaveLength(0)

    await db()('users').where({ email: 'member@example.org' }).update({ disabled_at: t.clock.now() })
    await askForReset('member@example.org')
    expect(await db()('email_outbox').where({ to_address: 'member@example.org' })).toHaveLength(0)
    await db()('users').where({ email: 'member@example.org' }).update({ disabled_at: null })
    // None of these anonymous pages stored a session.
    expect(await sessionRows()).toBe(before)

    const bad = await askForReset('not an address', 400)
    expect(inlineError(bad.text, 'email')).toMatch(/correct format/)
  })

  test('the link works once, within the hour, ends every session and voids the other links', async () => {
    const email = 'caseworker@example.org'
    const id = await userIdOf(email)
    const signedIn = await signedInAgent(t.app, email)
    await askForReset(email)
    const first = await linkInOutbox(t, email, 'password_reset_requested')
    expect(first!.url).toMatch(/^https:\/\/panel\.example\.gov\.uk\/reset-password\//)
    // A second request voids the first link.
    await askForReset(email)
    const second = await linkInOutbox(t, email, 'password_reset_requested')
    expect(second!.token).not.toBe(first!.token)
    await request(t.app).get(first!.path).expect(404)

    const before = await sessionRows()
    const weak = await choosePassword(t.app, second!.path, 'caseworker 2026 lamp', 400)
    expect(inlineError(weak.text, 'password')).toBe('Password must not contain your email address')
    expect(await sessionRows()).toBe(before)

    t.clock.advanceMinutes(59)
    await choosePassword(t.app, second!.path, NEW_PASSWORD, 200)
    expect(await sessionRowsOf(t, id)).toBe(0)
    expect((await signedIn.get('/cases').expect(303)).headers.location).toBe('/sign-in')
    await choosePassword(t.app, second!.path, NEW_PASSWORD, 410)
    expect(await canSignIn(email, NEW_PASSWORD)).toBe(true)
    const audited = await db()('audit_events').where({ entity_id: id, action: 'password_reset' }).first()
    expect(audited.actor_user_id).toBe(id)
    expect(
      await db()('password_links').where({ user_id: id }).whereNull('used_at').whereNull('voided_at'),
    ).toHaveLength(0)
  })

  test('a reset link stops working after an hour', async () => {
    const email = 'admin@example.org'
    await askForReset(email)
    const link = await linkInOutbox(t, email, 'password_reset_requested')
    t.clock.advanceMinutes(60)
    const page = await request(t.app).get(link!.path).expect(410)
    expect(page.text).toContain('The link has expired')
    await choosePassword(t.app, link!.path, NEW_PASSWORD, 410)
    expect(await canSignIn(email, DEMO_PASSWORD)).toBe(true)
  })

  test('the request form is rate-limited per address asked about', async () => {
    for (let i = 0; i < 3; i++) await askForReset('limited@example.org')
    const limited = await askForReset('limited@example.org', 429)
    expect(limited.text).toContain('You have tried too many times')
  })
})

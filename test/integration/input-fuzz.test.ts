import crypto from 'node:crypto'
import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { hashToken } from '../../src/services/invitations'
import { TEST_TODAY } from '../support/app'
import { formsIn, type FoundForm } from '../support/htmlForms'
import { patternRegExp, routesOf, type RouteEntry } from '../support/routes'
import { agendaOf, panelId, sittingOn, useDemoApp, userId } from '../support/sittings'

/**
 * Bad input never gives a 500. Every form the app posts is found from its own router table: each GET
 * route is opened (with real demo ids, as the first demo account allowed to), the forms on the pages
 * are read, and each of their fields is sent a NUL byte, a repeated field, 100,000 characters,
 * right-to-left text and emoji, the rest of the form as the page filled it in.
 */

const { t, db, as } = useDemoApp()

// Staff before families: the first account a page opens for is the one that uses its forms.
const ACCOUNTS = [
  'caseworker@example.org',
  'chair@example.org',
  'admin@example.org',
  'manager@example.org',
  'member@example.org',
  'parent@example.org',
]

/** Fewer than this and the router walk has stopped seeing routes (an Express upgrade, say). */
const KNOWN_MINIMUM_POST_ROUTES = 45
const KNOWN_MINIMUM_GET_ROUTES = 60

const CONTROL = 'control characters'
const KINDS: Record<string, (base: string) => string | string[]> = {
  // NUL is what PostgreSQL refuses; the escape is one of the others the same rule refuses.
  [CONTROL]: (base) => `${base}\u0000\u001b[2J`,
  'a repeated field': (base) => [base, base === 'x' ? 'y' : 'x'],
  '100,000 characters': () => 'a'.repeat(100_000),
  'right-to-left text': () => 'مرحبا بالعالم \u202Eעברית\u202C',
  emoji: () => '👩‍👩‍👧 🎉 🇬🇧',
}

/**
 * Typed fields a form reads only in some cases, which the demo's form does not meet: ignored, they are
 * stored nowhere (the scan of the database below checks that), so there is nothing for them to refuse.
 */
const IGNORED: [RegExp, RegExp][] = [
  // The readability hint scores what the chair types and stores nothing.
  [/\/readability$/, /./],
  // A second contact, and a new one, are read only once a name, address, email or phone is typed.
  [/^\/cases\/new$/, /^contact2/],
  [/\/contacts$/, /^newContact/],
  // Review dates belong to annual reviews and phase transfers only.
  [/^\/cases\/new$/, /^review(Meeting|Notice)-/],
  // The day of a move is read only for a move between post-16 institutions (reg 18(2)); other moves have a year.
  [/^\/cases\/[^/]+\/steps$/, /^transferOn-/],
]

interface Target {
  action: string
  form: FoundForm
  /** The account whose page showed the form; undefined for a signed-out visitor's. */
  account: string | undefined
  /** The page that showed it, opened again after a save for the form's new version. */
  page: string
}

let routes: RouteEntry[]
let targets: Target[]
let unreached: string[]
let invitationToken: string
let staffAccount: { userId: string; setUpToken: string; resetToken: string }

/** Real ids from the demo council for each route parameter, in three situations, so that more of each route's forms appear. */
async function demoIds(): Promise<Record<string, string>[]> {
  const writeUp = await sittingOn(db(), 'send_decision', previousTuesday(TEST_TODAY))
  const agenda = await agendaOf(db(), writeUp)
  const send = await panelId(db(), 'send_decision')
  const parent = await userId(db(), 'parent@example.org')
  // Maya's two cases: one decided (its letter), one going to panel (the family's views form).
  const familyCases = (await db()('cases as c')
    .join('family_contacts as fc', 'fc.child_id', 'c.child_id')
    .where('fc.user_id', parent)
    .orderBy('c.received_on')
    .select('c.id')) as { id: string }[]
  const familyCase = familyCases[0]!
  const laterFamilyCase = familyCases[familyCases.length - 1]!
  const summer = (await db()('sittings')
    .where({ is_summer: true, status: 'scheduled' })
    .where('sitting_on', '>', TEST_TODAY)
    .orderBy('sitting_on')
    .first('id')) as { id: string } | undefined
  const draft = (await db()('cases').where({ status: 'draft' }).first('id')) as { id: string }
  // An ended case, whose page has the reopen form.
  const closed = (await db()('cases').where({ status: 'closed' }).orderBy('reference').first('id')) as {
    id: string
  }
  const approved = (await db()('minutes').where({ status: 'approved' }).first('sitting_id')) as
    { sitting_id: string } | undefined
  const future = (await db()('sittings')
    .where({ panel_id: send, status: 'scheduled' })
    .where('sitting_on', '>', TEST_TODAY)
    .orderBy('sitting_on')
    .first('id')) as { id: string }
  const first = async (table: string, where: Record<string, unknown> = {}, column = 'id') =>
    String(
      (
        (await db()(table).where(where).orderBy(column).first(column)) as Record<string, unknown> | undefined
      )?.[column] ?? crypto.randomUUID(),
    )
  const contactOf = async (caseId: string) =>
    String(
      (
        (await db()('family_contacts as fc')
          .join('cases as c', 'c.child_id', 'fc.child_id')
          .where('c.id', caseId)
          .first('fc.id')) as { id: string } | undefined
      )?.id ?? crypto.randomUUID(),
    )
  const letterOf = async (caseId: string) => first('letters', { case_id: caseId })
  const shared = {
    panelId: send,
    memberId: await first('panel_members', { panel_id: send }),
    termId: await first('school_terms'),
    // Bank holidays come from the rule, with only the council's changes stored: Christmas Day is one.
    date: '2026-12-25',
    jargonId: await first('jargon_terms'),
    declarationId: await first('declarations'),
    guestId: await first('sitting_guests'),
    token: invitationToken,
    ...staffAccount,
    summerSitting: summer?.id ?? crypto.randomUUID(),
    batchId: await first('letter_batches'),
    // The family account an admin may close (staff pages' :userId is the fuzz's own staff account).
    familyUserId: parent,
    // A child the data protection officer opens for a subject access request.
    childId: await first('children'),
    version: '1',
  }
  const caseOnAgenda = agenda[0]!.caseId
  return [
    {
      ...shared,
      sitting: writeUp,
      agendaCase: caseOnAgenda,
      case: caseOnAgenda,
      familyCase: familyCase.id,
      contactId: await contactOf(caseOnAgenda),
      letterId: await letterOf(caseOnAgenda),
      decisionId: await first('decisions', { case_id: caseOnAgenda }),
    },
    {
      ...shared,
      sitting: approved?.sitting_id ?? writeUp,
      agendaCase: caseOnAgenda,
      case: familyCase.id,
      familyCase: familyCase.id,
      contactId: await contactOf(familyCase.id),
      letterId: await letterOf(familyCase.id),
      decisionId: await first('decisions', { case_id: familyCase.id }),
    },
    {
      ...shared,
      sitting: future.id,
      agendaCase: caseOnAgenda,
      case: draft.id,
      familyCase: laterFamilyCase.id,
      contactId: await contactOf(draft.id),
      letterId: await letterOf(draft.id),
      decisionId: await first('decisions', { case_id: draft.id }),
    },
    {
      ...shared,
      sitting: writeUp,
      agendaCase: caseOnAgenda,
      case: closed.id,
      familyCase: familyCase.id,
      contactId: await contactOf(closed.id),
      letterId: await letterOf(closed.id),
      decisionId: await first('decisions', { case_id: closed.id }),
    },
  ]
}

function previousTuesday(day: string): string {
  const date = new Date(`${day}T12:00:00Z`)
  do date.setUTCDate(date.getUTCDate() - 1)
  while (date.getUTCDay() !== 2)
  return date.toISOString().slice(0, 10)
}

/** A route pattern with its parameters filled in; :id is a case under /cases and a sitting elsewhere. */
function fill(pattern: string, ids: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (_m, name: string) => {
    if (name === 'id' && pattern.startsWith('/summer-sittings')) return ids.summerSitting!
    if (name === 'id') return pattern.startsWith('/cases') ? ids.case! : ids.sitting!
    if (name === 'caseId') return pattern.startsWith('/portal') ? ids.familyCase! : ids.agendaCase!
    if (name === 'userId' && pattern.startsWith('/admin/family-accounts')) return ids.familyUserId!
    if (name === 'token' && pattern.startsWith('/set-up-account')) return ids.setUpToken!
    if (name === 'token' && pattern.startsWith('/reset-password')) return ids.resetToken!
    const value = ids[name]
    if (value === undefined) throw new Error(`No demo id for :${name} in ${pattern}`)
    return value
  })
}

/** Pages that are not HTML forms: files, feeds and the JSON calculator. */
const NOT_PAGES = /\.(pdf|ics)$|^\/feeds\/|^\/api\/|^\/health$/

async function createInvitation(): Promise<string> {
  const contact = (await db()('family_contacts')
    .whereNull('user_id')
    .whereNotNull('email')
    .first('id', 'email')) as { id: string; email: string }
  const token = crypto.randomBytes(32).toString('base64url')
  await db()('family_invitations').insert({
    family_contact_id: contact.id,
    email: contact.email,
    token_hash: hashToken(token),
    invited_by: await userId(db(), 'caseworker@example.org'),
    expires_at: '2099-01-01T00:00:00Z',
  })
  return token
}

/**
 * A staff account of its own, not yet set up, with working set-up and reset links: its forms can be
 * sent anything (even disabled) without signing a demo account out.
 */
async function createStaffAccount(): Promise<typeof staffAccount> {
  const [row] = (await db()('users')
    .insert({ email: 'fuzz.staff@example.org', full_name: 'Fuzz Staff', role: 'caseworker' })
    .returning('id')) as { id: string }[]
  const link = async (purpose: string) => {
    const token = crypto.randomBytes(32).toString('base64url')
    await db()('password_links').insert({
      user_id: row!.id,
      purpose,
      token_hash: hashToken(token),
      created_at: '2026-01-01T00:00:00Z',
      expires_at: '2099-01-01T00:00:00Z',
    })
    return token
  }
  return { userId: row!.id, setUpToken: await link('set_up'), resetToken: await link('reset') }
}

/** Every text and jsonb column holding the escape character the fuzz sends: what a form let through. */
async function storedControlCharacters(): Promise<string[]> {
  const columns = (await db()('information_schema.columns')
    .where('table_schema', db().raw('current_schema()'))
    .whereIn('data_type', ['text', 'character varying', 'jsonb'])
    .select('table_name', 'column_name', 'data_type')) as {
    table_name: string
    column_name: string
    data_type: string
  }[]
  const found: string[] = []
  for (const c of columns) {
    // jsonb keeps it escaped as \u001b; text keeps the character itself.
    const needle = c.data_type === 'jsonb' ? '\\u001b' : '\u001b'
    const row = (await db()(c.table_name)
      .whereRaw('strpos(??::text, ?) > 0', [c.column_name, needle])
      .first(db().raw('1 as hit'))) as { hit: number } | undefined
    if (row) found.push(`${c.table_name}.${c.column_name}`)
  }
  return found
}

let signedOut: TestAgent | undefined
/** A demo account's agent, or one signed-out visitor's (keeping the CSRF cookie its pages' tokens belong to). */
async function agentFor(account: string | undefined): Promise<{ agent: TestAgent; token: string }> {
  if (account) return as(account)
  signedOut ??= request.agent(t().app)
  return { agent: signedOut, token: '' }
}

beforeAll(async () => {
  routes = routesOf(t().app)
  invitationToken = await createInvitation()
  staffAccount = await createStaffAccount()
  const idSets = await demoIds()
  const byAction = new Map<string, Target>()
  const pages = routes.filter((r) => r.method === 'GET' && !NOT_PAGES.test(r.path))
  for (const route of pages) {
    const urls = new Set(idSets.map((ids) => fill(route.path, ids)))
    for (const url of urls) {
      const forVisitors =
        url === '/sign-in' || /^\/(invitations|set-up-account|reset-password|forgotten-password)\b/.test(url)
      for (const account of forVisitors ? [undefined] : ACCOUNTS) {
        const { agent } = await agentFor(account)
        const res = await agent.get(url)
        if (res.status !== 200 || !/text\/html/.test(res.headers['content-type'] ?? '')) continue
        for (const form of formsIn(res.text)) {
          const action = form.action.split(/[?#]/)[0]!
          if (!byAction.has(action)) byAction.set(action, { action, form, account, page: url })
        }
        break
      }
    }
  }
  // Forms that change the most (cancelling, removing, signing out) go last, so that the others still find what they change.
  const late =
    /(cancel|delete|remove|approve|lock|submit|turn-off|send-back|move|close|end-access|end|reopen)$/
  const rank = (action: string) => (action === '/sign-out' ? 2 : late.test(action) ? 1 : 0)
  targets = [...byAction.values()].sort((a, b) => rank(a.action) - rank(b.action))
  const posts = routes.filter((r) => r.method === 'POST')
  unreached = posts
    .filter((r) => !targets.some((target) => patternRegExp(r.path).test(target.action)))
    .map((r) => r.path)
}, 300_000)

describe('the router table', () => {
  test('lists the app’s routes, mount paths included', () => {
    const posts = routes.filter((r) => r.method === 'POST').map((r) => r.path)
    expect(posts.length).toBeGreaterThanOrEqual(KNOWN_MINIMUM_POST_ROUTES)
    expect(routes.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(KNOWN_MINIMUM_GET_ROUTES)
    expect(posts).toEqual(
      expect.arrayContaining([
        '/sign-in',
        '/cases/new',
        '/sittings/:id/items/:caseId/decision',
        '/portal/cases/:caseId/views',
        '/admin/panels/:panelId/members/new',
        '/invitations/:token',
      ]),
    )
  })

  test('a form is found for nearly every POST route', () => {
    // Routes whose form the demo council's pages do not show at TEST_TODAY; they get the generic fields below.
    // At TEST_TODAY: the apology letter, guest and declaration removals, and minutes approval need records
    // the demo has not made yet; the logo's removal needs a logo.
    // Restoring a bank holiday needs one the council has removed, which the demo has not; turning a summer
    // sitting back on needs one turned off, and enabling a staff account one that is disabled.
    expect(unreached.length).toBeLessThanOrEqual(8)
  })
})

describe('bad input never gives a 5xx', () => {
  test('every field of every form, with each kind of bad value', async () => {
    const failures: string[] = []
    const notRefused: string[] = []
    let sent = 0
    for (const target of targets) {
      const { agent, token } = await agentFor(target.account)
      const fieldNames = Object.keys(target.form.fields)
      for (const field of fieldNames) {
        for (const [kind, make] of Object.entries(KINDS)) {
          const body = new URLSearchParams()
          for (const [name, values] of Object.entries(target.form.fields)) {
            const chosen = name === field ? make(values[0] ?? '') : values
            for (const value of ([] as string[]).concat(chosen)) body.append(name, value)
          }
          let req = agent.post(target.action).type('form')
          if (token) req = req.set('X-CSRF-Token', token)
          const res = await req.send(body.toString())
          sent++
          if (res.status < 400) {
            // Saved: the page's form now carries a new version, without which every later post would be stale.
            const again = await agent.get(target.page)
            const fresh = formsIn(again.text).find((f) => f.action.split(/[?#]/)[0] === target.action)
            if (fresh) target.form = { ...fresh, typed: target.form.typed }
          }
          if (res.status >= 500) failures.push(`${res.status}: ${kind} in ${field} of ${target.action}`)
          // Typed into a box, they are refused by that field, with the message saying why.
          else if (
            kind === CONTROL &&
            target.form.typed.includes(field) &&
            !IGNORED.some(([action, name]) => action.test(target.action) && name.test(field)) &&
            !(res.status === 400 && res.text.includes('must not contain hidden control characters'))
          )
            notRefused.push(`${res.status}: ${field} of ${target.action}`)
        }
      }
    }
    expect(failures).toEqual([])
    // Printed compactly (one line per field and route), so that a failure reads as a list to fix.
    const compact = [
      ...new Set(notRefused.map((line) => line.replace(/[0-9a-f-]{36}|\d{4}-\d\d-\d\d|[\w-]{43}/g, ':id'))),
    ]
    expect(compact).toEqual([])
    expect(sent).toBeGreaterThan(500)
    expect(await storedControlCharacters()).toEqual([])
  }, 600_000)

  test('POST routes whose form was not found, with generic fields', async () => {
    const failures: string[] = []
    const [ids] = await demoIds()
    for (const pattern of unreached) {
      const path = fill(pattern, ids!)
      for (const account of pattern === '/sign-in' ? [undefined] : ACCOUNTS) {
        const { agent, token } = await agentFor(account)
        for (const make of Object.values(KINDS)) {
          const body = new URLSearchParams()
          for (const name of ['text', 'version', 'reason', 'name']) {
            for (const value of ([] as string[]).concat(make('1'))) body.append(name, value)
          }
          body.append('_csrf', token)
          const res = await agent.post(path).type('form').set('X-CSRF-Token', token).send(body.toString())
          if (res.status >= 500) failures.push(`${res.status}: ${path} as ${account}`)
        }
      }
    }
    expect(failures).toEqual([])
  }, 300_000)
})

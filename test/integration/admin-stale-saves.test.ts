import type TestAgent from 'supertest/lib/agent'
import { signedInAgent } from '../support/app'
import { useDemoApp } from '../support/sittings'
import { formsIn } from '../support/htmlForms'
import { decode, summaryLinks } from '../support/formPages'

/**
 * Issue 16 point 7: no lost updates in any admin form. Two admins open the same form; the first saves;
 * the second's save is refused, showing what the first saved and keeping what the second typed. Saving
 * again from that page, having seen it, goes through.
 */
const { t, db } = useDemoApp()

type Fields = Record<string, string | string[]>

async function formOn(agent: TestAgent, path: string, action = path): Promise<Fields> {
  const page = await agent.get(path).expect(200)
  const form = formsIn(page.text).find((f) => f.action === action)
  if (!form) throw new Error(`No form posting to ${action} on ${path}`)
  return Object.fromEntries(
    Object.entries(form.fields).map(
      ([k, v]) => [k, v.length === 1 ? v[0]! : v] as [string, string | string[]],
    ),
  )
}

const post = (agent: TestAgent, path: string, fields: Fields) => agent.post(path).type('form').send(fields)

interface AdminForm {
  name: string
  path: () => Promise<string>
  /** What the first admin changes, and what the second types instead. */
  first: (fields: Fields) => Fields
  second: (fields: Fields) => Fields
  /** Text that shows on the page once the first admin's change is saved. */
  firstSaved: string
  secondTyped: string
}

const firstId = async (table: string, where: Record<string, unknown> = {}) =>
  String(((await db()(table).where(where).orderBy('id').first('id')) as { id: string | number }).id)

const dayBefore = (fields: Fields, field: string): Fields => ({
  [`${field}-day`]: String(Number(fields[`${field}-day`]) - 1),
})

const FORMS: AdminForm[] = [
  {
    name: 'a panel',
    path: async () => `/admin/panels/${await firstId('panels')}/edit`,
    first: () => ({ venue: 'Room 1, County Hall' }),
    second: () => ({ venue: 'Room 2, Town Hall' }),
    firstSaved: 'Room 1, County Hall',
    secondTyped: 'Room 2, Town Hall',
  },
  {
    name: 'a panel member',
    path: async () => {
      const m = (await db()('panel_members').orderBy('id').first('id', 'panel_id')) as {
        id: string
        panel_id: string
      }
      return `/admin/panels/${m.panel_id}/members/${m.id}/edit`
    },
    first: () => ({ jobTitle: 'Head of Inclusion' }),
    second: () => ({ jobTitle: 'Deputy Head' }),
    firstSaved: 'Head of Inclusion',
    secondTyped: 'Deputy Head',
  },
  {
    name: 'a word to avoid',
    path: async () => `/admin/jargon/${await firstId('jargon_terms')}/edit`,
    first: () => ({ plainer: 'first plainer words' }),
    second: () => ({ plainer: 'second plainer words' }),
    firstSaved: 'first plainer words',
    secondTyped: 'second plainer words',
  },
  {
    name: 'term dates',
    path: async () => `/admin/terms/${await firstId('school_terms')}/edit`,
    first: (f) => dayBefore(f, 'endsOn'),
    second: (f) => ({ 'startsOn-day': String(Number(f['startsOn-day']) + 1) }),
    firstSaved: 'Last day of term',
    secondTyped: '',
  },
  {
    name: 'a bank holiday',
    path: async () => {
      const page = await (await signedInAgent(t().app, 'admin@example.org')).get('/admin/bank-holidays')
      const link = /href="(\/admin\/bank-holidays\/\d{4}-\d\d-\d\d\/edit)"/.exec(page.text)
      return link![1]!
    },
    first: () => ({ title: 'Early May bank holiday (first change)' }),
    second: () => ({ title: 'Early May bank holiday (second change)' }),
    firstSaved: 'Early May bank holiday (first change)',
    secondTyped: 'Early May bank holiday (second change)',
  },
  {
    name: 'the letter settings',
    path: async () => '/admin/letters',
    first: () => ({ signatureJobTitle: 'Head of SEND (first)' }),
    second: () => ({ signatureJobTitle: 'Head of SEND (second)' }),
    firstSaved: 'Head of SEND (first)',
    secondTyped: 'Head of SEND (second)',
  },
]

let one: TestAgent, two: TestAgent
beforeAll(async () => {
  one = await signedInAgent(t().app, 'admin@example.org')
  two = await signedInAgent(t().app, 'admin@example.org')
})

describe.each(FORMS)('two admins save $name at once', (form) => {
  test('the second save is refused with what was saved shown and their typing kept; saving again goes through', async () => {
    const path = await form.path()
    const firstFields = await formOn(one, path)
    const secondFields = await formOn(two, path)
    expect(firstFields.version).toBeTruthy()
    expect(secondFields.version).toBe(firstFields.version)

    await post(one, path, { ...firstFields, ...form.first(firstFields) }).expect(303)
    const typed = { ...secondFields, ...form.second(secondFields) }
    const refused = await post(two, path, typed).expect(409)

    const text = decode(refused.text)
    expect(summaryLinks(refused.text)).toEqual([
      ['#saved-values', expect.stringContaining('Someone else saved')],
    ])
    const saved = /<div id="saved-values"[\s\S]*?<\/dl>/.exec(refused.text)?.[0] ?? ''
    expect(decode(saved)).toContain(form.firstSaved)
    if (form.secondTyped) {
      expect(decode(saved)).not.toContain(form.secondTyped)
      expect(text).toContain(`value="${form.secondTyped}"`)
    }
    // The refused page's form is what was typed, with the new version: sending it again saves it.
    const again = formsIn(refused.text).find((f) => f.action === path)!
    const againFields = Object.fromEntries(
      Object.entries(again.fields).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]),
    )
    for (const [k, v] of Object.entries(form.second(secondFields))) expect(againFields[k]).toBe(v)
    expect(againFields.version).not.toBe(secondFields.version)
    await post(two, path, againFields).expect(303)
    // And the first admin's old form is now the stale one.
    await post(one, path, { ...firstFields, ...form.first(firstFields) }).expect(409)
  })
})

test('a form with no version, or a made-up one, is refused as stale and changes nothing', async () => {
  const path = `/admin/jargon/${await firstId('jargon_terms')}/edit`
  const fields = await formOn(one, path)
  const before = await db()('jargon_terms').orderBy('id').first('plainer')
  await post(one, path, { ...fields, version: undefined as unknown as string, plainer: 'nope' }).expect(409)
  await post(one, path, { ...fields, version: 'made-up', plainer: 'nope' }).expect(409)
  expect(await db()('jargon_terms').orderBy('id').first('plainer')).toEqual(before)
})

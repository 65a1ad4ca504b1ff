import type TestAgent from 'supertest/lib/agent'
import { listJargon } from '../../src/data/jargon'
import { DEFAULT_JARGON } from '../../src/domain/readability'
import { NOT_ADMINS } from '../support/app'
import { useDemoApp } from '../support/sittings'
import { decode, inlineError, summaryLinks, versionOn } from '../support/formPages'

const { t, as } = useDemoApp()
let admin: TestAgent, token: string
beforeAll(async () => {
  ;({ agent: admin, token } = await as('admin@example.org'))
})

/** The rows of the list page's table: [term, plainer]. */
function listedTerms(html: string): [string, string][] {
  return [
    ...html.matchAll(
      /<th scope="row" class="govuk-table__header">([^<]*)<\/th>\s*<td class="govuk-table__cell">([^<]*)<\/td>/g,
    ),
  ].map((m) => [decode(m[1]!), decode(m[2]!)])
}

const post = (path: string, fields: Record<string, unknown>) =>
  admin
    .post(path)
    .type('form')
    .send({ _csrf: token, ...fields })

const rowFor = (term: string) =>
  t().database.db('jargon_terms').whereRaw('lower(term) = lower(?)', [term]).first('id', 'term', 'plainer')
const idOf = async (term: string): Promise<string> => ((await rowFor(term)) as { id: string }).id
const countTerms = async () => Number((await t().database.db('jargon_terms').count('* as n').first())!.n)
const auditFor = (entityId: string, action: string) =>
  t().database.db('audit_events').where({ entity_type: 'jargon_term', entity_id: entityId, action })

describe('the list of words to avoid', () => {
  test('listJargon gives the starting list in alphabetical order, whatever the capitals', async () => {
    const list = await listJargon(t().database.db)
    expect(list).toEqual(
      [...DEFAULT_JARGON].sort((a, b) => a.term.toLowerCase().localeCompare(b.term.toLowerCase())),
    )
    const trx = await t().database.db.transaction()
    try {
      await trx('jargon_terms').insert({ term: 'Bespoke', plainer: 'made for them' })
      expect((await listJargon(trx)).slice(0, 2).map((j) => j.term)).toEqual(['aforementioned', 'Bespoke'])
    } finally {
      await trx.rollback()
    }
    expect(await listJargon(t().database.db)).toHaveLength(DEFAULT_JARGON.length)
  })

  test('is linked from settings and shows each term with its plainer word, Change and Remove', async () => {
    expect((await admin.get('/admin').expect(200)).text).toContain('href="/admin/jargon"')
    const res = await admin.get('/admin/jargon').expect(200)
    expect(res.text).toContain('<h1 class="govuk-heading-l">Words to avoid</h1>')
    expect(res.text).toContain('suggests the plainer one')
    const rows = listedTerms(res.text)
    expect(rows).toHaveLength(DEFAULT_JARGON.length)
    expect(rows[0]).toEqual(['aforementioned', 'this'])
    expect(rows).toContainEqual(['statutory', 'required by law'])
    const id = await idOf('statutory')
    expect(res.text).toContain(
      `href="/admin/jargon/${id}/edit">Change<span class="govuk-visually-hidden"> statutory</span>`,
    )
    expect(res.text).toContain(
      `href="/admin/jargon/${id}/remove">Remove<span class="govuk-visually-hidden"> statutory</span>`,
    )
  })

  test('a new term is added, tidied and audited', async () => {
    const form = await admin.get('/admin/jargon/new').expect(200)
    expect(form.text).toContain('Add a word to avoid')
    const res = await post('/admin/jargon/new', {
      term: '  pursuant   to ',
      plainer: ' under\nthe rules ',
    }).expect(303)
    expect(res.headers.location).toBe('/admin/jargon?done=added')
    const row = await rowFor('pursuant to')
    expect(row).toMatchObject({ term: 'pursuant to', plainer: 'under the rules' })
    const [event] = await auditFor(row.id, 'jargon_term_added')
    expect(event.actor_user_id).toBeTruthy()
    expect(event.details).toEqual({ term: 'pursuant to', plainer: 'under the rules' })
    const page = await admin.get(res.headers.location!).expect(200)
    expect(page.text).toContain('Word added to the list.')
    expect(listedTerms(page.text)).toContainEqual(['pursuant to', 'under the rules'])
  })

  test('a term already on the list, in other capitals, is refused by its field', async () => {
    const res = await post('/admin/jargon/new', { term: 'PROVISION', plainer: 'help' }).expect(400)
    expect(inlineError(res.text, 'term')).toBe('“provision” is already on the list. Change that one instead')
    expect(summaryLinks(res.text)).toEqual([
      ['#term', '“provision” is already on the list. Change that one instead'],
    ])
    expect(res.text).toContain('value="PROVISION"')
    expect(res.text).toContain('value="help"')
    expect(await countTerms()).toBe(DEFAULT_JARGON.length + 1)
  })

  test('empty fields are refused, each by its field, in page order', async () => {
    const res = await post('/admin/jargon/new', { term: '   ', plainer: '' }).expect(400)
    expect(inlineError(res.text, 'term')).toBe('Enter the word or phrase to avoid')
    expect(inlineError(res.text, 'plainer')).toBe('Enter a plainer word or phrase')
    expect(summaryLinks(res.text).map(([href]) => href)).toEqual(['#term', '#plainer'])
    const missing = await post('/admin/jargon/new', {}).expect(400)
    expect(summaryLinks(missing.text).map(([href]) => href)).toEqual(['#term', '#plainer'])
    expect(await countTerms()).toBe(DEFAULT_JARGON.length + 1)
  })

  test.each([
    [{ term: 'x'.repeat(61) }, 'term', 'The word or phrase to avoid must be 60 characters or fewer'],
    [{ plainer: 'y'.repeat(101) }, 'plainer', 'The plainer word or phrase must be 100 characters or fewer'],
    [
      { plainer: 'Bespoke' },
      'plainer',
      'The plainer word or phrase must be different from the word to avoid',
    ],
    [
      { plainer: 'statutory' },
      'plainer',
      '“statutory” is on the list of words to avoid, so it cannot be in the plainer word or phrase',
    ],
    [
      { plainer: 'made in order to fit' },
      'plainer',
      '“in order to” is on the list of words to avoid, so it cannot be in the plainer word or phrase',
    ],
    [
      { term: 'support' },
      'term',
      '“support” is in the plainer word suggested for “provision”, so it cannot be a word to avoid',
    ],
  ])('%j is refused by its field', async (change, field, message) => {
    const res = await post('/admin/jargon/new', {
      term: 'bespoke',
      plainer: 'made for them',
      ...change,
    }).expect(400)
    expect(inlineError(res.text, field)).toBe(message)
    expect(summaryLinks(res.text)).toEqual([[`#${field}`, message]])
    expect(await countTerms()).toBe(DEFAULT_JARGON.length + 1)
  })

  test('a term is changed and audited; its own capitals may change, another term’s spelling may not', async () => {
    const id = await idOf('cohort')
    const form = await admin.get(`/admin/jargon/${id}/edit`).expect(200)
    expect(form.text).toContain('Change a word to avoid')
    expect(form.text).toContain('value="cohort"')
    expect(form.text).toContain('value="group"')
    await post(`/admin/jargon/${id}/edit`, {
      version: await versionOn(admin, `/admin/jargon/${id}/edit`),
      term: 'Cohort',
      plainer: 'group of children',
    })
      .expect(303)
      .expect('Location', '/admin/jargon?done=updated')
    expect(await rowFor('cohort')).toEqual({ id, term: 'Cohort', plainer: 'group of children' })
    const [event] = await auditFor(id, 'jargon_term_updated')
    expect(event.details).toEqual({
      term: 'Cohort',
      plainer: 'group of children',
      previousTerm: 'cohort',
      previousPlainer: 'group',
    })
    expect((await admin.get('/admin/jargon?done=updated').expect(200)).text).toContain('Word saved.')

    const clash = await post(`/admin/jargon/${id}/edit`, {
      version: await versionOn(admin, `/admin/jargon/${id}/edit`),
      term: 'Holistic',
      plainer: 'group',
    }).expect(400)
    expect(inlineError(clash.text, 'term')).toBe('“holistic” is already on the list. Change that one instead')
    expect(summaryLinks(clash.text)).toHaveLength(1)
    const empty = await post(`/admin/jargon/${id}/edit`, {
      version: await versionOn(admin, `/admin/jargon/${id}/edit`),
      term: '',
      plainer: '',
    }).expect(400)
    expect(summaryLinks(empty.text).map(([href]) => href)).toEqual(['#term', '#plainer'])
    expect(await rowFor('cohort')).toEqual({ id, term: 'Cohort', plainer: 'group of children' })
    expect(await auditFor(id, 'jargon_term_updated')).toHaveLength(1)
  })

  test('a term is removed after a confirmation, and audited', async () => {
    const id = await idOf('pursuant to')
    const confirm = await admin.get(`/admin/jargon/${id}/remove`).expect(200)
    expect(decode(confirm.text)).toContain('Remove “pursuant to” from the words to avoid?')
    expect(confirm.text).toContain(`action="/admin/jargon/${id}/remove"`)
    await post(`/admin/jargon/${id}/remove`, {}).expect(303).expect('Location', '/admin/jargon?done=removed')
    expect(await rowFor('pursuant to')).toBeUndefined()
    const [event] = await auditFor(id, 'jargon_term_removed')
    expect(event.details).toEqual({ term: 'pursuant to', plainer: 'under the rules' })
    const page = await admin.get('/admin/jargon?done=removed').expect(200)
    expect(page.text).toContain('Word removed from the list.')
    expect(listedTerms(page.text).map(([term]) => term)).not.toContain('pursuant to')
    await post(`/admin/jargon/${id}/remove`, {}).expect(404)
    await post(`/admin/jargon/${id}/edit`, { term: 'pursuant to', plainer: 'under' }).expect(404)
  })

  test('an unknown or malformed id is a 404', async () => {
    await admin.get('/admin/jargon/00000000-0000-4000-8000-000000000000/edit').expect(404)
    await admin.get('/admin/jargon/not-an-id/edit').expect(404)
    await admin.get('/admin/jargon/1/remove').expect(404)
    await post('/admin/jargon/not-an-id/remove', {}).expect(404)
  })

  test('a change without the form’s CSRF token is refused, and changes nothing', async () => {
    const id = await idOf('holistic')
    const before = await countTerms()
    const attempts: [string, Record<string, string>][] = [
      ['/admin/jargon/new', { term: 'bespoke', plainer: 'made for them' }],
      [`/admin/jargon/${id}/edit`, { term: 'holistic', plainer: 'whole-child' }],
      [`/admin/jargon/${id}/remove`, {}],
    ]
    for (const [path, fields] of attempts) {
      const missing = await admin.post(path).type('form').send(fields).expect(403)
      expect(missing.text).toContain('Sorry, this form has expired')
      await admin
        .post(path)
        .type('form')
        .send({ ...fields, _csrf: 'x'.repeat(token.length) })
        .expect(403)
    }
    expect(await countTerms()).toBe(before)
    expect(await rowFor('holistic')).toEqual({ id, term: 'holistic', plainer: 'whole' })
    expect(
      await t().database.db('audit_events').where({ entity_type: 'jargon_term', entity_id: id }),
    ).toHaveLength(0)
  })
})

describe('who may use the jargon pages', () => {
  test.each(NOT_ADMINS)('%s gets 403 on every route, and changes nothing', async (email) => {
    // Their own valid token, so that the refusal is the role check and not the CSRF check.
    const { agent, token: own } = await as(email)
    const id = await idOf('statutory')
    const before = await countTerms()
    const gets = [
      '/admin/jargon',
      '/admin/jargon/new',
      `/admin/jargon/${id}/edit`,
      `/admin/jargon/${id}/remove`,
    ]
    for (const path of gets) {
      expect((await agent.get(path).expect(403)).text).toContain('You cannot see this page')
    }
    for (const path of gets.slice(1)) {
      const res = await agent
        .post(path)
        .type('form')
        .send({ _csrf: own, term: 'forbidden', plainer: 'not allowed' })
        .expect(403)
      expect(res.text).toContain('You cannot see this page')
    }
    expect(await countTerms()).toBe(before)
    expect(await rowFor('statutory')).toEqual({ id, term: 'statutory', plainer: 'required by law' })
    expect(await rowFor('forbidden')).toBeUndefined()
  })
})

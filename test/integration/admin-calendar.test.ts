import type TestAgent from 'supertest/lib/agent'
import { TEST_TODAY, NOT_ADMINS } from '../support/app'
import { useDemoApp } from '../support/sittings'
import { inlineError, summaryLinks, versionOn } from '../support/formPages'

const { t, as } = useDemoApp()
let admin: TestAgent, token: string
beforeAll(async () => {
  ;({ agent: admin, token } = await as('admin@example.org'))
})

/** A GOV.UK date input's three boxes for an ISO date. */
function dateFields(prefix: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-')
  return {
    [`${prefix}-day`]: String(Number(day)),
    [`${prefix}-month`]: String(Number(month)),
    [`${prefix}-year`]: year!,
  }
}

const post = (path: string, fields: Record<string, unknown>) =>
  admin
    .post(path)
    .type('form')
    .send({ _csrf: token, ...fields })

const termId = async (academicYear: string, term: string): Promise<number> =>
  (await t().database.db('school_terms').where({ academic_year: academicYear, term }).first('id')).id
const overrideOn = (date: string): Promise<{ title: string; observed: boolean } | undefined> =>
  t().database.db('bank_holidays').where({ holiday_on: date }).first('title', 'observed')
const auditFor = (entityType: string, entityId: string, action: string) =>
  t().database.db('audit_events').where({ entity_type: entityType, entity_id: entityId, action })

describe('school term dates', () => {
  test('are listed by academic year, with each year’s summer holiday', async () => {
    const res = await admin.get('/admin/terms').expect(200)
    expect(res.text).toContain('2025/26')
    expect(res.text).toContain('Monday 13 April 2026')
    expect(res.text).toContain(
      '<strong>Summer holiday:</strong> Thursday 23 July 2026 to Wednesday 2 September 2026 (42 days)',
    )
    // The last year's summer holiday waits for the next autumn term.
    expect(res.text).toContain('not known until the next academic year’s autumn term is added')
  })

  test('a new term is saved and audited, and completes the summer holiday before it', async () => {
    const res = await post('/admin/terms/new', {
      academicYear: '2029/30',
      term: 'autumn',
      ...dateFields('startsOn', '2029-09-04'),
      ...dateFields('endsOn', '2029-12-19'),
    }).expect(303)
    expect(res.headers.location).toBe('/admin/terms?done=added')
    const id = await termId('2029/30', 'autumn')
    expect(await t().database.db('school_terms').where({ id }).first('starts_on', 'ends_on')).toEqual({
      starts_on: '2029-09-04',
      ends_on: '2029-12-19',
    })
    const [event] = await auditFor('school_term', String(id), 'school_term_added')
    expect(event.details).toMatchObject({ academicYear: '2029/30', term: 'autumn', startsOn: '2029-09-04' })
    const page = await admin.get(res.headers.location!).expect(200)
    expect(page.text).toContain('Term dates added')
    expect(page.text).toContain('Saturday 21 July 2029 to Monday 3 September 2029')
    expect(page.text).toContain('Add term dates for 2029/30')
  })

  test('an empty form shows each problem by its field, in page order', async () => {
    const res = await post('/admin/terms/new', {}).expect(400)
    expect(inlineError(res.text, 'academicYear')).toBe('Enter the academic year, like 2026/27')
    expect(inlineError(res.text, 'term')).toBe('Select the term')
    expect(inlineError(res.text, 'startsOn')).toBe('Enter the start date')
    expect(inlineError(res.text, 'endsOn')).toBe('Enter the end date')
    expect(summaryLinks(res.text).map(([href]) => href)).toEqual([
      '#academicYear',
      '#term',
      '#startsOn-day',
      '#endsOn-day',
    ])
  })

  test.each([
    [
      { academicYear: '2030-31' },
      'academicYear',
      'Enter the academic year as 2 years with a slash, like 2026/27',
    ],
    [{ academicYear: '2030/32' }, 'academicYear', 'The academic year must be 2 years in a row, like 2026/27'],
    [{ term: 'winter' }, 'term', 'Select the term'],
    [dateFields('endsOn', '2030-09-01'), 'endsOn', 'The end date must be after the start date'],
    [{ 'startsOn-month': '13' }, 'startsOn', 'Start date must be a real date'],
    [
      dateFields('startsOn', '2030-07-20'),
      'startsOn',
      'The term must be within the 2030/31 academic year, from 1 August 2030 to 31 August 2031',
    ],
  ])('%j is refused by its field, keeping what was typed', async (change, field, message) => {
    const res = await post('/admin/terms/new', {
      academicYear: '2030/31',
      term: 'autumn',
      ...dateFields('startsOn', '2030-09-03'),
      ...dateFields('endsOn', '2030-12-18'),
      ...change,
    }).expect(400)
    expect(inlineError(res.text, field)).toBe(message)
    expect(summaryLinks(res.text)).toHaveLength(1)
    expect(res.text).toMatch(/name="startsOn-year" type="text"[^>]*value="2030"/)
    expect(await t().database.db('school_terms').where({ academic_year: '2030/31' })).toHaveLength(0)
  })

  test('a term that overlaps another, comes out of order, or is there already is refused', async () => {
    const base = { academicYear: '2026/27', term: 'spring' }
    const overlap = await post(`/admin/terms/${await termId('2026/27', 'spring')}/edit`, {
      version: await versionOn(admin, `/admin/terms/${await termId('2026/27', 'spring')}/edit`),
      ...base,
      ...dateFields('startsOn', '2026-12-10'),
      ...dateFields('endsOn', '2027-03-25'),
    }).expect(400)
    expect(inlineError(overlap.text, 'startsOn')).toBe(
      'These dates overlap the 2026/27 autumn term, 3 September 2026 to 18 December 2026',
    )
    expect(summaryLinks(overlap.text)).toEqual([['#startsOn-day', expect.stringContaining('overlap')]])
    const twice = await post('/admin/terms/new', {
      ...base,
      ...dateFields('startsOn', '2027-01-04'),
      ...dateFields('endsOn', '2027-03-25'),
    }).expect(400)
    expect(inlineError(twice.text, 'term')).toBe(
      'There are already dates for the 2026/27 spring term. Change those instead',
    )
    const order = await post(`/admin/terms/${await termId('2026/27', 'summer')}/edit`, {
      version: await versionOn(admin, `/admin/terms/${await termId('2026/27', 'summer')}/edit`),
      academicYear: '2026/27',
      term: 'summer',
      ...dateFields('startsOn', '2026-08-10'),
      ...dateFields('endsOn', '2026-08-20'),
    }).expect(400)
    expect(inlineError(order.text, 'startsOn')).toBe(
      'The summer term must start after the 2026/27 autumn term ends, on 18 December 2026',
    )
  })

  test('a term’s dates are changed and audited', async () => {
    const id = await termId('2026/27', 'summer')
    const form = await admin.get(`/admin/terms/${id}/edit`).expect(200)
    expect(form.text).toMatch(/name="endsOn-day" type="text"[^>]*value="21"/)
    await post(`/admin/terms/${id}/edit`, {
      version: await versionOn(admin, `/admin/terms/${id}/edit`),
      academicYear: '2026/27',
      term: 'summer',
      ...dateFields('startsOn', '2027-04-12'),
      ...dateFields('endsOn', '2027-07-16'),
    })
      .expect(303)
      .expect('Location', '/admin/terms?done=updated')
    const [event] = await auditFor('school_term', String(id), 'school_term_updated')
    expect(event.details).toMatchObject({ endsOn: '2027-07-16', previousEndsOn: '2027-07-21' })
    expect((await admin.get('/admin/terms').expect(200)).text).toContain(
      'Saturday 17 July 2027 to Wednesday 1 September 2027',
    )
  })

  test('a term is deleted after a confirmation, and audited', async () => {
    const id = await termId('2029/30', 'autumn')
    const confirm = await admin.get(`/admin/terms/${id}/delete`).expect(200)
    expect(confirm.text).toContain('Delete the 2029/30 autumn term?')
    await post(`/admin/terms/${id}/delete`, {}).expect(303).expect('Location', '/admin/terms?done=deleted')
    expect(await t().database.db('school_terms').where({ id })).toHaveLength(0)
    expect(await auditFor('school_term', String(id), 'school_term_deleted')).toHaveLength(1)
    await post(`/admin/terms/${id}/delete`, {}).expect(404)
  })

  test('an unknown or malformed term id is a 404', async () => {
    await admin.get('/admin/terms/999999/edit').expect(404)
    await admin.get('/admin/terms/1e3/edit').expect(404)
    await admin.get('/admin/terms/99999999999999999999/delete').expect(404)
    await post('/admin/terms/abc/edit', {}).expect(404)
  })
})

describe('bank holidays', () => {
  test('are listed by year', async () => {
    const res = await admin.get('/admin/bank-holidays').expect(200)
    expect(res.text).toContain('id="year-2027"')
    expect(res.text).toContain('Friday 25 December 2026')
    expect(res.text).toContain('Christmas Day')
  })

  test('a new one is saved and audited; one on a day with sittings says so', async () => {
    const sitting = await t()
      .database.db('sittings')
      .where('sitting_on', '>', TEST_TODAY)
      .andWhere({ status: 'scheduled' })
      .orderBy('sitting_on')
      .first('sitting_on')
    const res = await post('/admin/bank-holidays/new', {
      ...dateFields('date', sitting.sitting_on),
      title: 'Council closure day',
    }).expect(303)
    expect(res.headers.location).toBe('/admin/bank-holidays?done=added&sittings=1')
    expect(
      await t().database.db('bank_holidays').where({ holiday_on: sitting.sitting_on }).first('title'),
    ).toEqual({
      title: 'Council closure day',
    })
    expect(await auditFor('bank_holiday', sitting.sitting_on, 'bank_holiday_added')).toHaveLength(1)
    const page = await admin.get(res.headers.location!).expect(200)
    expect(page.text).toContain('Bank holiday added')
    expect(page.text).toContain('1 sitting is still arranged on that day')
  })

  test('a date that is already a bank holiday is refused', async () => {
    const res = await post('/admin/bank-holidays/new', {
      ...dateFields('date', '2026-12-25'),
      title: 'Christmas again',
    }).expect(400)
    expect(inlineError(res.text, 'date')).toBe(
      'There is already a bank holiday on 25 December 2026: Christmas Day. Change that one instead',
    )
    expect(summaryLinks(res.text)).toEqual([['#date-day', expect.stringContaining('already')]])
    expect(res.text).toContain('value="Christmas again"')
  })

  test('an empty or impossible form shows each problem by its field', async () => {
    const empty = await post('/admin/bank-holidays/new', {}).expect(400)
    expect(inlineError(empty.text, 'date')).toBe('Enter the date of the bank holiday')
    expect(inlineError(empty.text, 'title')).toBe('Enter the name of the bank holiday')
    expect(summaryLinks(empty.text).map(([href]) => href)).toEqual(['#date-day', '#title'])
    const partial = await post('/admin/bank-holidays/new', {
      'date-day': '1',
      'date-year': '2027',
      title: 'x',
    }).expect(400)
    expect(inlineError(partial.text, 'date')).toBe('Date of the bank holiday must include a month')
    expect(summaryLinks(partial.text)).toEqual([
      ['#date-month', 'Date of the bank holiday must include a month'],
    ])
  })

  test('one is moved to another date and renamed, and audited', async () => {
    const form = await admin.get('/admin/bank-holidays/2027-05-31/edit').expect(200)
    expect(form.text).toContain('value="Spring bank holiday"')
    await post('/admin/bank-holidays/2027-05-31/edit', {
      version: await versionOn(admin, '/admin/bank-holidays/2027-05-31/edit'),
      ...dateFields('date', '2027-06-01'),
      title: 'Spring bank holiday (moved)',
    })
      .expect(303)
      .expect('Location', /^\/admin\/bank-holidays\?done=updated/)
    // The rule's day stays recorded as not a holiday this year, and the day it moved to as added.
    expect(await overrideOn('2027-05-31')).toEqual({ title: 'Spring bank holiday', observed: false })
    expect(await overrideOn('2027-06-01')).toEqual({ title: 'Spring bank holiday (moved)', observed: true })
    const [event] = await auditFor('bank_holiday', '2027-06-01', 'bank_holiday_updated')
    expect(event.details).toMatchObject({ previousDate: '2027-05-31' })
    const clash = await post('/admin/bank-holidays/2027-06-01/edit', {
      version: await versionOn(admin, '/admin/bank-holidays/2027-06-01/edit'),
      ...dateFields('date', '2027-08-30'),
      title: 'Spring bank holiday',
    }).expect(400)
    expect(inlineError(clash.text, 'date')).toContain('There is already a bank holiday on 30 August 2027')
    // Saving with the same date is not a clash with itself.
    await post('/admin/bank-holidays/2027-06-01/edit', {
      version: await versionOn(admin, '/admin/bank-holidays/2027-06-01/edit'),
      ...dateFields('date', '2027-06-01'),
      title: 'Spring bank holiday',
    }).expect(303)
  })

  test('one is deleted after a confirmation, and audited', async () => {
    const confirm = await admin.get('/admin/bank-holidays/2028-05-01/delete').expect(200)
    expect(confirm.text).toContain('Delete Early May bank holiday, 1 May 2028?')
    await post('/admin/bank-holidays/2028-05-01/delete', {})
      .expect(303)
      .expect('Location', '/admin/bank-holidays?done=deleted')
    expect(await overrideOn('2028-05-01')).toEqual({ title: 'Early May bank holiday', observed: false })
    expect(await auditFor('bank_holiday', '2028-05-01', 'bank_holiday_deleted')).toHaveLength(1)
    const list = await admin.get('/admin/bank-holidays').expect(200)
    expect(list.text).toContain('Not a bank holiday this year')
    await admin.get('/admin/bank-holidays/2028-05-01/edit').expect(404)
  })

  test('a deleted day the rule gives is restored, leaving no change behind', async () => {
    await post('/admin/bank-holidays/2028-05-01/restore', {})
      .expect(303)
      .expect('Location', '/admin/bank-holidays?done=restored#year-2028')
    expect(await overrideOn('2028-05-01')).toBeUndefined()
    expect(await auditFor('bank_holiday', '2028-05-01', 'bank_holiday_restored')).toHaveLength(1)
    // Only a removed day can be restored.
    await post('/admin/bank-holidays/2028-05-01/restore', {}).expect(404)
    await post('/admin/bank-holidays/2028-05-02/restore', {}).expect(404)
  })

  test('a year after the confirmed ones is shown by rule, not yet confirmed, until the admin confirms it', async () => {
    const before = await admin.get('/admin/bank-holidays').expect(200)
    expect(before.text).toContain('id="year-2029"')
    expect(before.text).toContain('Friday 30 March 2029')
    expect(before.text).toContain('Confirm the 2029 bank holidays')
    expect(before.text).not.toContain('Confirm the 2028 bank holidays')
    await post('/admin/bank-holidays/2029/confirm', {})
      .expect(303)
      .expect('Location', '/admin/bank-holidays?done=confirmed#year-2029')
    expect(await t().database.db('bank_holiday_years').where({ year: 2029 })).toHaveLength(1)
    expect(await auditFor('bank_holiday_year', '2029', 'bank_holiday_year_confirmed')).toHaveLength(1)
    const after = await admin.get('/admin/bank-holidays').expect(200)
    expect(after.text).not.toContain('Confirm the 2029 bank holidays')
    expect(after.text).toContain('Confirm the 2030 bank holidays')
    // Confirming twice records it once.
    await post('/admin/bank-holidays/2029/confirm', {}).expect(303)
    expect(await auditFor('bank_holiday_year', '2029', 'bank_holiday_year_confirmed')).toHaveLength(1)
    await post('/admin/bank-holidays/1900/confirm', {}).expect(404)
    await post('/admin/bank-holidays/20299/confirm', {}).expect(404)
  })

  test('an unknown or malformed date is a 404', async () => {
    await admin.get('/admin/bank-holidays/2027-06-02/edit').expect(404)
    await admin.get('/admin/bank-holidays/2027-02-30/edit').expect(404)
    await admin.get('/admin/bank-holidays/christmas/delete').expect(404)
    await post('/admin/bank-holidays/2027-06-02/delete', {}).expect(404)
  })
})

describe('who may use the calendar pages', () => {
  test.each(NOT_ADMINS)('%s gets 403 on every route, and changes nothing', async (email) => {
    // Their own valid token, so that the refusal is the role check and not the CSRF check.
    const { agent, token: own } = await as(email)
    const id = await termId('2026/27', 'autumn')
    const gets = [
      '/admin/terms',
      '/admin/terms/new',
      `/admin/terms/${id}/edit`,
      `/admin/terms/${id}/delete`,
      '/admin/bank-holidays',
      '/admin/bank-holidays/new',
      '/admin/bank-holidays/2026-12-25/edit',
      '/admin/bank-holidays/2026-12-25/delete',
    ]
    for (const path of gets) {
      expect((await agent.get(path).expect(403)).text).toContain('You cannot see this page')
    }
    const posts = [
      ...gets.filter((p) => p.endsWith('/new') || p.endsWith('/edit') || p.endsWith('/delete')),
      '/admin/bank-holidays/2030/confirm',
    ]
    for (const path of posts) {
      const res = await agent
        .post(path)
        .type('form')
        .send({ _csrf: own, title: 'Forbidden', ...dateFields('date', '2031-01-02') })
        .expect(403)
      expect(res.text).toContain('You cannot see this page')
    }
    expect(await t().database.db('school_terms').where({ id })).toHaveLength(1)
    expect(await overrideOn('2026-12-25')).toBeUndefined()
    expect(await overrideOn('2031-01-02')).toBeUndefined()
    expect(await t().database.db('bank_holiday_years').where({ year: 2030 })).toHaveLength(0)
  })
})

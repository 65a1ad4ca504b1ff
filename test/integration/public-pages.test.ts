import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { DEFAULT_PRIVACY_WORDING } from '../../src/domain/publicPages/privacyNotice'
import { NOT_ADMINS } from '../support/app'
import { decode, inlineError, summaryLinks } from '../support/formPages'
import { useDemoApp } from '../support/sittings'

/** The accessibility statement, privacy notice and cookies page, and the admin's settings for them. */

const { t, as } = useDemoApp()
let admin: TestAgent, token: string
beforeAll(async () => {
  ;({ agent: admin, token } = await as('admin@example.org'))
})

const PUBLIC = ['/accessibility', '/privacy', '/cookies']
const SETTINGS = '/admin/public-pages'
const FOOTER_LINKS = [
  '<a class="govuk-footer__link" href="/accessibility"',
  '<a class="govuk-footer__link" href="/privacy"',
  '<a class="govuk-footer__link" href="/cookies"',
]
const text = (html: string) => decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ')
const sessionRows = async () => Number((await t().database.db('sessions').count({ n: '*' }))[0]!.n)
const row = () =>
  t().database.db('public_page_settings').where({ id: 1 }).first() as Promise<Record<string, unknown>>
const currentVersion = async () => Number((await row()).version)

/** The whole form as the demo council has it, as the browser posts it. */
const DEMO_FORM: Record<string, string> = {
  accessibilityEmail: 'accessibility@northshire.example.org',
  accessibilityPhone: '01632 960100',
  formatResponseWorkingDays: '10',
  'statementPreparedOn-day': '23',
  'statementPreparedOn-month': '11',
  'statementPreparedOn-year': '2026',
  'statementReviewedOn-day': '23',
  'statementReviewedOn-month': '11',
  'statementReviewedOn-year': '2026',
  dpoName: 'Sam Okafor',
  dpoEmail: 'dpo@northshire.example.org',
  dpoPhone: '01632 960150',
  dpoAddress: 'Data Protection Officer\r\nCounty Hall\r\nAshcombe\r\nAS1 1AA',
  retentionYearsAfter25: '6',
  'privacy-held': DEFAULT_PRIVACY_WORDING.held,
  'privacy-why': DEFAULT_PRIVACY_WORDING.why,
  'privacy-shared': DEFAULT_PRIVACY_WORDING.shared,
  'privacy-rights': DEFAULT_PRIVACY_WORDING.rights,
}

async function save(changes: Record<string, string> = {}, status = 303, version?: number) {
  return admin
    .post(SETTINGS)
    .type('form')
    .send({ _csrf: token, version: String(version ?? (await currentVersion())), ...DEMO_FORM, ...changes })
    .expect(status)
}

describe('the public pages, signed out', () => {
  test.each(PUBLIC)('%s is open to anyone, sets no cookie and stores no session', async (path) => {
    const before = await sessionRows()
    const res = await request(t().app).get(path).expect(200)
    expect(res.headers['set-cookie']).toBeUndefined()
    for (const link of FOOTER_LINKS) expect(res.text).toContain(link)
    expect(await sessionRows()).toBe(before)
  })

  test('the accessibility statement follows the model statement with the council’s details', async () => {
    const page = text((await request(t().app).get('/accessibility').expect(200)).text)
    for (const heading of [
      'Accessibility statement for Panel',
      'How accessible this website is',
      'Feedback and contact information',
      'Reporting accessibility problems with this website',
      'Enforcement procedure',
      'Technical information about this website’s accessibility',
      'Compliance status',
      'Non-accessible content',
      'How we tested this website',
      'Preparation of this accessibility statement',
    ])
      expect(page).toContain(heading)
    expect(page).toContain('This website is run by Northshire County Council.')
    expect(page).toContain(
      'This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard',
    )
    expect(page).toContain('They are tagged PDFs')
    expect(page).toContain('large print, Easy Read, braille')
    expect(page).toContain('email accessibility@northshire.example.org')
    expect(page).toContain('call 01632 960100')
    expect(page).toContain('get back to you in 10 working days')
    expect(page).toContain('Equality and Human Rights Commission (EHRC)')
    expect(page).toContain('Equality Advisory and Support Service (EASS)')
    expect(page).toContain('axe-core')
    expect(page).toContain('320 pixels')
    expect(page).toContain('pdftotext')
    expect(page).toContain(
      'This statement was prepared on 23 November 2026. It was last reviewed on 23 November 2026.',
    )
  })

  test('the privacy notice names the controller, the lawful bases, the sharing, the retention and the rights', async () => {
    const page = text((await request(t().app).get('/privacy').expect(200)).text)
    expect(page).toContain('Northshire County Council is the data controller')
    expect(page).toContain('Our data protection officer is Sam Okafor.')
    expect(page).toContain('Email: dpo@northshire.example.org')
    expect(page).toContain('UK GDPR Article 6(1)(e)')
    expect(page).toContain('UK GDPR Article 9(2)(g)')
    expect(page).toContain('Data Protection Act 2018, Schedule 1, Part 2, paragraph 6')
    expect(page).toContain('education, health and social care')
    expect(page).toContain('the school or setting named in your child’s plan')
    expect(page).toContain('until their 25th birthday, and then for 6 more years')
    expect(page).toContain('subject access request')
    expect(page).toContain('Information Commissioner’s Office (ICO)')
  })

  test('the cookies page lists each essential cookie with its purpose and how long it lasts', async () => {
    const page = text((await request(t().app).get('/cookies').expect(200)).text)
    expect(page).toContain('This service only uses essential cookies.')
    for (const name of ['panel.sid', 'panel.csrf', 'panel.return', 'panel.device'])
      expect(page).toContain(name)
    // Single sign-on is not set up here, so its cookie is not listed.
    expect(page).not.toContain('panel.oidc')
    expect(page).toContain('30 minutes after you last use the service')
    expect(page).toContain('1 hour, or until you sign in')
  })

  test('every page links to them from its footer: sign-in, error pages, the portal and staff pages', async () => {
    const signIn = await request(t().app).get('/sign-in').expect(200)
    const { agent: parent } = await as('parent@example.org')
    const portal = await parent.get('/portal').expect(200)
    const missing = await parent.get('/no-such-page').expect(404)
    const forbidden = await parent.get('/admin').expect(403)
    const staff = await admin.get('/admin').expect(200)
    for (const page of [signIn, portal, missing, forbidden, staff])
      for (const link of FOOTER_LINKS) expect(page.text).toContain(link)
    // Signed in, the public pages keep the service's navigation.
    const signedIn = await parent.get('/privacy').expect(200)
    expect(signedIn.text).toContain('Sign out')
  })
})

describe('the admin’s settings for them', () => {
  test('is linked from settings and shows the demo council’s settings and the shipped wording', async () => {
    expect((await admin.get('/admin').expect(200)).text).toContain(`href="${SETTINGS}"`)
    const res = await admin.get(SETTINGS).expect(200)
    const html = decode(res.text)
    expect(html).toContain('value="accessibility@northshire.example.org"')
    expect(html).toContain('name="statementPreparedOn-year"')
    expect(html).toContain(`>${DEFAULT_PRIVACY_WORDING.why}</textarea>`)
    expect(res.text).toContain('name="version" value="1"')
  })

  test('only an admin may see or change them', async () => {
    for (const email of NOT_ADMINS) {
      const { agent, token: theirs } = await as(email)
      await agent.get(SETTINGS).expect(403)
      await agent
        .post(SETTINGS)
        .type('form')
        .send({ _csrf: theirs, version: '1', ...DEMO_FORM, accessibilityEmail: 'x@example.org' })
        .expect(403)
    }
    await request(t().app).get(SETTINGS).expect(303)
    expect((await row()).accessibility_email).toBe('accessibility@northshire.example.org')
  })

  test('bad answers are shown by their fields, with what was typed kept', async () => {
    const res = await save(
      {
        accessibilityEmail: 'not an email',
        formatResponseWorkingDays: '45',
        'statementReviewedOn-day': '1',
        'statementReviewedOn-year': '2025',
        dpoEmail: '',
        retentionYearsAfter25: 'six',
        'privacy-why': 'Typed words\u0007',
      },
      400,
    )
    expect(summaryLinks(res.text).map(([href]) => href)).toEqual([
      '#accessibilityEmail',
      '#formatResponseWorkingDays',
      '#statementReviewedOn-day',
      '#dpoEmail',
      '#retentionYearsAfter25',
      '#privacy-why',
    ])
    expect(inlineError(res.text, 'accessibilityEmail')).toContain('in the correct format')
    expect(inlineError(res.text, 'formatResponseWorkingDays')).toBe(
      'The number of working days must be between 1 and 30',
    )
    expect(inlineError(res.text, 'statementReviewedOn')).toBe(
      'The date the statement was last reviewed must be the same as or after the date it was prepared',
    )
    expect(inlineError(res.text, 'dpoEmail')).toBe('Enter the data protection officer’s email address')
    expect(inlineError(res.text, 'privacy-why')).toContain('hidden control characters')
    expect(decode(res.text)).toContain('value="not an email"')
    expect(decode(res.text)).toContain('value="six"')
    expect(await currentVersion()).toBe(1)
  })

  test('a save changes the public pages, with one audit row naming the columns', async () => {
    const res = await save({
      accessibilityEmail: 'access@north.example.org',
      formatResponseWorkingDays: '5',
      'statementReviewedOn-day': '1',
      'statementReviewedOn-month': '12',
      retentionYearsAfter25: '0',
      'privacy-shared': 'We share it with the panel only.\n\n- panel members\n- the school named in the plan',
    })
    expect(res.headers.location).toBe(`${SETTINGS}?done=saved`)
    expect(await row()).toMatchObject({ version: 2, retention_years_after_25: 0 })
    const events = await t()
      .database.db('audit_events')
      .where({ entity_type: 'public_page_settings', action: 'public_page_settings_changed' })
    expect(events).toHaveLength(1)
    expect(events[0].details).toEqual({
      fields:
        'accessibility_email, format_response_working_days, statement_reviewed_on, retention_years_after_25, privacy_wording',
      version: 2,
    })
    const statement = text((await request(t().app).get('/accessibility').expect(200)).text)
    expect(statement).toContain('email access@north.example.org')
    expect(statement).toContain('get back to you in 5 working days')
    expect(statement).toContain('It was last reviewed on 1 December 2026.')
    const privacy = (await request(t().app).get('/privacy').expect(200)).text
    expect(privacy).toContain('<li>the school named in the plan</li>')
    expect(text(privacy)).toContain(
      'We keep your child’s case until their 25th birthday, or until it closes if that is later. After that we delete it.',
    )
    expect(text(privacy)).not.toContain('First-tier Tribunal')
  })

  test('saving without a change writes nothing, and an emptied section goes back to the shipped words', async () => {
    const shared = 'We share it with the panel only.\n\n- panel members\n- the school named in the plan'
    await save({
      accessibilityEmail: 'access@north.example.org',
      formatResponseWorkingDays: '5',
      'statementReviewedOn-day': '1',
      'statementReviewedOn-month': '12',
      retentionYearsAfter25: '0',
      'privacy-shared': shared,
    })
    expect(await currentVersion()).toBe(2)
    await save({
      accessibilityEmail: 'access@north.example.org',
      formatResponseWorkingDays: '5',
      'statementReviewedOn-day': '1',
      'statementReviewedOn-month': '12',
      retentionYearsAfter25: '0',
      'privacy-shared': '',
    })
    expect(await currentVersion()).toBe(3)
    expect(text((await request(t().app).get('/privacy').expect(200)).text)).toContain('First-tier Tribunal')
  })

  test('a stale save is refused, showing what is saved now and keeping what was typed', async () => {
    const res = await save({ accessibilityEmail: 'typed@north.example.org' }, 409, 1)
    expect(summaryLinks(res.text)[0]![1]).toContain('Someone else saved these settings')
    const html = decode(res.text)
    expect(html).toContain('value="typed@north.example.org"')
    expect(html).toContain('Accessibility email: access@north.example.org')
    expect(res.text).toContain(`name="version" value="${await currentVersion()}"`)
    expect((await row()).accessibility_email).toBe('access@north.example.org')
  })
})

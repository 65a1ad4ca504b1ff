import type TestAgent from 'supertest/lib/agent'
import { DEMO_LETTER_SETTINGS } from '../../src/data/demoCouncil/letterSettings'
import { NOT_ADMINS } from '../support/app'
import { useDemoApp } from '../support/sittings'
import { decode, inlineError, summaryLinks } from '../support/formPages'
import { png } from '../support/images'

const { t, as } = useDemoApp()
let admin: TestAgent, token: string
beforeAll(async () => {
  ;({ agent: admin, token } = await as('admin@example.org'))
})

const PAGE = '/admin/letters'
const LOGO = '/admin/letters/logo'

const inputValue = (html: string, name: string) =>
  decode(new RegExp(`name="${name}" type="[a-z]+"[^>]*? value="([^"]*)"`).exec(html)?.[1] ?? '')

/** Every field as the demo council has it, as the form posts it. */
const DEMO_FORM: Record<string, string> = {
  councilName: DEMO_LETTER_SETTINGS.councilName,
  councilAddress: DEMO_LETTER_SETTINGS.councilAddress.join('\r\n'),
  sendTeamPhone: DEMO_LETTER_SETTINGS.sendTeam.phone,
  sendTeamEmail: DEMO_LETTER_SETTINGS.sendTeam.email,
  informationAdviceName: DEMO_LETTER_SETTINGS.informationAdvice.name,
  informationAdvicePhone: DEMO_LETTER_SETTINGS.informationAdvice.phone,
  informationAdviceEmail: DEMO_LETTER_SETTINGS.informationAdvice.email,
  informationAdviceWebsite: DEMO_LETTER_SETTINGS.informationAdvice.website,
  mediationName: DEMO_LETTER_SETTINGS.mediation.name,
  mediationPhone: DEMO_LETTER_SETTINGS.mediation.phone,
  mediationEmail: DEMO_LETTER_SETTINGS.mediation.email,
  disagreementResolutionName: DEMO_LETTER_SETTINGS.disagreementResolution.name,
  disagreementResolutionPhone: DEMO_LETTER_SETTINGS.disagreementResolution.phone,
  disagreementResolutionEmail: DEMO_LETTER_SETTINGS.disagreementResolution.email,
  tribunalUrl: DEMO_LETTER_SETTINGS.tribunalUrl,
  complaintsUrl: DEMO_LETTER_SETTINGS.complaintsUrl,
  signatureName: DEMO_LETTER_SETTINGS.signature.name,
  signatureJobTitle: DEMO_LETTER_SETTINGS.signature.jobTitle,
  followUpWorkingDays: String(DEMO_LETTER_SETTINGS.followUpWorkingDays),
  localOfferWords: DEMO_LETTER_SETTINGS.localOfferWords,
}

const row = () =>
  t().database.db('letter_settings').where({ id: 1 }).first() as Promise<Record<string, unknown>>
const currentVersion = async () => Number((await row()).version)
const audits = (action: string) =>
  t().database.db('audit_events').where({ entity_type: 'letter_settings', action }).orderBy('id')

/** Posts the whole form, as the demo council has it but for the changes, and expects the status given. */
async function save(changes: Record<string, string> = {}, status = 303, version?: number) {
  return admin
    .post(PAGE)
    .type('form')
    .send({ _csrf: token, version: String(version ?? (await currentVersion())), ...DEMO_FORM, ...changes })
    .expect(status)
}

const upload = (bytes: Buffer, filename: string, contentType: string, agent = admin, csrf = token) =>
  agent.post(LOGO).field('_csrf', csrf).attach('logo', bytes, { filename, contentType })

/** The start of a JPEG up to its frame header (a 2 by 1 colour image), which is all a letter reads of it. */
const JPEG = Buffer.from([
  ...[0xff, 0xd8],
  ...[0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0, 0],
  ...[0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x01, 0x00, 0x02, 0x03],
  ...[0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01],
  ...[0xff, 0xd9],
])

describe('the letter settings page', () => {
  test('is linked from settings and shows the demo council’s settings, which let letters be issued', async () => {
    const settings = await admin.get('/admin').expect(200)
    expect(settings.text).toContain(
      '<a class="govuk-link" href="/admin/letters">Letters: council details and where families get help</a>',
    )
    const res = await admin.get(PAGE).expect(200)
    const html = decode(res.text)
    expect(html).toContain('Letters: council details and where families get help</h1>')
    for (const [name, value] of Object.entries(DEMO_FORM)) {
      if (name !== 'councilAddress' && name !== 'localOfferWords')
        expect([name, inputValue(res.text, name)]).toEqual([name, value])
    }
    expect(html).toContain('>SEND Team\nCounty Hall\nAshcombe\nNS1 2AB</textarea>')
    expect(html).toContain(`>${DEMO_LETTER_SETTINGS.localOfferWords}</textarea>`)
    expect(html).toContain('For families who need the letter in another format')
    for (const legend of [
      'About the council',
      'Information, advice and support service',
      'Mediation',
      'Disagreement resolution',
      'The tribunal',
      'Signature',
      'Follow-up',
    ]) {
      expect(html).toContain(`<h2 class="govuk-fieldset__heading">${legend}</h2>`)
    }
    expect(html).toContain('Letters can be issued: every right a family has is in them.')
    expect(html).not.toContain('Letters cannot be issued')
    expect(html).toContain('There is no logo.')
    expect(res.text).toContain('enctype="multipart/form-data"')
    expect(res.text).toContain(`name="version" value="1"`)
  })

  test('a change is saved with one audit row naming the fields, and the version moves on', async () => {
    const res = await save({
      councilName: 'North Shire Council',
      councilAddress: 'County Hall\r\n\r\n  Ashcombe  \r\nNS1 2AB',
      followUpWorkingDays: '15',
    })
    expect(res.headers.location).toBe('/admin/letters?done=saved')
    expect(await row()).toMatchObject({
      council_name: 'North Shire Council',
      council_address: 'County Hall\nAshcombe\nNS1 2AB',
      follow_up_working_days: 15,
      mediation_phone: DEMO_FORM.mediationPhone,
      version: 2,
    })
    expect((await row()).updated_by).toBeTruthy()
    const [event, ...more] = await audits('letter_settings_changed')
    expect(more).toHaveLength(0)
    expect(event.entity_id).toBe('1')
    expect(event.actor_user_id).toBe((await row()).updated_by)
    expect(event.details).toEqual({ fields: 'councilName, councilAddress, followUpWorkingDays', version: 2 })
    const page = await admin.get(res.headers.location!).expect(200)
    expect(page.text).toContain('Letter settings saved.')
    expect(inputValue(page.text, 'councilName')).toBe('North Shire Council')
    expect(page.text).toContain('name="version" value="2"')
  })

  test('saving without a change writes nothing', async () => {
    const before = await audits('letter_settings_changed')
    await save({
      councilName: '  North Shire Council ',
      councilAddress: 'County Hall\n\nAshcombe\nNS1 2AB\n',
      followUpWorkingDays: '15',
    })
    expect(await currentVersion()).toBe(2)
    expect(await audits('letter_settings_changed')).toHaveLength(before.length)
  })

  test('a bad phone number, email address or web address is refused by its field', async () => {
    const version = await currentVersion()
    const res = await save(
      {
        sendTeamPhone: '01632 96',
        informationAdviceWebsite: 'http://sendiass.example.org',
        mediationPhone: '01632-960200',
        mediationEmail: 'mediation at example.org',
        disagreementResolutionEmail: 'resolution@example',
        tribunalUrl: 'www.gov.uk/appeal-ehc-plan-decision',
      },
      400,
    )
    const messages = {
      sendTeamPhone:
        'Enter the SEND team’s phone number in the correct format, like 01632 960 001 or +44 808 157 0192',
      informationAdviceWebsite:
        'Enter the advice service’s website in the correct format, starting with https://',
      mediationPhone:
        'Enter the mediation service’s phone number in the correct format, like 01632 960 001 or +44 808 157 0192',
      mediationEmail:
        'Enter the mediation service’s email address in the correct format, like name@example.org',
      disagreementResolutionEmail:
        'Enter the disagreement resolution service’s email address in the correct format, like name@example.org',
      tribunalUrl: 'Enter the tribunal’s web address in the correct format, starting with https://',
    }
    for (const [field, message] of Object.entries(messages)) {
      expect([field, inlineError(res.text, field)]).toEqual([field, message])
    }
    expect(summaryLinks(res.text)).toEqual(Object.entries(messages).map(([f, m]) => [`#${f}`, m]))
    expect(inputValue(res.text, 'mediationEmail')).toBe('mediation at example.org')
    expect(await currentVersion()).toBe(version)
    expect(await row()).toMatchObject({ send_team_phone: DEMO_FORM.sendTeamPhone })
  })

  test('UK numbers written in the usual ways are accepted', async () => {
    for (const phone of ['+44 (0)1632 960200', '(01632) 960200', '07700900982', '0808 157 0192']) {
      await save({ mediationPhone: phone })
      expect((await row()).mediation_phone).toBe(phone)
    }
    await save({ mediationPhone: DEMO_FORM.mediationPhone! })
    for (const phone of ['01632 9602', '+44 (0)1632 960200 123', '01632 960200 ext 4', 'phone us']) {
      const res = await save({ mediationPhone: phone }, 400)
      expect(inlineError(res.text, 'mediationPhone')).toMatch(/in the correct format/)
    }
  })

  test('what every letter needs is required, and the follow-up is 1 to 30 working days', async () => {
    const res = await save(
      {
        councilName: ' ',
        councilAddress: '\n \n',
        sendTeamEmail: '',
        signatureName: '',
        signatureJobTitle: '',
        followUpWorkingDays: '31',
      },
      400,
    )
    expect(summaryLinks(res.text)).toEqual([
      ['#councilName', 'Enter the council’s name'],
      ['#councilAddress', 'Enter the council’s address'],
      ['#sendTeamEmail', 'Enter the SEND team’s email address'],
      ['#signatureName', 'Enter the name of the person who signs the letters'],
      ['#signatureJobTitle', 'Enter the job title of the person who signs the letters'],
      ['#followUpWorkingDays', 'The number of working days must be between 1 and 30'],
    ])
    const lines = Array.from({ length: 9 }, (_, i) => `Line ${i + 1}`).join('\n')
    const more = await save({ councilAddress: lines, followUpWorkingDays: 'ten' }, 400)
    expect(inlineError(more.text, 'councilAddress')).toBe('The council’s address must be 8 lines or fewer')
    expect(inlineError(more.text, 'followUpWorkingDays')).toBe(
      'The number of working days must be a whole number',
    )
    const zero = await save({ followUpWorkingDays: '0' }, 400)
    expect(inlineError(zero.text, 'followUpWorkingDays')).toBe(
      'The number of working days must be between 1 and 30',
    )
    await save({ councilAddress: lines.split('\n').slice(0, 8).join('\n') })
    expect((await row()).council_address).toBe(lines.split('\n').slice(0, 8).join('\n'))
  })

  test('a form opened before someone else saved is refused, and saves nothing', async () => {
    const version = await currentVersion()
    const before = await audits('letter_settings_changed')
    const res = await save({ councilName: 'Stale Council' }, 409, version - 1)
    expect(decode(res.text)).toContain('Someone else saved the letter settings after you opened this page')
    expect(summaryLinks(res.text)[0]![0]).toBe('#saved-values')
    expect(inputValue(res.text, 'councilName')).toBe('Stale Council')
    expect(await currentVersion()).toBe(version)
    expect((await row()).council_name).not.toBe('Stale Council')
    expect(await audits('letter_settings_changed')).toHaveLength(before.length)
    await save({ councilName: 'Stale Council' }, 409, 0)
  })

  test('a service left without a phone number means letters cannot be issued, and says why', async () => {
    await save({ mediationPhone: '' })
    const page = decode((await admin.get(PAGE).expect(200)).text)
    expect(page).toContain('Letters cannot be issued until these are fixed:')
    expect(page).toContain(
      'The letter does not say how to arrange mediation. Add the mediation service’s name, phone and email in the letter settings.',
    )
    expect(page).not.toContain('Letters can be issued:')
    await save({ mediationPhone: DEMO_FORM.mediationPhone!, tribunalUrl: '' })
    const tribunal = decode((await admin.get(PAGE).expect(200)).text)
    expect(tribunal).toContain('The letter does not say how to appeal to the tribunal.')
    expect(tribunal).not.toContain('how to arrange mediation')
    await save({ tribunalUrl: DEMO_FORM.tribunalUrl!, complaintsUrl: '' })
    // Letters about decisions with no appeal send families to the complaints page instead.
    const complaints = decode((await admin.get(PAGE).expect(200)).text)
    expect(complaints).toContain('The letter does not say how to complain.')
    expect(complaints).not.toContain('how to appeal to the tribunal')
    await save({ complaintsUrl: DEMO_FORM.complaintsUrl! })
    expect((await admin.get(PAGE).expect(200)).text).toContain('Letters can be issued')
  })
})

describe('the logo', () => {
  const logoRow = async () => {
    const r = await row()
    return { type: r.logo_type, bytes: r.logo ? Buffer.from(r.logo as Uint8Array) : null }
  }

  test('a PNG is saved, audited, previewed on the page and served as a PNG', async () => {
    const image = png(40, 16)
    const version = await currentVersion()
    const res = await upload(image, 'crest.png', 'image/png').expect(303)
    expect(res.headers.location).toBe('/admin/letters?done=logo-saved#logo-heading')
    expect(await logoRow()).toEqual({ type: 'image/png', bytes: image })
    expect(await currentVersion()).toBe(version)
    const [event] = await audits('letter_logo_changed')
    expect(event.details).toEqual({ type: 'image/png', bytes: image.length })
    const page = await admin.get('/admin/letters?done=logo-saved').expect(200)
    expect(page.text).toContain('Logo saved.')
    expect(page.text).toContain('<img src="/admin/letters/logo" alt="Current logo"')
    expect(page.text).toContain('Replace logo')
    const served = await admin.get(LOGO).expect(200).expect('Content-Type', 'image/png')
    expect(Buffer.compare(served.body as Buffer, image)).toBe(0)
  })

  test('a JPEG replaces it, whatever the file is called', async () => {
    await upload(JPEG, 'crest.jpeg.bin', 'application/octet-stream').expect(303)
    expect(await logoRow()).toEqual({ type: 'image/jpeg', bytes: JPEG })
    expect(await audits('letter_logo_changed')).toHaveLength(2)
    await admin.get(LOGO).expect(200).expect('Content-Type', 'image/jpeg')
  })

  test.each([
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'crest.gif', 'image/gif'],
    ['a text file called .png', Buffer.from('Not a picture at all\n'), 'crest.png', 'image/png'],
    ['a PNG cut short', png(40, 16).subarray(0, 40), 'crest.png', 'image/png'],
    [
      'a PNG whose chunk claims more than the file holds',
      Buffer.concat([
        png(4, 4).subarray(0, 33),
        Buffer.from([0x7f, 0xff, 0xff, 0xff, 0x49, 0x44, 0x41, 0x54]),
        Buffer.alloc(100),
      ]),
      'crest.png',
      'image/png',
    ],
    [
      'a JPEG with no frame',
      Buffer.concat([JPEG.subarray(0, 20), Buffer.from([0xff, 0xd9])]),
      'crest.jpg',
      'image/jpeg',
    ],
  ])('%s is refused by the field, and the logo kept', async (_name, bytes, filename, type) => {
    const res = await upload(bytes, filename, type).expect(400)
    expect(inlineError(res.text, 'logo')).toBe('The logo must be a PNG or JPEG')
    expect(summaryLinks(res.text)).toEqual([['#logo', 'The logo must be a PNG or JPEG']])
    expect(res.text).toContain('govuk-file-upload--error')
    expect(res.text).toContain('<title>Error: Letters: council details')
    expect(await logoRow()).toEqual({ type: 'image/jpeg', bytes: JPEG })
  })

  test('a file over 500 KB is refused by the field; one of 500 KB exactly is not', async () => {
    const padded = Buffer.concat([png(40, 16), Buffer.alloc(500 * 1024)])
    for (const big of [padded, padded.subarray(0, 500 * 1024 + 1)]) {
      const res = await upload(big, 'crest.png', 'image/png').expect(400)
      expect(inlineError(res.text, 'logo')).toBe('The logo must be smaller than 500 KB')
      expect(summaryLinks(res.text)).toEqual([['#logo', 'The logo must be smaller than 500 KB']])
      expect(await logoRow()).toEqual({ type: 'image/jpeg', bytes: JPEG })
    }
    const exact = padded.subarray(0, 500 * 1024)
    await upload(exact, 'crest.png', 'image/png').expect(303)
    expect(await logoRow()).toEqual({ type: 'image/png', bytes: exact })
    await upload(JPEG, 'crest.jpg', 'image/jpeg').expect(303)
  })

  test('a picture too big to draw on a letter is refused, however small the file', async () => {
    const res = await upload(png(4001, 2), 'banner.png', 'image/png').expect(400)
    expect(inlineError(res.text, 'logo')).toBe('The logo must be 4000 pixels or fewer wide and high')
    expect(await logoRow()).toEqual({ type: 'image/jpeg', bytes: JPEG })
  })

  test('sending the form with no file asks for one', async () => {
    const res = await admin.post(LOGO).field('_csrf', token).expect(400)
    expect(inlineError(res.text, 'logo')).toBe('Select a PNG or JPEG file for the logo')
  })

  test('the logo is removed and audited; removing none changes nothing', async () => {
    await admin
      .post(`${LOGO}/remove`)
      .type('form')
      .send({ _csrf: token })
      .expect(303)
      .expect('Location', '/admin/letters?done=logo-removed#logo-heading')
    expect(await logoRow()).toEqual({ type: null, bytes: null })
    expect(await audits('letter_logo_removed')).toHaveLength(1)
    const page = await admin.get('/admin/letters?done=logo-removed').expect(200)
    expect(page.text).toContain('Logo removed.')
    expect(page.text).not.toContain('alt="Current logo"')
    await admin.get(LOGO).expect(404)
    await admin.post(`${LOGO}/remove`).type('form').send({ _csrf: token }).expect(303)
    expect(await audits('letter_logo_removed')).toHaveLength(1)
  })
})

describe('protection', () => {
  test('a change without the form’s CSRF token is refused, and changes nothing', async () => {
    const before = await row()
    const count = async () => Number((await t().database.db('audit_events').count('* as n').first())!.n)
    const audited = await count()
    for (const csrf of [undefined, 'x'.repeat(token.length)]) {
      const res = await admin
        .post(PAGE)
        .type('form')
        .send({ ...DEMO_FORM, councilName: 'Forged', version: String(before.version), _csrf: csrf })
        .expect(403)
      expect(res.text).toContain('Sorry, this form has expired')
      await admin.post(`${LOGO}/remove`).type('form').send({ _csrf: csrf }).expect(403)
    }
    await admin.post(LOGO).attach('logo', png(4, 4), 'crest.png').expect(403)
    await upload(png(4, 4), 'crest.png', 'image/png', admin, 'x'.repeat(token.length)).expect(403)
    await upload(Buffer.alloc(600 * 1024), 'crest.png', 'image/png', admin, 'forged').expect(403)
    expect(await row()).toEqual(before)
    expect(await count()).toBe(audited)
  })

  test.each(NOT_ADMINS)('%s gets 403 on every route, and changes nothing', async (email) => {
    await upload(png(4, 4), 'crest.png', 'image/png').expect(303)
    const before = await row()
    // Their own valid token, so that the refusal is the role check and not the CSRF check.
    const { agent, token: own } = await as(email)
    for (const path of [PAGE, LOGO]) {
      expect((await agent.get(path).expect(403)).text).toContain('You cannot see this page')
    }
    await agent
      .post(PAGE)
      .type('form')
      .send({ ...DEMO_FORM, councilName: 'Forbidden', version: String(before.version), _csrf: own })
      .expect(403)
    await upload(JPEG, 'crest.jpg', 'image/jpeg', agent, own).expect(403)
    await agent.post(`${LOGO}/remove`).type('form').send({ _csrf: own }).expect(403)
    expect(await row()).toEqual(before)
  })
})

describe('the words for every letter', () => {
  test('hard words are refused on save, saying what makes them hard', async () => {
    const res = await save(
      {
        localOfferWords:
          'Comprehensive information regarding the statutory provision available to children is obtainable via the local offer.',
      },
      400,
    )
    const message = inlineError(res.text, 'localOfferWords')
    expect(message).toContain('The words for every letter are hard to read')
    expect(message).toContain('reading ease')
    expect(message).toContain('rather than “provision”')
    expect(summaryLinks(res.text).map(([href]) => href)).toContain('#localOfferWords')
  })

  test('plain words are saved and end every letter', async () => {
    await save({ localOfferWords: 'You can find more help on our local offer website.' })
    expect((await row()).local_offer_words).toBe('You can find more help on our local offer website.')
  })
})

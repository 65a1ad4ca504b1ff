import request from 'supertest'
import { updateFamilyContact } from '../../src/data/caseRecords'
import type { NewFamilyContact } from '../../src/domain/caseIntake'
import { createTestApp, csrfTokenIn, signedInAgent, TEST_TODAY, type TestApp } from '../support/app'
import { decode, inlineError, summaryLinks } from '../support/formPages'
import { useDemoApp } from '../support/sittings'

/**
 * Family accounts on the demo council: a caseworker invites a contact, the contact sets a password
 * from the link in the e-mail, and the family sees only their own child's case, where they can send
 * the panel their views.
 */

const { t, db, as } = useDemoApp()

interface Contact {
  caseId: string
  contactId: string
  email: string
  caseworker: string
}

/** A child's case and one of its family contacts, as the caseworker's page shows them. */
async function contactOf(firstName: string, contactName?: string): Promise<Contact> {
  const row = (await db()('cases as c')
    .join('children as ch', 'ch.id', 'c.child_id')
    .join('family_contacts as fc', 'fc.child_id', 'ch.id')
    .join('users as u', 'u.id', 'c.caseworker_id')
    .where('ch.first_name', firstName)
    .modify((q) => {
      if (contactName) q.where('fc.full_name', contactName)
    })
    .orderBy([{ column: 'fc.is_main_contact', order: 'desc' }, 'c.received_on'])
    .first('c.id', 'fc.id as contact_id', 'fc.email', 'u.email as caseworker')) as {
    id: string
    contact_id: string
    email: string
    caseworker: string
  }
  return { caseId: row.id, contactId: row.contact_id, email: row.email, caseworker: row.caseworker }
}

async function invite(contact: Contact, status: number) {
  const { agent, token } = await as(contact.caseworker)
  return agent
    .post(`/cases/${contact.caseId}/contacts/${contact.contactId}/invite`)
    .type('form')
    .send({ _csrf: token })
    .expect(status)
}

/** The link in the newest invitation e-mail to this address, as the family would click it. */
async function invitationLink(email: string): Promise<string> {
  const row = (await db()('email_outbox')
    .where({ to_address: email, event: 'family_invited' })
    .orderBy('created_at', 'desc')
    .first('body')) as { body: string }
  const link = /https?:\/\/\S+\/invitations\/([A-Za-z0-9_-]+)/.exec(row.body)
  if (!link) throw new Error('No invitation link in the e-mail')
  return `/invitations/${link[1]}`
}

async function accept(path: string, form: Record<string, string>) {
  const agent = request.agent(t().app)
  const page = await agent.get(path)
  const token = csrfTokenIn(page.status === 200 ? page.text : (await agent.get('/sign-in')).text)
  const res = await agent
    .post(path)
    .type('form')
    .send({ _csrf: token, ...form })
  return { agent, page, res }
}

const NEW_PASSWORD = 'purple lamp river 42'

describe('inviting a family contact', () => {
  test('the caseworker’s case page offers an invitation to contacts without an account', async () => {
    const laura = await contactOf('Oliver')
    const page = await (await as(laura.caseworker)).agent.get(`/cases/${laura.caseId}`).expect(200)
    expect(page.text).toContain(`/cases/${laura.caseId}/contacts/${laura.contactId}/invite`)
    expect(decode(page.text)).toContain('Invite to a family account')
    const maya = await contactOf('Maya', 'Sarah Thompson')
    const mayaPage = await (await as(maya.caseworker)).agent.get(`/cases/${maya.caseId}`).expect(200)
    expect(mayaPage.text).not.toContain(`/contacts/${maya.contactId}/invite`)
    expect(decode(mayaPage.text)).toContain('Has an account')
  })

  test('an invitation is an e-mail with a single-use link; only its hash is stored', async () => {
    const laura = await contactOf('Oliver')
    expect((await invite(laura, 303)).headers.location).toBe(`/cases/${laura.caseId}?changed=invited#family`)
    const [email] = await db()('email_outbox').where({ to_address: laura.email, event: 'family_invited' })
    expect(email.subject).toBe("Set up your account to follow Oliver's case")
    expect(email.body).toContain('Dear Laura Bennett')
    expect(email.body).not.toContain("Bennett's") // the child by first name only
    // The privacy notice, on the service's own address (PUBLIC_URL), as every e-mail links to it.
    expect(email.body).toContain(`How we use your information: ${t().config.publicUrl}/privacy`)
    const path = await invitationLink(laura.email)
    const token = path.split('/').pop()!
    const [stored] = await db()('family_invitations').where({ family_contact_id: laura.contactId })
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored.token_hash).not.toContain(token)
    expect(JSON.stringify(stored)).not.toContain(token)
    expect(new Date(stored.expires_at).getTime() - new Date(stored.created_at).getTime()).toBe(
      7 * 24 * 3600_000,
    )
    const audit = await db()('audit_events').where({ action: 'family_invited', entity_id: laura.caseId })
    expect(audit).toHaveLength(1)
    const page = await (await as(laura.caseworker)).agent.get(`/cases/${laura.caseId}`).expect(200)
    expect(decode(page.text)).toContain('Family contact invited to a family account')
    expect(decode(page.text)).toContain('The link works until')
  })

  test('the contact sets a password, is signed in, and sees only their own child', async () => {
    const laura = await contactOf('Oliver')
    const path = await invitationLink(laura.email)
    const { agent, page, res } = await accept(path, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })
    expect(decode(page.text)).toContain('Set up your account')
    expect(page.text).toContain(laura.email)
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/portal?welcome=1')
    // Oliver's case is still a draft, so there is nothing to open yet; no other child is shown.
    const home = decode((await agent.get('/portal').expect(200)).text)
    expect(home).toContain('Oliver’s case')
    expect(home).toContain('There is nothing with the panel for Oliver at the moment.')
    expect(home).not.toContain('Maya')
    const account = await db()('users').where({ email: laura.email }).first()
    expect(account).toMatchObject({ role: 'family', full_name: 'Laura Bennett' })
    expect(account.password_hash).toMatch(/^scrypt\$/)
    // The new password signs in from now on.
    await signedInAgent(t().app, laura.email, NEW_PASSWORD)
  })

  test('a used link does not work again', async () => {
    const laura = await contactOf('Oliver')
    const path = await invitationLink(laura.email)
    const again = await request(t().app).get(path).expect(410)
    expect(decode(again.text)).toContain('This link has already been used')
    const { res } = await accept(path, {
      password: 'another password 1',
      confirmPassword: 'another password 1',
    })
    expect(res.status).toBe(410)
  })

  test('a password too short or not repeated is refused by the field, and nothing is set up', async () => {
    const amara = await contactOf('Amara')
    await invite(amara, 303)
    const path = await invitationLink(amara.email)
    const short = (await accept(path, { password: 'short', confirmPassword: 'short' })).res
    expect(short.status).toBe(400)
    expect(inlineError(short.text, 'password')).toBe('Password must be 12 characters or more')
    expect(summaryLinks(short.text)).toEqual([['#password', 'Password must be 12 characters or more']])
    const mismatch = (await accept(path, { password: NEW_PASSWORD, confirmPassword: 'something else!' })).res
    expect(mismatch.status).toBe(400)
    expect(inlineError(mismatch.text, 'confirmPassword')).toBe('Enter the same password again to confirm it')
    expect(await db()('users').where({ email: amara.email }).first()).toBeUndefined()
  })

  test('a guessable password, or one with the contact’s name or email, is refused with its own message', async () => {
    const amara = await contactOf('Amara')
    await invite(amara, 303)
    const path = await invitationLink(amara.email)
    const [localPart] = amara.email.split('@')
    const contact = (await db()('family_contacts').where({ id: amara.contactId }).first('full_name')) as {
      full_name: string
    }
    const surname = contact.full_name.split(' ').pop()!
    const refusals: [string, string][] = [
      ['aaaaaaaaaaaa', 'easy to guess'],
      ['password1234', 'commonly used password'],
      [' '.repeat(12), 'Password must not be only spaces'],
      ['x'.repeat(1001), 'Password must be 1,000 characters or fewer'],
      [`${localPart} harbour lamp`, 'Password must not contain your email address'],
      [`${surname} harbour lamp 9`, 'Password must not contain your name'],
    ]
    for (const [password, message] of refusals) {
      const { res } = await accept(path, { password, confirmPassword: password })
      expect(res.status).toBe(400)
      expect(inlineError(res.text, 'password')).toContain(message)
    }
    expect(await db()('users').where({ email: amara.email }).first()).toBeUndefined()
  })

  test('an expired link, and a link replaced by a newer one, do not work', async () => {
    const amara = await contactOf('Amara')
    const first = await invitationLink(amara.email)
    await invite(amara, 303)
    const second = await invitationLink(amara.email)
    expect(second).not.toBe(first)
    expect(decode((await request(t().app).get(first).expect(404)).text)).toContain('This link does not work')
    await db()('family_invitations')
      .where({ family_contact_id: amara.contactId })
      .whereNull('withdrawn_at')
      .update({ expires_at: new Date(`${TEST_TODAY}T00:00:00Z`) })
    const expired = await request(t().app).get(second).expect(410)
    expect(decode(expired.text)).toContain('The link has expired')
    const { res } = await accept(second, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })
    expect(res.status).toBe(410)
    expect(await db()('users').where({ email: amara.email }).first()).toBeUndefined()
  })

  test('correcting the contact’s email address stops the link sent to the old one', async () => {
    const noah = await contactOf('Noah')
    await invite(noah, 303)
    const path = await invitationLink(noah.email)
    await request(t().app).get(path).expect(200)
    const stored = (await db()('family_contacts').where({ id: noah.contactId }).first()) as Record<
      string,
      unknown
    >
    await db().transaction((trx) =>
      updateFamilyContact(
        trx,
        noah.contactId,
        {
          fullName: String(stored.full_name),
          relationship: stored.relationship as NewFamilyContact['relationship'],
          address: stored.address as string | null,
          email: 'abena.mensah@example.net',
          phone: stored.phone as string | null,
          preferredLanguage: String(stored.preferred_language),
          needsInterpreter: Boolean(stored.needs_interpreter),
          letterFormat: stored.letter_format as NewFamilyContact['letterFormat'],
        },
        Boolean(stored.is_main_contact),
      ),
    )
    await request(t().app).get(path).expect(404)
  })

  test('a made-up link is not found', async () => {
    await request(t().app).get('/invitations/not-a-real-token-at-all-0123456789').expect(404)
    await request(t().app).get('/invitations/short').expect(404)
  })

  test('a young person of 16 or over can have their own account; under 16 cannot', async () => {
    const erin = await contactOf('Erin', 'Erin MacDonald')
    await invite(erin, 303)
    const [email] = await db()('email_outbox').where({ to_address: erin.email, event: 'family_invited' })
    expect(email.subject).toBe('Set up your account to follow your case')

    const jack = await contactOf('Jack')
    await db()('family_contacts').where({ id: jack.contactId }).update({ relationship: 'young_person' })
    const refused = await invite(jack, 400)
    expect(inlineError(refused.text, `invite-${jack.contactId}`)).toBe(
      'Jack is under 16, so cannot have their own account yet. Invite a parent or carer instead',
    )
    await db()('family_contacts').where({ id: jack.contactId }).update({ relationship: 'parent' })
  })

  test('a contact with no email, or with a staff email, cannot be invited', async () => {
    const isla = await contactOf('Isla')
    await db()('family_contacts').where({ id: isla.contactId }).update({ email: null })
    const noEmail = await invite(isla, 400)
    expect(inlineError(noEmail.text, `invite-${isla.contactId}`)).toBe(
      'Add an email address for Fiona Campbell before inviting them',
    )
    await db()('family_contacts').where({ id: isla.contactId }).update({ email: 'member@example.org' })
    const staff = await invite(isla, 400)
    expect(decode(staff.text)).toContain('member@example.org belongs to a council staff account')
  })

  test('a parent who already has an account adds the child with their existing password', async () => {
    // Sarah Thompson (parent@) is also recorded as a contact of another child.
    const sofia = await contactOf('Sofia')
    await db()('family_contacts').where({ id: sofia.contactId }).update({ email: 'parent@example.org' })
    await invite(sofia, 303)
    const path = await invitationLink('parent@example.org')
    const wrong = await accept(path, { password: 'not the right password' })
    expect(decode(wrong.page.text)).toContain('You already have an account')
    expect(wrong.res.status).toBe(400)
    expect(inlineError(wrong.res.text, 'password')).toBe('Enter the password of your existing account')
    const { res, agent } = await accept(path, { password: 'test-demo-password' })
    expect(res.status).toBe(303)
    const home = decode((await agent.get('/portal').expect(200)).text)
    expect(home).toContain('Maya')
    expect(home).toContain('Sofia')
    expect(await db()('users').where({ email: 'parent@example.org' })).toHaveLength(1)
  })

  test('only caseworkers invite, and another case’s contact is not found', async () => {
    const laura = await contactOf('Oliver')
    const amara = await contactOf('Amara')
    const chair = await as('chair@example.org')
    await chair.agent
      .post(`/cases/${amara.caseId}/contacts/${amara.contactId}/invite`)
      .type('form')
      .send({ _csrf: chair.token })
      .expect(403)
    const { agent, token } = await as(amara.caseworker)
    await agent
      .post(`/cases/${amara.caseId}/contacts/${laura.contactId}/invite`)
      .type('form')
      .send({ _csrf: token })
      .expect(404)
  })
})

describe('the family’s case page', () => {
  let mayaPlan: string
  let mayaDecided: string

  beforeAll(async () => {
    const rows = (await db()('cases as c')
      .join('children as ch', 'ch.id', 'c.child_id')
      .where('ch.first_name', 'Maya')
      .select('c.id', 'c.status')) as { id: string; status: string }[]
    mayaPlan = rows.find((r) => r.status === 'scheduled')!.id
    mayaDecided = rows.find((r) => r.status === 'decided')!.id
  })

  test('says where the case is, the next panel date, what happens after, and who the caseworker is', async () => {
    const sitting = (await db()('case_queue as q')
      .join('sittings as s', 's.id', 'q.sitting_id')
      .where('q.case_id', mayaPlan)
      .first('s.sitting_on')) as { sitting_on: string }
    const { agent } = await as('parent@example.org')
    const page = decode((await agent.get(`/portal/cases/${mayaPlan}`).expect(200)).text)
    const longDate = new Date(`${sitting.sitting_on}T12:00:00Z`).toLocaleDateString('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    })
    expect(page).toContain(`The panel meets on ${longDate.replace(',', '')}.`)
    expect(page).toContain('After the meeting, we will write to you with the decision')
    expect(page).toContain('Priya Sharma')
    expect(page).toContain('01632 960101')
    expect(page).toContain('caseworker@example.org')
    expect(page).toContain('Send your views by')
  })

  test('the decided case has the decision letter to download', async () => {
    const { agent } = await as('parent@example.org')
    const page = (await agent.get(`/portal/cases/${mayaDecided}`).expect(200)).text
    expect(decode(page)).toContain('The panel has made its decision.')
    const link = new RegExp(`/portal/cases/${mayaDecided}/letters/[0-9a-f-]+\\.pdf`).exec(page)
    expect(link).not.toBeNull()
    const pdf = await agent.get(link![0]).responseType('blob').expect(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
  })

  test('the decided case states the decision on the page, as its letter gave it, with a next date', async () => {
    const letter = await db()('letters').where({ case_id: mayaDecided, status: 'issued' }).first('content')
    const sentence = (letter.content as { sections: { paragraphs: { text: string }[] }[] }).sections[0]!
      .paragraphs[0]!.text
    const { agent } = await as('parent@example.org')
    const page = decode((await agent.get(`/portal/cases/${mayaDecided}`).expect(200)).text)
    expect(page).toContain('<h2 class="govuk-heading-m">Our decision</h2>')
    expect(page).toContain(sentence)
    const next = /<div id="next-date">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? ''
    expect(next).toMatch(/ by \w+day \d{1,2} \w+ \d{4}\./)
    // Decided, so no panel date beside it and no views form, with the reason why.
    expect(page).not.toContain('The panel meets on')
    expect(page).toContain('The panel has already made its decision, so it is too late to send views for it.')
    // The first use of EHC on the page is explained.
    expect(page).toContain('EHC stands for education, health and care')
  })

  test('the family’s list never shows a panel date beside a decided case', async () => {
    const { agent } = await as('parent@example.org')
    const home = decode((await agent.get('/portal').expect(200)).text)
    for (const card of home.split('govuk-summary-card__title-wrapper').slice(1))
      if (card.includes('>Decided<')) expect(card).not.toContain('The panel meets on')
  })

  test('views sent before the closing date reach the panel’s papers and the case timeline', async () => {
    const { agent, token } = await as('parent@example.org')
    const words =
      'Maya is happier at school since she has had a quiet space.\nWe would like the plan to keep it.'
    await agent
      .post(`/portal/cases/${mayaPlan}/views`)
      .type('form')
      .send({ _csrf: token, views: words })
      .expect(303)
      .expect('Location', `/portal/cases/${mayaPlan}?sent=1#your-views`)
    const page = decode((await agent.get(`/portal/cases/${mayaPlan}?sent=1`).expect(200)).text)
    expect(page).toContain('We have sent your views to the panel')
    expect(page).toContain('since she has had a quiet space.')

    const sittingId = (
      (await db()('case_queue').where({ case_id: mayaPlan }).first('sitting_id')) as {
        sitting_id: string
      }
    ).sitting_id
    const panelMember = (await db()('panel_members as m')
      .join('sittings as s', 's.panel_id', 'm.panel_id')
      .join('users as u', 'u.id', 'm.user_id')
      .where('s.id', sittingId)
      .orderBy('m.is_chair', 'desc')
      .first('u.email')) as { email: string }
    const papers = decode(
      (await (await as(panelMember.email)).agent.get(`/sittings/${sittingId}/cases/${mayaPlan}`).expect(200))
        .text,
    )
    expect(papers).toContain('The family’s views')
    expect(papers).toContain('From Sarah Thompson, sent')
    expect(papers).toContain('We would like the plan to keep it.')

    const casePage = decode((await (await as('caseworker@example.org')).agent.get(`/cases/${mayaPlan}`)).text)
    expect(casePage).toContain('The family sent their views to the panel')
    expect(casePage).toContain('Views the family sent to the panel')
    expect(casePage).toContain('since she has had a quiet space.')
  })

  test('empty or overlong views are refused by the field, keeping what was typed', async () => {
    const { agent, token } = await as('parent@example.org')
    const empty = await agent
      .post(`/portal/cases/${mayaPlan}/views`)
      .type('form')
      .send({ _csrf: token, views: '  ' })
    expect(empty.status).toBe(400)
    expect(inlineError(empty.text, 'views')).toBe('Write your views before sending them')
    const long = 'a'.repeat(10_001)
    const tooLong = await agent
      .post(`/portal/cases/${mayaPlan}/views`)
      .type('form')
      .send({ _csrf: token, views: long })
    expect(tooLong.status).toBe(400)
    expect(inlineError(tooLong.text, 'views')).toBe('Your views must be 10,000 characters or fewer')
    expect(tooLong.text).toContain(long)
  })

  test('after the closing date the form is gone and a late send is refused with who to contact', async () => {
    const { agent, token } = await as('parent@example.org')
    const sittingId = (
      (await db()('case_queue').where({ case_id: mayaPlan }).first('sitting_id')) as {
        sitting_id: string
      }
    ).sitting_id
    const before = (await db()('sittings').where({ id: sittingId }).first('sitting_on')) as {
      sitting_on: string
    }
    // The sitting is moved to the day after tomorrow: its papers closed days ago.
    await db()('sittings').where({ id: sittingId }).update({ sitting_on: '2026-11-25' })
    try {
      const page = decode((await agent.get(`/portal/cases/${mayaPlan}`).expect(200)).text)
      expect(page).not.toContain('Send your views to the panel')
      // It says why: the papers closed on a date the family can see.
      expect(page).toMatch(
        /The panel’s papers closed on \w+day \d{1,2} November 2026, so new views would not reach/,
      )
      const late = await agent
        .post(`/portal/cases/${mayaPlan}/views`)
        .type('form')
        .send({ _csrf: token, views: 'Late views' })
      expect(late.status).toBe(409)
      expect((late.text.match(/<title>/g) ?? []).length).toBe(1)
      expect(/<title>([^<]*)<\/title>/.exec(decode(late.text))?.[1]?.match(/Error:/g)).toHaveLength(1)
      expect(decode(late.text)).toContain(
        'It is too late to send views through your account. Contact Priya Sharma',
      )
    } finally {
      await db()('sittings').where({ id: sittingId }).update({ sitting_on: before.sitting_on })
    }
  })
})

describe('rate limits', () => {
  let limited: TestApp
  beforeAll(async () => {
    limited = await createTestApp({ signInAttemptsPerWindow: 2 })
  }, 120_000)
  afterAll(() => limited?.close())

  test('tries at invitation links are counted per address and refused past the limit', async () => {
    const agent = request.agent(limited.app)
    for (let i = 0; i < 4; i++)
      await agent.get(`/invitations/guessed-token-${i}-abcdefghijklmnop`).expect(404)
    const refused = await agent.get('/invitations/guessed-token-9-abcdefghijklmnop').expect(429)
    expect(decode(refused.text)).toContain('You have tried too many times')
  })

  test('a caseworker sending invitations in a loop is stopped after 30 an hour', async () => {
    const row = (await limited.database
      .db('cases as c')
      .join('family_contacts as fc', 'fc.child_id', 'c.child_id')
      .join('users as u', 'u.id', 'c.caseworker_id')
      .whereNull('fc.user_id')
      .whereNotNull('fc.email')
      .first('c.id', 'fc.id as contact_id', 'u.email')) as { id: string; contact_id: string; email: string }
    const agent = await signedInAgent(limited.app, row.email)
    const token = csrfTokenIn((await agent.get(`/cases/${row.id}`)).text)
    const send = () =>
      agent.post(`/cases/${row.id}/contacts/${row.contact_id}/invite`).type('form').send({ _csrf: token })
    for (let i = 0; i < 30; i++) expect((await send()).status).toBe(303)
    const refused = await send()
    expect(refused.status).toBe(429)
    expect(decode(refused.text)).toContain('You have sent too many invitations in the last hour')
    // Each new invitation withdrew the one before: one link works.
    const live = await limited.database
      .db('family_invitations')
      .where({ family_contact_id: row.contact_id })
      .whereNull('withdrawn_at')
    expect(live).toHaveLength(1)
  })
})

import {
  ageOn,
  familyAccountStatus,
  familyProgress,
  invitationProblem,
  viewsCloseOn,
} from '../../src/domain/familyPortal'
import { invitationEmail } from '../../src/domain/invitationEmail'
import { readability } from '../../src/domain/readability'

describe('age and accounts', () => {
  test.each([
    ['2010-11-23', '2026-11-23', 16],
    ['2010-11-24', '2026-11-23', 15],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
  ])('born %s, on %s is %s years old', (born, today, age) => {
    expect(ageOn(born, today)).toBe(age)
  })

  const contact = {
    fullName: 'Erin MacDonald',
    relationship: 'young_person',
    email: 'erin@example.net',
    hasPortalAccount: false,
  }
  test('a young person can be invited from their 16th birthday, not before', () => {
    expect(
      invitationProblem(contact, { firstName: 'Erin', dateOfBirth: '2010-11-23' }, '2026-11-23'),
    ).toBeNull()
    expect(invitationProblem(contact, { firstName: 'Erin', dateOfBirth: '2010-11-24' }, '2026-11-23')).toBe(
      'Erin is under 16, so cannot have their own account yet. Invite a parent or carer instead',
    )
  })

  test('a parent of a young child can be invited; no email or an account already are refused', () => {
    const child = { firstName: 'Leo', dateOfBirth: '2023-01-01' }
    const parent = { ...contact, fullName: 'Meera Patel', relationship: 'parent' }
    expect(invitationProblem(parent, child, '2026-11-23')).toBeNull()
    expect(invitationProblem({ ...parent, email: null }, child, '2026-11-23')).toBe(
      'Add an email address for Meera Patel before inviting them',
    )
    expect(invitationProblem({ ...parent, hasPortalAccount: true }, child, '2026-11-23')).toBe(
      'Meera Patel already has an account',
    )
  })
})

describe('views close at the papers cut-off', () => {
  test('counted in working days back from the sitting, skipping weekends and bank holidays', () => {
    expect(viewsCloseOn('2026-12-01', 3, new Set())).toBe('2026-11-26')
    expect(viewsCloseOn('2026-12-29', 3, new Set(['2026-12-25', '2026-12-28']))).toBe('2026-12-22')
  })
})

describe('where the case is, for the family', () => {
  test('a scheduled case gives the panel date as a sentence and what happens after', () => {
    const p = familyProgress({
      status: 'scheduled',
      sittingOn: '2026-07-14',
      childFirstName: 'Maya',
      hasLetter: false,
    })
    expect(p.next).toBe('The panel meets on Tuesday 14 July 2026.')
    expect(p.now).toBe("Maya's case is going to the panel.")
    expect(p.after).toContain('we will write to you with the decision')
  })

  test.each(['draft', 'submitted', 'scheduled', 'decided', 'closed', 'withdrawn'] as const)(
    'the %s wording is plain: reading ease 70 or more',
    (status) => {
      const p = familyProgress({ status, sittingOn: '2026-07-14', childFirstName: 'Maya', hasLetter: true })
      const text = [p.now, p.next ?? '', p.after].join(' ')
      expect(readability(text).score).toBeGreaterThanOrEqual(70)
    },
  )
})

test('the invitation e-mail carries the link and its last day, and nothing about the case', () => {
  const email = invitationEmail({
    contactName: 'Laura Bennett',
    childFirstName: 'Oliver',
    isYoungPerson: false,
    link: 'https://panel.example.gov.uk/invitations/abc',
    expiresOn: '2026-11-30',
    caseworkerName: 'Priya Sharma',
    councilName: 'Northshire County Council',
  })
  expect(email.subject).toBe("Set up your account to follow Oliver's case")
  expect(email.body).toContain('https://panel.example.gov.uk/invitations/abc')
  expect(email.body).toContain('Monday 30 November 2026')
  expect(email.body).toContain('The link works once')
  expect(email.body).not.toMatch(/decision|needs|assessment|Bennett's/i)
})

describe('a contact’s family account, on the case page', () => {
  const sent = new Date('2026-11-01T10:00:00Z')
  const expires = new Date('2026-11-08T10:00:00Z')
  const invitation = { createdAt: sent, expiresAt: expires, acceptedAt: null }

  it('is judged against the clock it is handed, not the machine’s', () => {
    expect(familyAccountStatus(false, invitation, new Date('2026-11-08T09:59:59Z')).state).toBe('invited')
    expect(familyAccountStatus(false, invitation, new Date('2026-11-08T10:00:00Z')).state).toBe('expired')
    expect(familyAccountStatus(false, invitation, new Date('2030-01-01T00:00:00Z')).state).toBe('expired')
  })

  it('has an account, or was never invited, whatever the time', () => {
    expect(familyAccountStatus(true, invitation, sent)).toEqual({ state: 'has-account', everInvited: true })
    expect(familyAccountStatus(false, undefined, sent)).toEqual({ state: 'not-invited', everInvited: false })
    expect(familyAccountStatus(false, { ...invitation, acceptedAt: sent }, sent).state).toBe('not-invited')
  })
})

import {
  ageOn,
  familyAccountStatus,
  familyProgress,
  invitationProblem,
  KIND_EXPLAINED,
  viewsClosedReason,
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
  const base = {
    sittingOn: null,
    childFirstName: 'Maya',
    decisionLetter: null,
    nextStep: null,
    followUpOn: null,
    deferredUntil: null,
  }

  test('a scheduled case gives the panel date as a sentence and what happens after', () => {
    const p = familyProgress({ ...base, status: 'scheduled', sittingOn: '2026-07-14' })
    expect(p.next).toEqual(['The panel meets on Tuesday 14 July 2026.'])
    expect(p.now).toBe("Maya's case is going to the panel.")
    expect(p.after).toContain('we will write to you with the decision')
  })

  test('a decided case before its letter gives the day the letter is due, and no decision yet', () => {
    const p = familyProgress({
      ...base,
      status: 'decided',
      nextStep: { step: 'decide_whether_to_assess', on: '2026-12-10' },
    })
    expect(p.decision).toBeNull()
    expect(p.next).toEqual(['We will write to you with the decision by Thursday 10 December 2026.'])
    // Where the next step is not the one the letter meets, the caseworker's follow-up day is the date.
    const later = familyProgress({
      ...base,
      status: 'decided',
      nextStep: { step: 'issue_final_plan', on: '2027-03-01' },
      followUpOn: '2026-12-04',
    })
    expect(later.next).toEqual(['We will write to you with the decision by Friday 4 December 2026.'])
  })

  test('a decided case with its letter states the decision and the dates the letter promised', () => {
    const letter = {
      decision: "We will not carry out an assessment of Maya's needs at the moment.",
      issuedOn: '2026-11-24',
      appealBy: '2027-01-25',
    }
    const refused = familyProgress({ ...base, status: 'decided', decisionLetter: letter })
    expect(refused.decision).toBe(letter.decision)
    expect(refused.next).toEqual([
      'If you want to appeal, the tribunal must get your appeal by Monday 25 January 2027.',
    ])
    const agreed = familyProgress({
      ...base,
      status: 'decided',
      decisionLetter: { ...letter, appealBy: null },
      nextStep: { step: 'notify_plan_not_issued', on: '2027-01-14' },
    })
    expect(agreed.next).toEqual([
      'We must tell you whether we will write an education, health and care plan by Thursday 14 January 2027.',
    ])
    const placement = familyProgress({
      ...base,
      status: 'decided',
      decisionLetter: { ...letter, appealBy: null },
      followUpOn: '2026-12-08',
    })
    expect(placement.next).toEqual(['Your caseworker will contact you by Tuesday 8 December 2026.'])
  })

  test('a deferred case says what the panel is waiting for and when it looks again', () => {
    const p = familyProgress({ ...base, status: 'submitted', deferredUntil: '2026-12-10' })
    expect(p.now).toContain('after Thursday 10 December 2026')
  })

  const statuses = ['draft', 'submitted', 'scheduled', 'decided', 'closed', 'withdrawn'] as const
  test.each(statuses)(
    'the %s state always has a next date or says there is none, in plain words',
    (status) => {
      for (const f of [base, { ...base, sittingOn: '2026-07-14', followUpOn: '2026-07-20' }]) {
        const p = familyProgress({ ...f, status })
        expect(p.next.length).toBeGreaterThan(0)
        const text = [p.now, ...p.next, p.after].join(' ')
        expect(readability(text).score).toBeGreaterThanOrEqual(70)
        // Never "decided" and "the panel meets" together.
        if (status === 'decided' || status === 'closed') expect(text).not.toContain('The panel meets on')
      }
    },
  )

  test('says why views cannot be sent', () => {
    expect(viewsClosedReason('scheduled', { open: true, closesOn: '2026-12-03' })).toBeNull()
    expect(viewsClosedReason('scheduled', { open: false, closesOn: '2026-12-03' })).toContain(
      'closed on Thursday 3 December 2026',
    )
    expect(viewsClosedReason('decided', { open: false, closesOn: null })).toContain(
      'already made its decision',
    )
    expect(viewsClosedReason('closed', { open: false, closesOn: null })).toContain('finished')
  })

  test.each(Object.keys(KIND_EXPLAINED) as (keyof typeof KIND_EXPLAINED)[])(
    'explains EHC where a %s page first uses it',
    (kind) => {
      const text = KIND_EXPLAINED[kind]('Maya')
      if (kind !== 'alternative_provision') expect(text).toContain('education, health and care')
      expect(readability(text).longSentences).toEqual([])
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
    privacyUrl: 'https://panel.example.gov.uk/privacy',
  })
  expect(email.subject).toBe("Set up your account to follow Oliver's case")
  expect(email.body).toMatch(/\n\nHow we use your information: https:\/\/panel\.example\.gov\.uk\/privacy$/)
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

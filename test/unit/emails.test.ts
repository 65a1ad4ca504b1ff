import {
  casePlacedEmail,
  casePlacedStaffEmail,
  deadlineAtRiskEmail,
  letterIssuedEmail,
  papersReadyEmail,
  privacyNoticeUrl,
  type Email,
} from '../../src/domain/emails'
import { readability } from '../../src/domain/readability'
import { QUEUE_REASONS } from '../../src/domain/scheduler'
import { CASE_KINDS } from '../../src/domain/vocabulary'

const base = {
  childFirstName: 'Freya',
  portalUrl: 'https://panel.northshire.example.org/portal',
  caseworkerName: 'Priya Shah',
  councilName: 'Northshire County Council',
  isApology: false,
  privacyUrl: 'https://panel.northshire.example.org/privacy',
}

describe.each(CASE_KINDS)('the e-mail when a letter about a %s case is issued', (kind) => {
  const email = letterIssuedEmail({ ...base, kind })

  test('says what changed and where to read it, by the child’s first name only', () => {
    expect(email.subject).toBe('Our decision letter about Freya')
    expect(email.body).toMatch(/^We have written to you with our decision about .+ for Freya\./)
    expect(email.body).toContain('https://panel.northshire.example.org/portal')
    expect(email.body).toContain('Priya Shah')
    expect(email.body).not.toMatch(/new information/i)
  })

  test('carries no decision', () => {
    for (const word of ['agree', 'refuse', 'will not', 'we will', 'cease', 'named', 'stop'])
      expect(email.body.toLowerCase()).not.toContain(word)
  })

  test('reads easily', () => {
    const report = readability(email.body.replace(/https?:\/\/\S+/g, 'it'), [])
    expect(report.longSentences).toEqual([])
    expect(report.score).toBeGreaterThanOrEqual(70)
  })
})

test('an apology says there is a delay, not what it is', () => {
  const email = letterIssuedEmail({ ...base, kind: 'issue_plan', isApology: true })
  expect(email.subject).toBe('A letter about a delay in Freya’s case'.replace('’', "'"))
  expect(email.body).toContain('about a delay with Freya')
})

/** Words that would give away what the panel decided, or anything about the child's needs. */
const DECISION_AND_NEEDS_WORDS = [
  'agree',
  'refuse',
  'cease',
  'named',
  'outcome',
  'decided',
  'needs',
  'diagnos',
  'disab',
  'autis',
  'new information',
]

function expectNoDecisionOrNeeds(email: Email) {
  const text = `${email.subject}\n${email.body}`.toLowerCase()
  for (const word of DECISION_AND_NEEDS_WORDS) expect(text).not.toContain(word)
}

function expectEasyToRead(email: Email) {
  const report = readability(email.body.replace(/https?:\/\/\S+/g, 'it'), [])
  expect(report.longSentences).toEqual([])
  expect(report.score).toBeGreaterThanOrEqual(70)
}

describe('the e-mail to a family when their case is put on a sitting', () => {
  const placed = casePlacedEmail({
    childFirstName: 'Maya',
    sittingOn: '2026-12-08',
    previousSittingOn: null,
    viewsCloseOn: '2026-11-30',
    portalUrl: base.portalUrl,
    caseworkerName: 'Priya Shah',
    councilName: base.councilName,
    privacyUrl: base.privacyUrl,
  })

  test('says the date, by the child’s first name only, with the portal link and the closing date for views', () => {
    expect(placed.subject).toBe("Maya's case will go to the panel on Tuesday 8 December 2026")
    expect(placed.body).toMatch(/^Maya's case will go to the panel on Tuesday 8 December 2026\./)
    expect(placed.body).toContain('send the panel your views in your account')
    expect(placed.body).toContain('by Monday 30 November 2026')
    expect(placed.body).toContain(`\n${base.portalUrl}\n`)
    expect(placed.body).toContain('Priya Shah')
    expect(placed.body).toContain(base.councilName)
  })

  test('carries no decision, needs or surname, and reads easily', () => {
    expectNoDecisionOrNeeds(placed)
    expect(placed.body).not.toMatch(/Maya [A-Z]/)
    expectEasyToRead(placed)
  })

  test('once the views have closed, points the family to their caseworker instead', () => {
    const late = casePlacedEmail({
      childFirstName: 'Maya',
      sittingOn: '2026-12-08',
      previousSittingOn: null,
      viewsCloseOn: null,
      portalUrl: base.portalUrl,
      caseworkerName: 'Priya Shah',
      councilName: base.councilName,
      privacyUrl: base.privacyUrl,
    })
    expect(late.body).not.toContain('Please send them by')
    expect(late.body).toContain('tell your caseworker as soon as you can')
    expectEasyToRead(late)
  })

  test('a move says the date changed, from which to which', () => {
    const moved = casePlacedEmail({
      childFirstName: 'Maya',
      sittingOn: '2026-12-15',
      previousSittingOn: '2026-12-08',
      viewsCloseOn: '2026-12-07',
      portalUrl: base.portalUrl,
      caseworkerName: 'Priya Shah',
      councilName: base.councilName,
      privacyUrl: base.privacyUrl,
    })
    expect(moved.subject).toBe("A new panel date for Maya's case")
    expect(moved.body).toMatch(
      /^Maya's case has a new panel date\. It will now go to the panel on Tuesday 15 December 2026, not on Tuesday 8 December 2026\./,
    )
    expect(moved.body).toContain(base.portalUrl)
    expectNoDecisionOrNeeds(moved)
    expectEasyToRead(moved)
  })
})

describe('the e-mail to a caseworker when their case is put on a sitting', () => {
  const email = casePlacedStaffEmail({
    reference: 'NS-2026-0042',
    childName: 'Maya Patel',
    panelName: 'SEND decision-making panel',
    sittingOn: '2026-12-08',
    previousSittingOn: null,
    familyEmailed: true,
    caseUrl: 'https://panel.northshire.example.org/cases/abc',
    councilName: base.councilName,
    privacyUrl: base.privacyUrl,
  })

  test('names the case, the panel and the date, and links to the case', () => {
    expect(email.subject).toBe('Case NS-2026-0042 is on the panel on Tuesday 8 December 2026')
    expect(email.body).toContain(
      'Case NS-2026-0042 (Maya Patel) is on the agenda of SEND decision-making panel on Tuesday 8 December 2026.',
    )
    expect(email.body).toContain('https://panel.northshire.example.org/cases/abc')
    expect(email.body).toContain('We have e-mailed the family')
    expectNoDecisionOrNeeds(email)
  })

  test('a move gives both dates; a family without an account is left to the caseworker to tell', () => {
    const moved = casePlacedStaffEmail({
      reference: 'NS-2026-0042',
      childName: 'Maya Patel',
      panelName: 'SEND decision-making panel',
      sittingOn: '2026-12-15',
      previousSittingOn: '2026-12-08',
      familyEmailed: false,
      caseUrl: 'https://panel.northshire.example.org/cases/abc',
      councilName: base.councilName,
      privacyUrl: base.privacyUrl,
    })
    expect(moved.subject).toBe('Case NS-2026-0042 has moved to Tuesday 15 December 2026')
    expect(moved.body).toContain('It was on the sitting on Tuesday 8 December 2026.')
    expect(moved.body).toContain('Please tell them the date.')
    expect(moved.body).toContain('https://panel.northshire.example.org/cases/abc')
  })
})

describe('the e-mail to panel members when a sitting’s papers are ready', () => {
  const email = papersReadyEmail({
    panelName: 'Placement panel',
    sittingOn: '2026-12-02',
    itemCount: 6,
    sittingUrl: 'https://panel.northshire.example.org/sittings/s1',
    councilName: base.councilName,
    privacyUrl: base.privacyUrl,
  })

  test('names the panel, the date and how many cases, and links to the sitting, naming no child', () => {
    expect(email.subject).toBe('Papers ready: Placement panel on Wednesday 2 December 2026')
    expect(email.body).toContain(
      'The papers for Placement panel on Wednesday 2 December 2026 are ready to read. There are 6 cases on the agenda.',
    )
    expect(email.body).toContain('https://panel.northshire.example.org/sittings/s1')
    expectNoDecisionOrNeeds(email)
  })

  test('one case is one case', () => {
    expect(
      papersReadyEmail({ ...base, panelName: 'P', sittingOn: '2026-12-02', itemCount: 1, sittingUrl: 'x' })
        .body,
    ).toContain('There is 1 case on the agenda.')
  })
})

describe('the e-mail when a case becomes at risk of missing its deadline', () => {
  const about = {
    reference: 'NS-2026-0042',
    step: 'Issue the final EHC plan',
    dueOn: '2026-12-10',
    reason: 'no_capacity' as const,
    suggestedSittingOn: '2026-12-03',
    councilName: base.councilName,
    privacyUrl: base.privacyUrl,
  }

  test.each(QUEUE_REASONS)('says which step, by when and why, in plain words (%s)', (reason) => {
    const email = deadlineAtRiskEmail({
      ...about,
      reason,
      forChair: false,
      link: 'https://x.example/cases/c1',
    })
    expect(email.subject).toBe('Case NS-2026-0042 is at risk of missing its deadline')
    expect(email.body).toContain('The step due is to issue the final EHC plan, by Thursday 10 December 2026.')
    expect(email.body).toContain('https://x.example/cases/c1')
    expect(email.body).not.toMatch(/undefined/)
    expectNoDecisionOrNeeds(email)
  })

  test('the caseworker is sent to the case; the chair to the queue, with the extra sitting that would save it', () => {
    const caseworker = deadlineAtRiskEmail({ ...about, forChair: false, link: 'https://x.example/cases/c1' })
    const chair = deadlineAtRiskEmail({ ...about, forChair: true, link: 'https://x.example/queue' })
    expect(caseworker.body).toContain('See the case:\nhttps://x.example/cases/c1')
    expect(chair.body).toContain('See the queue, where you can add a sitting:\nhttps://x.example/queue')
    expect(chair.body).toContain(
      'Every sitting before the due date that could take it is full. An extra sitting on Thursday 3 December 2026 would let the panel decide it in time.',
    )
  })
})

describe('every e-mail links to the privacy notice', () => {
  test('the address is made from the service’s own address (PUBLIC_URL), not a request', () => {
    expect(privacyNoticeUrl('https://panel.northshire.example.org/portal')).toBe(
      'https://panel.northshire.example.org/privacy',
    )
  })

  test('each kind ends with it', () => {
    const line = `\n\nHow we use your information: ${base.privacyUrl}`
    const emails = [
      letterIssuedEmail({ ...base, kind: 'placement' }),
      letterIssuedEmail({ ...base, kind: 'placement', isApology: true }),
      casePlacedEmail({ ...base, sittingOn: '2026-12-08', previousSittingOn: null, viewsCloseOn: null }),
      casePlacedStaffEmail({
        ...base,
        reference: 'NS-1',
        childName: 'Freya Hall',
        panelName: 'P',
        sittingOn: '2026-12-08',
        previousSittingOn: null,
        familyEmailed: true,
        caseUrl: 'x',
      }),
      papersReadyEmail({ ...base, panelName: 'P', sittingOn: '2026-12-02', itemCount: 1, sittingUrl: 'x' }),
      deadlineAtRiskEmail({
        ...base,
        reference: 'NS-1',
        step: 'Issue the plan',
        dueOn: '2026-12-10',
        reason: 'no_capacity',
        suggestedSittingOn: null,
        forChair: true,
        link: 'x',
      }),
    ]
    for (const email of emails) expect(email.body.endsWith(line)).toBe(true)
  })
})

import { caseBannerText, presentCasePage, type CasePageInput } from '../../src/web/cases/casePagePresenter'
import type { CaseDetail } from '../../src/services/records'
import type { FamilyAccountStatus } from '../../src/domain/familyPortal'
import { noErrors } from '../../src/web/validation'

const CASEWORKER = { id: 'cw-1', role: 'caseworker' as const }
const OTHER_CASEWORKER = { id: 'cw-2', role: 'caseworker' as const }
const MANAGER = { id: 'm-1', role: 'manager' as const }

function detailOf(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: 'case-1',
    reference: 'NS-2026-0001',
    kind: 'assessment_request',
    status: 'submitted',
    version: 3,
    receivedOn: '2026-09-03',
    requestedBy: null,
    isComplex: false,
    papersCompleteOn: null,
    noAdviceNeededOn: null,
    ending: null,
    preference: null,
    preferredSetting: null,
    preferredSettingIsMainstream: null,
    milestones: {
      assessmentDecidedOn: null,
      assessmentDecision: null,
      draftPlanSentOn: null,
      planDecisionOn: null,
      planDecision: null,
      finalPlanIssuedOn: null,
      reviewMeetingOn: null,
      reviewNoticeOn: null,
      reviewDecision: null,
      transferYear: null,
      transferType: null,
      transferOn: null,
    },
    child: {
      id: 'child-1',
      firstName: 'Maya',
      lastName: 'Okafor',
      dateOfBirth: '2016-04-12',
      currentSetting: null,
      yearGroup: null,
      areasOfNeed: [],
    },
    contacts: [],
    evidence: [],
    exceptions: [],
    caseworker: { id: 'cw-1', fullName: 'Priya Sharma', email: 'priya@example.org', phone: null },
    appeals: [],
    ...overrides,
  }
}

function inputOf(overrides: Partial<CasePageInput> = {}): CasePageInput {
  return {
    detail: detailOf(),
    deadlines: [],
    issuedInsideCommentPeriod: null,
    caseworkers: [
      { id: 'cw-1', fullName: 'Priya Sharma' },
      { id: 'cw-2', fullName: 'Tom Hale' },
    ],
    placement: null,
    hasMinutesExtract: false,
    timeline: [],
    accountStatus: new Map(),
    hasMilestoneSections: true,
    hasExceptionSteps: true,
    opened: false,
    changed: undefined,
    errors: noErrors(),
    user: CASEWORKER,
    ...overrides,
  }
}

describe('the case page banner', () => {
  const detail = detailOf()

  test.each([
    ['caseworker', 'The named caseworker is now Priya Sharma'],
    ['steps', 'Statutory steps saved. The deadlines below are up to date.'],
    ['evidence', 'Evidence saved.'],
    ['exception', 'Exception recorded. Tell the family about it if you have not already.'],
    ['preference', 'What the family is asking for has been saved.'],
    ['contacts', 'Family contacts saved.'],
    ['access-ended', 'Family portal access ended. That account no longer sees this child’s case.'],
    ['invited', 'Invitation sent. The link in the email works once, for 7 days.'],
    ['appeal', 'Tribunal appeal recorded. Its time limits are in the deadlines below.'],
    ['ended', 'Case closed.'],
    ['reopened', 'Case reopened. It is back where it was when it ended.'],
  ])('after ?changed=%s it says %j', (changed, text) => {
    expect(caseBannerText(detail, null, false, changed)).toBe(text)
  })

  test('says what the change did where it depends on the case', () => {
    expect(caseBannerText(detailOf({ papersCompleteOn: '2026-10-01' }), null, false, 'evidence')).toBe(
      'Evidence saved. The papers are complete.',
    )
    expect(caseBannerText(detailOf({ status: 'withdrawn' }), null, false, 'ended')).toBe(
      'Request withdrawn. It is off every agenda still to meet.',
    )
  })

  test('after submitting, says where the case went', () => {
    const placed = {
      state: 'placed' as const,
      reason: null,
      sittingOn: '2026-12-09',
      panelName: 'SEND panel',
      suggestedSittingOn: null,
      suggestedPanelName: null,
    }
    expect(caseBannerText(detail, placed, false, 'submitted')).toBe(
      'Case NS-2026-0001 submitted to panel. It is on the agenda of the SEND panel on Wednesday 9 December 2026.',
    )
    expect(
      caseBannerText(detail, { ...placed, state: 'unplaced', sittingOn: null }, false, 'submitted'),
    ).toBe('Case NS-2026-0001 submitted to panel. No sitting can take it in time yet: it is in the queue.')
  })

  test('opening comes first; anything else, or a form with errors, shows none', () => {
    expect(caseBannerText(detail, null, true, 'steps')).toBe('Case NS-2026-0001 opened')
    expect(caseBannerText(detail, null, false, 'something-else')).toBeNull()
    expect(caseBannerText(detail, null, false, ['steps'])).toBeNull()
    expect(caseBannerText(detail, null, false, undefined)).toBeNull()
    const withErrors = { byField: {}, summary: [{ text: 'No', href: '#x' }] }
    expect(presentCasePage(inputOf({ changed: 'steps', errors: withErrors })).banner).toBeNull()
    expect(presentCasePage(inputOf({ changed: 'steps' })).banner).toBe(
      'Statutory steps saved. The deadlines below are up to date.',
    )
  })
})

describe('what the person looking may do', () => {
  test('a caseworker may change the case; a manager only reads it', () => {
    const draft = detailOf({ status: 'draft' })
    const caseworker = presentCasePage(inputOf({ detail: draft }))
    const manager = presentCasePage(inputOf({ detail: draft, user: MANAGER }))
    expect(caseworker).toMatchObject({
      mayEdit: true,
      maySubmit: true,
      mayRecordSteps: true,
      mayRecordException: true,
      endLink: 'Withdraw this request',
    })
    expect(caseworker.caseworkerSelect).toEqual({
      items: [
        { value: 'cw-1', text: 'Priya Sharma' },
        { value: 'cw-2', text: 'Tom Hale' },
      ],
      value: 'cw-1',
      errorMessage: undefined,
    })
    expect(manager).toMatchObject({
      mayEdit: false,
      maySubmit: false,
      mayRecordSteps: false,
      mayRecordException: false,
      endLink: null,
      mayReopen: false,
      caseworkerSelect: null,
    })
  })

  test('only a draft is submitted, and steps and exceptions only where the kind has them', () => {
    expect(presentCasePage(inputOf()).maySubmit).toBe(false)
    const page = presentCasePage(inputOf({ hasMilestoneSections: false, hasExceptionSteps: false }))
    expect(page.mayRecordSteps).toBe(false)
    expect(page.mayRecordException).toBe(false)
  })

  test('the caseworker select shows its error', () => {
    const errors = { byField: { caseworkerId: 'Select the named caseworker' }, summary: [] }
    expect(presentCasePage(inputOf({ errors })).caseworkerSelect?.errorMessage).toEqual({
      text: 'Select the named caseworker',
    })
  })

  test('the minutes extract is for the case’s own caseworker, or a manager', () => {
    const shown = (user: CasePageInput['user'], hasMinutesExtract = true) =>
      presentCasePage(inputOf({ user, hasMinutesExtract })).showMinutesExtract
    expect(shown(CASEWORKER)).toBe(true)
    expect(shown(OTHER_CASEWORKER)).toBe(false)
    expect(shown(MANAGER)).toBe(true)
    expect(shown(MANAGER, false)).toBe(false)
  })

  test('an ended case shows how it ended, and a caseworker may reopen it', () => {
    const closed = detailOf({
      status: 'closed',
      ending: { on: '2026-11-02', reason: 'moved_away', note: 'Moved to Leeds' },
    })
    expect(presentCasePage(inputOf({ detail: closed }))).toMatchObject({
      endingSummary: {
        key: 'Closed',
        text: '2 November 2026: The child moved to another council’s area',
        note: 'Moved to Leeds',
      },
      endLink: null,
      mayReopen: true,
    })
    expect(presentCasePage(inputOf({ detail: closed, user: MANAGER })).mayReopen).toBe(false)
  })
})

describe('the family contacts', () => {
  const contact = {
    id: 'contact-1',
    fullName: 'Ada Okafor',
    relationship: 'parent' as const,
    address: null,
    email: 'ada@example.org',
    phone: null,
    preferredLanguage: 'Polish',
    needsInterpreter: true,
    letterFormat: 'large_print' as const,
    isMainContact: true,
    hasPortalAccount: false,
  }
  const page = (status: FamilyAccountStatus, overrides: Partial<CasePageInput> = {}) =>
    presentCasePage(
      inputOf({
        detail: detailOf({ contacts: [contact] }),
        accountStatus: new Map([[contact.id, status]]),
        ...overrides,
      }),
    ).contacts[0]!

  test('are shown in words', () => {
    expect(page({ state: 'not-invited', everInvited: false })).toMatchObject({
      title: 'Ada Okafor (main contact)',
      relationship: 'Parent',
      address: 'Not recorded',
      email: 'ada@example.org',
      phone: 'Not recorded',
      language: 'Polish – needs an independent interpreter',
      letters: 'Large print',
      account: 'Not invited',
      mayEndAccess: false,
      invite: {
        field: 'invite-contact-1',
        error: null,
        formClasses: '',
        button: 'Invite to a family account',
      },
    })
  })

  test('say where each stands with a family account', () => {
    const sentAt = new Date('2026-11-30T10:00:00Z')
    const expiresAt = new Date('2026-12-07T10:00:00Z')
    expect(page({ state: 'invited', everInvited: true, sentAt, expiresAt }).account).toBe(
      'Invited on 30 November 2026 at 10am. The link works until 7 December 2026 at 10am',
    )
    const expired = page({ state: 'expired', everInvited: true, sentAt })
    expect(expired.account).toBe('The invitation sent on 30 November 2026 at 10am has expired')
    expect(expired.invite?.button).toBe('Send a new invitation')
  })

  test('a contact with an account may have it ended, not be invited again', () => {
    const withAccount = presentCasePage(
      inputOf({
        detail: detailOf({ contacts: [{ ...contact, hasPortalAccount: true }] }),
        accountStatus: new Map([[contact.id, { state: 'has-account', everInvited: true }]]),
      }),
    ).contacts[0]!
    expect(withAccount).toMatchObject({ account: 'Has an account', mayEndAccess: true, invite: null })
  })

  test('an invitation refused shows its error by the button; a manager sees no forms', () => {
    const errors = { byField: { 'invite-contact-1': 'Add an email address' }, summary: [] }
    expect(page({ state: 'not-invited', everInvited: false }, { errors }).invite).toMatchObject({
      error: 'Add an email address',
      formClasses: 'govuk-form-group govuk-form-group--error',
    })
    expect(page({ state: 'not-invited', everInvited: false }, { user: MANAGER }).invite).toBeNull()
  })
})

describe('the rest of the case page, in words', () => {
  test('a case with no time limit says why', () => {
    expect(presentCasePage(inputOf()).noDeadlines).toBe('This case has no statutory time limit.')
    expect(presentCasePage(inputOf({ detail: detailOf({ kind: 'annual_review' }) })).noDeadlines).toBe(
      'This case has no statutory time limit until its review meeting date or year of transfer is recorded.',
    )
  })

  test('each deadline with its tag, days left and notes', () => {
    const page = presentCasePage(
      inputOf({
        deadlines: [
          {
            label: 'Decide whether to assess',
            basis: 'statutory',
            due: '2026-10-15',
            completedOn: '2026-10-10',
            hasException: true,
            bankHolidayNote: null,
            ruleNote: 'Check the rule',
            state: { state: 'met', daysLeft: null },
          },
          {
            label: 'Issue the final plan',
            basis: 'statutory',
            due: '2027-01-21',
            completedOn: null,
            hasException: false,
            bankHolidayNote: 'Bank holidays not confirmed',
            ruleNote: null,
            state: { state: 'on_track', daysLeft: 1 },
          },
        ],
      }),
    )
    expect(page.noDeadlines).toBeNull()
    expect(page.deadlines).toEqual([
      {
        label: 'Decide whether to assess',
        basis: 'Statutory date',
        due: '15 October 2026',
        bankHolidayNote: null,
        ruleNote: 'Check the rule',
        tag: { text: expect.any(String), classes: 'govuk-tag--green' },
        daysLeft: null,
        completedOn: '10 October 2026',
        hasException: true,
      },
      expect.objectContaining({ due: '21 January 2027', daysLeft: '1 day left', completedOn: null }),
    ])
  })

  test('the panel: on an agenda, or waiting with why and what would save it', () => {
    const placement = {
      state: 'placed' as const,
      reason: null,
      sittingOn: '2026-12-09',
      panelName: 'SEND panel',
      suggestedSittingOn: null,
      suggestedPanelName: null,
    }
    expect(presentCasePage(inputOf({ placement })).panel).toEqual({
      placed: true,
      agenda: 'the SEND panel on Wednesday 9 December 2026',
      tag: null,
      reason: null,
      suggestion: null,
    })
    expect(
      presentCasePage(
        inputOf({
          placement: {
            ...placement,
            state: 'at_risk',
            reason: 'placed_after_deadline',
            suggestedSittingOn: '2026-12-03',
            suggestedPanelName: 'Placement panel',
          },
        }),
      ).panel,
    ).toEqual({
      placed: false,
      agenda: 'the SEND panel on Wednesday 9 December 2026',
      tag: { text: 'At risk', classes: 'govuk-tag--orange' },
      reason:
        'A chair placed it on a sitting after the deadline. For now it is on the agenda of the SEND panel on Wednesday 9 December 2026, after the deadline.',
      suggestion: 'An extra sitting of the Placement panel on Thursday 3 December 2026 would save it.',
    })
    expect(presentCasePage(inputOf()).panel).toBeNull()
  })

  test('the case, the child, the preference and the evidence', () => {
    const page = presentCasePage(
      inputOf({
        detail: detailOf({
          kind: 'placement',
          requestedBy: 'parent',
          isComplex: true,
          preference: 'A smaller school',
          preferredSetting: 'Hillside',
          preferredSettingIsMainstream: false,
          papersCompleteOn: '2026-10-20',
          noAdviceNeededOn: '2026-10-20',
          child: {
            ...detailOf().child,
            currentSetting: 'Oak Primary',
            yearGroup: 'Year 5',
            areasOfNeed: ['communication_and_interaction', 'sensory_and_physical'],
          },
          evidence: [{ source: 'educational_psychology', requestedOn: null, receivedOn: '2026-10-01' }],
          exceptions: [
            {
              step: 'decide_whether_to_assess',
              reasonCode: 'family_unavailable',
              startsOn: '2026-09-10',
              endsOn: '2026-09-20',
              familyToldOn: null,
              explanation: 'Away',
            },
          ],
        }),
        timeline: [{ what: 'Case opened', who: 'Priya Sharma', at: new Date('2026-09-03T09:30:00Z') }],
      }),
    )
    expect(page).toMatchObject({
      title: 'Maya Okafor – NS-2026-0001',
      caption: 'NS-2026-0001 · Placement: naming a school or setting',
      received: '3 September 2026, from parent',
      isComplex: 'Yes',
      preference: { inTheirWords: 'A smaller school', setting: 'Hillside (not mainstream)' },
      child: { dateOfBirth: '12 April 2016', setting: 'Oak Primary, Year 5' },
      papers: 'No advice is needed: the papers were complete on 20 October 2026.',
      evidence: [{ requested: '–', received: '1 October 2026' }],
      exceptions: [
        { dates: 'From 10 September 2026 to 20 September 2026', familyTold: 'Not yet', explanation: 'Away' },
      ],
      timeline: [{ what: 'Case opened', who: 'Priya Sharma', at: '3 September 2026 at 10:30am' }],
    })
    expect(page.child.areasOfNeed.split(', ')).toHaveLength(2)
    const plain = presentCasePage(inputOf())
    expect(plain).toMatchObject({
      received: '3 September 2026',
      isComplex: 'No',
      preference: { inTheirWords: 'Not recorded', setting: null },
      child: { setting: 'Not recorded', areasOfNeed: 'Not recorded' },
      papers:
        'The papers are not complete: advice is still awaited, or none has been asked for (if none is needed, say so under Update evidence).',
    })
  })
})

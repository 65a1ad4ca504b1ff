import type { MinutesItem, MinutesVersion } from '../../src/domain/minutes'
import { presentMinutesPage, type MinutesPageInput } from '../../src/web/sittings/minutesPagePresenter'
import { noErrors } from '../../src/web/validation'

const item: MinutesItem = {
  position: 1,
  caseId: 'case-1',
  reference: 'NS-2026-0001',
  childName: 'Maya Okafor',
  kind: 'assessment_request',
  preference: null,
  familyAttended: false,
  familyAttendees: null,
  interpreter: null,
  withoutFamilyReason: null,
  declarations: [],
  decision: null,
  notes: null,
}

function version(overrides: Partial<MinutesVersion> = {}): MinutesVersion {
  return {
    version: 1,
    status: 'approved',
    approvedByName: 'Sam Chair',
    approvedAt: '2026-11-19T10:00:00Z',
    correctionReason: null,
    content: {
      panelName: 'SEND panel',
      sittingOn: '2026-11-18',
      startsAt: '10:00',
      venue: null,
      members: [],
      guests: [],
      quorum: { rule: 'Three members', quorate: true, shortfall: null },
      items: [item],
    },
    ...overrides,
  }
}

function inputOf(overrides: Partial<MinutesPageInput> = {}): MinutesPageInput {
  return {
    sitting: { id: 's-1', panelName: 'SEND panel', sittingOn: '2026-11-18', recordVersion: 7 },
    isChair: true,
    state: { open: false, message: 'The minutes are approved.' },
    minutes: [],
    draft: null,
    blockers: [],
    approved: false,
    errors: noErrors(),
    ...overrides,
  }
}

describe('the minutes page', () => {
  test('before there are any, says why', () => {
    expect(
      presentMinutesPage(inputOf({ state: { open: false, message: 'It has not met yet.' } })),
    ).toMatchObject({
      title: 'Minutes – SEND panel, Wednesday 18 November 2026',
      heading: 'Minutes: Wednesday 18 November 2026',
      noMinutes: 'There are no minutes for this sitting. It has not met yet.',
      shown: null,
      approval: null,
      approvedVersions: [],
    })
  })

  test('a chair sees the draft and what stops approval; a member sees no approval', () => {
    const draft = version({ version: 2, status: 'draft', approvedByName: null, correctionReason: 'A typo' })
    const open = { state: { open: true as const }, draft, minutes: [version()], blockers: ['Record item 1'] }
    const page = presentMinutesPage(inputOf(open))
    expect(page.shown).toMatchObject({
      isDraft: true,
      statusText: 'Version 2, not yet approved.',
      correction: 'Why this version corrects the last: A typo',
      pdfHref: '/sittings/s-1/minutes/draft.pdf',
      pdfText: 'Download the draft as a PDF',
      extracts: null,
    })
    expect(page.approval).toEqual({ blockers: ['Record item 1'], recordVersion: 7 })
    expect(page.mayCorrect).toBe(false)
    expect(presentMinutesPage(inputOf({ ...open, isChair: false })).approval).toBeNull()
  })

  test('approved minutes: the latest shown, with extracts, every version listed, and a chair may correct', () => {
    const minutes = [version({ version: 2, correctionReason: 'A typo', approvedByName: null }), version()]
    const page = presentMinutesPage(inputOf({ minutes, approved: true }))
    expect(page.banner).toBe(
      'Minutes approved. They can no longer be changed, only corrected as a new version.',
    )
    expect(page.shown).toMatchObject({
      isDraft: false,
      statusText: 'Version 2, approved.',
      pdfHref: '/sittings/s-1/minutes/versions/2.pdf',
      pdfText: 'Download version 2 as a PDF',
      extracts: [
        { href: '/sittings/s-1/minutes/extracts/case-1.pdf', text: 'Extract for Maya Okafor (PDF)' },
      ],
    })
    expect(page.approvedVersions).toEqual([
      { href: '/sittings/s-1/minutes/versions/2.pdf', text: 'Version 2 (PDF)', correctionReason: 'A typo' },
      { href: '/sittings/s-1/minutes/versions/1.pdf', text: 'Version 1 (PDF)', correctionReason: null },
    ])
    expect(page.mayCorrect).toBe(true)
    expect(presentMinutesPage(inputOf({ minutes: [version()] })).shown?.statusText).toBe(
      'Version 1, approved by Sam Chair.',
    )
    expect(presentMinutesPage(inputOf({ minutes, isChair: false })).mayCorrect).toBe(false)
  })

  test('a refused approval shows no success banner', () => {
    const errors = { byField: {}, summary: [{ text: 'Stale', href: '#minutes' }] }
    expect(presentMinutesPage(inputOf({ approved: true, errors })).banner).toBeNull()
  })
})

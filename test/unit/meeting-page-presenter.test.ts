import { presentMeetingPage, type MeetingPageRecord } from '../../src/web/sittings/meetingPagePresenter'

function recordOf(overrides: Partial<MeetingPageRecord> = {}): MeetingPageRecord {
  return {
    access: { sitting: { id: 's-1', panelName: 'SEND panel', sittingOn: '2026-11-18' }, isChair: true },
    state: { open: true },
    seats: [],
    guests: [],
    items: [],
    minutes: [],
    ...overrides,
  }
}

describe('the meeting page', () => {
  test('names the sitting; a chair may record while the record is open', () => {
    expect(presentMeetingPage(recordOf())).toMatchObject({
      title: 'Running the meeting – SEND panel, Wednesday 18 November 2026',
      heading: 'Running the meeting: Wednesday 18 November 2026',
      caption: 'SEND panel',
      sittingHref: '/sittings/s-1',
      closedMessage: null,
      mayWrite: true,
      guests: 'None',
      minutes: 'The minutes are a draft until the chair approves them.',
    })
    const closed = recordOf({ state: { open: false, message: 'The minutes are approved.' } })
    expect(presentMeetingPage(closed)).toMatchObject({
      closedMessage: 'The minutes are approved.',
      mayWrite: false,
    })
    const member = recordOf({ access: { ...recordOf().access, isChair: false } })
    expect(presentMeetingPage(member).mayWrite).toBe(false)
  })

  test('lists who attended under each heading, and the guests', () => {
    const page = presentMeetingPage(
      recordOf({
        seats: [
          { name: 'Sam', agency: 'education', isChair: true, attendance: 'present' },
          { name: 'Ali', agency: 'health', isChair: false, attendance: 'present' },
          { name: 'Jo', agency: 'social_care', isChair: false, attendance: 'apologies' },
          { name: 'Kit', agency: 'health', isChair: false, attendance: null },
        ],
        guests: [
          { name: 'Dr Lee', role: 'Educational psychologist' },
          { name: 'Mo', role: 'Interpreter' },
        ],
      }),
    )
    expect(page.attendance.map((a) => a.names)).toEqual([
      expect.stringMatching(/^Sam \(.+, chair\); Ali \(.+\)$/),
      expect.stringMatching(/^Jo \(.+\)$/),
      'None',
    ])
    expect(page.attendance).toHaveLength(3)
    expect(page.guests).toBe('Dr Lee (Educational psychologist); Mo (Interpreter)')
  })

  test('each item with its decision, numbered in agenda order', () => {
    const item = {
      caseId: 'c-1',
      childName: 'Maya Okafor',
      reference: 'NS-2026-0001',
      kind: 'placement' as const,
    }
    const page = presentMeetingPage(
      recordOf({
        items: [
          { ...item, decision: null },
          { ...item, caseId: 'c-2', decision: { outcome: 'defer', matchesPreference: null } },
          { ...item, caseId: 'c-3', decision: { outcome: 'agree', matchesPreference: false } },
        ],
      }),
    )
    expect(page.items.map((i) => [i.number, i.action, i.actionHref])).toEqual([
      [1, 'Record', '/sittings/s-1/items/c-1/decision'],
      [2, 'Change', '/sittings/s-1/items/c-2/decision'],
      [3, 'Change', '/sittings/s-1/items/c-3/decision'],
    ])
    expect(page.items[0]!.caption).toBe('NS-2026-0001 · Placement: naming a school or setting')
    expect(page.items[0]!.decision).toBeNull()
    expect(page.items[1]!.decision).toMatchObject({ deferred: true, differs: false })
    expect(page.items[2]!.decision).toMatchObject({
      deferred: false,
      differs: true,
      outcome: expect.any(String),
    })
  })

  test('says where the minutes are', () => {
    const approved = { version: 2, status: 'approved' as const, approvedByName: 'Sam' }
    expect(presentMeetingPage(recordOf({ minutes: [approved] })).minutes).toBe(
      'Version 2 of the minutes was approved by Sam.',
    )
    expect(presentMeetingPage(recordOf({ minutes: [{ ...approved, approvedByName: null }] })).minutes).toBe(
      'Version 2 of the minutes was approved.',
    )
    expect(
      presentMeetingPage(recordOf({ minutes: [{ ...approved, status: 'draft', version: 3 }, approved] }))
        .minutes,
    ).toBe('The minutes are being corrected. Version 3 is a draft until you approve it.')
  })
})

import { presentPortalCase, type PortalCaseView } from '../../src/web/portal/casePagePresenter'
import { fieldError, noErrors } from '../../src/web/validation'

function viewOf(overrides: Partial<PortalCaseView> = {}): PortalCaseView {
  return {
    caseId: 'case-1',
    reference: 'NS-2026-0001',
    kind: 'assessment_request',
    child: { firstName: 'Maya', lastName: 'Okafor' },
    caseworker: { fullName: 'Priya Sharma', email: 'priya@example.org', phone: null },
    progress: { now: 'Now', decision: null, next: ['Next'], after: 'After' },
    explained: 'What it is',
    views: { open: true, closesOn: null, sent: [], closedBecause: null },
    letters: [],
    hasMinutesExtract: false,
    ...overrides,
  }
}

const facts = { viewsSent: false, errors: noErrors(), viewsMaxLength: 10000 }

describe('the family’s case page', () => {
  test('names the child and the kind of case', () => {
    expect(presentPortalCase(viewOf(), facts)).toMatchObject({
      title: 'Maya’s case: Request for an EHC needs assessment',
      caption: 'Maya Okafor · NS-2026-0001',
      heading: 'Request for an EHC needs assessment',
      name: 'Maya',
      caseworker: { fullName: 'Priya Sharma', phone: 'Call the SEND team', email: 'priya@example.org' },
      minutesExtractHref: null,
      banner: null,
    })
  })

  test('thanks the family for their views, unless the page has a problem', () => {
    expect(presentPortalCase(viewOf(), { ...facts, viewsSent: true }).banner).toBe(
      'We have sent your views to the panel. Thank you.',
    )
    const errors = fieldError('views', 'Write your views before sending them')
    const page = presentPortalCase(viewOf(), { ...facts, viewsSent: true, errors })
    expect(page.banner).toBeNull()
    expect(page.views.error).toBe('Write your views before sending them')
    expect(page.views.errorMessage).toEqual({ text: 'Write your views before sending them' })
  })

  test('lists each letter with its link and date, saying which correct an earlier one', () => {
    const page = presentPortalCase(
      viewOf({
        letters: [
          { id: 'l2', title: 'Decision letter', issuedOn: '2026-11-20', correctionReason: 'Wrong date' },
          { id: 'l1', title: null, issuedOn: '2026-11-18', correctionReason: null },
        ],
        hasMinutesExtract: true,
      }),
      facts,
    )
    expect(page.letters).toEqual([
      {
        href: '/portal/cases/case-1/letters/l2.pdf',
        text: 'Decision letter (PDF)',
        sentOn: 'Friday 20 November 2026',
        corrects: true,
      },
      {
        href: '/portal/cases/case-1/letters/l1.pdf',
        text: 'Letter (PDF)',
        sentOn: 'Wednesday 18 November 2026',
        corrects: false,
      },
    ])
    expect(page.minutesExtractHref).toBe('/portal/cases/case-1/minutes-extract.pdf')
  })

  test('says how often views were sent, and until when more can be', () => {
    const sent = { sentByName: 'Ada', sentAt: new Date('2026-11-01T10:00:00Z'), body: 'Hello' }
    const once = presentPortalCase(
      viewOf({ views: { open: true, closesOn: '2026-12-04', sent: [sent], closedBecause: null } }),
      facts,
    )
    expect(once.views).toMatchObject({
      sentText: 'You have sent the panel your views once. The panel reads everything you send.',
      closesOn: 'Friday 4 December 2026',
      hint: 'Up to 10,000 characters. The closing date is Friday 4 December 2026.',
    })
    const twice = presentPortalCase(
      viewOf({
        views: { open: false, closesOn: null, sent: [sent, sent], closedBecause: 'The panel has met.' },
      }),
      facts,
    )
    expect(twice.views).toMatchObject({
      sentText: 'You have sent the panel your views 2 times. The panel reads everything you send.',
      open: false,
      closesOn: null,
      hint: 'Up to 10,000 characters.',
      closedBecause: 'The panel has met.',
    })
    expect(presentPortalCase(viewOf(), facts).views.sentText).toBeNull()
  })
})

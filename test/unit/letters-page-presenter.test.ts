import { presentLettersPage, type LettersPageView } from '../../src/web/cases/lettersPagePresenter'
import { fieldError, noErrors } from '../../src/web/validation'

const decision = { id: 'd-1', outcome: 'agree', panelName: 'SEND panel', decidedOn: '2026-11-18' }
const issuedLetter = {
  id: 'l-1',
  decisionId: 'd-1',
  version: 1,
  format: 'large_print' as const,
  issuedOn: '2026-11-20',
  issuedByName: 'Priya Sharma',
  sha256: 'a965e5f0ac69b1c2d3e4',
  correctionReason: null,
}

function viewOf(overrides: Partial<LettersPageView> = {}): LettersPageView {
  return {
    detail: { id: 'case-1', reference: 'NS-2026-0001', child: { firstName: 'Maya', lastName: 'Okafor' } },
    decisions: [decision],
    letters: [],
    checks: [{ decisionId: 'd-1', problems: [], warnings: [] }],
    apologies: [],
    defaultFormat: 'standard',
    ...overrides,
  }
}

const caseworker = { role: 'caseworker' as const, errors: noErrors(), values: {}, issued: false }
const manager = { ...caseworker, role: 'manager' as const }

describe('the letters page', () => {
  test('a caseworker may issue a letter the checks pass; a manager may not', () => {
    const page = presentLettersPage(viewOf(), caseworker)
    expect(page).toMatchObject({
      title: 'Letters – Maya Okafor',
      caption: 'Maya Okafor · NS-2026-0001',
      backHref: '/cases/case-1',
      banner: null,
    })
    expect(page.decisions[0]).toMatchObject({
      madeBy: 'SEND panel, Wednesday 18 November 2026',
      previewHref: '/cases/case-1/letters/preview/d-1',
      form: {
        issuedCount: 0,
        formatIdPrefix: 'format-d-1',
        format: 'standard',
        formatError: undefined,
        correction: null,
        error: null,
        button: 'Issue the letter',
      },
    })
    expect(presentLettersPage(viewOf(), manager).decisions[0]!.form).toBeNull()
  })

  test('a letter that cannot be issued shows its problems, not the form', () => {
    const view = viewOf({
      checks: [{ decisionId: 'd-1', problems: ['No address'], warnings: ['Hard word'] }],
    })
    expect(presentLettersPage(view, caseworker).decisions[0]).toMatchObject({
      problems: ['No address'],
      warnings: ['Hard word'],
      form: null,
    })
  })

  test('letters already issued are listed, and the next one is a correction', () => {
    const page = presentLettersPage(viewOf({ letters: [issuedLetter] }), caseworker)
    const d = page.decisions[0]!
    expect(d.letters).toEqual([
      {
        version: 1,
        correctionReason: null,
        issued: '20 November 2026 by Priya Sharma',
        checksum: 'SHA-256 a965e5f0ac69…',
        format: 'Large print',
        href: '/cases/case-1/letters/l-1.pdf',
      },
    ])
    expect(d.form).toMatchObject({
      issuedCount: 1,
      correction: { id: 'correctionReason-d-1', value: undefined, error: undefined },
      button: 'Issue a corrected letter',
    })
  })

  test('a refused form keeps what was typed, for its own decision only', () => {
    const errors = {
      byField: { 'format-d-1': 'Choose a format', 'letter-d-1': 'Stale' },
      summary: [{ text: 'Choose a format', href: '#format-d-1' }],
    }
    const values = { decisionId: 'd-1', format: 'easy_read', correctionReason: 'Wrong date' }
    const view = viewOf({
      letters: [issuedLetter],
      decisions: [decision, { ...decision, id: 'd-2' }],
      checks: [],
    })
    const [mine, other] = presentLettersPage(view, { ...caseworker, errors, values, issued: true }).decisions
    expect(mine!.form).toMatchObject({
      format: 'easy_read',
      formatError: { text: 'Choose a format' },
      correction: { value: 'Wrong date' },
      error: 'Stale',
    })
    expect(other!.form).toMatchObject({ format: 'standard', formatError: undefined, correction: null })
    expect(presentLettersPage(view, { ...caseworker, errors, values, issued: true }).banner).toBeNull()
    expect(presentLettersPage(view, { ...caseworker, issued: true }).banner).toBe(
      'Letter issued. It is stored as issued and will not change.',
    )
  })

  test('apologies: issued, to write (a caseworker), or waiting', () => {
    const apologies = [
      {
        id: 'a-1',
        status: 'issued' as const,
        step: 'final_plan',
        dueOn: '2026-10-01',
        issuedOn: '2026-10-05',
      },
      { id: 'a-2', status: 'draft' as const, step: 'final_plan', dueOn: '2026-10-01', issuedOn: null },
    ]
    const values = { letterId: 'a-2', reason: 'Staff away', 'newExpectedOn-day': '11' }
    const errors = fieldError('newExpectedOn-a-2', 'Enter the date')
    const [issued, draft] = presentLettersPage(viewOf({ apologies }), {
      ...caseworker,
      values,
      errors,
    }).apologies
    expect(issued).toMatchObject({
      issued: { on: 'Monday 5 October 2026', href: '/cases/case-1/letters/a-1.pdf' },
      form: null,
    })
    expect(issued!.heading).toMatch(/: due Thursday 1 October 2026$/)
    expect(draft).toMatchObject({
      issued: null,
      form: {
        reasonId: 'reason-a-2',
        reason: 'Staff away',
        reasonError: undefined,
        dateId: 'newExpectedOn-a-2',
        dateError: { text: 'Enter the date' },
        day: '11',
        month: undefined,
      },
    })
    expect(presentLettersPage(viewOf({ apologies }), manager).apologies[1]).toMatchObject({
      issued: null,
      form: null,
    })
  })
})

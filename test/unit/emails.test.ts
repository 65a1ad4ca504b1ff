import { letterIssuedEmail } from '../../src/domain/emails'
import { readability } from '../../src/domain/readability'
import { CASE_KINDS } from '../../src/domain/vocabulary'

const base = {
  childFirstName: 'Freya',
  portalUrl: 'https://panel.northshire.example.org/portal',
  caseworkerName: 'Priya Shah',
  councilName: 'Northshire County Council',
  isApology: false,
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

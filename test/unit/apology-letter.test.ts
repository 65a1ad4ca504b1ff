import { apologyLetter, apologyProblems, type ApologyFacts } from '../../src/domain/letters/apologyLetter'
import { APOLOGY_SECTION_IDS } from '../../src/domain/letters/types'
import { readability } from '../../src/domain/readability'
import { DEADLINE_STEPS } from '../../src/domain/statutoryClock'
import { PRIVACY_URL, SETTINGS } from '../support/letters'
import { renderLetterPdf } from '../../src/letters/decisionLetterPdf'
import { pdfText, popplerOn } from '../support/pdf'

const base: ApologyFacts = {
  child: { firstName: 'Zara', lastName: 'Quinn' },
  reference: 'NS-2026-0042',
  addressee: { name: 'Alex Quinn', addressLines: ['12 Mill Lane'] },
  letterDate: '2026-11-26',
  step: 'issue_final_plan',
  dueOn: '2026-11-20',
  reason: 'The health advice came to us late.',
  newExpectedOn: '2026-12-11',
  caseworker: { name: 'Priya Shah', phone: '01632 960444', email: 'priya.shah@northshire.example' },
  privacyUrl: PRIVACY_URL,
}

describe.each(DEADLINE_STEPS)('the apology letter for a late step: %s', (step) => {
  const letter = apologyLetter({ ...base, step }, SETTINGS)

  test('says sorry first, then why, the new date and who to contact', () => {
    expect(letter.sections.map((s) => s.id)).toEqual([...APOLOGY_SECTION_IDS])
    const text = JSON.stringify(letter)
    expect(letter.sections[0]!.paragraphs[0]!.text).toMatch(
      /^We are sorry\. We should have sent you .+ by Friday 20 November 2026\. The law sets this date/,
    )
    expect(text).toContain('The health advice came to us late.')
    expect(text).toContain('Friday 11 December 2026')
    expect(text).toContain('Priya Shah')
    expect(text).toContain(SETTINGS.informationAdvice.phone)
  })

  test('its own words read easily', () => {
    const words = [...letter.sections, ...letter.factSheet.sections]
      .flatMap((s) => s.paragraphs)
      .filter((x) => x.from === 'template')
      .map((x) =>
        [base.child.firstName, base.caseworker.name, SETTINGS.informationAdvice.name].reduce(
          (text, name) => text.split(name).join('it'),
          x.text.replace(/\S+@\S+|\b\d[\d ]{6,}\d\b/g, 'it'),
        ),
      )
      .join('\n')
    const report = readability(words, [])
    expect(report.longSentences).toEqual([])
    expect(report.score).toBeGreaterThanOrEqual(70)
  })
})

describe('before an apology is issued', () => {
  test('the caseworker gives the reason and a new date in the future', () => {
    expect(apologyProblems('', null, '2026-11-26').map((p) => p.field)).toEqual(['reason', 'newExpectedOn'])
    expect(apologyProblems('Late advice.', '2026-11-26', '2026-11-26')[0]!.message).toBe(
      'The new date must be in the future',
    )
    expect(apologyProblems('Late advice.', '2026-11-27', '2026-11-26')).toEqual([])
  })
})

describe('an apology letter on paper', () => {
  // Large print is held in proportion: 16pt takes about 1.8 times the room of 12pt.
  test.each([
    ['standard', 1],
    ['large_print', 2],
  ] as const)(
    'fits on %s paper in at most its pages, and names the council’s complaints page and the Ombudsman',
    async (format, pages) => {
      const longReason =
        'Our educational psychologist was off sick for three weeks. We asked another service to help, but they could not see Zara until this week.'
      const letter = apologyLetter({ ...base, step: 'issue_final_plan', reason: longReason }, SETTINGS)
      const pdf = await renderLetterPdf(letter, { format })
      expect(Number(/^Pages:\s+(\d+)$/m.exec(popplerOn(pdf, 'pdfinfo'))![1])).toBeLessThanOrEqual(pages)
      const text = pdfText(pdf)
      expect(text).toContain('Local Government and Social Care Ombudsman')
      expect(text).toContain(SETTINGS.complaintsUrl)
      expect(text).toContain(`Read how we use your information, and your rights, at ${PRIVACY_URL}.`)
    },
  )
})

import { findJargon, hardToRead, readability, splitSentences, syllables } from '../../src/domain/readability'

describe('syllables', () => {
  test.each([
    ['the', 1],
    ['plan', 1],
    ['make', 1],
    ['makes', 1],
    ['asked', 1],
    ['school', 1],
    ['table', 2],
    ['people', 2],
    ['boxes', 2],
    ['wanted', 2],
    ['because', 2],
    ['family', 3],
    ['every', 3],
    ['decided', 3],
    ['assessment', 3],
    ['education', 4],
  ])('%s has %i', (word, count) => {
    expect(syllables(word)).toBe(count)
  })
})

describe('reading ease', () => {
  test('the Flesch formula on a short plain sentence', () => {
    // 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 * 6 - 84.6 * 1 = 116.145
    expect(readability('The cat sat on the mat.')).toMatchObject({ score: 116.1, words: 6, sentences: 1 })
  })

  test('plain reasons meet the target; officialese does not, and says why', () => {
    const plain = readability(
      'We agree to assess Amara. Her school has tried hard. She still needs more help to learn.',
    )
    expect(plain.meetsTarget).toBe(true)
    expect(plain.band).toMatch(/easy/)

    const hard = readability(
      'Notwithstanding the aforementioned considerations, the panel determined that the statutory ' +
        'provision currently in place is sufficient in accordance with the relevant multi-agency assessment outcomes.',
    )
    expect(hard.meetsTarget).toBe(false)
    expect(hard.score!).toBeLessThan(30)
    expect(hard.longSentences).toHaveLength(1)
    expect(hard.jargon.map((j) => j.term)).toEqual([
      'provision',
      'in accordance with',
      'notwithstanding',
      'aforementioned',
      'statutory',
      'multi-agency',
    ])
  })

  test('no words, no score', () => {
    expect(readability('  ')).toMatchObject({ score: null, band: null, meetsTarget: false })
  })

  test('sentences end at full stops and at line breaks, so a list of reasons counts as sentences', () => {
    expect(splitSentences('First reason\nSecond reason. Third one!  ')).toEqual([
      'First reason',
      'Second reason.',
      'Third one!',
    ])
  })

  test('jargon matches whole words and phrases, whatever the case and spacing', () => {
    const list = [
      { term: 'provision', plainer: 'support' },
      { term: 'in order to', plainer: 'to' },
    ]
    expect(findJargon('Provision, provisional, and IN  ORDER   TO help.', list)).toEqual([
      { term: 'provision', plainer: 'support', count: 1, forms: ['provision'] },
      { term: 'in order to', plainer: 'to', count: 1, forms: ['in  order   to'] },
    ])
  })
})

describe('the jargon list finds a word in the forms it is used in', () => {
  const list = [
    { term: 'utilise', plainer: 'use' },
    { term: 'commence', plainer: 'start' },
    { term: 'provision', plainer: 'support' },
    { term: 'SEN', plainer: 'special educational needs' },
    { term: 'EHC', plainer: 'education, health and care' },
    { term: 'in order to', plainer: 'to' },
  ]
  const forms = (text: string) => Object.fromEntries(findJargon(text, list).map((j) => [j.term, j.forms]))

  test.each([
    ['We will utilise the report.', { utilise: ['utilise'] }],
    ['Utilising the report helped.', { utilise: ['utilising'] }],
    ['The utilisation of funds.', { utilise: ['utilisation'] }],
    ['It commenced in May, before the commencement of term.', { commence: ['commenced', 'commencement'] }],
    ['The provisions in the plan.', { provision: ['provisions'] }],
    ['Her SEN support and the EHC plan.', { SEN: ['SEN'], EHC: ['EHC'] }],
    ['In  order\nto help.', { 'in order to': ['in  order\nto'] }],
  ])('%s', (text, expected) => {
    expect(forms(text)).toEqual(expected)
  })

  test('an abbreviation is matched in capitals only, and no word is matched inside another', () => {
    expect(findJargon('Sennen Cove sent a sensible senior', list)).toEqual([])
    expect(findJargon('a computilised word, recommence', list)).toEqual([])
  })
})

describe('the gate before words reach a family', () => {
  test('lets plain text through', () => {
    expect(
      hardToRead(readability('Zara is making good progress. Her school knows how to help her.')),
    ).toBeNull()
  })

  test('stops a sentence over 25 words, naming its length and how it starts', () => {
    const long =
      'The panel considered that the provision currently in place at the school is sufficient to meet the needs identified in the reports and in the views that the family sent.'
    expect(hardToRead(readability(long))).toMatch(
      /^It has .*a sentence of 3\d words \(“The panel considered that the provision…”\)/,
    )
  })

  test('stops text of 20 words or more scoring under 60, but not a short phrase that only scores low', () => {
    const hard =
      'Notwithstanding multidisciplinary considerations, educational psychologists recommended individualised therapeutic interventions. Subsequently, comprehensive evaluations necessitated additional specialist consultations regarding her communication difficulties at school.'
    expect(readability(hard).words).toBeGreaterThanOrEqual(20)
    expect(readability(hard).score!).toBeLessThan(60)
    expect(hardToRead(readability(hard))).toMatch(/reading ease of/)
    const phrase = 'Ask the community paediatrician for the health advice'
    expect(readability(phrase).score!).toBeLessThan(60)
    expect(hardToRead(readability(phrase))).toBeNull()
  })
})

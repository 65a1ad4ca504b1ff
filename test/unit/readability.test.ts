import { findJargon, readability, splitSentences, syllables } from '../../src/domain/readability'

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
      { term: 'provision', plainer: 'support', count: 1 },
      { term: 'in order to', plainer: 'to', count: 1 },
    ])
  })
})

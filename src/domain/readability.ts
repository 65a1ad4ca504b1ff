/**
 * How easy a piece of text is to read, for the chair typing a decision's reasons: the Flesch reading
 * ease score, the sentences that run too long, and the words from the council's jargon list. The targets
 * (docs/design.md, "Plain language"): a score of 70 or more, sentences under 20 words, no unexplained jargon.
 */

export const TARGET_READING_EASE = 70
/** A sentence of this many words or more is too long: GOV.UK asks for sentences under 20 words. */
export const LONG_SENTENCE_WORDS = 20

export interface JargonTerm {
  term: string
  plainer: string
}

/** A starting list; the admin can edit the council's own. */
export const DEFAULT_JARGON: readonly JargonTerm[] = [
  { term: 'provision', plainer: 'support' },
  { term: 'facilitate', plainer: 'help' },
  { term: 'utilise', plainer: 'use' },
  { term: 'commence', plainer: 'start' },
  { term: 'in accordance with', plainer: 'under' },
  { term: 'notwithstanding', plainer: 'despite' },
  { term: 'aforementioned', plainer: 'this' },
  { term: 'statutory', plainer: 'required by law' },
  { term: 'multi-agency', plainer: 'from several services' },
  { term: 'holistic', plainer: 'whole' },
  { term: 'cohort', plainer: 'group' },
  { term: 'in order to', plainer: 'to' },
  { term: 'SEN', plainer: 'special educational needs' },
  { term: 'EHC', plainer: 'education, health and care' },
  { term: 'EHCP', plainer: 'education, health and care plan' },
  { term: 'SENCO', plainer: 'the teacher in charge of special needs' },
]

/**
 * The gate before words reach a family: text that scores under this, or has a sentence longer than
 * HARD_SENTENCE_WORDS, is saved only when the chair says it should go as written. Softer than the
 * target (70, under 20 words) so that the gate stops officialese, not every imperfect sentence.
 */
export const GATE_READING_EASE = 60
export const HARD_SENTENCE_WORDS = 25
/**
 * The reading-ease part of the gate applies from this many words. Flesch's score swings wildly on a
 * phrase ("Ask the community paediatrician for the health advice" scores 40 with nothing wrong in it),
 * so on a line or two only sentence length and the jargon list are held against the chair.
 */
export const GATE_MIN_WORDS = 20

/** Why the text should not reach a family as it is, with the words at fault; null when it may. */
export function hardToRead(report: ReadabilityReport): string | null {
  if (report.score === null) return null
  const long = report.longSentences.filter((s) => s.words > HARD_SENTENCE_WORDS)
  const parts: string[] = []
  if (report.words >= GATE_MIN_WORDS && report.score < GATE_READING_EASE)
    parts.push(`a reading ease of ${report.score}`)
  if (long.length > 0)
    parts.push(
      long.length === 1
        ? `a sentence of ${long[0]!.words} words (“${firstWords(long[0]!.text)}…”)`
        : `${long.length} sentences over ${HARD_SENTENCE_WORDS} words (the longest ${Math.max(...long.map((s) => s.words))})`,
    )
  return parts.length > 0 ? `It has ${parts.join(' and ')}` : null
}

function firstWords(text: string): string {
  return text.split(/\s+/).slice(0, 6).join(' ')
}

export interface ReadabilityReport {
  /** Flesch reading ease, to one decimal place; null when there are no words yet. */
  score: number | null
  band: 'very_easy' | 'easy' | 'fairly_easy' | 'plain' | 'fairly_hard' | 'hard' | 'very_hard' | null
  words: number
  sentences: number
  longSentences: { text: string; words: number }[]
  /** Each listed term found, with the forms of it the text used ("utilising" for "utilise"). */
  jargon: { term: string; plainer: string; count: number; forms: string[] }[]
  meetsTarget: boolean
}

const WORD = /[A-Za-z][A-Za-z'’-]*/g

/** Sentences end at ., ! or ? followed by space or the end, and at line breaks (a list of reasons). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z]/.test(s))
}

export function wordsIn(text: string): string[] {
  return text.match(WORD) ?? []
}

/**
 * Syllables by the usual English heuristic: groups of vowels, less a silent final e and an -es or
 * -ed ending that is not sounded. Good to a syllable or so a word, which is all the score needs.
 */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (w.length === 0) return 0
  if (w.length <= 3) return 1
  let count = (w.match(/[aeiouy]+/g) ?? []).length
  if (/[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w)) count -= 1
  else if (/[^aeiouytdsxzcgh]e[sd]$/.test(w)) count -= 1
  return Math.max(1, count)
}

function band(score: number): NonNullable<ReadabilityReport['band']> {
  if (score >= 90) return 'very_easy'
  if (score >= 80) return 'easy'
  if (score >= 70) return 'fairly_easy'
  if (score >= 60) return 'plain'
  if (score >= 50) return 'fairly_hard'
  if (score >= 30) return 'hard'
  return 'very_hard'
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** An abbreviation on the list (SEN, EHCP) is matched in capitals only, so "sen" in a name is not. */
const isAbbreviation = (term: string) => /^[A-Z]{2,6}$/.test(term)

/**
 * The forms a one-word term takes in use, so that "utilise" finds "utilising" and "utilisation", and
 * "commence" finds "commencement": English endings, not a full stemmer, which is enough for a list of
 * officialese. A phrase ("in order to") is matched as written, with any spacing.
 */
export function termPattern(term: string): RegExp {
  if (isAbbreviation(term)) return new RegExp(`(?<![A-Za-z])${term}s?(?![A-Za-z])`, 'g')
  if (/\s/.test(term.trim()))
    return new RegExp(`(?<![A-Za-z])${escapeRegExp(term.trim()).replace(/\s+/g, '\\s+')}(?![A-Za-z])`, 'gi')
  const word = escapeRegExp(term.trim())
  const stem = /e$/i.test(term) ? word.slice(0, -1) : /y$/i.test(term) ? word.slice(0, -1) : word
  const endings = /e$/i.test(term)
    ? '(?:e|es|ed|ing|ement|ements|ation|ations)'
    : /y$/i.test(term)
      ? '(?:y|ies|ied|ying)'
      : '(?:|s|es|ed|ing|ment|ments|ation|ations)'
  return new RegExp(`(?<![A-Za-z])${stem}${endings}(?![A-Za-z])`, 'gi')
}

export function findJargon(text: string, jargon: readonly JargonTerm[]): ReadabilityReport['jargon'] {
  return jargon
    .map((j) => {
      const found = text.match(termPattern(j.term)) ?? []
      const forms = [...new Set(found.map((f) => (isAbbreviation(j.term) ? f : f.toLowerCase())))]
      return { term: j.term, plainer: j.plainer, count: found.length, forms }
    })
    .filter((j) => j.count > 0)
}

export function readability(text: string, jargon: readonly JargonTerm[] = DEFAULT_JARGON): ReadabilityReport {
  const sentences = splitSentences(text)
  const words = wordsIn(text)
  const longSentences = sentences
    .map((s) => ({ text: s, words: wordsIn(s).length }))
    .filter((s) => s.words >= LONG_SENTENCE_WORDS)
  const found = findJargon(text, jargon)
  if (words.length === 0) {
    return {
      score: null,
      band: null,
      words: 0,
      sentences: 0,
      longSentences,
      jargon: found,
      meetsTarget: false,
    }
  }
  const syllableCount = words.reduce((sum, w) => sum + syllables(w), 0)
  const raw =
    206.835 - 1.015 * (words.length / Math.max(1, sentences.length)) - 84.6 * (syllableCount / words.length)
  const score = Math.round(raw * 10) / 10
  return {
    score,
    band: band(score),
    words: words.length,
    sentences: sentences.length,
    longSentences,
    jargon: found,
    meetsTarget: score >= TARGET_READING_EASE && longSentences.length === 0 && found.length === 0,
  }
}

/**
 * What makes the panel's words hard for a family, field by field, for the caseworker to see before a
 * letter goes: the gate's findings (hardToRead) and every listed word with its plainer one.
 */
export function familyTextWarnings(
  texts: readonly { label: string; text: string | null }[],
  jargon: readonly JargonTerm[],
): string[] {
  return texts.flatMap(({ label, text }) => {
    if (!text || text.trim() === '') return []
    const report = readability(text, jargon)
    const hard = hardToRead(report)
    const words = report.jargon.map((j) => `${j.forms.map((f) => `“${f}”`).join(', ')} (try “${j.plainer}”)`)
    const parts = [...(hard ? [hard] : []), ...(words.length ? [`It uses ${words.join(', ')}`] : [])]
    return parts.length > 0 ? [`${label}: ${parts.join('. ')}.`] : []
  })
}

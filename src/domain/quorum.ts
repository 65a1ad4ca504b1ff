import { AGENCIES, type Agency } from './vocabulary'

/**
 * A panel's quorum: the fewest members present from each agency for its decisions to stand. Agencies
 * not named need nobody. Stored as jsonb in panels.quorum_rule, e.g. { "education": 1, "health": 1 }.
 */
export type QuorumRule = Partial<Record<Agency, number>>

/** docs/design.md, "Quorum": education, health and social care, unless the admin sets another rule. */
export const DEFAULT_QUORUM_RULE: QuorumRule = Object.freeze({ education: 1, health: 1, social_care: 1 })

/** More from one agency than any panel seats is a typing slip, not a rule. */
export const MAX_PER_AGENCY = 20

/** How each agency reads in a sentence: "at least one member from the parent carer forum". */
const AGENCY_WORDS: Record<Agency, string> = {
  education: 'education',
  health: 'health',
  social_care: 'social care',
  parent_carer_forum: 'the parent carer forum',
  other: 'other agencies',
}

export interface QuorumProblem {
  /** The agency whose number is wrong; none when the problem is with the rule as a whole. */
  agency?: Agency
  message: string
}

function isAgency(key: string): key is Agency {
  return (AGENCIES as readonly string[]).includes(key)
}

/** A count from jsonb (a number) or a form (text); an empty box means nobody. */
function readCount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined
  if (value === undefined || value === null) return 0
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (text === '') return 0
  return /^\d{1,3}$/.test(text) ? Number(text) : undefined
}

/**
 * Reads a rule from stored jsonb or from a form. The rule keeps every part that could be read, so that
 * a stored rule with one bad entry still shows the rest; `problems` says what was wrong, and a rule
 * with problems must not be saved.
 */
export function parseQuorumRule(value: unknown): { rule: QuorumRule; problems: QuorumProblem[] } {
  const rule: QuorumRule = {}
  const problems: QuorumProblem[] = []
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { rule, problems: [{ message: 'The quorum rule must list a number of members for each agency' }] }
  }
  for (const [key, raw] of Object.entries(value)) {
    if (!isAgency(key)) {
      problems.push({ message: `“${key}” is not an agency` })
      continue
    }
    const count = readCount(raw)
    if (count === undefined || count < 0 || count > MAX_PER_AGENCY) {
      problems.push({
        agency: key,
        message: `The number of members from ${AGENCY_WORDS[key]} must be a whole number from 0 to ${MAX_PER_AGENCY}`,
      })
    } else if (count > 0) {
      rule[key] = count
    }
  }
  if (problems.length === 0 && Object.keys(rule).length === 0) {
    problems.push({ message: 'A quorum needs at least one member from at least one agency' })
  }
  return { rule: ordered(rule), problems }
}

/** Agencies in vocabulary order, so that equal rules are equal as JSON too. */
function ordered(rule: QuorumRule): QuorumRule {
  const result: QuorumRule = {}
  for (const agency of AGENCIES) if (rule[agency]) result[agency] = rule[agency]
  return result
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** GOV.UK style: "one" in words, other numbers as numerals. */
function membersInWords(count: number): string {
  return count === 1 ? 'one member' : `${count} members`
}

/**
 * The rule in plain words, for the panel's page and the chair's attendance screen:
 * "At least one member each from education, health and social care".
 */
export function describeQuorumRule(rule: QuorumRule): string {
  const { rule: clean } = parseQuorumRule(rule)
  const byCount = new Map<number, Agency[]>()
  for (const agency of AGENCIES) {
    const count = clean[agency]
    if (count) byCount.set(count, [...(byCount.get(count) ?? []), agency])
  }
  if (byCount.size === 0) return 'No minimum: any members present can make decisions'
  // Larger numbers first: they are the part of the rule most likely to be missed.
  const parts = [...byCount.entries()]
    .sort(([a], [b]) => b - a)
    .map(([count, agencies]) => {
      const each = agencies.length > 1 ? ' each' : ''
      return `at least ${membersInWords(count)}${each} from ${listInWords(agencies.map((a) => AGENCY_WORDS[a]))}`
    })
  const sentence = parts.length > 1 ? `${parts.slice(0, -1).join(', ')}, and ${parts.at(-1)}` : parts[0]!
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}

export interface QuorumShortfall {
  agency: Agency
  required: number
  present: number
}

export interface QuorumCheck {
  quorate: boolean
  /** Each agency with fewer members present than the rule asks, in vocabulary order. */
  short: QuorumShortfall[]
}

/** Whether the members present (one entry per person, by agency) meet the rule, and who is missing if not. */
export function isQuorate(rule: QuorumRule, presentAgencies: readonly Agency[]): QuorumCheck {
  const { rule: clean } = parseQuorumRule(rule)
  const short: QuorumShortfall[] = []
  for (const agency of AGENCIES) {
    const required = clean[agency] ?? 0
    const present = presentAgencies.filter((a) => a === agency).length
    if (present < required) short.push({ agency, required, present })
  }
  return { quorate: short.length === 0, short }
}

/** "Needs one more member from health, and 2 more from social care". */
export function describeShortfall(short: readonly QuorumShortfall[]): string {
  const parts = short.map((s) => {
    const missing = s.required - s.present
    return `${missing === 1 ? 'one more member' : `${missing} more members`} from ${AGENCY_WORDS[s.agency]}`
  })
  if (parts.length === 0) return ''
  return `Needs ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')}, and ${parts.at(-1)}` : parts[0]}`
}

import type { IsoDate } from './dates'
import { escapeRegExp } from './readability'
import type { Agency, Attendance, CaseKind, Interpreter } from './vocabulary'

/**
 * The minutes of a sitting as stored when the chair approves them: a snapshot of the record, so an
 * approved version reads the same however the record changes later.
 */
export interface MinutesMember {
  name: string
  agency: Agency
  isChair: boolean
  attendance: Attendance
}

export interface MinutesDecision {
  outcome: string
  reasons: string[]
  /** Null for a deferral, which decides nothing yet (minutes approved before that was so say true). */
  matchesPreference: boolean | null
  /** The setting the decision names and its kind; absent from minutes approved before it was kept. */
  namedSetting?: string | null
  /** The label of the lawful ground, for a placement that does not name the family's school. */
  disagreementGround: string | null
  disagreementExplanation: string | null
  conditions: string | null
  dissents: { memberName: string; view: string }[]
  deferral: { action: string; owner: string; dueOn: IsoDate } | null
  inquorateReason: string | null
}

export interface MinutesItem {
  position: number
  caseId: string
  reference: string
  childName: string
  kind: CaseKind
  /** What the family asked for, in their words. */
  preference: string | null
  familyAttended: boolean
  familyAttendees: string | null
  interpreter: Interpreter | null
  withoutFamilyReason: string | null
  declarations: { memberName: string; nature: string; leftDiscussion: boolean }[]
  /**
   * The quorum for this item, without members who left it for a declared interest. Minutes approved
   * before the quorum was counted per item do not have it.
   */
  quorum?: { quorate: boolean; shortfall: string | null; left: string[] }
  decision: MinutesDecision | null
  notes: string | null
}

/** What the minutes say of an item's own quorum, only where a member left it; null otherwise. */
export function itemQuorumLine(quorum: MinutesItem['quorum']): string | null {
  if (!quorum || quorum.left.length === 0) return null
  const who = `${quorum.left.join(' and ')} left the discussion, so did not count towards the quorum for this item.`
  return quorum.quorate
    ? `${who} The panel was quorate for this item.`
    : `${who} The panel was not quorate for this item: ${quorum.shortfall ?? 'no reason recorded'}.`
}

export interface MinutesContent {
  panelName: string
  sittingOn: IsoDate
  startsAt: string
  venue: string | null
  members: MinutesMember[]
  guests: { name: string; role: string }[]
  quorum: { rule: string; quorate: boolean; shortfall: string | null }
  items: MinutesItem[]
}

/** One version of a sitting's minutes, as the minutes page and the PDF show it. */
export interface MinutesVersion {
  version: number
  status: 'draft' | 'approved'
  approvedByName: string | null
  approvedAt: string | null
  correctionReason: string | null
  content: MinutesContent
}

/** Each reason as the chair wrote it: one a line, blank lines dropped. */
export function reasonsFrom(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
    .filter((line) => line !== '')
}

const REPLACEMENT = 'another child'

/**
 * Replaces every mention of the given names (whole words, any case) with "another child". Full names go
 * first, so "Ava Jones" becomes one "another child", not "another child Jones".
 */
export function redactNames(text: string, names: readonly string[]): string {
  const parts = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 1))].sort(
    (a, b) => b.length - a.length,
  )
  if (parts.length === 0) return text
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${parts.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  )
  return text.replace(pattern, REPLACEMENT)
}

function redactItem(item: MinutesItem, names: readonly string[]): MinutesItem {
  const r = (text: string | null) => (text === null ? null : redactNames(text, names))
  const decision = item.decision
  return {
    ...item,
    preference: r(item.preference),
    familyAttendees: r(item.familyAttendees),
    withoutFamilyReason: r(item.withoutFamilyReason),
    notes: r(item.notes),
    declarations: item.declarations.map((d) => ({ ...d, nature: redactNames(d.nature, names) })),
    decision: decision && {
      ...decision,
      reasons: decision.reasons.map((reason) => redactNames(reason, names)),
      disagreementExplanation: r(decision.disagreementExplanation),
      conditions: r(decision.conditions),
      inquorateReason: r(decision.inquorateReason),
      dissents: decision.dissents.map((d) => ({ ...d, view: redactNames(d.view, names) })),
      deferral: decision.deferral && {
        ...decision.deferral,
        action: redactNames(decision.deferral.action, names),
        owner: redactNames(decision.deferral.owner, names),
      },
    },
  }
}

/**
 * The part of the minutes one child's family may see: who was there, and their child's item alone.
 * Any other child on the agenda who is named in that item's words is replaced by "another child";
 * a chair's note about siblings must not tell one family about another family's child.
 * Undefined when the child has no item in these minutes.
 */
export function childExtract(content: MinutesContent, caseId: string): MinutesContent | undefined {
  const item = content.items.find((i) => i.caseId === caseId)
  if (!item) return undefined
  const ownNames = new Set(namesOf(item.childName).map((n) => n.toLowerCase()))
  const others = content.items
    .filter((i) => i.caseId !== caseId)
    .flatMap((i) => namesOf(i.childName))
    // A name the child shares with another (a common first name, a sibling's surname) stays.
    .filter((n) => !ownNames.has(n.toLowerCase()))
  return { ...content, items: [redactItem(item, others)] }
}

/** A child's full name, and its parts, as they might be written in notes. */
function namesOf(fullName: string): string[] {
  const parts = fullName.split(/\s+/).filter((p) => p !== '')
  return [fullName, ...parts]
}

/**
 * What the minutes say about the family's preference. A deferral decided nothing, so it says nothing;
 * otherwise a difference is always stated, and a match only where the family asked for something.
 */
export function preferenceLine(
  matchesPreference: boolean | null,
  familyAskedForSomething: boolean,
): string | null {
  if (matchesPreference === null) return null
  if (!matchesPreference) return 'This decision differs from what the family asked for.'
  return familyAskedForSomething ? 'This decision matches what the family asked for.' : null
}

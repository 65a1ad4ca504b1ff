import { CLOSURE_REASON_LABELS, type ClosureReason } from '../domain/caseClosure'
import { OUTCOME_LABELS } from '../domain/vocabulary'
import type { TimelineEntry } from '../data/caseDetail'

const WHAT_HAPPENED: Record<string, string> = {
  case_opened: 'Case opened',
  case_updated: 'Case details changed',
  caseworker_changed: 'Named caseworker changed',
  exception_recorded: 'Exception to a time limit recorded',
  evidence_updated: 'Evidence updated',
  milestones_updated: 'Statutory steps recorded',
  preference_changed: 'Family’s preference changed',
  contacts_changed: 'Family contacts changed',
  case_submitted: 'Submitted to panel',
  agenda_placed_by_queue: 'Placed on a panel agenda',
  agenda_moved_by_queue: 'Moved to another sitting to meet deadlines',
  agenda_removed_by_queue: 'Taken off an agenda: waiting for another sitting',
  agenda_moved_by_chair: 'Moved to another sitting by the chair',
  agenda_reordered: 'Agenda order changed by the chair',
  agenda_sent_back: 'Sent back to the queue by the chair',
  agenda_removed_sitting_cancelled: 'Sitting cancelled: back in the queue',
  decision_recorded: 'Panel decision recorded',
  decision_changed: 'Panel decision changed',
  letter_issued: 'Decision letter issued',
  apology_drafted: 'A time limit was missed: apology letter drafted',
  apology_issued: 'Apology letter issued',
  family_invited: 'Family contact invited to a family account',
  family_views_sent: 'The family sent their views to the panel',
  case_withdrawn: 'Request withdrawn',
  case_closed: 'Case closed',
  case_reopened: 'Case reopened',
}

const count = (n: unknown, one: string, many: string) =>
  typeof n === 'number' && n > 0 ? `${n} ${n === 1 ? one : many}` : undefined

/** "Family contacts changed: 1 contact's details changed, 1 added, main contact changed". */
function contactsChanged(details: Record<string, unknown>): string {
  const parts = [
    count(details.changed, 'contact’s details changed', 'contacts’ details changed'),
    count(details.added, 'added', 'added'),
    count(details.removed, 'removed', 'removed'),
    details.mainContactChanged === true ? 'main contact changed' : undefined,
  ].filter((p) => p !== undefined)
  return parts.length ? `Family contacts changed: ${parts.join(', ')}` : 'Family contacts changed'
}

/** The case timeline in plain words, newest first. Audit details hold ids; people's names are looked up here. */
export function presentTimeline(entries: TimelineEntry[], people: { id: string; fullName: string }[]) {
  const name = (id: unknown) => people.find((p) => p.id === id)?.fullName ?? 'a former caseworker'
  const what = (e: TimelineEntry) => {
    switch (e.action) {
      case 'caseworker_changed':
        return `Named caseworker changed from ${name(e.details.fromCaseworkerId)} to ${name(e.details.toCaseworkerId)}`
      case 'contacts_changed':
        return contactsChanged(e.details)
      case 'decision_recorded':
      case 'decision_changed':
        return e.details.outcome === 'defer'
          ? 'Panel deferred its decision: back in the queue'
          : `${WHAT_HAPPENED[e.action]}: ${OUTCOME_LABELS[String(e.details.outcome)] ?? 'decided'}`
      case 'case_withdrawn':
      case 'case_closed': {
        const reason = CLOSURE_REASON_LABELS[String(e.details.reason) as ClosureReason]
        return reason ? `${WHAT_HAPPENED[e.action]}: ${reason}` : WHAT_HAPPENED[e.action]!
      }
      default:
        return WHAT_HAPPENED[e.action] ?? 'Case changed'
    }
  }
  return [...entries]
    .reverse()
    .map((e) => ({ at: e.occurredAt, what: what(e), who: e.actorName ?? 'The system' }))
}

import type { TimelineEntry } from '../../data/caseDetail'

const WHAT_HAPPENED: Record<string, string> = {
  case_opened: 'Case opened',
  case_updated: 'Case details changed',
  caseworker_changed: 'Named caseworker changed',
  exception_recorded: 'Exception to a time limit recorded',
  evidence_updated: 'Evidence updated',
  milestones_updated: 'Statutory steps recorded',
}

/** The case timeline in plain words, newest first. Audit details hold ids; people's names are looked up here. */
export function presentTimeline(entries: TimelineEntry[], people: { id: string; fullName: string }[]) {
  const name = (id: unknown) => people.find((p) => p.id === id)?.fullName ?? 'a former caseworker'
  return [...entries].reverse().map((e) => ({
    at: e.occurredAt,
    what:
      e.action === 'caseworker_changed'
        ? `Named caseworker changed from ${name(e.details.fromCaseworkerId)} to ${name(e.details.toCaseworkerId)}`
        : (WHAT_HAPPENED[e.action] ?? 'Case changed'),
    who: e.actorName ?? 'The system',
  }))
}

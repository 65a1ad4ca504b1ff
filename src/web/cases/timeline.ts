import type { TimelineEntry } from '../../data/caseDetail'

const WHAT_HAPPENED: Record<string, string> = {
  case_opened: 'Case opened',
  case_updated: 'Case details changed',
  caseworker_changed: 'Named caseworker changed',
  exception_recorded: 'Exception to a time limit recorded',
}

/** The case timeline in plain words, newest first. */
export function presentTimeline(entries: TimelineEntry[]) {
  return [...entries].reverse().map((e) => ({
    at: e.occurredAt,
    what: WHAT_HAPPENED[e.action] ?? 'Case changed',
    who: e.actorName ?? 'The system',
  }))
}

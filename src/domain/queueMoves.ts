import { formatDate, type IsoDate } from './dates'
import type { MoveReason, PlacementChange, QueueReason } from './scheduler'

/** One case's move, as the chair is told it after whatever caused it. */
export interface ExplainedMove {
  caseId: string
  reference: string
  childName: string
  /** "Placement panel, 8 Dec 2026", or null for none. */
  from: string | null
  to: string | null
  why: string
}

export interface MoveFacts {
  cases: ReadonlyMap<string, { reference: string; childName: string; deadline: IsoDate | null }>
  sittings: ReadonlyMap<string, { panelName: string; sittingOn: IsoDate }>
}

/**
 * The scheduler's reasons in a chair's words (issue 14: "which cases moved, from where to where, and
 * why"). A case named as the reason is given by reference and deadline, so the chair can check that it
 * was the more urgent one.
 */
export function explainMoves(
  changes: readonly PlacementChange[],
  facts: MoveFacts,
  /** Cases the chair's own change took off their sitting (sent back, or the sitting cancelled). */
  takenOff: ReadonlySet<string> = new Set(),
): ExplainedMove[] {
  const sitting = (id: string | null) => {
    const s = id === null ? undefined : facts.sittings.get(id)
    return s ? `${s.panelName}, ${formatDate(s.sittingOn)}` : null
  }
  const other = (id: string | null) => {
    const c = id === null ? undefined : facts.cases.get(id)
    if (!c) return 'a more urgent case'
    return c.deadline ? `${c.reference} (deadline ${formatDate(c.deadline)})` : c.reference
  }
  return changes.flatMap((change) => {
    const c = facts.cases.get(change.caseId)
    if (!c) return []
    return [
      {
        caseId: change.caseId,
        reference: c.reference,
        childName: c.childName,
        from: sitting(change.fromSittingId),
        to: sitting(change.toSittingId),
        why: takenOff.has(change.caseId)
          ? change.toSittingId === null
            ? 'Taken off that sitting. No other sitting can take it yet: it waits in the queue.'
            : 'Taken off that sitting: this is the earliest other sitting that can take it.'
          : reasonText(change.because, other(change.forCaseId), change.toSittingId === null),
      },
    ]
  })
}

function reasonText(because: MoveReason, forCase: string, off: boolean): string {
  switch (because) {
    case 'new':
      return 'It was waiting for a place: this is the earliest sitting that can take it.'
    case 'displaced':
      return off
        ? `Its place was needed by ${forCase}, which has an earlier deadline, and no other sitting has room for it.`
        : `Its place was needed by ${forCase}, which has an earlier deadline and could not be heard in time otherwise.`
    case 'made_room':
      return `Moved to an earlier sitting, so that ${forCase} can be heard in time.`
    case 'now_in_time':
      return 'It was on a sitting after its deadline; this one is before it.'
    case 'heard_sooner':
      return 'It cannot be heard before its deadline; this is the earliest sitting that can take it.'
    case 'no_longer_fits':
      return off
        ? 'It can no longer go on that sitting (papers not complete by its cut-off, or a place fewer), and no other can take it yet.'
        : 'It can no longer go on that sitting (papers not complete by its cut-off, or a place fewer).'
  }
}

/**
 * A chair's own move from the move page, told back to the chair like the queue's moves. Nothing else
 * moves with it: the chair takes a free place, and a chair's placement is never moved by the queue.
 */
export function explainChairMove(
  moved: { caseId: string; reference: string; childName: string },
  from: { panelName: string; sittingOn: IsoDate },
  to: { panelName: string; sittingOn: IsoDate },
): ExplainedMove {
  return {
    ...moved,
    from: `${from.panelName}, ${formatDate(from.sittingOn)}`,
    to: `${to.panelName}, ${formatDate(to.sittingOn)}`,
    why: 'You moved it. The queue will not move it from there; only a chair can.',
  }
}

/** The case a run placed on its own (a deferral sent back to the queue), as the chair is told it. */
export interface OneCase {
  caseId: string
  reference: string
  childName: string
  deadline: IsoDate | null
}

/**
 * A case sent back to the queue that no sitting can take yet, told like a move (issue 14: the chair sees
 * where a deferred case went, or that it waits and why). From the queue, to none: it waits.
 */
export function explainWait(c: OneCase, reason: QueueReason | null): ExplainedMove {
  return {
    caseId: c.caseId,
    reference: c.reference,
    childName: c.childName,
    from: null,
    to: null,
    why: waitText(reason, c.deadline === null ? null : formatDate(c.deadline)),
  }
}

/** A case placed on a sitting after its deadline: the move says so, naming the deadline. */
export function explainLatePlacement(move: ExplainedMove, deadline: IsoDate): ExplainedMove {
  return {
    ...move,
    why: `${move.why} No sitting before its deadline of ${formatDate(deadline)} can take it, so it is at risk.`,
  }
}

function waitText(reason: QueueReason | null, deadline: string | null): string {
  const atRisk = deadline === null ? 'it waits in the queue.' : 'it waits in the queue, at risk.'
  switch (reason) {
    case 'no_panel':
      return 'No panel decides this kind of case, so it waits in the queue. An administrator needs to add it to a panel.'
    case 'deadline_passed':
      return `Its deadline of ${deadline} has passed and no sitting can take it yet: ${atRisk}`
    case 'no_sitting':
      return deadline === null
        ? 'No coming sitting can take it: it waits in the queue.'
        : `There is no sitting before its deadline of ${deadline}: ${atRisk}`
    case 'papers_late':
      return deadline === null
        ? 'Its papers are due after the cut-off of every coming sitting: it waits in the queue.'
        : `Its papers are due after the cut-off of every sitting before its deadline of ${deadline}: ${atRisk}`
    case 'no_capacity':
      return deadline === null
        ? 'Every sitting it could go on is full: it waits in the queue.'
        : `Every sitting before its deadline of ${deadline} that it could go on is full: ${atRisk}`
    case 'papers_due':
      return `Its papers are not complete, and the last sitting before its deadline of ${deadline} closes for papers soon: ${atRisk}`
    case 'awaiting_papers':
      return 'Its papers are not complete yet: it waits in the queue.'
    case 'placed_after_deadline':
    case null:
      return 'No sitting can take it yet: it waits in the queue.'
  }
}

/**
 * A case decided at this sitting is taken off a later one it had been queued for after an earlier
 * deferral: the chair is told, as for every other change to an agenda (issue 14).
 */
export function explainDecidedElsewhere(
  c: { caseId: string; reference: string; childName: string },
  offSittings: readonly { panelName: string; sittingOn: IsoDate }[],
): ExplainedMove[] {
  return offSittings.map((s) => ({
    caseId: c.caseId,
    reference: c.reference,
    childName: c.childName,
    from: `${s.panelName}, ${formatDate(s.sittingOn)}`,
    to: null,
    why: 'Decided at this meeting, so it no longer needs that sitting: its place there is free for another case.',
  }))
}

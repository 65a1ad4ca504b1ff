import { formatDate, type IsoDate } from './dates'
import type { MoveReason, PlacementChange } from './scheduler'

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

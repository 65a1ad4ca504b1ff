/**
 * One sitting's agenda in order. Items that stay where they are keep their positions as far as the
 * agenda's length allows; the scheduler's cases, already most urgent first, fill the places between.
 */
export function arrangeAgenda(
  kept: readonly { caseId: string; position: number }[],
  placed: readonly string[],
): string[] {
  const fixed = [...kept].sort((a, b) => a.position - b.position || (a.caseId < b.caseId ? -1 : 1))
  const order: string[] = []
  let f = 0
  let p = 0
  while (f < fixed.length || p < placed.length) {
    const next = fixed[f]
    if (next && (next.position <= order.length + 1 || p >= placed.length)) {
      order.push(next.caseId)
      f += 1
    } else {
      order.push(placed[p]!)
      p += 1
    }
  }
  return order
}

/** Moves one item up or down a place; the agenda is unchanged when it is already at that end. */
export function moveWithinAgenda(
  order: readonly string[],
  caseId: string,
  direction: 'up' | 'down',
): string[] {
  const result = [...order]
  const from = result.indexOf(caseId)
  const to = direction === 'up' ? from - 1 : from + 1
  if (from < 0 || to < 0 || to >= result.length) return result
  ;[result[from], result[to]] = [result[to]!, result[from]!]
  return result
}

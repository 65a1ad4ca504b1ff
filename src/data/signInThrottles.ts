import type { FailureCounter } from '../domain/signInThrottle'
import type { SignInThrottleRow } from './tables'
import type { Executor } from './db'

export async function readCounters(
  q: Executor,
  keys: readonly string[],
): Promise<Map<string, FailureCounter>> {
  const rows = await q<SignInThrottleRow>('sign_in_throttles')
    .whereIn('key', keys)
    .select('key', 'failures', 'last_failure_at')
  return new Map(
    rows.map((r) => [r.key, { failures: Number(r.failures), lastFailureAt: new Date(r.last_failure_at) }]),
  )
}

/**
 * Adds a failure in one statement, so that attempts at once on several instances are all counted; a
 * counter whose last failure is older than `forgetBefore` starts again at one (the rule of
 * domain/signInThrottle.ts failuresAfterOneMore, here in SQL so that it holds under concurrent attempts).
 */
export async function addFailure(q: Executor, key: string, now: Date, forgetBefore: Date): Promise<void> {
  await q.raw(
    `insert into sign_in_throttles (key, failures, last_failure_at) values (?, 1, ?)
     on conflict (key) do update set
       failures = case when sign_in_throttles.last_failure_at < ? then 1 else sign_in_throttles.failures + 1 end,
       last_failure_at = excluded.last_failure_at`,
    [key, now, forgetBefore],
  )
}

export async function clearCounter(q: Executor, key: string): Promise<void> {
  await q('sign_in_throttles').where({ key }).delete().returning('key')
}

/** Counters with no failure since `before` mean nothing any more. */
export async function deleteOldCounters(q: Executor, before: Date): Promise<number> {
  const rows = await q('sign_in_throttles').where('last_failure_at', '<', before).delete().returning('key')
  return rows.length
}

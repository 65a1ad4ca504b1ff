/** Timing samples shared by the bench sections: sequential runs, reported as p50 and p95 in ms. */
import { performance } from 'node:perf_hooks'

export interface Percentiles {
  p50: number
  p95: number
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

/** p50 and p95 of samples already taken, in any order. */
export function summarise(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) }
}

/** Times `count` sequential runs of `run`. */
export async function sample(count: number, run: () => Promise<void>): Promise<Percentiles> {
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    const started = performance.now()
    await run()
    samples.push(performance.now() - started)
  }
  return summarise(samples)
}

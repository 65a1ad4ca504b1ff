export const BENCH_TODAY = '2026-11-23'
export const BENCH_PASSWORD = 'bench'
export const BENCH_CASES = 50_000

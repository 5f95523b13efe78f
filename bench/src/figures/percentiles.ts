/** How a set of measurements spreads: the ones the benchmarks report. */
export interface Distribution {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Pure: the p-th percentile (0 < p ≤ 100) by the nearest-rank method, so it is always one of the values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('no values to take a percentile of');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile ${p} is not in (0, 100]`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

/** Pure: count, p50, p99 and max of the values. */
export function distribution(values: readonly number[]): Distribution {
  return { count: values.length, p50: percentile(values, 50), p99: percentile(values, 99), max: percentile(values, 100) };
}

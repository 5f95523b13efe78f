/** One side-by-side pair: the same work through restash and run directly. */
export interface TimedPair {
  restashSeconds: number;
  directSeconds: number;
}

/** Pure: the middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('no values to take a median of');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Pure: restash's time over the direct run's, per pair. */
export function pairRatio(pair: TimedPair): number {
  if (pair.directSeconds <= 0) throw new Error('a direct run took no time');
  return pair.restashSeconds / pair.directSeconds;
}

/** Pure: the median of the pairs' ratios (each pair ran back to back, so drift between pairs cancels). */
export function medianRatio(pairs: readonly TimedPair[]): number {
  return median(pairs.map(pairRatio));
}

/** One sample of Prometheus' text exposition format. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Pure: the samples of a /metrics page (comments and blank lines skipped). */
export function parsePrometheusText(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = SAMPLE.exec(line.trim());
    if (!match || line.startsWith('#')) return [];
    return [{ name: match[1]!, labels: parseLabels(match[2] ?? ''), value: Number(match[3]) }];
  });
}

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [, name, value] of text.matchAll(LABEL)) labels[name!] = value!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  return labels;
}

/** Pure: the sum of a metric's samples whose labels pass `where`. */
export function sumSamples(samples: readonly Sample[], name: string, where: (labels: Record<string, string>) => boolean = () => true): number {
  return samples.filter((sample) => sample.name === name && where(sample.labels)).reduce((sum, sample) => sum + sample.value, 0);
}

/**
 * Pure: the upper bound of the bucket holding the q-th quantile (0 < q ≤ 1) of a histogram, from its
 * cumulative `<name>_bucket{le=…}` samples; Infinity when it lies beyond the last finite bucket.
 */
export function histogramQuantileBound(samples: readonly Sample[], name: string, q: number): number | undefined {
  const buckets = samples
    .filter((sample) => sample.name === `${name}_bucket`)
    .map((sample) => ({ le: sample.labels['le'] === '+Inf' ? Infinity : Number(sample.labels['le']), count: sample.value }))
    .sort((a, b) => a.le - b.le);
  const total = buckets[buckets.length - 1]?.count ?? 0;
  if (total === 0) return undefined;
  return buckets.find((bucket) => bucket.count >= q * total)!.le;
}

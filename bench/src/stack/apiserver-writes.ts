import { kubectl } from '../../../test/support/kubectl.js';
import { parsePrometheusText, type Sample } from '../figures/prometheus-text.js';

const WRITE_VERBS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'DELETECOLLECTION', 'APPLY']);

/** Writes the API server has answered, by `<verb> <resource>[/<subresource>]`: its own count, whoever the client. */
export type WriteCounts = Map<string, number>;

/** Pure: the write counts of an API server /metrics page (apiserver_request_total, every response code). */
export function writeCounts(samples: readonly Sample[]): WriteCounts {
  const counts: WriteCounts = new Map();
  for (const { name, labels, value } of samples) {
    if (name !== 'apiserver_request_total' || !WRITE_VERBS.has(labels['verb'] ?? '')) continue;
    const key = `${labels['verb']} ${labels['resource']}${labels['subresource'] ? `/${labels['subresource']}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + value);
  }
  return counts;
}

/** Pure: the writes made between two readings, leaving out kinds with none. */
export function writesBetween(before: WriteCounts, after: WriteCounts): WriteCounts {
  const made: WriteCounts = new Map();
  for (const [key, count] of after) {
    const delta = count - (before.get(key) ?? 0);
    if (delta > 0) made.set(key, delta);
  }
  return made;
}

/** The API server's write counts now, read from its /metrics with the stack's admin kubeconfig. */
export async function readApiserverWrites(): Promise<WriteCounts> {
  const result = await kubectl(['get', '--raw', '/metrics']);
  if (result.code !== 0) throw new Error(`kubectl get --raw /metrics failed: ${result.stderr}`);
  return writeCounts(parsePrometheusText(result.stdout));
}

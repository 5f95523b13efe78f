import type { V1Container, V1ResourceFieldSelector } from '@kubernetes/client-node';
import { parseQuantity } from './quantity.js';

/** What a container gets when it sets no limit: the node's allocatable amount. */
export interface NodeAllocatable {
  readonly cpu: string;
  readonly memory: string;
  readonly 'ephemeral-storage': string;
}

/** resourceFieldRef, best effort: a limit falls back to the node's allocatable, a request to the limit, then 0. */
export function resourceFieldValue(container: V1Container | undefined, selector: V1ResourceFieldSelector, node: NodeAllocatable): string {
  const [kind, resource] = selector.resource.split('.') as [string, keyof NodeAllocatable];
  if ((kind !== 'limits' && kind !== 'requests') || !(resource in node)) {
    throw new Error(`unsupported resourceFieldRef ${JSON.stringify(selector.resource)}`);
  }
  const resources = container?.resources;
  const limit = resources?.limits?.[resource] ?? node[resource];
  const amount = kind === 'limits' ? limit : (resources?.requests?.[resource] ?? resources?.limits?.[resource] ?? '0');
  const divisor = parseQuantity(selector.divisor ?? '1');
  return String(Math.ceil(parseQuantity(amount) / divisor - 1e-9));
}

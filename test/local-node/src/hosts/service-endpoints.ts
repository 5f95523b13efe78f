import type { NodeContext } from '../node-context.js';
import { type HostEntry, serviceHostEntries } from './hosts-file.js';

/** Every Service's first ready endpoint, read from the EndpointSlices the real controller maintains. */
export async function currentServiceEntries(ctx: NodeContext): Promise<HostEntry[]> {
  const slices = await ctx.clients.discovery.listEndpointSliceForAllNamespaces();
  return serviceHostEntries(slices.items, ctx.apiServer.host);
}

import type { LocalNodeConfig } from './config.js';
import type { NodeAllocatable } from './env/resource-field.js';
import type { Logger } from './json-logger.js';
import type { KubeClients } from './kube/kube-clients.js';
import type { PodIPPool } from './network/pod-ip-pool.js';
import type { PodEvents } from './pods/pod-events.js';
import type { StackLayout } from './runtime/stack-layout.js';

/** What every part of the local node shares: settings, clients, the address pool and the shutdown flag. */
export interface NodeContext {
  readonly config: LocalNodeConfig;
  readonly layout: StackLayout;
  readonly clients: KubeClients;
  readonly log: Logger;
  readonly ipPool: PodIPPool;
  readonly events: PodEvents;
  readonly allocatable: NodeAllocatable;
  readonly apiServer: { readonly host: string; readonly port: string; readonly caPem: string };
  /** bin directory of the newest PostgreSQL installed, if any. */
  readonly postgresBinDir?: string;
  readonly shuttingDown: () => boolean;
}

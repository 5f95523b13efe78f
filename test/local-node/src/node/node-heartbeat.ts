import { cpus, hostname, release, totalmem } from 'node:os';
import type { LocalNodeConfig } from '../config.js';
import { type Logger, describeError } from '../json-logger.js';
import { type KubeClients, isConflict, isNotFound, mergePatch } from '../kube/kube-clients.js';
import { rfc3339 } from '../pods/pod-status.js';
import { type MachineFacts, microTime, nodeObject, nodeStatus } from './node-object.js';

const heartbeatMs = 10_000;
const leaseNamespace = 'kube-node-lease';
const leaseDurationSeconds = 40;

export function machineFacts(): MachineFacts {
  return { cpus: cpus().length, memoryBytes: totalmem(), arch: process.arch, kernelVersion: release(), hostname: hostname() };
}

/** Registers the Node, keeps its Ready condition and its Lease fresh. */
export class NodeHeartbeat {
  private timer?: NodeJS.Timeout;
  private readonly readySince = rfc3339(new Date());

  constructor(
    private readonly config: LocalNodeConfig,
    private readonly clients: KubeClients,
    private readonly machine: MachineFacts,
    private readonly log: Logger,
  ) {}

  async register(): Promise<void> {
    try {
      await this.clients.core.createNode({ body: nodeObject(this.config, this.machine) });
      this.log.info('node registered', { node: this.config.nodeName });
    } catch (err) {
      if (!isConflict(err)) throw err;
      await this.clients.core.patchNode({ name: this.config.nodeName, body: nodeObject(this.config, this.machine) }, mergePatch);
    }
    await this.beat();
    this.timer = setInterval(
      () => void this.beat().catch((err: unknown) => this.log.warn('node heartbeat failed', { err: describeError(err) })),
      heartbeatMs,
    );
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async beat(): Promise<void> {
    const now = new Date();
    await this.clients.core.patchNodeStatus(
      { name: this.config.nodeName, body: { status: nodeStatus(this.config, this.machine, rfc3339(now), this.readySince) } },
      mergePatch,
    );
    await this.renewLease(now);
  }

  private async renewLease(now: Date): Promise<void> {
    const name = this.config.nodeName;
    const spec = { holderIdentity: name, leaseDurationSeconds, renewTime: microTime(now) };
    try {
      await this.clients.coordination.patchNamespacedLease({ name, namespace: leaseNamespace, body: { spec } }, mergePatch);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      const node = await this.clients.core.readNode({ name });
      await this.clients.coordination.createNamespacedLease({
        namespace: leaseNamespace,
        body: {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: {
            name,
            namespace: leaseNamespace,
            ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata!.uid! }],
          },
          spec: spec as never,
        },
      });
    }
  }
}

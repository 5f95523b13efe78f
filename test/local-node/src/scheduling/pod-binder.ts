import type { V1Pod } from '@kubernetes/client-node';
import { type Logger, describeError } from '../json-logger.js';
import { type KubeClients, isConflict, isNotFound } from '../kube/kube-clients.js';
import type { PodEvents } from '../pods/pod-events.js';

/** The scheduler's part: every pending pod without a node (whatever its schedulerName) is bound to the local node. */
export class PodBinder {
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly nodeName: string,
    private readonly clients: KubeClients,
    private readonly events: PodEvents,
    private readonly log: Logger,
  ) {}

  static needsBinding(pod: V1Pod): boolean {
    return (
      !pod.spec?.nodeName &&
      !pod.spec?.schedulingGates?.length &&
      !pod.metadata?.deletionTimestamp &&
      pod.status?.phase !== 'Succeeded' &&
      pod.status?.phase !== 'Failed'
    );
  }

  bind(pod: V1Pod): void {
    const uid = pod.metadata!.uid!;
    if (this.inFlight.has(uid)) return;
    this.inFlight.add(uid);
    void this.sendBinding(pod).finally(() => this.inFlight.delete(uid));
  }

  private async sendBinding(pod: V1Pod): Promise<void> {
    const name = pod.metadata!.name!;
    const namespace = pod.metadata!.namespace!;
    try {
      await this.clients.core.createNamespacedPodBinding({
        name,
        namespace,
        body: {
          apiVersion: 'v1',
          kind: 'Binding',
          metadata: { name, namespace, uid: pod.metadata!.uid },
          target: { apiVersion: 'v1', kind: 'Node', name: this.nodeName },
        },
      });
      this.events.normal(pod, 'Scheduled', `Successfully assigned ${namespace}/${name} to ${this.nodeName}`, 'default-scheduler');
      this.log.info('pod bound', { namespace, pod: name });
    } catch (err) {
      if (isConflict(err) || isNotFound(err)) return;
      this.log.warn('binding failed', { namespace, pod: name, err: describeError(err) });
    }
  }
}

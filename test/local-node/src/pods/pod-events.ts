import type { V1Pod } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { type Logger, describeError } from '../json-logger.js';
import type { KubeClients } from '../kube/kube-clients.js';

/** Kubernetes Events about pods, as the kubelet (or scheduler) records them; best effort, never awaited. */
export class PodEvents {
  constructor(
    private readonly nodeName: string,
    private readonly clients: KubeClients,
    private readonly log: Logger,
  ) {}

  normal(pod: V1Pod, reason: string, message: string, component = 'kubelet'): void {
    this.record(pod, 'Normal', reason, message, component);
  }

  warning(pod: V1Pod, reason: string, message: string): void {
    this.record(pod, 'Warning', reason, message, 'kubelet');
  }

  private record(pod: V1Pod, type: string, reason: string, message: string, component: string): void {
    const namespace = pod.metadata!.namespace!;
    const now = new Date();
    this.clients.core
      .createNamespacedEvent({
        namespace,
        body: {
          metadata: { name: `${pod.metadata!.name}.${now.getTime().toString(16)}${randomBytes(3).toString('hex')}`, namespace },
          involvedObject: { apiVersion: 'v1', kind: 'Pod', name: pod.metadata!.name, namespace, uid: pod.metadata!.uid },
          type,
          reason,
          message,
          source: { component, host: this.nodeName },
          firstTimestamp: now,
          lastTimestamp: now,
          count: 1,
        },
      })
      .catch((err: unknown) => {
        const message = describeError(err);
        // a namespace being deleted takes no new events: nothing worth a warning
        if (!message.includes('is being terminated'))
          this.log.warn('event not recorded', { namespace, pod: pod.metadata!.name, reason, err: message });
      });
  }
}

import type { V1Pod } from '@kubernetes/client-node';
import { type KubeClient, isNotFound } from '@restash/kube';
import { eventually } from './eventually.js';

export function isPodReady(pod: V1Pod): boolean {
  return !pod.metadata?.deletionTimestamp && pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
}

/** Waits until exactly `count` pods matching the selector are Ready, and returns them. */
export async function waitForReadyPods(
  kube: KubeClient,
  namespace: string,
  labelSelector: string,
  count: number,
  timeoutMs = 45_000,
): Promise<V1Pod[]> {
  return eventually(
    async () => {
      const pods = (await kube.core.listNamespacedPod({ namespace, labelSelector })).items.filter((p) => !p.metadata?.deletionTimestamp);
      return pods.length === count && pods.every(isPodReady) ? pods : undefined;
    },
    { timeoutMs, intervalMs: 250, what: `${count} ready pod(s) ${labelSelector} in ${namespace}` },
  );
}

export async function waitForPod(
  kube: KubeClient,
  namespace: string,
  name: string,
  check: (pod: V1Pod) => boolean,
  what: string,
  timeoutMs = 45_000,
): Promise<V1Pod> {
  return eventually(
    async () => {
      const pod = await kube.core.readNamespacedPod({ name, namespace });
      return check(pod) ? pod : undefined;
    },
    { timeoutMs, intervalMs: 250, what: `pod ${namespace}/${name} ${what}` },
  );
}

export async function waitForPodGone(kube: KubeClient, namespace: string, name: string, timeoutMs = 45_000): Promise<void> {
  await eventually(
    async () => {
      try {
        await kube.core.readNamespacedPod({ name, namespace });
        return false;
      } catch (err) {
        if (isNotFound(err)) return true;
        throw err;
      }
    },
    { timeoutMs, intervalMs: 250, what: `pod ${namespace}/${name} deleted` },
  );
}

/** The one Ready pod of a selector once its injected `stash` sidecar runs. */
export async function waitForSidecarPod(kube: KubeClient, namespace: string, labelSelector: string, timeoutMs = 90_000): Promise<V1Pod> {
  return eventually(
    async () => {
      const [pod] = await waitForReadyPods(kube, namespace, labelSelector, 1, 5000).catch(() => []);
      return pod?.status?.containerStatuses?.some((s) => s.name === 'stash' && s.state?.running) ? pod : undefined;
    },
    { timeoutMs, intervalMs: 500, what: `the pod ${labelSelector} in ${namespace} running its stash sidecar` },
  );
}

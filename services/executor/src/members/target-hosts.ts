import type { V1Pod } from '@kubernetes/client-node';
import type { TargetRef } from '@restash/api';
import { workloadHostName } from '@restash/events';

export const SIDECAR_CONTAINER = 'stash';

/** What the executor reads of a sidecar-model workload: its desired replicas and its current pods. */
export interface WorkloadView {
  replicas: number | undefined;
  pods: V1Pod[];
}

/**
 * Pure: the hosts a workload member backs up (API.md): `host-0` for a Deployment, ReplicaSet or
 * ReplicationController with at least one replica; `host-0..n-1` for a StatefulSet (`target.replicas`
 * or its own); the nodes of a DaemonSet's current pods.
 */
export function targetHosts(target: { ref: TargetRef; replicas?: number }, workload: WorkloadView): string[] {
  switch (target.ref.kind) {
    case 'StatefulSet':
      return Array.from({ length: target.replicas ?? workload.replicas ?? 1 }, (_, ordinal) => `host-${ordinal}`);
    case 'DaemonSet':
      return [...new Set(livePods(workload.pods).flatMap((pod) => pod.spec?.nodeName ?? []))].sort();
    default:
      return (workload.replicas ?? 1) > 0 ? ['host-0'] : [];
  }
}

/** Pure: a live pod that serves the host (a ready one first; by default one with the sidecar), for its IP and exec hooks. */
export function podForHost(kind: string, host: string, pods: readonly V1Pod[], serves: (pod: V1Pod) => boolean = hasSidecar): V1Pod | undefined {
  const serving = livePods(pods).filter(
    (pod) => serves(pod) && workloadHostName(kind, { name: pod.metadata?.name ?? '', nodeName: pod.spec?.nodeName }) === host,
  );
  return serving.find(isReady) ?? serving[0];
}

export function hasSidecar(pod: V1Pod): boolean {
  return hasSidecarContainer(pod.spec?.containers);
}

export function hasSidecarContainer(containers: ReadonlyArray<{ name: string }> | undefined): boolean {
  return (containers ?? []).some((container) => container.name === SIDECAR_CONTAINER);
}

/**
 * Pure: whether the workload's agents can take requests, now or once a rollout is done: a pod has the
 * sidecar, or the pod template has it (just injected, the new pods still starting; requests wait for them).
 */
export function sidecarServes(templateContainers: ReadonlyArray<{ name: string }> | undefined, pods: readonly V1Pod[]): boolean {
  return hasSidecarContainer(templateContainers) || pods.some(hasSidecar);
}

/** Pure: the container an exec hook runs in: the one it names, else the pod's first that is not the sidecar. */
export function hookContainer(pod: V1Pod, named: string | undefined): string | undefined {
  return named ?? pod.spec?.containers.find((container) => container.name !== SIDECAR_CONTAINER)?.name;
}

function livePods(pods: readonly V1Pod[]): V1Pod[] {
  return pods.filter((pod) => !pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed');
}

export function isReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') === true;
}

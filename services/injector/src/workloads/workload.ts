import type { KubernetesObject, V1PodTemplateSpec, V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { targetModel } from '@restash/api';

/** The kinds that get the `stash` sidecar. */
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export function isWorkloadKind(kind: string): kind is WorkloadKind {
  return targetModel(kind) === 'sidecar';
}

/** Which workload: kind, namespace and name (the objects in a cache list carry no kind). */
export interface WorkloadRef {
  kind: WorkloadKind;
  namespace: string;
  name: string;
}

/** What the injector reads of a workload of any of the five kinds. */
export interface Workload extends KubernetesObject {
  spec?: {
    template?: V1PodTemplateSpec;
    volumeClaimTemplates?: V1PersistentVolumeClaim[];
  };
}

export function apiVersionOf(kind: WorkloadKind): string {
  return kind === 'ReplicationController' ? 'v1' : 'apps/v1';
}

/** `Kind/namespace/name`: how the injector's work queue names a workload. */
export function workloadKey(ref: WorkloadRef): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

export function parseWorkloadKey(key: string): WorkloadRef {
  const [kind, namespace, ...name] = key.split('/');
  if (!kind || !isWorkloadKind(kind) || !namespace || name.length === 0) throw new Error(`not a workload key: ${key}`);
  return { kind, namespace, name: name.join('/') };
}

export function describeWorkload(ref: WorkloadRef): string {
  return `${ref.kind} ${ref.namespace}/${ref.name}`;
}

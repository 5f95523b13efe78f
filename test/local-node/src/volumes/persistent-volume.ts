import type { V1PersistentVolume, V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';
import type { StackLayout } from '../runtime/stack-layout.js';

export const localVolumeLabel = 'restash.dev/local-node-volume';
export const claimProtectionFinalizer = 'kubernetes.io/pvc-protection';
export const volumeProtectionFinalizer = 'kubernetes.io/pv-protection';

export function persistentVolumeName(namespace: string, claim: string): string {
  return `local-${namespace}-${claim}`;
}

/** A hostPath PV on the claim's directory, pre-bound to the claim (claimRef), matching its class, modes and size. */
export function persistentVolumeFor(claim: V1PersistentVolumeClaim, layout: StackLayout): V1PersistentVolume {
  const namespace = claim.metadata!.namespace!;
  const name = claim.metadata!.name!;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: persistentVolumeName(namespace, name),
      labels: { [localVolumeLabel]: 'true' },
      annotations: { 'pv.kubernetes.io/provisioned-by': 'restash-local-node' },
    },
    spec: {
      capacity: { storage: String(claim.spec?.resources?.requests?.storage ?? '1Gi') },
      accessModes: claim.spec?.accessModes?.length ? claim.spec.accessModes : ['ReadWriteOnce'],
      volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
      storageClassName: claim.spec?.storageClassName ?? '',
      persistentVolumeReclaimPolicy: 'Retain',
      hostPath: { path: layout.claimDir(namespace, name), type: 'DirectoryOrCreate' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace, name, uid: claim.metadata!.uid },
    },
  };
}

/** A claim needs a volume from us when nothing binds it: no volumeName chosen by the user or the binder. */
export function needsVolume(claim: V1PersistentVolumeClaim): boolean {
  return !claim.metadata?.deletionTimestamp && !claim.spec?.volumeName && claim.status?.phase !== 'Bound';
}

/** The pvc-protection rule: a claim is in use while a pod that is not finished mounts it. */
export function claimInUse(claim: V1PersistentVolumeClaim, pods: readonly V1Pod[]): boolean {
  return pods.some(
    (pod) =>
      pod.metadata?.namespace === claim.metadata?.namespace &&
      pod.status?.phase !== 'Succeeded' &&
      pod.status?.phase !== 'Failed' &&
      (pod.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim.metadata?.name),
  );
}

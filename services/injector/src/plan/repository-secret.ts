import type { V1OwnerReference, V1Secret } from '@kubernetes/client-node';
import { RESOURCES, type BackupBatch } from '@restash/api';
import { AGENT_REPOSITORY_KEY, type MemberRepository } from '@restash/events';
import { workloadKey, type WorkloadRef } from '../workloads/workload.js';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'restash-injector';
/** On each repository Secret: the workload key it serves, so a change to the Secret reconciles that workload. */
export const WORKLOAD_ANNOTATION = 'restash.dev/workload';

/** Pure: `stash-repository-<kind lowercased>-<name>`, in the workload's namespace. */
export function repositorySecretName(workload: WorkloadRef): string {
  return `stash-repository-${workload.kind.toLowerCase()}-${workload.name}`;
}

/**
 * Pure: the Secret the sidecar reads its repository from. Credentials reach the pod only through it
 * (never over NATS), and rotating them changes this Secret, not the pod template. Owned by the batch
 * when they share a namespace, so deleting the batch deletes it even while the injector is away.
 */
export function repositorySecret(workload: WorkloadRef, batch: BackupBatch, repository: MemberRepository): V1Secret {
  const owner = batch.metadata.namespace === workload.namespace ? [batchOwner(batch)] : [];
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: repositorySecretName(workload),
      namespace: workload.namespace,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY },
      annotations: { [WORKLOAD_ANNOTATION]: workloadKey(workload) },
      ownerReferences: owner,
    },
    type: 'Opaque',
    data: { [AGENT_REPOSITORY_KEY]: Buffer.from(JSON.stringify(repository)).toString('base64') },
  };
}

/** Pure: whether the Secret in the cluster already says what the desired one says. */
export function secretIsCurrent(existing: V1Secret | undefined, desired: V1Secret): boolean {
  if (!existing) return false;
  const owners = (secret: V1Secret) => (secret.metadata?.ownerReferences ?? []).map((o) => o.uid).join(',');
  return existing.data?.[AGENT_REPOSITORY_KEY] === desired.data?.[AGENT_REPOSITORY_KEY] && owners(existing) === owners(desired);
}

function batchOwner(batch: BackupBatch): V1OwnerReference {
  return { apiVersion: RESOURCES.backupBatch.apiVersion, kind: RESOURCES.backupBatch.kind, name: batch.metadata.name!, uid: batch.metadata.uid!, controller: true };
}

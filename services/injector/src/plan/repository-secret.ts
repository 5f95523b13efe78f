import type { V1OwnerReference, V1Secret } from '@kubernetes/client-node';
import { RESOURCES, type BackupBatch, type ResourceType, type RestoreBatch } from '@restash/api';
import { AGENT_REPOSITORY_KEY, RESTORE_SPEC_KEY, type MemberRepository, type WorkloadRestoreSpec } from '@restash/events';
import { workloadKey, type WorkloadRef } from '../workloads/workload.js';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'restash-injector';
/** On each repository Secret: the workload key it serves, so a change to the Secret reconciles that workload. */
export const WORKLOAD_ANNOTATION = 'restash.dev/workload';

/** Pure: `stash-repository-<kind lowercased>-<name>`, in the workload's namespace. */
export function repositorySecretName(workload: WorkloadRef): string {
  return `stash-repository-${workload.kind.toLowerCase()}-${workload.name}`;
}

/** Pure: `stash-restore-<kind lowercased>-<name>`, in the workload's namespace: the `stash-init` container's spec. */
export function restoreSecretName(workload: WorkloadRef): string {
  return `stash-restore-${workload.kind.toLowerCase()}-${workload.name}`;
}

/**
 * Pure: the Secret the sidecar reads its repository from. Credentials reach the pod only through it
 * (never over NATS), and rotating them changes this Secret, not the pod template. Owned by the batch
 * when they share a namespace, so deleting the batch deletes it even while the injector is away.
 */
export function repositorySecret(workload: WorkloadRef, batch: BackupBatch, repository: MemberRepository, natsAccess: Record<string, string> = {}): V1Secret {
  return injectedSecret(repositorySecretName(workload), workload, owner(RESOURCES.backupBatch, batch), AGENT_REPOSITORY_KEY, repository, natsAccess);
}

/** Pure: the Secret the `stash-init` container reads what to restore from (repository credentials included), owned by the RestoreBatch. */
export function restoreSecret(workload: WorkloadRef, restore: RestoreBatch, spec: WorkloadRestoreSpec, natsAccess: Record<string, string> = {}): V1Secret {
  return injectedSecret(restoreSecretName(workload), workload, owner(RESOURCES.restoreBatch, restore), RESTORE_SPEC_KEY, spec, natsAccess);
}

/** Pure: whether the Secret in the cluster already says what the desired one says. */
export function secretIsCurrent(existing: V1Secret | undefined, desired: V1Secret): boolean {
  if (!existing) return false;
  const owners = (secret: V1Secret) => (secret.metadata?.ownerReferences ?? []).map((o) => o.uid).join(',');
  return JSON.stringify(existing.data ?? {}) === JSON.stringify(desired.data ?? {}) && owners(existing) === owners(desired);
}

interface SecretOwner {
  namespace: string | undefined;
  reference: V1OwnerReference;
}

function injectedSecret(name: string, workload: WorkloadRef, secretOwner: SecretOwner, key: string, payload: unknown, natsAccess: Record<string, string>): V1Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name,
      namespace: workload.namespace,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY },
      annotations: { [WORKLOAD_ANNOTATION]: workloadKey(workload) },
      ownerReferences: secretOwner.namespace === workload.namespace ? [secretOwner.reference] : [],
    },
    type: 'Opaque',
    data: base64Data({ ...natsAccess, [key]: JSON.stringify(payload) }),
  };
}

/** Pure: Secret data in key order, as the API server returns it (so secretIsCurrent compares like with like). */
function base64Data(entries: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(entries).sort().map((key) => [key, Buffer.from(entries[key]!).toString('base64')]));
}

function owner(resource: ResourceType, object: { metadata: { namespace?: string; name?: string; uid?: string } }): SecretOwner {
  return {
    namespace: object.metadata.namespace,
    reference: { apiVersion: resource.apiVersion, kind: resource.kind, name: object.metadata.name!, uid: object.metadata.uid!, controller: true },
  };
}

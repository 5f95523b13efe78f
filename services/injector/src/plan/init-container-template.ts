import type { KubernetesObject, V1Container, V1VolumeMount } from '@kubernetes/client-node';
import type { LocalBackend, RestoreMember } from '@restash/api';
import { RESTORE_INIT_CONTAINER, RESTORE_SPEC_DIR, RESTORE_SPEC_FILE } from '@restash/events';
import { runnerNatsEnv } from '@restash/messaging';
import type { WorkloadRef } from '../workloads/workload.js';
import { containerSettings, field, podTemplateApplyObject, stashVolumes, type StashVolumeNames } from './sidecar-template.js';

/** The init container's own volumes: named apart from the sidecar's, so each field manager owns only its own. */
export const INIT_VOLUMES: StashVolumeNames = { tmp: 'stash-init-tmp', secret: 'stash-restore', backend: 'stash-init-backend' };

/** Everything the `stash-init` container of one workload is made from. */
export interface InitContainerInput {
  workload: WorkloadRef;
  member: RestoreMember;
  /** The RestoreBatch it restores for: a new one changes the pod template, so the rollout restores again. */
  restoreUid: string;
  image: string;
  /** The Secret holding the workload's restore.json and the NATS access entries. */
  secretName: string;
  /** The NATS entries of that Secret (runnerNatsSecretData). */
  natsAccess: Record<string, string>;
  localBackend: LocalBackend | undefined;
}

/**
 * Pure: the partial workload the injector server-side-applies (with its own field manager) to restore
 * a workload: only the `stash-init` init container and its volumes, so it owns exactly these fields and
 * applying the empty object takes them back. The pods it rolls out restore before their containers start.
 */
export function initContainerApplyObject(input: InitContainerInput): KubernetesObject {
  return podTemplateApplyObject(input.workload, { initContainers: [initContainer(input)], volumes: stashVolumes(INIT_VOLUMES, input.secretName, input.localBackend) });
}

/** Pure: the `stash-init` container running `restash restore-init` with the member's volumes mounted read-write. */
export function initContainer(input: InitContainerInput): V1Container {
  return {
    name: RESTORE_INIT_CONTAINER,
    image: input.image,
    args: ['restore-init'],
    env: [
      field('NAMESPACE', 'metadata.namespace'),
      field('POD_NAME', 'metadata.name'),
      field('NODE_NAME', 'spec.nodeName'),
      { name: 'RESTORE_UID', value: input.restoreUid },
      { name: 'RESTASH_RESTORE_FILE', value: RESTORE_SPEC_FILE },
      { name: 'RESTIC_CACHE_DIR', value: '/tmp/restic-cache' },
      ...runnerNatsEnv(input.natsAccess, input.secretName, RESTORE_SPEC_DIR, true),
    ],
    volumeMounts: [
      ...(input.member.target.volumeMounts ?? []).map(({ readOnly: _readOnly, ...mount }): V1VolumeMount => mount),
      { name: INIT_VOLUMES.tmp, mountPath: '/tmp' },
      { name: INIT_VOLUMES.secret, mountPath: RESTORE_SPEC_DIR, readOnly: true },
      ...(input.localBackend ? [{ name: INIT_VOLUMES.backend, mountPath: input.localBackend.mountPath }] : []),
    ],
    ...containerSettings(input.member.runtimeSettings),
  };
}

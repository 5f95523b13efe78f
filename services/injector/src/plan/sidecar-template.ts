import type { KubernetesObject, V1Container, V1EnvVar, V1Volume, V1VolumeMount } from '@kubernetes/client-node';
import type { BackupMember, LocalBackend } from '@restash/api';
import { AGENT_HTTP_PORT, AGENT_REPOSITORY_DIR, AGENT_REPOSITORY_FILE } from '@restash/events';
import { apiVersionOf, type WorkloadRef } from '../workloads/workload.js';

export const SIDECAR_NAME = 'stash';
export const TMP_VOLUME = 'stash-tmp';
export const REPOSITORY_VOLUME = 'stash-repository';
export const BACKEND_VOLUME = 'stash-local-backend';

/** Everything the sidecar of one workload is made from. */
export interface SidecarInput {
  workload: WorkloadRef;
  member: BackupMember;
  image: string;
  natsUrl: string;
  /** The Secret holding the member's repository.json. */
  secretName: string;
  /** A local backend is a volume the sidecar mounts too. */
  localBackend: LocalBackend | undefined;
}

/**
 * Pure: the partial workload the injector server-side-applies: only the `stash` container and its
 * volumes in the pod template, nothing else, so the injector owns exactly these fields.
 */
export function sidecarApplyObject(input: SidecarInput): KubernetesObject {
  const { kind, namespace, name } = input.workload;
  return {
    apiVersion: apiVersionOf(kind),
    kind,
    metadata: { name, namespace },
    spec: { template: { spec: { containers: [sidecarContainer(input)], volumes: sidecarVolumes(input) } } },
  } as KubernetesObject;
}

/** Pure: the `stash` container running restash's agent with the member's volumes mounted read-only. */
export function sidecarContainer(input: SidecarInput): V1Container {
  const container = (input.member.runtimeSettings?.container ?? {}) as Pick<V1Container, 'resources' | 'securityContext' | 'imagePullPolicy'>;
  return {
    name: SIDECAR_NAME,
    image: input.image,
    args: ['agent'],
    env: agentEnv(input),
    volumeMounts: [
      ...(input.member.target.volumeMounts ?? []).map((mount): V1VolumeMount => ({ ...mount, readOnly: true })),
      { name: TMP_VOLUME, mountPath: '/tmp' },
      { name: REPOSITORY_VOLUME, mountPath: AGENT_REPOSITORY_DIR, readOnly: true },
      ...(input.localBackend ? [{ name: BACKEND_VOLUME, mountPath: input.localBackend.mountPath }] : []),
    ],
    livenessProbe: { httpGet: { path: '/healthz', port: AGENT_HTTP_PORT }, periodSeconds: 30, failureThreshold: 3 },
    ...(container.resources && { resources: container.resources }),
    ...(container.securityContext && { securityContext: container.securityContext }),
    ...(container.imagePullPolicy && { imagePullPolicy: container.imagePullPolicy }),
  };
}

/** Pure: the sidecar's own volumes: a scratch emptyDir, the repository Secret, a local backend. */
export function sidecarVolumes(input: SidecarInput): V1Volume[] {
  const volumes: V1Volume[] = [
    { name: TMP_VOLUME, emptyDir: {} },
    // optional: a pod never waits for this Secret (the agent reports its absence per run instead)
    { name: REPOSITORY_VOLUME, secret: { secretName: input.secretName, optional: true } },
  ];
  if (input.localBackend) {
    const { mountPath: _mountPath, subPath: _subPath, ...source } = input.localBackend;
    volumes.push({ name: BACKEND_VOLUME, ...source } as V1Volume);
  }
  return volumes;
}

function agentEnv(input: SidecarInput): V1EnvVar[] {
  const field = (name: string, fieldPath: string): V1EnvVar => ({ name, valueFrom: { fieldRef: { fieldPath } } });
  return [
    field('NAMESPACE', 'metadata.namespace'),
    field('POD_NAME', 'metadata.name'),
    field('NODE_NAME', 'spec.nodeName'),
    field('POD_IP', 'status.podIP'),
    { name: 'TARGET_KIND', value: input.workload.kind },
    { name: 'TARGET_NAME', value: input.workload.name },
    { name: 'NATS_URL', value: input.natsUrl },
    { name: 'RESTASH_REPOSITORY_FILE', value: AGENT_REPOSITORY_FILE },
    { name: 'RESTIC_CACHE_DIR', value: '/tmp/restic-cache' },
  ];
}

import type { KubernetesObject, V1Container, V1EnvVar, V1PodSpec, V1Volume, V1VolumeMount } from '@kubernetes/client-node';
import type { BackupMember, LocalBackend, RuntimeSettings } from '@restash/api';
import { AGENT_HTTP_PORT, AGENT_REPOSITORY_DIR, AGENT_REPOSITORY_FILE } from '@restash/events';
import { runnerNatsEnv } from '@restash/messaging';
import { apiVersionOf, type WorkloadRef } from '../workloads/workload.js';

export const SIDECAR_NAME = 'stash';
export const TMP_VOLUME = 'stash-tmp';
export const REPOSITORY_VOLUME = 'stash-repository';
export const BACKEND_VOLUME = 'stash-local-backend';

/** The names of the volumes a container the injector adds brings along. */
export interface StashVolumeNames {
  tmp: string;
  secret: string;
  backend: string;
}
const SIDECAR_VOLUMES: StashVolumeNames = { tmp: TMP_VOLUME, secret: REPOSITORY_VOLUME, backend: BACKEND_VOLUME };

/** Everything the sidecar of one workload is made from. */
export interface SidecarInput {
  workload: WorkloadRef;
  /** The workload object's uid: agent requests are addressed to it (see agentRunSubject). */
  workloadUid: string;
  member: BackupMember;
  image: string;
  natsUrl: string;
  /** The Secret holding the member's repository.json and the NATS access entries. */
  secretName: string;
  /** The NATS entries of that Secret (runnerNatsSecretData): the container refers to them, never copies them. */
  natsAccess: Record<string, string>;
  /** A local backend is a volume the sidecar mounts too. */
  localBackend: LocalBackend | undefined;
}

/**
 * Pure: the partial workload the injector server-side-applies: only the `stash` container and its
 * volumes in the pod template, nothing else, so the injector owns exactly these fields.
 */
export function sidecarApplyObject(input: SidecarInput): KubernetesObject {
  return podTemplateApplyObject(input.workload, { containers: [sidecarContainer(input)], volumes: sidecarVolumes(input) });
}

/** Pure: a partial workload holding only these pod template fields (an apply configuration owning just them). */
export function podTemplateApplyObject(workload: WorkloadRef, podSpec: Partial<V1PodSpec>): KubernetesObject {
  const { kind, namespace, name } = workload;
  return { apiVersion: apiVersionOf(kind), kind, metadata: { name, namespace }, spec: { template: { spec: podSpec } } } as KubernetesObject;
}

/** Pure: the `stash` container running restash's agent with the member's volumes mounted read-only. */
export function sidecarContainer(input: SidecarInput): V1Container {
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
    ...containerSettings(input.member.runtimeSettings),
  };
}

/** Pure: the container settings a member's runtimeSettings give the injector's containers (others, like `nice`, do not apply). */
export function containerSettings(runtimeSettings: RuntimeSettings | undefined): Pick<V1Container, 'resources' | 'securityContext' | 'imagePullPolicy'> {
  const container = (runtimeSettings?.container ?? {}) as Pick<V1Container, 'resources' | 'securityContext' | 'imagePullPolicy'>;
  return {
    ...(container.resources && { resources: container.resources }),
    ...(container.securityContext && { securityContext: container.securityContext }),
    ...(container.imagePullPolicy && { imagePullPolicy: container.imagePullPolicy }),
  };
}

/** Pure: the sidecar's own volumes: a scratch emptyDir, the repository Secret, a local backend. */
export function sidecarVolumes(input: SidecarInput): V1Volume[] {
  return stashVolumes(SIDECAR_VOLUMES, input.secretName, input.localBackend);
}

/** Pure: the volumes an injected container brings: a scratch emptyDir, the injector's Secret, a local backend. */
export function stashVolumes(names: StashVolumeNames, secretName: string, localBackend: LocalBackend | undefined): V1Volume[] {
  const volumes: V1Volume[] = [
    { name: names.tmp, emptyDir: {} },
    // optional: a pod never waits for this Secret (the container reports its absence instead)
    { name: names.secret, secret: { secretName, optional: true } },
  ];
  if (localBackend) {
    const { mountPath: _mountPath, subPath: _subPath, ...source } = localBackend;
    volumes.push({ name: names.backend, ...source } as V1Volume);
  }
  return volumes;
}

/** Pure: an environment variable from the downward API. */
export function field(name: string, fieldPath: string): V1EnvVar {
  return { name, valueFrom: { fieldRef: { fieldPath } } };
}

function agentEnv(input: SidecarInput): V1EnvVar[] {
  return [
    field('NAMESPACE', 'metadata.namespace'),
    field('POD_NAME', 'metadata.name'),
    field('NODE_NAME', 'spec.nodeName'),
    field('POD_IP', 'status.podIP'),
    { name: 'TARGET_KIND', value: input.workload.kind },
    { name: 'TARGET_NAME', value: input.workload.name },
    { name: 'TARGET_UID', value: input.workloadUid },
    { name: 'NATS_URL', value: input.natsUrl },
    { name: 'RESTASH_REPOSITORY_FILE', value: AGENT_REPOSITORY_FILE },
    { name: 'RESTIC_CACHE_DIR', value: '/tmp/restic-cache' },
    // optional like the Secret's volume: a pod never waits for it (the agent reports NATS refusing it instead)
    ...runnerNatsEnv(input.natsAccess, input.secretName, AGENT_REPOSITORY_DIR, true),
  ];
}

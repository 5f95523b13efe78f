import type { V1Job, V1OwnerReference, V1Secret, V1Volume, V1VolumeMount } from '@kubernetes/client-node';
import { RESOURCES, type LocalBackend, type ResourceType, type RuntimeSettings, type VolumeMount } from '@restash/api';
import type { ObjectIdentity } from '@restash/events';
import { runnerNatsEnv, runnerNatsFileKeys } from '@restash/messaging';

export const RUN_SPEC_KEY = 'run.json';
export const DEFAULT_TARGET_MOUNT = '/stash-data';
/** Where a runner Job sees the NATS TLS files of its Secret. */
export const NATS_TLS_MOUNT = '/etc/restash/nats';
const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'stash.appscode.com', 'app.kubernetes.io/component': 'restash-runner' };
/** Selects the pods (and Secrets) of runner Jobs. */
export const RUNNER_COMPONENT_SELECTOR = 'app.kubernetes.io/component=restash-runner';

/** The object a runner Job works for: it owns the Job and its spec Secret, and labels them (`restash.dev/session=<name>`). */
export interface JobOwner {
  resource: Pick<ResourceType, 'apiVersion' | 'kind'>;
  object: ObjectIdentity;
  label: string;
}

/** What a runner Job does: `job` backs a member up (its volume read-only), `restore-job` restores it (read-write). */
export type RunnerCommand = 'job' | 'restore-job';

export interface MemberJobInput {
  name: string;
  owner: JobOwner;
  command: RunnerCommand;
  memberKey: string;
  target: { ref: { kind: string; name: string }; volumeMounts?: VolumeMount[] };
  localBackend: LocalBackend | undefined;
  image: string;
  runtimeSettings: RuntimeSettings | undefined;
  activeDeadlineSeconds: number | undefined;
  /** The NATS entries of the run's Secret (runnerNatsSecretData): the pod refers to them, never copies them. */
  natsAccess: Record<string, string>;
}

/** Pure: the owner of a backup runner's objects. */
export function sessionOwner(session: ObjectIdentity): JobOwner {
  return { resource: RESOURCES.backupSession, object: session, label: 'restash.dev/session' };
}

/** Pure: the owner of a restore runner's objects. */
export function restoreOwner(restore: ObjectIdentity): JobOwner {
  return { resource: RESOURCES.restoreBatch, object: restore, label: 'restash.dev/restore' };
}

/** Pure: where a PVC member's volume is mounted in the runner pod. */
export function targetMountPath(target: { volumeMounts?: VolumeMount[] }): string {
  return target.volumeMounts?.[0]?.mountPath ?? DEFAULT_TARGET_MOUNT;
}

/** Pure: the Secret carrying a runner's spec and NATS access, owned by the session (or RestoreBatch) so it goes when that goes. */
export function runSpecSecretManifest(name: string, owner: JobOwner, spec: object, natsAccess: Record<string, string> = {}): V1Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: owner.object.namespace, labels: { ...MANAGED_BY, [owner.label]: owner.object.name }, ownerReferences: [ownerReference(owner)] },
    type: 'Opaque',
    stringData: { ...natsAccess, [RUN_SPEC_KEY]: JSON.stringify(spec) },
  };
}

/** Pure: the Job that backs up or restores one job-model member (a PVC or a database) with restash's one-shot runner. */
export function memberJobManifest(input: MemberJobInput): V1Job {
  const { name, owner } = input;
  const labels = { ...MANAGED_BY, [owner.label]: owner.object.name, 'restash.dev/member': input.memberKey };
  const { volumes, mounts } = volumesFor(input);
  const pod = (input.runtimeSettings?.pod ?? {}) as Record<string, unknown>;
  const container = (input.runtimeSettings?.container ?? {}) as Record<string, unknown>;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: owner.object.namespace, labels, ownerReferences: [ownerReference(owner)] },
    spec: {
      backoffLimit: 0,
      ...(input.activeDeadlineSeconds !== undefined && { activeDeadlineSeconds: input.activeDeadlineSeconds }),
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          ...pickDefined(pod, ['serviceAccountName', 'nodeSelector', 'tolerations', 'affinity', 'priorityClassName', 'securityContext', 'imagePullSecrets']),
          containers: [
            {
              name: 'restash',
              image: input.image,
              args: [input.command],
              env: [
                { name: 'RESTASH_RUN_SPEC', valueFrom: { secretKeyRef: { name, key: RUN_SPEC_KEY } } },
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'RESTIC_CACHE_DIR', value: '/tmp/restic-cache' },
                ...runnerNatsEnv(input.natsAccess, name, NATS_TLS_MOUNT),
              ],
              volumeMounts: mounts,
              ...pickDefined(container, ['resources', 'securityContext', 'imagePullPolicy']),
            },
          ],
          volumes,
        },
      },
    },
  };
}

function volumesFor(input: MemberJobInput): { volumes: V1Volume[]; mounts: V1VolumeMount[] } {
  const volumes: V1Volume[] = [{ name: 'stash-tmp', emptyDir: {} }];
  const mounts: V1VolumeMount[] = [{ name: 'stash-tmp', mountPath: '/tmp' }];
  if (input.target.ref.kind === 'PersistentVolumeClaim') {
    const readOnly = input.command === 'job';
    volumes.push({ name: 'stash-target', persistentVolumeClaim: { claimName: input.target.ref.name, ...(readOnly && { readOnly }) } });
    mounts.push({ name: 'stash-target', mountPath: targetMountPath(input.target), ...(readOnly && { readOnly }) });
  }
  const tlsFiles = runnerNatsFileKeys(input.natsAccess);
  if (tlsFiles.length) {
    volumes.push({ name: 'stash-nats-tls', secret: { secretName: input.name, items: tlsFiles.map((key) => ({ key, path: key })) } });
    mounts.push({ name: 'stash-nats-tls', mountPath: NATS_TLS_MOUNT, readOnly: true });
  }
  if (input.localBackend) {
    const { mountPath, subPath: _subPath, ...source } = input.localBackend;
    volumes.push({ name: 'stash-backend', ...source } as V1Volume);
    mounts.push({ name: 'stash-backend', mountPath });
  }
  return { volumes, mounts };
}

function ownerReference({ resource, object }: JobOwner): V1OwnerReference {
  return { apiVersion: resource.apiVersion, kind: resource.kind, name: object.name, uid: object.uid, controller: true };
}

function pickDefined(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

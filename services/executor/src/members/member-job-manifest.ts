import type { V1Job, V1Secret, V1Volume, V1VolumeMount } from '@kubernetes/client-node';
import { RESOURCES, type BackupTarget, type LocalBackend, type RuntimeSettings } from '@restash/api';
import type { MemberRunSpec, ObjectIdentity } from '@restash/events';

export const RUN_SPEC_KEY = 'run.json';
export const DEFAULT_TARGET_MOUNT = '/stash-data';
const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'stash.appscode.com', 'app.kubernetes.io/component': 'restash-runner' };

export interface MemberJobInput {
  name: string;
  session: ObjectIdentity;
  memberKey: string;
  target: BackupTarget;
  localBackend: LocalBackend | undefined;
  image: string;
  runtimeSettings: RuntimeSettings | undefined;
  activeDeadlineSeconds: number | undefined;
}

/** Pure: where a PVC member's volume is mounted in the runner pod. */
export function targetMountPath(target: BackupTarget): string {
  return target.volumeMounts?.[0]?.mountPath ?? DEFAULT_TARGET_MOUNT;
}

/** Pure: the Secret carrying a runner's spec, owned by the session so it goes when the session goes. */
export function runSpecSecretManifest(name: string, session: ObjectIdentity, spec: MemberRunSpec): V1Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: session.namespace, labels: { ...MANAGED_BY, 'restash.dev/session': session.name }, ownerReferences: [sessionOwner(session)] },
    type: 'Opaque',
    stringData: { [RUN_SPEC_KEY]: JSON.stringify(spec) },
  };
}

/** Pure: the Job that backs up one job-model member (a PVC or a database) with restash's one-shot runner. */
export function memberJobManifest(input: MemberJobInput): V1Job {
  const { name, session } = input;
  const labels = { ...MANAGED_BY, 'restash.dev/session': session.name, 'restash.dev/member': input.memberKey };
  const { volumes, mounts } = volumesFor(input);
  const pod = (input.runtimeSettings?.pod ?? {}) as Record<string, unknown>;
  const container = (input.runtimeSettings?.container ?? {}) as Record<string, unknown>;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: session.namespace, labels, ownerReferences: [sessionOwner(session)] },
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
              args: ['job'],
              env: [
                { name: 'RESTASH_RUN_SPEC', valueFrom: { secretKeyRef: { name, key: RUN_SPEC_KEY } } },
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'RESTIC_CACHE_DIR', value: '/tmp/restic-cache' },
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
    volumes.push({ name: 'stash-target', persistentVolumeClaim: { claimName: input.target.ref.name, readOnly: true } });
    mounts.push({ name: 'stash-target', mountPath: targetMountPath(input.target), readOnly: true });
  }
  if (input.localBackend) {
    const { mountPath, subPath: _subPath, ...source } = input.localBackend;
    volumes.push({ name: 'stash-backend', ...source } as V1Volume);
    mounts.push({ name: 'stash-backend', mountPath });
  }
  return { volumes, mounts };
}

function sessionOwner(session: ObjectIdentity) {
  return { apiVersion: RESOURCES.backupSession.apiVersion, kind: RESOURCES.backupSession.kind, name: session.name, uid: session.uid, controller: true };
}

function pickDefined(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

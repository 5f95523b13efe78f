import type { V1Pod, V1Volume } from '@kubernetes/client-node';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ContainerConfigError } from '../env/env-sources.js';
import { isNotFound } from '../kube/kube-clients.js';
import type { NodeContext } from '../node-context.js';
import { type BindMount, serviceAccountMountPath } from '../volumes/mount-plan.js';
import { type VolumeSource, podVolumeSources } from '../volumes/volume-sources.js';

/** A pod made ready for its containers: its address, its volumes' host paths, and mounts every container gets. */
export interface PodSetup {
  readonly podIP: string;
  readonly hostname: string;
  readonly volumes: readonly V1Volume[];
  readonly sources: ReadonlyMap<string, VolumeSource>;
  /** Mounts added to every container unless it mounts the same path itself (service account, /etc/hosts). */
  readonly extraMounts: readonly BindMount[];
  readonly hostsFile: string;
}

const serviceAccountVolume: V1Volume = {
  name: 'kube-api-access-local',
  projected: {
    defaultMode: 0o644,
    sources: [
      { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  },
};

/** Allocates the pod's address and creates its volume directories (claims must exist, as for a kubelet). */
export async function setUpPod(ctx: NodeContext, pod: V1Pod): Promise<PodSetup> {
  const uid = pod.metadata!.uid!;
  const existingIP = pod.status?.podIP;
  const podIP = pod.spec?.hostNetwork
    ? ctx.config.hostIP
    : existingIP && ctx.ipPool.reserve(uid, existingIP)
      ? existingIP
      : ctx.ipPool.allocate(uid);
  const volumes = [...(pod.spec?.volumes ?? [])];
  const mountsServiceAccount = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].some((c) =>
    (c.volumeMounts ?? []).some((m) => m.mountPath.replace(/\/$/, '') === serviceAccountMountPath),
  );
  const addServiceAccount = pod.spec?.automountServiceAccountToken !== false && !mountsServiceAccount;
  if (addServiceAccount) volumes.push(serviceAccountVolume);
  const sources = podVolumeSources({ ...pod, spec: { ...pod.spec!, volumes } }, ctx.layout);
  for (const source of sources.values()) await createVolumeDir(ctx, pod, source);
  const hostsFile = `${ctx.layout.podDir(uid)}/etc-hosts`;
  await mkdir(dirname(hostsFile), { recursive: true });
  await writeFile(hostsFile, '127.0.0.1\tlocalhost\n', { flag: 'a' });
  const extraMounts: BindMount[] = [{ source: hostsFile, target: '/etc/hosts', readOnly: false }];
  if (addServiceAccount)
    extraMounts.push({ source: sources.get(serviceAccountVolume.name)!.path, target: serviceAccountMountPath, readOnly: true });
  return { podIP, hostname: pod.spec?.hostname || pod.metadata!.name!, volumes, sources, extraMounts, hostsFile };
}

async function createVolumeDir(ctx: NodeContext, pod: V1Pod, source: VolumeSource): Promise<void> {
  switch (source.kind) {
    case 'claim':
      await requireClaim(ctx, pod.metadata!.namespace!, source.claimName);
      await mkdir(source.path, { recursive: true });
      return;
    case 'hostPath':
      if (source.create === 'dir') await mkdir(source.path, { recursive: true });
      if (source.create === 'file') {
        await mkdir(dirname(source.path), { recursive: true });
        await writeFile(source.path, '', { flag: 'a' });
      }
      return;
    case 'unsupported':
      ctx.events.warning(
        pod,
        'UnsupportedVolume',
        `volume type ${source.type} is not provided by the local node: an empty directory stands in`,
      );
      await mkdir(source.path, { recursive: true });
      return;
    default:
      await mkdir(source.path, { recursive: true });
  }
}

async function requireClaim(ctx: NodeContext, namespace: string, name: string): Promise<void> {
  try {
    await ctx.clients.core.readNamespacedPersistentVolumeClaim({ name, namespace });
  } catch (err) {
    if (isNotFound(err)) throw new ContainerConfigError(`persistentvolumeclaim "${name}" not found`);
    throw err;
  }
}

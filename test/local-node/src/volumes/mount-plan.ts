import type { V1Container } from '@kubernetes/client-node';
import { join, normalize } from 'node:path';
import { expandVariables } from '../env/variable-expansion.js';
import type { VolumeSource } from './volume-sources.js';

/** One bind mount inside a container's private mount namespace. */
export interface BindMount {
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
}

export const serviceAccountMountPath = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The container's volumeMounts as bind mounts (subPath/subPathExpr and readOnly honoured), then the extra mounts
 * (service account, /etc/hosts, database run dirs) for targets the container does not mount itself; parents first.
 */
export function containerMounts(
  container: V1Container,
  volumes: ReadonlyMap<string, VolumeSource>,
  env: Readonly<Record<string, string>>,
  extra: readonly BindMount[] = [],
): BindMount[] {
  const mounts: BindMount[] = [];
  for (const mount of container.volumeMounts ?? []) {
    const volume = volumes.get(mount.name);
    if (!volume) throw new Error(`volumeMount ${mount.name}: the pod has no volume of that name`);
    const subPath = mount.subPathExpr ? expandVariables(mount.subPathExpr, env) : (mount.subPath ?? '');
    mounts.push({
      source: subPath ? join(volume.path, safeSubPath(subPath)) : volume.path,
      target: cleanTarget(mount.mountPath),
      readOnly: !!mount.readOnly || (volume.kind === 'claim' && volume.readOnly),
    });
  }
  const targets = new Set(mounts.map((m) => m.target));
  for (const mount of extra) if (!targets.has(cleanTarget(mount.target))) mounts.push(mount);
  return sortParentsFirst(mounts);
}

function cleanTarget(path: string): string {
  const clean = normalize(path);
  return clean.length > 1 ? clean.replace(/\/$/, '') : clean;
}

function safeSubPath(subPath: string): string {
  const clean = normalize(subPath);
  if (clean.startsWith('/') || clean === '..' || clean.startsWith('../'))
    throw new Error(`subPath ${JSON.stringify(subPath)} must be a relative path inside the volume`);
  return clean;
}

function sortParentsFirst(mounts: BindMount[]): BindMount[] {
  const depth = (path: string) => path.split('/').filter(Boolean).length;
  return mounts
    .map((m, i) => ({ m, i }))
    .sort((a, b) => depth(a.m.target) - depth(b.m.target) || a.i - b.i)
    .map(({ m }) => m);
}

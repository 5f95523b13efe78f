import type { V1Container } from '@kubernetes/client-node';
import { normalize } from 'node:path';
import type { BindMount } from '../volumes/mount-plan.js';

/** How a database image runs locally: a shell script for /bin/sh -c, files to write first, extra mounts, and its port. */
export interface DatabaseProgram {
  readonly argv: string[];
  /** Files the local node writes into the container's private run dir before starting (name → content), mode 0600. */
  readonly runFiles: Readonly<Record<string, string>>;
  readonly extraMounts: BindMount[];
  readonly port: number;
}

/** Where the container's private run dir (socket, pid file, init files) and default data dir live on the host. */
export interface DatabaseDirs {
  readonly runDir: string;
  readonly defaultDataDir: string;
}

export function containerPort(container: V1Container, fallback: number): number {
  const port = container.ports?.find((p) => (p.protocol ?? 'TCP') === 'TCP')?.containerPort;
  return port ?? fallback;
}

/** The image's anonymous VOLUME: a private directory stands in when the container mounts nothing over its data path. */
export function defaultDataMount(container: V1Container, dataPath: string, hostDir: string): BindMount[] {
  const covered = (container.volumeMounts ?? []).some((m) => isWithin(dataPath, normalize(m.mountPath)));
  return covered ? [] : [{ source: hostDir, target: dataPath, readOnly: false }];
}

function isWithin(path: string, parent: string): boolean {
  return parent !== '/' && (path === parent || path.startsWith(`${parent.replace(/\/$/, '')}/`));
}

import { backendProvider, type Backend, type BackupBatch, type Repository } from '@restash/api';

/** One member's restic repository under a Repository's backend: `<target kind lowercased>/<target name>`. */
export interface MemberPath {
  path: string;
  kind: string;
  name: string;
}

/**
 * Pure: the member repositories of a Repository: those of every batch that uses it (in any namespace)
 * and those its status reports (members since removed from their batches still hold snapshots).
 */
export function memberPaths(repository: Repository, batches: readonly BackupBatch[]): MemberPath[] {
  const { name, namespace } = repository.metadata;
  const paths = new Map<string, MemberPath>();
  const add = (kind: string, target: string) => paths.set(`${kind.toLowerCase()}/${target}`, { path: `${kind.toLowerCase()}/${target}`, kind: kind.toLowerCase(), name: target });
  for (const batch of batches) {
    const ref = batch.spec.repository;
    if (!ref || ref.name !== name || (ref.namespace ?? batch.metadata.namespace) !== namespace) continue;
    for (const member of batch.spec.members ?? []) add(member.target.ref.kind, member.target.ref.name);
  }
  for (const member of repository.status?.members ?? []) {
    const [kind, ...rest] = member.path.split('/');
    if (kind && rest.length) add(kind, rest.join('/'));
  }
  return [...paths.values()].sort((a, b) => a.path.localeCompare(b.path));
}

export type BackendAccess = { reachable: true; backend: Backend } | { reachable: false; reason: string };

/**
 * Pure: whether restic on this machine can open the backend, and how. Remote backends (s3, gcs, azure,
 * swift, b2, rest) are opened as they are. A local backend is a volume mounted into restash's pods; from
 * here only a hostPath volume whose directory exists on this machine is reachable, read at that path.
 */
export function backendAccess(repository: Repository, pathExists: (path: string) => boolean): BackendAccess {
  const { backend } = repository.spec;
  const where = `Repository ${repository.metadata.namespace}/${repository.metadata.name}`;
  const provider = backendProvider(backend);
  if (!provider) return { reachable: false, reason: `${where} must configure exactly one backend` };
  if (provider !== 'local') return { reachable: true, backend };
  const local = backend.local!;
  const hostPath = local.hostPath?.path;
  if (hostPath && pathExists(hostPath)) return { reachable: true, backend: { ...backend, local: { ...local, mountPath: hostPath } } };
  const volume = hostPath
    ? `hostPath ${hostPath}, which does not exist on this machine (it is on a node)`
    : `a ${Object.keys(local).find((key) => key !== 'mountPath' && key !== 'subPath') ?? 'volume'} volume`;
  return {
    reachable: false,
    reason: `${where} keeps its data on ${volume}, mounted at ${local.mountPath} in restash's pods; restic cannot reach it from here. Run restic in a pod that mounts it, or use a remote backend (s3, gcs, azure, swift, b2, rest).`,
  };
}

import type { BackupBatch, Repository } from '@restash/api';
import { backendAccess, memberPaths } from './member-repositories.js';

const repository = (backend: Repository['spec']['backend'], status?: Repository['status']) =>
  ({ apiVersion: 'stash.appscode.com/v1alpha1', kind: 'Repository', metadata: { name: 'repo', namespace: 'shop' }, spec: { backend }, ...(status && { status }) }) as Repository;

const batch = (namespace: string, ref: { name: string; namespace?: string }, targets: Array<[string, string]>) =>
  ({
    metadata: { name: 'b', namespace },
    spec: { repository: ref, members: targets.map(([kind, name]) => ({ target: { ref: { apiVersion: 'v1', kind, name } } })) },
  }) as unknown as BackupBatch;

describe('memberPaths', () => {
  it('collects the members of every batch using the repository, and those its status reports, once each', () => {
    const repo = repository({ local: { mountPath: '/r' } }, { members: [{ path: 'appbinding/old-db', totalSize: '0 B', totalSizeBytes: 0, snapshotCount: 1 }, { path: 'persistentvolumeclaim/files', totalSize: '0 B', totalSizeBytes: 0, snapshotCount: 1 }] });
    const paths = memberPaths(repo, [
      batch('shop', { name: 'repo' }, [['PersistentVolumeClaim', 'files'], ['AppBinding', 'db']]),
      batch('other', { name: 'repo', namespace: 'shop' }, [['Deployment', 'web']]),
      batch('other', { name: 'repo' }, [['Deployment', 'not-this-repo']]),
      batch('shop', { name: 'elsewhere' }, [['Deployment', 'nor-this']]),
    ]);
    expect(paths.map((p) => p.path)).toEqual(['appbinding/db', 'appbinding/old-db', 'deployment/web', 'persistentvolumeclaim/files']);
    expect(paths[0]).toEqual({ path: 'appbinding/db', kind: 'appbinding', name: 'db' });
  });
});

describe('backendAccess', () => {
  it('opens remote backends as they are', () => {
    const backend = { s3: { bucket: 'b', endpoint: 'minio:9000' }, storageSecretName: 's' };
    expect(backendAccess(repository(backend), () => false)).toEqual({ reachable: true, backend });
  });

  it('reads a local hostPath backend at its host path when that exists here', () => {
    const backend = { local: { mountPath: '/safe/data', subPath: 'x', hostPath: { path: '/srv/backups' } }, storageSecretName: 's' };
    expect(backendAccess(repository(backend), (path) => path === '/srv/backups')).toEqual({
      reachable: true,
      backend: { local: { mountPath: '/srv/backups', subPath: 'x', hostPath: { path: '/srv/backups' } }, storageSecretName: 's' },
    });
  });

  it('explains why other local backends are out of reach', () => {
    const pvc = backendAccess(repository({ local: { mountPath: '/safe/data', persistentVolumeClaim: { claimName: 'backups' } } }), () => true);
    expect(pvc).toEqual({ reachable: false, reason: expect.stringContaining('Repository shop/repo keeps its data on a persistentVolumeClaim volume, mounted at /safe/data') });
    const elsewhere = backendAccess(repository({ local: { mountPath: '/m', hostPath: { path: '/srv/b' } } }), () => false);
    expect(elsewhere).toEqual({ reachable: false, reason: expect.stringContaining('hostPath /srv/b, which does not exist on this machine') });
    expect(backendAccess(repository({}), () => true)).toEqual({ reachable: false, reason: 'Repository shop/repo must configure exactly one backend' });
  });
});

import { repositoryLockKey } from './repository-lock.js';

describe('member repository locks', () => {
  it('are keyed like the member repository path: one Repository object, one target kind and name', () => {
    const key = (target: { kind: string; name: string }) => repositoryLockKey({ user: { kind: 'BackupBatch', namespace: 'demo', name: 'nightly', repository: { name: 'repo' } }, target });
    expect(key({ kind: 'PersistentVolumeClaim', name: 'files' })).toBe('restash:repository-lock:demo/repo/persistentvolumeclaim/files');
    expect(key({ kind: 'AppBinding', name: 'files' })).not.toBe(key({ kind: 'PersistentVolumeClaim', name: 'files' }));
    const restoreUser = { kind: 'RestoreBatch', namespace: 'other', name: 'restore', repository: { name: 'repo', namespace: 'demo' } };
    expect(repositoryLockKey({ user: restoreUser, target: { kind: 'PersistentVolumeClaim', name: 'files' } })).toBe(key({ kind: 'PersistentVolumeClaim', name: 'files' }));
  });
});

import type { BackupBatch, BackupMember } from '@restash/api';
import { UsageError } from '../cli-errors.js';
import { chooseSnapshots, restoreBatchFor, restoreBatchName, restoreTask } from './restore-batch.js';

const mariadb: BackupMember = {
  target: { alias: 'db', ref: { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'mariadb' } },
  task: { name: 'mariadb-backup-10.11', params: [{ name: 'args', value: '--single-transaction' }] },
};
const files: BackupMember = {
  target: { ref: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' }, volumeMounts: [{ name: 'files', mountPath: '/data' }], paths: ['/data'], exclude: ['*.tmp'] },
  runtimeSettings: { container: { resources: { limits: { memory: '1Gi' } } } },
  hooks: { preBackup: { exec: { command: ['sync'] } } },
};
const batch = {
  apiVersion: 'stash.appscode.com/v1beta1',
  kind: 'BackupBatch',
  metadata: { name: 'nightly', namespace: 'shop', uid: 'u' },
  spec: { repository: { name: 'repo' }, schedule: '@daily', executionOrder: 'Sequential', retentionPolicy: { name: 'k', keepLast: 3 }, members: [mariadb, files] },
} as BackupBatch;

describe('restoreBatchFor', () => {
  it('mirrors the members (targets, restore tasks, runtime settings; not backup hooks, paths or schedule), latest by default', () => {
    expect(restoreBatchFor(batch, { name: 'nightly-restore-1', snapshots: [] })).toEqual({
      apiVersion: 'stash.appscode.com/v1beta1',
      kind: 'RestoreBatch',
      metadata: { name: 'nightly-restore-1', namespace: 'shop', labels: { 'restash.dev/restored-from': 'nightly' } },
      spec: {
        repository: { name: 'repo' },
        executionOrder: 'Sequential',
        members: [
          {
            target: { alias: 'db', ref: mariadb.target.ref, rules: [{ snapshots: ['latest'] }] },
            task: { name: 'mariadb-restore-10.11', params: [{ name: 'args', value: '--single-transaction' }] },
          },
          {
            target: { ref: files.target.ref, volumeMounts: [{ name: 'files', mountPath: '/data' }], rules: [{ snapshots: ['latest'] }] },
            runtimeSettings: { container: { resources: { limits: { memory: '1Gi' } } } },
          },
        ],
      },
    });
  });

  it('restores a chosen snapshot per member', () => {
    const restore = restoreBatchFor(batch, { name: 'r', snapshots: ['files=5e6f7a8b'] });
    expect(restore.spec.members!.map((m) => m.target.rules)).toEqual([[{ snapshots: ['latest'] }], [{ snapshots: ['5e6f7a8b'] }]]);
  });

  it('refuses a batch without members', () => {
    expect(() => restoreBatchFor({ ...batch, spec: { ...batch.spec, members: [] } }, { name: 'r', snapshots: [] })).toThrow(UsageError);
  });
});

describe('chooseSnapshots', () => {
  it('takes a bare id for a one-member batch, MEMBER=ID by alias or target name otherwise', () => {
    expect(chooseSnapshots([files], ['1a2b3c4d'])).toEqual(['1a2b3c4d']);
    expect(chooseSnapshots([mariadb, files], ['db=11111111', 'files=22222222'])).toEqual(['11111111', '22222222']);
    expect(chooseSnapshots([mariadb, files], ['mariadb=33333333'])).toEqual(['33333333', 'latest']);
  });

  it('explains what is wrong', () => {
    expect(() => chooseSnapshots([mariadb, files], ['1a2b3c4d'])).toThrow(
      'the batch has 2 members, each with its own repository: say whose snapshot 1a2b3c4d is with --snapshot MEMBER=1a2b3c4d (members: db, files)',
    );
    expect(() => chooseSnapshots([mariadb, files], ['web=1'])).toThrow('--snapshot web=1: the batch has no member "web" (members: db, files)');
    expect(() => chooseSnapshots([mariadb], ['db='])).toThrow('--snapshot db=: no snapshot id after "="');
  });
});

describe('restoreTask and restoreBatchName', () => {
  it('turns Stash backup task names into restore task names', () => {
    expect(restoreTask({ name: 'postgres-backup-15' })).toEqual({ name: 'postgres-restore-15' });
    expect(restoreTask({ name: 'mysql-backup' })).toEqual({ name: 'mysql-restore' });
    expect(restoreTask(undefined)).toBeUndefined();
  });

  it('names a restore after the batch and the second', () => {
    expect(restoreBatchName('nightly', new Date('2026-01-10T12:00:00Z'))).toBe('nightly-restore-1768046400');
  });
});

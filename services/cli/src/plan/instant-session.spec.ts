import type { BackupBatch } from '@restash/api';
import { instantSession } from './instant-session.js';

describe('instantSession', () => {
  it('is named after the batch and the second, labelled and owned like a scheduled session', () => {
    const batch = { apiVersion: 'stash.appscode.com/v1beta1', kind: 'BackupBatch', metadata: { name: 'nightly', namespace: 'shop', uid: 'u-1' }, spec: {} } as BackupBatch;
    expect(instantSession(batch, new Date('2026-01-10T12:00:00.900Z'))).toEqual({
      apiVersion: 'stash.appscode.com/v1beta1',
      kind: 'BackupSession',
      metadata: {
        name: 'nightly-trigger-1768046400',
        namespace: 'shop',
        labels: {
          'app.kubernetes.io/managed-by': 'stash.appscode.com',
          'app.kubernetes.io/component': 'stash-backup',
          'stash.appscode.com/invoker-type': 'BackupBatch',
          'stash.appscode.com/invoker-name': 'nightly',
        },
        ownerReferences: [{ apiVersion: 'stash.appscode.com/v1beta1', kind: 'BackupBatch', name: 'nightly', uid: 'u-1', controller: true, blockOwnerDeletion: true }],
      },
      spec: { invoker: { apiGroup: 'stash.appscode.com', kind: 'BackupBatch', name: 'nightly' } },
    });
  });

  it('numbers further triggers within the same second', () => {
    const batch = { metadata: { name: 'nightly', namespace: 'shop', uid: 'u-1' }, spec: {} } as BackupBatch;
    expect(instantSession(batch, new Date('2026-01-10T12:00:00Z'), 2).metadata.name).toBe('nightly-trigger-1768046400-2');
  });
});

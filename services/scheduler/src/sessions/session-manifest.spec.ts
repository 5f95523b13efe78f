import type { BackupBatch } from '@restash/api';
import { scheduledSession } from './session-manifest.js';
import { sessionName, slotOfSession } from './session-name.js';

const batch = {
  apiVersion: 'stash.appscode.com/v1beta1',
  kind: 'BackupBatch',
  metadata: { name: 'wordpress', namespace: 'demo', uid: 'batch-uid', generation: 2 },
  spec: { retentionPolicy: { name: 'keep', keepLast: 2, prune: true } },
} as BackupBatch;

describe('the session of a slot', () => {
  it('is named after the batch and the unix second of the slot', () => {
    const slot = new Date('2025-03-29T10:00:03.000Z');
    expect(sessionName('wordpress', slot)).toBe('wordpress-1743242403');
    expect(slotOfSession('wordpress', 'wordpress-1743242403')).toEqual(slot);
    expect(slotOfSession('wordpress', 'wordpress-manual')).toBeUndefined();
    expect(slotOfSession('wordpress', 'wordpress-db-1743242403')).toBeUndefined();
  });

  it("carries Stash's labels, the invoker and a controller reference to the batch", () => {
    expect(scheduledSession(batch, new Date('2025-03-29T10:00:03.000Z'))).toEqual({
      metadata: {
        name: 'wordpress-1743242403',
        namespace: 'demo',
        labels: {
          'app.kubernetes.io/managed-by': 'stash.appscode.com',
          'app.kubernetes.io/component': 'stash-backup',
          'stash.appscode.com/invoker-type': 'BackupBatch',
          'stash.appscode.com/invoker-name': 'wordpress',
        },
        ownerReferences: [
          {
            apiVersion: 'stash.appscode.com/v1beta1',
            kind: 'BackupBatch',
            name: 'wordpress',
            uid: 'batch-uid',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { invoker: { apiGroup: 'stash.appscode.com', kind: 'BackupBatch', name: 'wordpress' } },
    });
  });
});

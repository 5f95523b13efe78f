import { RESOURCES, STASH_GROUP, type BackupBatch, type BackupSessionSpec, type ObjectMeta } from '@restash/api';

export interface NewBackupSession {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { name: string; namespace: string };
  spec: BackupSessionSpec;
}

/**
 * Pure: `<batch>-trigger-<unix seconds>` (`-2`, `-3`… for more triggers within that second). Not
 * `<batch>-<unix seconds>`: the scheduler reads that form as one of its own schedule slots (catch-up
 * after downtime), which an instant backup is not.
 */
export function instantSessionName(batchName: string, now: Date, attempt = 1): string {
  return `${batchName}-trigger-${Math.floor(now.getTime() / 1000)}${attempt > 1 ? `-${attempt}` : ''}`;
}

/** Pure: an instant BackupSession as Stash's `kubectl stash trigger` makes one: invoker labels, owned by the batch. */
export function instantSession(batch: BackupBatch, now: Date, attempt = 1): NewBackupSession {
  const { name, namespace, uid } = batch.metadata;
  if (!name || !namespace || !uid) throw new Error('a BackupBatch read from the API server has a name, namespace and uid');
  return {
    apiVersion: RESOURCES.backupSession.apiVersion,
    kind: RESOURCES.backupSession.kind,
    metadata: {
      name: instantSessionName(name, now, attempt),
      namespace,
      labels: {
        'app.kubernetes.io/managed-by': 'stash.appscode.com',
        'app.kubernetes.io/component': 'stash-backup',
        'stash.appscode.com/invoker-type': RESOURCES.backupBatch.kind,
        'stash.appscode.com/invoker-name': name,
      },
      ownerReferences: [{ apiVersion: RESOURCES.backupBatch.apiVersion, kind: RESOURCES.backupBatch.kind, name, uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: { invoker: { apiGroup: STASH_GROUP, kind: RESOURCES.backupBatch.kind, name } },
  };
}

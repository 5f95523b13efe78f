import { RESOURCES, STASH_GROUP, type BackupBatch, type BackupSessionSpec, type ObjectMeta } from '@restash/api';
import { sessionName } from './session-name.js';

/** A BackupSession to create (apiVersion and kind are added by CustomResources.create). */
export interface NewBackupSession {
  metadata: ObjectMeta & { name: string; namespace: string };
  spec: BackupSessionSpec;
}

/** Stash's labels on every BackupSession a BackupBatch invokes. */
export function invokerLabels(batchName: string): Record<string, string> {
  return {
    'app.kubernetes.io/managed-by': 'stash.appscode.com',
    'app.kubernetes.io/component': 'stash-backup',
    'stash.appscode.com/invoker-type': RESOURCES.backupBatch.kind,
    'stash.appscode.com/invoker-name': batchName,
  };
}

/** The session for one slot of a batch, owned by the batch (deleting the batch deletes its sessions). */
export function scheduledSession(batch: BackupBatch, slot: Date): NewBackupSession {
  const { name, namespace, uid } = batch.metadata;
  if (!name || !namespace || !uid) throw new Error('a BackupBatch read from the API server has a name, namespace and uid');
  return {
    metadata: {
      name: sessionName(name, slot),
      namespace,
      labels: invokerLabels(name),
      ownerReferences: [
        {
          apiVersion: RESOURCES.backupBatch.apiVersion,
          kind: RESOURCES.backupBatch.kind,
          name,
          uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { invoker: { apiGroup: STASH_GROUP, kind: RESOURCES.backupBatch.kind, name } },
  };
}

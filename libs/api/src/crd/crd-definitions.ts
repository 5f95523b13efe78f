import { RESOURCES } from '../resource-types.js';
import { AppBindingSpecSchema } from '../schemas/app-binding.js';
import { BackupBatchSpecSchema, BackupBatchStatusSchema } from '../schemas/backup-batch.js';
import { BackupSessionSpecSchema, BackupSessionStatusSchema } from '../schemas/backup-session.js';
import { RepositorySpecSchema, RepositoryStatusSchema } from '../schemas/repository.js';
import { RestoreBatchSpecSchema, RestoreBatchStatusSchema } from '../schemas/restore-batch.js';
import type { CrdDefinition } from './build-crd.js';

/** The custom resources restash serves; an Age column is added to each. */
export const CRD_DEFINITIONS: readonly CrdDefinition[] = [
  {
    resource: RESOURCES.repository,
    spec: RepositorySpecSchema,
    status: RepositoryStatusSchema,
    printerColumns: [
      { name: 'Integrity', type: 'boolean', jsonPath: '.status.integrity' },
      { name: 'Size', type: 'string', jsonPath: '.status.totalSize' },
      { name: 'Snapshot-Count', type: 'integer', jsonPath: '.status.snapshotCount' },
      { name: 'Last-Successful-Backup', type: 'date', jsonPath: '.status.lastBackupTime', format: 'date-time' },
    ],
  },
  {
    resource: RESOURCES.backupBatch,
    spec: BackupBatchSpecSchema,
    status: BackupBatchStatusSchema,
    printerColumns: [
      { name: 'Schedule', type: 'string', jsonPath: '.spec.schedule' },
      { name: 'Paused', type: 'boolean', jsonPath: '.spec.paused' },
    ],
  },
  {
    resource: RESOURCES.backupSession,
    spec: BackupSessionSpecSchema,
    status: BackupSessionStatusSchema,
    printerColumns: [
      { name: 'Invoker-Type', type: 'string', jsonPath: '.spec.invoker.kind' },
      { name: 'Invoker-Name', type: 'string', jsonPath: '.spec.invoker.name' },
      { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
      { name: 'Duration', type: 'string', jsonPath: '.status.sessionDuration' },
    ],
  },
  {
    resource: RESOURCES.restoreBatch,
    spec: RestoreBatchSpecSchema,
    status: RestoreBatchStatusSchema,
    printerColumns: [
      { name: 'Repository', type: 'string', jsonPath: '.spec.repository.name' },
      { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
      { name: 'Duration', type: 'string', jsonPath: '.status.sessionDuration' },
    ],
  },
  {
    resource: RESOURCES.appBinding,
    spec: AppBindingSpecSchema,
    printerColumns: [
      { name: 'Type', type: 'string', jsonPath: '.spec.type' },
      { name: 'Version', type: 'string', jsonPath: '.spec.version' },
    ],
  },
];

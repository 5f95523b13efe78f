import { configuredBackends } from '../repository-backend.js';
import { AppBindingSchema, type AppBinding } from '../schemas/app-binding.js';
import { BackupBatchSchema, type BackupBatch } from '../schemas/backup-batch.js';
import { BackupSessionSchema, type BackupSession } from '../schemas/backup-session.js';
import { BACKEND_PROVIDERS, RepositorySchema, type Repository } from '../schemas/repository.js';
import { RestoreBatchSchema, type RestoreBatch } from '../schemas/restore-batch.js';
import { compileValidator } from './compile-validator.js';

function backendErrors(repository: Repository): string[] {
  const providers = configuredBackends(repository.spec.backend);
  if (providers.length === 1) return [];
  const found = providers.length > 0 ? providers.join(', ') : 'none';
  return [`spec.backend: exactly one of ${BACKEND_PROVIDERS.join(', ')} must be set (found ${found})`];
}

export const validateRepository = compileValidator<Repository>(RepositorySchema, backendErrors);
export const validateBackupBatch = compileValidator<BackupBatch>(BackupBatchSchema);
export const validateBackupSession = compileValidator<BackupSession>(BackupSessionSchema);
export const validateRestoreBatch = compileValidator<RestoreBatch>(RestoreBatchSchema);
export const validateAppBinding = compileValidator<AppBinding>(AppBindingSchema);

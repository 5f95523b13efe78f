import type { Condition, ConditionStatus, Repository, TargetRef } from '@restash/api';
import type { ObjectAddress } from './batch-references.js';

/** The BackupBatch conditions the scheduler decides (API.md); Stash's reasons where Stash has them. */
export const CONDITION_TYPES = {
  repositoryFound: 'RepositoryFound',
  backendSecretFound: 'BackendSecretFound',
  validationPassed: 'ValidationPassed',
  scheduleRegistered: 'ScheduleRegistered',
  backupTargetFound: 'BackupTargetFound',
  restoreTargetFound: 'RestoreTargetFound',
} as const;

/** One reason a batch cannot run, with the condition reason it reports. */
export interface Problem {
  reason: string;
  message: string;
}

function condition(type: string, status: ConditionStatus, reason: string, message: string): Condition {
  return { type, status, reason, message };
}

const where = (address: ObjectAddress) => `${address.namespace}/${address.name}`;

export function repositoryFound(ref: ObjectAddress | undefined, repository: Repository | undefined, denial: string | undefined): Condition {
  const type = CONDITION_TYPES.repositoryFound;
  if (!ref) return condition(type, 'False', 'RepositoryNotAvailable', 'spec.repository is not set.');
  if (!repository) return condition(type, 'False', 'RepositoryNotAvailable', `Repository ${where(ref)} does not exist.`);
  if (denial) return condition(type, 'False', 'RepositoryNotAllowed', denial);
  return condition(type, 'True', 'RepositoryAvailable', `Repository ${where(ref)} exists.`);
}

/** `repository` is the usable Repository only: undefined when it is missing or may not be used. */
export function backendSecretFound(repository: Repository | undefined, secretKeys: string[] | undefined): Condition {
  const type = CONDITION_TYPES.backendSecretFound;
  const notAvailable = (message: string) => condition(type, 'False', 'BackendSecretNotAvailable', message);
  if (!repository) {
    return condition(type, 'Unknown', 'RepositoryNotAvailable', 'The backend Secret is not checked until the Repository is available.');
  }
  const { namespace, name } = repository.metadata;
  const secretName = repository.spec.backend.storageSecretName;
  if (!secretName) return notAvailable(`Repository ${namespace}/${name} sets no spec.backend.storageSecretName.`);
  const secret = `${namespace}/${secretName}`;
  if (!secretKeys) return notAvailable(`Backend Secret ${secret} does not exist.`);
  if (!secretKeys.includes('RESTIC_PASSWORD')) {
    return condition(type, 'False', 'ResticPasswordMissing', `Backend Secret ${secret} has no RESTIC_PASSWORD.`);
  }
  return condition(type, 'True', 'BackendSecretAvailable', `Backend Secret ${secret} exists.`);
}

/** The first problem names the reason; the message lists them all. */
export function validationPassed(problems: readonly Problem[], kind = 'BackupBatch'): Condition {
  const type = CONDITION_TYPES.validationPassed;
  if (problems.length === 0) return condition(type, 'True', 'ResourceValidationPassed', `The ${kind} is valid.`);
  return condition(type, 'False', problems[0]!.reason, problems.map((p) => p.message).join('; '));
}

export function backupTargetFound(ref: TargetRef, namespace: string, found: boolean | undefined): Condition {
  return targetFound(CONDITION_TYPES.backupTargetFound, { noun: 'Backup', verb: 'backed up' }, ref, namespace, found);
}

export function restoreTargetFound(ref: TargetRef, namespace: string, found: boolean | undefined): Condition {
  return targetFound(CONDITION_TYPES.restoreTargetFound, { noun: 'Restore', verb: 'restored' }, ref, namespace, found);
}

function targetFound(type: string, words: { noun: string; verb: string }, ref: TargetRef, namespace: string, found: boolean | undefined): Condition {
  const target = `${ref.kind} ${ref.namespace || namespace}/${ref.name}`;
  if (found === undefined) return condition(type, 'False', 'UnsupportedTargetKind', `Kind ${ref.kind} cannot be ${words.verb}.`);
  return found
    ? condition(type, 'True', 'TargetAvailable', `${words.noun} target ${target} exists.`)
    : condition(type, 'False', 'TargetNotAvailable', `${words.noun} target ${target} does not exist.`);
}

/** True exactly when a timer runs for the batch. */
export function scheduleRegistered(paused: boolean | undefined, scheduleText: string | undefined, notReady: readonly string[]): Condition {
  const type = CONDITION_TYPES.scheduleRegistered;
  if (paused) return condition(type, 'False', 'Paused', 'The BackupBatch is paused: no sessions are scheduled.');
  if (notReady.length > 0) {
    const verb = notReady.length > 1 ? 'are' : 'is';
    return condition(type, 'False', 'NotReady', `No sessions are scheduled until ${notReady.join(', ')} ${verb} True.`);
  }
  if (!scheduleText) return condition(type, 'False', 'NoSchedule', 'spec.schedule is not set: sessions run only when created by hand.');
  return condition(type, 'True', 'ScheduleRegistered', `A session is created at each slot of "${scheduleText}".`);
}

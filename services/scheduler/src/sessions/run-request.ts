import { RESOURCES, STASH_GROUP, type BackupSession, type RestoreBatch } from '@restash/api';
import { identityOf, type RunRequest } from '@restash/events';

const UNFINISHED = new Set([undefined, 'Pending', 'Running']);

/**
 * Whether the executor should be asked to run the session: a BackupBatch invoked it (the scheduler
 * or a user, for an instant backup) and it has not finished. Running ones are asked again after a
 * restart; the executor is idempotent.
 */
export function needsRun(session: BackupSession): boolean {
  const invoker = session.spec?.invoker;
  return (
    !session.metadata.deletionTimestamp &&
    invoker?.kind === RESOURCES.backupBatch.kind &&
    (invoker.apiGroup === undefined || invoker.apiGroup === STASH_GROUP) &&
    UNFINISHED.has(session.status?.phase)
  );
}

/** Whether the executor should be asked to run the RestoreBatch: it has not finished (Pending, Running or new) and is not being deleted. */
export function restoreNeedsRun(restore: RestoreBatch): boolean {
  return !restore.metadata.deletionTimestamp && UNFINISHED.has(restore.status?.phase);
}

export function runRequest(session: BackupSession, now = new Date()): RunRequest {
  return { kind: 'BackupSession', object: identityOf(session), requestedAt: now.toISOString() };
}

export function restoreRunRequest(restore: RestoreBatch, now = new Date()): RunRequest {
  return { kind: 'RestoreBatch', object: identityOf(restore), requestedAt: now.toISOString() };
}

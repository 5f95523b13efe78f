import type { BackupSessionEvent, ObjectIdentity } from '@restash/events';

/** A run request for the session was dead-lettered: nothing will run it, so it has ended. */
export interface RunRequestFailed {
  type: 'run-request-failed';
  session: ObjectIdentity;
  at: string;
  error: string;
}

/** Everything that changes a BackupSession's status. */
export type SessionUpdate = BackupSessionEvent | RunRequestFailed;

/** Session conditions restash writes itself. */
export const SESSION_CONDITIONS = {
  skipped: 'BackupSkipped',
  historyCleaned: 'BackupHistoryCleaned',
  /** restash extension: the executor is done with the session; its time is the session's end. */
  executionFinished: 'BackupExecutionFinished',
} as const;

/** Reasons of the BackupExecutionFinished condition; any but `completed` fails the session at once. */
export const FINISH_REASONS = {
  completed: 'ExecutionCompleted',
  sessionError: 'ExecutionFailed',
  runRequestFailed: 'RunRequestFailed',
} as const;

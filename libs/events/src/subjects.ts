/** NATS subjects the services meet on. Run requests go to the executor; status events to the status service. */
export const SUBJECTS = {
  backupRun: 'restash.runs.backup',
  restoreRun: 'restash.runs.restore',
  batchStatus: 'restash.status.backup-batch',
  sessionStatus: 'restash.status.backup-session',
  /** Runners' backup progress (BackupProgressEvent), for the status service to show on the session. */
  backupProgress: 'restash.status.backup-progress',
  restoreStatus: 'restash.status.restore-batch',
  /** Restore host results, one subject per host (restoreHostSubject), so the last result of a host can be looked up. */
  restoreHostStatus: 'restash.status.restore-batch.>',
} as const;

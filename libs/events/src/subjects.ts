/** NATS subjects the services meet on. Run requests go to the executor; status events to the status service. */
export const SUBJECTS = {
  backupRun: 'restash.runs.backup',
  restoreRun: 'restash.runs.restore',
  batchStatus: 'restash.status.backup-batch',
  sessionStatus: 'restash.status.backup-session',
  restoreStatus: 'restash.status.restore-batch',
} as const;

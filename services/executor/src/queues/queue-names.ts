/** BullMQ queues: one job per BackupSession (orchestration), one per member run (the work). */
export const SESSION_QUEUE = 'restash-backup-sessions';
export const MEMBER_QUEUE = 'restash-backup-members';

/** BullMQ queues: one job per BackupSession or RestoreBatch (orchestration), one per member run (the work). */
export const SESSION_QUEUE = 'restash-backup-sessions';
export const RESTORE_QUEUE = 'restash-restore-batches';
/** Backup and restore member runs share one queue, so GLOBAL_MEMBER_CONCURRENCY bounds them together. */
export const MEMBER_QUEUE = 'restash-backup-members';

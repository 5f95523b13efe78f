import type { BackupSession } from '@restash/api';
import { isFinalSessionPhase } from '../session/session-phase.js';

export const DEFAULT_BACKUP_HISTORY_LIMIT = 1;

const newestFirst = (a: BackupSession, b: BackupSession) =>
  Date.parse(b.metadata.creationTimestamp ?? '') - Date.parse(a.metadata.creationTimestamp ?? '') || (b.metadata.name ?? '').localeCompare(a.metadata.name ?? '');

/** The finished sessions of one batch beyond its history limit (the newest `limit` are kept); running ones are never chosen. */
export function sessionsBeyondHistory(sessions: readonly BackupSession[], limit: number): BackupSession[] {
  return sessions
    .filter((session) => isFinalSessionPhase(session.status?.phase) && !session.metadata.deletionTimestamp)
    .sort(newestFirst)
    .slice(Math.max(0, limit));
}

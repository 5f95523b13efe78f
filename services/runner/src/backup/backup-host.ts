import type { HostBackupStats, RetentionPolicy, SnapshotStats } from '@restash/api';
import { formatDuration } from '@restash/api';
import { backupDatabase, DUMP_FILENAME } from '@restash/databases';
import type { BackupSource } from '@restash/events';
import { snapshotStats, type Restic, type ResticLock } from '@restash/restic';
import type { ProgressReporter } from '../progress/progress-reporter.js';
import { applyRetention } from './apply-retention.js';

export interface HostBackupOutcome {
  result: HostBackupStats;
  snapshotsRemoved: number;
}

/** Who hears about the backup while it runs. */
export interface HostBackupObservers {
  progress?: ProgressReporter;
  /** Restic locks left behind by runners that ended, told as soon as they are removed (with `clearLocks`), before the backup. */
  onLocksRemoved?: (locks: ResticLock[]) => void;
}

/** What to back up on one host, and how. */
export interface HostBackupWork {
  source: BackupSource;
  host: string;
  retention?: RetentionPolicy;
  /** The host runs alone on the repository: remove every lock found there first. */
  clearLocks?: boolean;
}

/**
 * Backs up one host of one member into its restic repository: one snapshot per path (as Stash
 * does) or one `dumpfile.sql` snapshot for a database, then applies the retention policy to this
 * host's snapshots. Never throws: a failure becomes a Failed result with restic's or the database's
 * own error text. With `clearLocks` it first removes the locks runners that ended left in the repository
 * (and says so at once: a runner stopped during the backup must not hide that it removed them).
 */
export async function backupHost(restic: Restic, { source, host, retention, clearLocks }: HostBackupWork, { progress, onLocksRemoved }: HostBackupObservers = {}): Promise<HostBackupOutcome> {
  const started = Date.now();
  try {
    const { lockIds } = await restic.ensureInitialized();
    if (clearLocks) {
      const removed = await restic.removeLeftoverLocks(lockIds);
      if (removed.length > 0) onLocksRemoved?.(removed);
    }
    const snapshots = source.type === 'database' ? [await backupDump(restic, source, host, progress)] : await backupPaths(restic, source, host, progress);
    progress?.done();
    const removed = retention ? await applyRetention(restic, retention, host) : 0;
    return { result: { hostname: host, phase: 'Succeeded', duration: formatDuration(Date.now() - started), snapshots }, snapshotsRemoved: removed };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { result: { hostname: host, phase: 'Failed', duration: formatDuration(Date.now() - started), error: message }, snapshotsRemoved: 0 };
  }
}

async function backupPaths(restic: Restic, source: Extract<BackupSource, { type: 'paths' }>, host: string, progress?: ProgressReporter): Promise<SnapshotStats[]> {
  const snapshots: SnapshotStats[] = [];
  for (const [index, path] of source.paths.entries()) {
    const summary = await restic.backup({ paths: [path], exclude: source.exclude, host, onProgress: progress?.listener(index, source.paths.length) });
    snapshots.push(snapshotStats(summary, path));
  }
  return snapshots;
}

async function backupDump(restic: Restic, source: Extract<BackupSource, { type: 'database' }>, host: string, progress?: ProgressReporter): Promise<SnapshotStats> {
  const summary = await backupDatabase(restic, source.connection, { host, onProgress: progress?.listener(0, 1) });
  return snapshotStats(summary, DUMP_FILENAME);
}

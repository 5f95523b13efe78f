import { formatBytes, formatDuration, type SnapshotStats } from '@restash/api';
import type { BackupSummary } from './backup-output.js';

/** Pure: a backup summary in the shape of BackupSession `status.targets[].stats[].snapshots[]`. */
export function snapshotStats(summary: BackupSummary, path: string): SnapshotStats {
  return {
    name: summary.shortId,
    path,
    totalSize: formatBytes(summary.totalBytesProcessed),
    uploaded: formatBytes(summary.dataAdded),
    processingTime: formatDuration(Math.round(summary.durationSeconds * 1000)),
    fileStats: {
      totalFiles: summary.totalFilesProcessed,
      newFiles: summary.filesNew,
      modifiedFiles: summary.filesChanged,
      unmodifiedFiles: summary.filesUnmodified,
    },
  };
}

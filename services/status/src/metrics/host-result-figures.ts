import { parseBytes, type HostBackupStats } from '@restash/api';

/** What one host's backup moved, summed over its snapshots. */
export interface HostFigures {
  processedBytes: number;
  uploadedBytes: number;
  files: { new: number; modified: number; unmodified: number };
}

/**
 * Pure: the bytes and files of a host result. The snapshot stats carry sizes as restic's human
 * units ("12.560 MiB", kept for Stash compatibility), so bytes are exact to four digits.
 */
export function hostResultFigures(result: HostBackupStats): HostFigures {
  const figures: HostFigures = { processedBytes: 0, uploadedBytes: 0, files: { new: 0, modified: 0, unmodified: 0 } };
  for (const snapshot of result.snapshots ?? []) {
    figures.processedBytes += parseBytes(snapshot.totalSize) ?? 0;
    figures.uploadedBytes += parseBytes(snapshot.uploaded) ?? 0;
    figures.files.new += snapshot.fileStats?.newFiles ?? 0;
    figures.files.modified += snapshot.fileStats?.modifiedFiles ?? 0;
    figures.files.unmodified += snapshot.fileStats?.unmodifiedFiles ?? 0;
  }
  return figures;
}

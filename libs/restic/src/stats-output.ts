/** restic stats modes: deduplicated bytes stored, or the bytes a restore of every snapshot writes. */
export type StatsMode = 'raw-data' | 'restore-size';

export interface RepositoryStats {
  /** Bytes. */
  totalSize: number;
  snapshotCount: number;
}

/** Pure: `restic stats --json` stdout. */
export function parseStats(stdout: string): RepositoryStats {
  const json = stdout.split('\n').find((line) => line.startsWith('{'));
  if (!json) throw new Error('restic stats printed no JSON');
  const value = JSON.parse(json) as { total_size?: number; snapshots_count?: number };
  return { totalSize: value.total_size ?? 0, snapshotCount: value.snapshots_count ?? 0 };
}

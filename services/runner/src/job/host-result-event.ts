import type { HostResult, MemberRunSpec } from '@restash/events';
import type { RepositoryStats } from '@restash/restic';
import type { HostBackupOutcome } from '../backup/backup-host.js';

/** Pure: the status event reporting one host's backup. */
export function hostResultEvent(spec: MemberRunSpec, outcome: HostBackupOutcome, stats: RepositoryStats | undefined, now: Date): HostResult {
  return {
    type: 'host-result',
    session: spec.session,
    target: spec.target,
    result: outcome.result,
    finishedAt: now.toISOString(),
    ...(stats && {
      repository: {
        repository: spec.repository.ref,
        path: spec.repository.path,
        totalSizeBytes: stats.totalSize,
        snapshotCount: stats.snapshotCount,
        snapshotsRemoved: outcome.snapshotsRemoved,
      },
    }),
  };
}

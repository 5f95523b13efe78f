import type { HostResult, MemberRepository, MemberRunSpec } from '@restash/events';
import type { RepositoryStats } from '@restash/restic';
import type { HostBackupOutcome } from './backup-host.js';

/** What a host result says about the run it reports; the repository is unknown when it could not be read. */
export type ReportedRun = Pick<MemberRunSpec, 'session' | 'target'> & { repository?: Pick<MemberRepository, 'ref' | 'path'> };

/** Pure: the status event reporting one host's backup. */
export function hostResultEvent(run: ReportedRun, outcome: Pick<HostBackupOutcome, 'result' | 'snapshotsRemoved'>, stats: RepositoryStats | undefined, now: Date): HostResult {
  return {
    type: 'host-result',
    session: run.session,
    target: run.target,
    result: outcome.result,
    finishedAt: now.toISOString(),
    ...(stats &&
      run.repository && {
      repository: {
        repository: run.repository.ref,
        path: run.repository.path,
        totalSizeBytes: stats.totalSize,
        snapshotCount: stats.snapshotCount,
        snapshotsRemoved: outcome.snapshotsRemoved,
      },
    }),
  };
}

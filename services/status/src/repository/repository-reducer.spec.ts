import type { RepositoryStatus } from '@restash/api';
import { reduceRepository, type MemberReport } from './repository-reducer.js';

const repository = { namespace: 'demo', name: 'local-repo' };
const MiB = 2 ** 20;

function report(path: string, session: string, finishedAt: string, numbers: Partial<MemberReport['stats']> = {}, succeeded = true): MemberReport {
  return {
    stats: { repository, path, totalSizeBytes: 10 * MiB, snapshotCount: 2, snapshotsRemoved: 0, ...numbers },
    session,
    finishedAt,
    succeeded,
  };
}

const T1 = '2026-03-01T10:00:30Z';
const T2 = '2026-03-01T10:01:00Z';
const T3 = '2026-03-01T10:05:30Z';
const T4 = '2026-03-01T10:06:00Z';

const reports = [
  report('AppBinding/db', 's1', T1, { totalSizeBytes: 4 * MiB, snapshotCount: 1 }),
  report('PersistentVolumeClaim/data', 's1', T2, { totalSizeBytes: 8 * MiB, snapshotCount: 1 }),
  report('AppBinding/db', 's2', T3, { totalSizeBytes: 6 * MiB, snapshotCount: 2, snapshotsRemoved: 1, integrity: true }),
  report('PersistentVolumeClaim/data', 's2', T4, { totalSizeBytes: 10 * MiB, snapshotCount: 2, snapshotsRemoved: 3 }),
];
const replay = (items: readonly MemberReport[], status?: RepositoryStatus) => items.reduce<RepositoryStatus | undefined>((current, item) => reduceRepository(current, item, 1), status);

describe('reduceRepository', () => {
  it('adds up the latest numbers of every member', () => {
    expect(replay(reports)).toEqual({
      observedGeneration: 1,
      firstBackupTime: T1,
      lastBackupTime: T4,
      totalSize: '16.000 MiB',
      snapshotCount: 4,
      snapshotsRemovedOnLastCleanup: 4,
      integrity: true,
      members: [
        { path: 'AppBinding/db', totalSize: '6.000 MiB', totalSizeBytes: 6 * MiB, snapshotCount: 2, snapshotsRemovedOnLastCleanup: 1, integrity: true, lastBackupTime: T3, session: 's2', reportedAt: T3 },
        { path: 'PersistentVolumeClaim/data', totalSize: '10.000 MiB', totalSizeBytes: 10 * MiB, snapshotCount: 2, snapshotsRemovedOnLastCleanup: 3, lastBackupTime: T4, session: 's2', reportedAt: T4 },
      ],
    });
  });

  it('gives the same status for reports in any order, and for reports repeated', () => {
    const expected = replay(reports);
    expect(replay([...reports].reverse())).toEqual(expected);
    expect(replay([reports[2]!, reports[0]!, reports[3]!, reports[1]!])).toEqual(expected);
    expect(replay(reports, expected)).toEqual(expected);
  });

  it('counts only the last session\'s removed snapshots as the last cleanup', () => {
    const status = replay([...reports.slice(0, 3)]);
    expect(status?.snapshotsRemovedOnLastCleanup).toBe(1);
  });

  it('is integral only when every member that reported integrity is', () => {
    expect(replay([...reports, report('AppBinding/pg', 's2', T4, { integrity: false })])?.integrity).toBe(false);
    expect(replay([report('AppBinding/db', 's1', T1)])?.integrity).toBe(true);
  });

  it('keeps the backup times of successful results only', () => {
    const failed = report('AppBinding/db', 's3', '2026-03-01T11:00:00Z', { snapshotCount: 2 }, false);
    const status = replay([...reports, failed]);
    expect(status).toMatchObject({ firstBackupTime: T1, lastBackupTime: T4 });
    expect(status?.members?.[0]).toMatchObject({ lastBackupTime: T3, reportedAt: '2026-03-01T11:00:00Z', session: 's3' });
    expect(replay([failed])).not.toHaveProperty('firstBackupTime', expect.anything());
  });
});

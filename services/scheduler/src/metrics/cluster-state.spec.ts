import type { BackupBatch, BackupSession, Repository, RestoreBatch } from '@restash/api';
import { oldestUnfinishedSessions, repositoryFigures, restoreBatchPhases, scheduleIntervals } from './cluster-state.js';

const now = new Date('2026-03-01T12:00:30Z');

const batch = (name: string, spec: Partial<BackupBatch['spec']>): BackupBatch =>
  ({ metadata: { namespace: 'ns', name }, spec: { repository: { name: 'repo' }, members: [], ...spec } }) as BackupBatch;

const session = (name: string, batchName: string, created: string, phase?: string): BackupSession =>
  ({ metadata: { namespace: 'ns', name, creationTimestamp: created, labels: { 'stash.appscode.com/invoker-name': batchName } }, spec: { invoker: { kind: 'BackupBatch', name: batchName } }, ...(phase && { status: { phase } }) }) as unknown as BackupSession;

describe('repositoryFigures', () => {
  it('reads snapshot counts and sums the members’ sizes', () => {
    const repository = {
      metadata: { namespace: 'ns', name: 'repo' },
      status: { snapshotCount: 3, members: [{ path: 'a', totalSize: '1 KiB', totalSizeBytes: 1024, snapshotCount: 1 }, { path: 'b', totalSize: '2 KiB', totalSizeBytes: 2048, snapshotCount: 2 }] },
    } as unknown as Repository;
    const fresh = { metadata: { namespace: 'ns', name: 'new' } } as Repository;
    expect(repositoryFigures([repository, fresh])).toEqual({
      snapshots: [{ labels: { namespace: 'ns', repository: 'repo' }, value: 3 }],
      sizeBytes: [{ labels: { namespace: 'ns', repository: 'repo' }, value: 3072 }],
    });
  });
});

describe('scheduleIntervals', () => {
  it('gives the slot interval of running schedules only', () => {
    const batches = [
      batch('every', { schedule: '@every 5m' }),
      batch('hourly', { schedule: '0 * * * *' }),
      batch('paused', { schedule: '@hourly', paused: true }),
      batch('instant', {}),
      batch('broken', { schedule: 'not a schedule' }),
    ];
    expect(scheduleIntervals(batches, now)).toEqual([
      { labels: { namespace: 'ns', invoker: 'every' }, value: 300 },
      { labels: { namespace: 'ns', invoker: 'hourly' }, value: 3600 },
    ]);
  });
});

describe('oldestUnfinishedSessions', () => {
  it('keeps the oldest unfinished session per batch and phase', () => {
    const sessions = [
      session('a-1', 'a', '2026-03-01T12:00:00Z', 'Running'),
      session('a-2', 'a', '2026-03-01T12:00:20Z'),
      session('a-0', 'a', '2026-03-01T11:00:00Z', 'Succeeded'),
      session('b-1', 'b', '2026-03-01T11:59:30Z', 'Running'),
      session('b-2', 'b', '2026-03-01T12:00:10Z', 'Running'),
    ];
    expect(oldestUnfinishedSessions(sessions, now)).toEqual([
      { labels: { namespace: 'ns', invoker: 'a', phase: 'Running' }, value: 30 },
      { labels: { namespace: 'ns', invoker: 'a', phase: 'Pending' }, value: 10 },
      { labels: { namespace: 'ns', invoker: 'b', phase: 'Running' }, value: 60 },
    ]);
  });
});

describe('restoreBatchPhases', () => {
  it('counts RestoreBatches per namespace and phase', () => {
    const restore = (namespace: string, phase?: string) => ({ metadata: { namespace, name: 'r' }, spec: {}, ...(phase && { status: { phase } }) }) as unknown as RestoreBatch;
    expect(restoreBatchPhases([restore('a', 'Succeeded'), restore('a', 'Succeeded'), restore('a'), restore('b', 'Failed')])).toEqual([
      { labels: { namespace: 'a', phase: 'Succeeded' }, value: 2 },
      { labels: { namespace: 'a', phase: 'Pending' }, value: 1 },
      { labels: { namespace: 'b', phase: 'Failed' }, value: 1 },
    ]);
  });
});

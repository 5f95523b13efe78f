import type { BackupSessionStatus, Condition, HostBackupStats } from '@restash/api';
import type { BackupSessionEvent, HostResult } from '@restash/events';
import { reduceSession, type SessionContext } from './session-reducer.js';
import type { SessionUpdate } from './session-update.js';

const session = { namespace: 'demo', name: 'batch-1772359200', uid: 'uid-1' };
const db = { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'db' };
const web = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web' };
const context: SessionContext = { creationTimestamp: '2026-03-01T10:00:00Z', now: '2026-03-01T10:59:59Z' };

function host(hostname: string, phase: 'Succeeded' | 'Failed' = 'Succeeded'): HostBackupStats {
  return {
    hostname,
    phase,
    duration: '2.5s',
    ...(phase === 'Failed' ? { error: 'mysqldump: Access denied for user' } : {}),
    snapshots: phase === 'Failed' ? [] : [{ name: 'a1b2c3d4', path: '/data', totalSize: '1.000 MiB', uploaded: '512 B', processingTime: '0:02', fileStats: { totalFiles: 3, newFiles: 1, modifiedFiles: 0, unmodifiedFiles: 2 } }],
  };
}

const started: BackupSessionEvent = {
  type: 'session-started',
  session,
  at: '2026-03-01T10:00:01Z',
  deadline: '2026-03-01T11:00:00Z',
  targets: [{ ref: db, totalHosts: 1 }, { ref: web, totalHosts: 2 }],
};
const preHook: BackupSessionEvent = {
  type: 'session-condition',
  session,
  condition: { type: 'GlobalPreBackupHookSucceeded', status: 'True', reason: 'HookExecutionSucceeded', lastTransitionTime: '2026-03-01T10:00:02Z' },
};
const dbStarted: BackupSessionEvent = { type: 'target-started', session, target: db, totalHosts: 1 };
const webStarted: BackupSessionEvent = { type: 'target-started', session, target: web, totalHosts: 2 };
const executorEnsured: BackupSessionEvent = {
  type: 'target-condition',
  session,
  target: web,
  condition: { type: 'BackupExecutorEnsured', status: 'True', reason: 'SuccessfullyEnsuredBackupExecutor', lastTransitionTime: '2026-03-01T10:00:03Z' },
};
const result = (target: typeof db, stats: HostBackupStats, finishedAt = '2026-03-01T10:00:30Z'): HostResult => ({ type: 'host-result', session, target, result: stats, finishedAt });
const dbResult = result(db, host('host-0'));
const web0 = result(web, host('host-0'));
const web1 = result(web, host('host-1'));
const finished: BackupSessionEvent = { type: 'session-finished', session, at: '2026-03-01T10:01:30.5Z' };

const successfulRun: SessionUpdate[] = [started, preHook, dbStarted, webStarted, executorEnsured, dbResult, web0, web1, finished];

const replay = (updates: readonly SessionUpdate[], status?: BackupSessionStatus) => updates.reduce((current, update) => reduceSession(current, update, context), status);

/** Condition lists compared as sets: their order is the order facts arrived in. */
function canonical(status: BackupSessionStatus | undefined): unknown {
  const byType = (conditions?: Condition[]) => conditions && [...conditions].sort((a, b) => a.type.localeCompare(b.type));
  return status && { ...status, conditions: byType(status.conditions), targets: status.targets?.map((target) => ({ ...target, conditions: byType(target.conditions) })) };
}

/** Deterministic shuffles (Park–Miller) so a failure names a reproducible seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 48_271) % 2_147_483_647;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('reduceSession', () => {
  it('turns a whole successful run into the status API.md describes', () => {
    expect(replay(successfulRun)).toEqual({
      phase: 'Succeeded',
      sessionDuration: '1m30.5s',
      sessionDeadline: '2026-03-01T11:00:00Z',
      conditions: [
        { type: 'GlobalPreBackupHookSucceeded', status: 'True', reason: 'HookExecutionSucceeded', lastTransitionTime: '2026-03-01T10:00:02Z' },
        { type: 'BackupExecutionFinished', status: 'True', reason: 'ExecutionCompleted', message: 'The executor ran every member.', lastTransitionTime: '2026-03-01T10:01:30.5Z' },
      ],
      targets: [
        { ref: db, totalHosts: 1, phase: 'Succeeded', stats: [host('host-0')] },
        { ref: web, totalHosts: 2, phase: 'Succeeded', stats: [host('host-0'), host('host-1')], conditions: [executorEnsured.condition] },
      ],
    });
  });

  it('session-started: Running with the deadline and every planned target Pending', () => {
    expect(reduceSession(undefined, started, context)).toEqual({
      phase: 'Running',
      sessionDeadline: '2026-03-01T11:00:00Z',
      targets: [
        { ref: db, totalHosts: 1, phase: 'Pending' },
        { ref: web, totalHosts: 2, phase: 'Pending' },
      ],
    });
  });

  it('target-started: that target Running with its host count', () => {
    const status = replay([started, { ...webStarted, totalHosts: 3 }]);
    expect(status?.targets?.[1]).toEqual({ ref: web, totalHosts: 3, phase: 'Running' });
    expect(status?.targets?.[0]?.phase).toBe('Pending');
  });

  it('session-condition and target-condition: upserted by type, keeping the transition time while the status stays', () => {
    const again: BackupSessionEvent = { ...preHook, condition: { ...preHook.condition, message: 'ran again', lastTransitionTime: '2026-03-01T10:30:00Z' } };
    const status = replay([started, preHook, executorEnsured, again]);
    expect(status?.conditions).toEqual([{ ...preHook.condition, message: 'ran again', lastTransitionTime: '2026-03-01T10:00:02Z' }]);
    expect(status?.targets?.[1]?.conditions).toEqual([executorEnsured.condition]);
  });

  it('host-result: stats upserted by hostname and sorted; the target waits for all its hosts', () => {
    const partial = replay([started, webStarted, web1]);
    expect(partial?.targets?.[1]).toMatchObject({ phase: 'Running', stats: [host('host-1')] });
    const complete = replay([web0], partial);
    expect(complete?.targets?.[1]).toMatchObject({ phase: 'Succeeded', stats: [host('host-0'), host('host-1')] });
    expect(complete?.phase).toBe('Running');
  });

  it('a failed host fails its target once all its hosts reported, and the session when it finishes', () => {
    const failing = result(web, host('host-1', 'Failed'));
    const waiting = replay([started, web0, failing]);
    expect(waiting?.targets?.[1]).toMatchObject({ phase: 'Failed', stats: [host('host-0'), host('host-1', 'Failed')] });
    const status = replay([dbResult, finished], waiting);
    expect(status).toMatchObject({ phase: 'Failed', sessionDuration: '1m30.5s' });
    expect(status?.targets?.map((target) => target.phase)).toEqual(['Succeeded', 'Failed']);
  });

  it('session-finished before a late host result waits for it; the late result then finalizes', () => {
    const early = replay([started, dbResult, web0, finished]);
    expect(early?.phase).toBe('Running');
    expect(early?.sessionDuration).toBeUndefined();
    expect(reduceSession(early, web1, context)).toMatchObject({ phase: 'Succeeded', sessionDuration: '1m30.5s' });
  });

  it('session-finished with an error fails the session at once and says why', () => {
    const status = replay([started, { ...finished, error: 'global preBackup hook failed: exit status 1' }]);
    expect(status?.phase).toBe('Failed');
    expect(status?.conditions).toContainEqual(
      expect.objectContaining({ type: 'BackupExecutionFinished', status: 'True', reason: 'ExecutionFailed', message: 'global preBackup hook failed: exit status 1' }),
    );
  });

  it('session-skipped: Skipped with the BackupSkipped condition and a duration', () => {
    const skipped: BackupSessionEvent = { type: 'session-skipped', session, at: '2026-03-01T10:00:00.25Z', reason: 'Previous BackupSession batch-1 is Running.' };
    expect(reduceSession(undefined, skipped, context)).toEqual({
      phase: 'Skipped',
      sessionDuration: '250ms',
      conditions: [{ type: 'BackupSkipped', status: 'True', reason: 'SkippedTakingNewBackup', message: 'Previous BackupSession batch-1 is Running.', lastTransitionTime: '2026-03-01T10:00:00.25Z' }],
    });
  });

  it('a dead-lettered run request fails the session with the reason RunRequestFailed', () => {
    const status = reduceSession(undefined, { type: 'run-request-failed', session, at: '2026-03-01T10:00:10Z', error: 'no executor could run it' }, context);
    expect(status).toMatchObject({ phase: 'Failed', sessionDuration: '10s' });
    expect(status.conditions?.[0]).toMatchObject({ reason: 'RunRequestFailed', message: 'no executor could run it' });
  });

  it('a final phase never goes back; later updates are ignored except conditions', () => {
    const done = replay(successfulRun)!;
    const late: SessionUpdate[] = [
      result(db, host('host-0', 'Failed')),
      result(db, host('host-9', 'Failed')),
      { type: 'session-skipped', session, at: '2026-03-01T10:05:00Z', reason: 'late' },
      { type: 'run-request-failed', session, at: '2026-03-01T10:05:00Z', error: 'late' },
      { ...started, targets: [] },
    ];
    expect(replay(late, done)).toEqual(done);
    const cleaned = { type: 'BackupHistoryCleaned', status: 'True' as const, reason: 'OldBackupSessionsCleaned' };
    expect(reduceSession(done, { type: 'session-condition', session, condition: cleaned }, context).conditions).toContainEqual({ ...cleaned, lastTransitionTime: context.now });
  });

  it('applying any update twice gives the same status as applying it once', () => {
    let status: BackupSessionStatus | undefined;
    for (const update of successfulRun) {
      const once = reduceSession(status, update, context);
      expect(reduceSession(once, update, context)).toEqual(once);
      status = once;
    }
  });

  it.each([1, 2, 3, 5, 8, 13, 21, 34, 55, 89])('gives the same final status for the updates in any order (seed %d)', (seed) => {
    const withFailure = [...successfulRun.filter((update) => update !== web1), result(web, host('host-1', 'Failed'))];
    for (const run of [successfulRun, withFailure]) {
      expect(canonical(replay(shuffled(run, seed)))).toEqual(canonical(replay(run)));
    }
  });

  it('gives the same final status when everything is delivered again afterwards', () => {
    const once = replay(successfulRun);
    expect(replay(successfulRun, once)).toEqual(once);
    expect(replay(shuffled(successfulRun, 7), once)).toEqual(once);
  });

  it('really tries different orders', () => {
    const orders = new Set([1, 2, 3, 5, 8].map((seed) => shuffled(successfulRun, seed).map((update) => successfulRun.indexOf(update)).join()));
    expect(orders.size).toBe(5);
  });
});

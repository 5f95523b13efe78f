import type { RestoreBatchStatus } from '@restash/api';
import type { RestoreBatchEvent } from '@restash/events';
import { reduceRestore, type RestoreContext } from './restore-reducer.js';

const restore = { namespace: 'demo', name: 'restore-1', uid: 'r1' };
const db = { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'db' };
const web = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web' };
const context: RestoreContext = { creationTimestamp: '2026-03-01T10:00:00Z', now: '2026-03-01T10:59:59Z' };

const started: RestoreBatchEvent = { type: 'restore-started', restore, at: '2026-03-01T10:00:01Z', members: [{ ref: db, totalHosts: 1 }, { ref: web, totalHosts: 2 }] };
const result = (target: typeof db, hostname: string, phase: 'Succeeded' | 'Failed' = 'Succeeded'): RestoreBatchEvent => ({
  type: 'restore-host-result',
  restore,
  target,
  finishedAt: '2026-03-01T10:00:30Z',
  result: { hostname, phase, duration: '2s', ...(phase === 'Failed' && { error: 'snapshot 1234abcd not found in repository local:/r' }) },
});
const finished = (error?: string, invalid?: boolean): RestoreBatchEvent => ({ type: 'restore-finished', restore, at: '2026-03-01T10:01:30.5Z', ...(error && { error }), ...(invalid && { invalid }) });
const run: RestoreBatchEvent[] = [
  started,
  { type: 'member-started', restore, target: db, totalHosts: 1 },
  result(db, 'host-0'),
  { type: 'member-condition', restore, target: web, condition: { type: 'StashInitContainerInjected', status: 'True', reason: 'InitContainerInjectionSucceeded' } },
  { type: 'member-started', restore, target: web, totalHosts: 2 },
  result(web, 'host-1'),
  result(web, 'host-0'),
  finished(),
];

const replay = (events: RestoreBatchEvent[], from?: RestoreBatchStatus) => events.reduce<RestoreBatchStatus | undefined>((status, event) => reduceRestore(status, event, context), from);

describe('reduceRestore', () => {
  it('runs a RestoreBatch to Succeeded, with its members, their hosts by name and the duration', () => {
    const status = replay(run)!;
    expect(status).toMatchObject({ phase: 'Succeeded', sessionDuration: '1m30.5s' });
    expect(status.members?.map((m) => [m.ref.name, m.phase, m.totalHosts, m.stats?.map((s) => s.hostname)])).toEqual([
      ['db', 'Succeeded', 1, ['host-0']],
      ['web', 'Succeeded', 2, ['host-0', 'host-1']],
    ]);
    expect(status.members?.[1]?.conditions).toEqual([expect.objectContaining({ type: 'StashInitContainerInjected', status: 'True', lastTransitionTime: context.now })]);
  });

  it('is Pending before it starts and Running while hosts are missing, even once the executor finished', () => {
    expect(reduceRestore(undefined, { type: 'restore-condition', restore, condition: { type: 'ValidationPassed', status: 'True' } }, context).phase).toBe('Pending');
    expect(replay(run.filter((event) => event !== run[6]))?.phase).toBe('Running');
  });

  it('fails when a host failed, and at once when the restore failed as a whole (a global hook)', () => {
    const failedHost = replay([...run.slice(0, 5), result(web, 'host-1', 'Failed'), result(web, 'host-0'), finished()])!;
    expect(failedHost.phase).toBe('Failed');
    expect(failedHost.members?.map((m) => m.phase)).toEqual(['Succeeded', 'Failed']);
    const hook = replay([started, finished('global preRestore hook failed: GET http://hooks/fail returned 500')])!;
    expect(hook).toMatchObject({ phase: 'Failed', members: [{ phase: 'Pending' }, { phase: 'Pending' }] });
  });

  it('is Invalid when the scheduler finished it as such, and a final phase never moves again', () => {
    const invalid = replay([finished('Repository demo/repo does not exist.', true)])!;
    expect(invalid.phase).toBe('Invalid');
    const late = replay(run, invalid)!;
    expect(late.phase).toBe('Invalid');
    expect(late.members?.flatMap((m) => m.stats ?? [])).toEqual([]);
  });

  it('gives the same status whatever the order and however often the events come', () => {
    const once = replay(run);
    expect(replay([...run].reverse())).toEqual(once);
    expect(replay([...run, ...run])).toEqual(once);
    expect(replay(run, once)).toEqual(once);
  });
});

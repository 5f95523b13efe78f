import type { BackupSession, RestoreBatch, RestorePhase, SessionPhase } from '@restash/api';
import { needsRun, restoreNeedsRun, restoreRunRequest, runRequest } from './run-request.js';

function session(
  phase?: SessionPhase,
  invoker: BackupSession['spec']['invoker'] = { apiGroup: 'stash.appscode.com', kind: 'BackupBatch', name: 'nightly' },
): BackupSession {
  return {
    apiVersion: 'stash.appscode.com/v1beta1',
    kind: 'BackupSession',
    metadata: { name: 'nightly-1743242403', namespace: 'demo', uid: 'session-uid' },
    spec: { invoker },
    ...(phase ? { status: { phase } } : {}),
  };
}

describe('run requests', () => {
  it('are needed for unfinished sessions of a BackupBatch, whoever created them', () => {
    expect([undefined, 'Pending', 'Running'].map((phase) => needsRun(session(phase as SessionPhase)))).toEqual([true, true, true]);
    expect(needsRun(session(undefined, { kind: 'BackupBatch', name: 'nightly' }))).toBe(true);
  });

  it('are not needed for finished sessions, other invokers, or sessions being deleted', () => {
    expect((['Succeeded', 'Failed', 'Skipped', 'Unknown'] as const).map((phase) => needsRun(session(phase)))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(needsRun(session(undefined, { apiGroup: 'stash.appscode.com', kind: 'BackupConfiguration', name: 'x' }))).toBe(false);
    expect(needsRun(session(undefined, { apiGroup: 'example.com', kind: 'BackupBatch', name: 'x' }))).toBe(false);
    expect(needsRun({ ...session(), metadata: { ...session().metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } })).toBe(false);
    expect(needsRun({ ...session(), spec: undefined } as unknown as BackupSession)).toBe(false);
  });

  it('name the session by namespace, name and uid', () => {
    expect(runRequest(session(), new Date('2025-03-29T10:00:03Z'))).toEqual({
      kind: 'BackupSession',
      object: { namespace: 'demo', name: 'nightly-1743242403', uid: 'session-uid' },
      requestedAt: '2025-03-29T10:00:03.000Z',
    });
  });

  it('are needed for RestoreBatches until they are final or being deleted', () => {
    const restore = (phase?: RestorePhase, deleting = false): RestoreBatch => ({
      apiVersion: 'stash.appscode.com/v1beta1',
      kind: 'RestoreBatch',
      metadata: { name: 'restore-1', namespace: 'demo', uid: 'restore-uid', ...(deleting && { deletionTimestamp: '2026-01-01T00:00:00Z' }) },
      spec: {},
      ...(phase ? { status: { phase } } : {}),
    });
    expect(([undefined, 'Pending', 'Running'] as const).map((phase) => restoreNeedsRun(restore(phase)))).toEqual([true, true, true]);
    expect((['Succeeded', 'Failed', 'Invalid', 'Unknown'] as const).map((phase) => restoreNeedsRun(restore(phase)))).toEqual([false, false, false, false]);
    expect(restoreNeedsRun(restore(undefined, true))).toBe(false);
    expect(restoreRunRequest(restore(), new Date('2026-01-01T00:00:00Z'))).toEqual({
      kind: 'RestoreBatch',
      object: { namespace: 'demo', name: 'restore-1', uid: 'restore-uid' },
      requestedAt: '2026-01-01T00:00:00.000Z',
    });
  });
});

import type { BackupSession, SessionPhase } from '@restash/api';
import { sessionsBeyondHistory } from './history-selection.js';

function session(name: string, minute: number, phase: SessionPhase | undefined): BackupSession {
  return {
    apiVersion: 'stash.appscode.com/v1beta1',
    kind: 'BackupSession',
    metadata: { name, namespace: 'demo', creationTimestamp: `2026-03-01T10:${String(minute).padStart(2, '0')}:00Z` },
    spec: { invoker: { kind: 'BackupBatch', name: 'batch' } },
    ...(phase ? { status: { phase } } : {}),
  };
}

const sessions = [
  session('s-10', 10, 'Succeeded'),
  session('s-40', 40, 'Failed'),
  session('s-20', 20, 'Skipped'),
  session('s-50', 50, 'Running'),
  session('s-30', 30, 'Succeeded'),
  session('s-55', 55, undefined),
];
const names = (list: BackupSession[]) => list.map((item) => item.metadata.name);

describe('sessionsBeyondHistory', () => {
  it('keeps the newest finished sessions and never chooses running or new ones', () => {
    expect(names(sessionsBeyondHistory(sessions, 1))).toEqual(['s-30', 's-20', 's-10']);
    expect(names(sessionsBeyondHistory(sessions, 3))).toEqual(['s-10']);
    expect(names(sessionsBeyondHistory(sessions, 5))).toEqual([]);
  });

  it('chooses every finished session when the limit is 0', () => {
    expect(names(sessionsBeyondHistory(sessions, 0))).toEqual(['s-40', 's-30', 's-20', 's-10']);
  });

  it('orders sessions created in the same second by name, and skips those already being deleted', () => {
    const twins = [session('b-2', 1, 'Succeeded'), session('b-1', 1, 'Succeeded'), { ...session('b-0', 0, 'Failed'), metadata: { ...session('b-0', 0, 'Failed').metadata, deletionTimestamp: '2026-03-01T10:02:00Z' } }];
    expect(names(sessionsBeyondHistory(twins, 1))).toEqual(['b-1']);
  });
});

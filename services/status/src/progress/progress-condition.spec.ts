import type { BackupSessionStatus } from '@restash/api';
import type { BackupProgressEvent } from '@restash/events';
import { progressCondition, recordProgress } from './progress-condition.js';

const ref = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' };
const progress = (percentDone: number, bytesDone = 0): BackupProgressEvent => ({
  type: 'backup-progress', session: { namespace: 'ns', name: 's-1', uid: 'u1' }, target: ref, host: 'host-0', percentDone, bytesDone, at: '2026-03-01T12:00:00.000Z',
});
const NOW = '2026-03-01T12:00:01Z';

describe('progressCondition', () => {
  it('says the percent done, or the bytes read while the total is unknown', () => {
    expect(progressCondition(progress(42.7))).toMatchObject({ type: 'BackupProgress', status: 'True', reason: 'BackupInProgress', message: 'host-0: 42% done' });
    expect(progressCondition(progress(0, 5.5 * 2 ** 20))).toMatchObject({ message: 'host-0: 5 MiB read' });
    expect(progressCondition(progress(100))).toMatchObject({ reason: 'BackupDataSaved', message: 'host-0: 100% done' });
  });
});

describe('recordProgress', () => {
  const running: BackupSessionStatus = { phase: 'Running', targets: [{ ref, phase: 'Running' }] };

  it('sets the target’s progress condition, keeping its first transition time', () => {
    const first = recordProgress(running, progress(10), NOW);
    const second = recordProgress(first, { ...progress(55), at: '2026-03-01T12:00:05.000Z' }, NOW);
    expect(second.targets![0]!.conditions).toEqual([
      { type: 'BackupProgress', status: 'True', reason: 'BackupInProgress', message: 'host-0: 55% done', lastTransitionTime: '2026-03-01T12:00:00.000Z' },
    ]);
  });

  it('drops progress of unknown targets, and late progress of a host that reported (but not its 100%)', () => {
    expect(recordProgress(undefined, progress(10), NOW)).toEqual({});
    expect(recordProgress({ phase: 'Running' }, progress(10), NOW)).toEqual({ phase: 'Running' });
    const reported: BackupSessionStatus = { phase: 'Succeeded', targets: [{ ref, phase: 'Succeeded', stats: [{ hostname: 'host-0', phase: 'Succeeded' }] }] };
    expect(recordProgress(reported, progress(97), NOW)).toBe(reported);
    expect(recordProgress(reported, progress(100), NOW).targets![0]!.conditions![0]!.message).toBe('host-0: 100% done');
  });
});

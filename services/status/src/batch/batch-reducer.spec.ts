import type { BatchValidated, MemberCondition } from '@restash/events';
import { batchNotices, workloadNotice } from './batch-notices.js';
import { reduceBatch } from './batch-reducer.js';

const batch = { namespace: 'demo', name: 'wordpress-backup', uid: 'b1' };
const db = { apiVersion: 'apps/v1', kind: 'AppBinding', name: 'wordpress-mysql' };
const NOW = '2026-03-01T10:00:00Z';
const LATER = '2026-03-01T11:00:00Z';

const missingRepository: BatchValidated = {
  type: 'batch-validated',
  batch,
  generation: 2,
  conditions: [
    { type: 'RepositoryFound', status: 'False', reason: 'RepositoryNotFound', message: 'Repository demo/local-repo does not exist.' },
    { type: 'ValidationPassed', status: 'False', reason: 'RepositoryNotFound', message: 'Repository demo/local-repo does not exist.' },
  ],
  memberConditions: [{ target: db, conditions: [{ type: 'BackupTargetFound', status: 'True', reason: 'TargetAvailable' }] }],
};
const valid: BatchValidated = {
  ...missingRepository,
  generation: 3,
  conditions: [
    { type: 'RepositoryFound', status: 'True', reason: 'RepositoryAvailable' },
    { type: 'ValidationPassed', status: 'True', reason: 'ValidationSucceeded' },
  ],
};

describe('reduceBatch', () => {
  it('records the verdict with its generation', () => {
    expect(reduceBatch(undefined, missingRepository, NOW)).toEqual({
      observedGeneration: 2,
      conditions: missingRepository.conditions.map((condition) => ({ ...condition, observedGeneration: 2, lastTransitionTime: NOW })),
      memberConditions: [{ target: db, conditions: [{ type: 'BackupTargetFound', status: 'True', reason: 'TargetAvailable', observedGeneration: 2, lastTransitionTime: NOW }] }],
    });
  });

  it('moves transition times only for conditions whose status changed, and is idempotent', () => {
    const first = reduceBatch(undefined, missingRepository, NOW);
    const second = reduceBatch(first, valid, LATER);
    expect(second.conditions?.map((condition) => condition.lastTransitionTime)).toEqual([LATER, LATER]);
    expect(second.memberConditions?.[0]?.conditions?.[0]?.lastTransitionTime).toBe(NOW);
    expect(reduceBatch(second, valid, '2026-03-02T00:00:00Z')).toEqual(second);
  });

  it('merges another service\'s member condition by type, keeping the scheduler\'s observedGeneration', () => {
    const injected: MemberCondition = {
      type: 'member-condition',
      batch,
      generation: 2,
      target: db,
      condition: { type: 'StashSidecarInjected', status: 'True', reason: 'SidecarInjected' },
    };
    const status = reduceBatch(reduceBatch(undefined, missingRepository, NOW), injected, LATER);
    expect(status.observedGeneration).toBe(2);
    expect(status.memberConditions?.[0]?.conditions?.map((condition) => [condition.type, condition.observedGeneration, condition.lastTransitionTime])).toEqual([
      ['BackupTargetFound', 2, NOW],
      ['StashSidecarInjected', 2, LATER],
    ]);
    expect(reduceBatch(status, { ...injected, generation: 1, condition: { ...injected.condition, status: 'False' } }, LATER)).toBe(status);
  });

  it('ignores a verdict on an older generation', () => {
    const current = reduceBatch(undefined, valid, NOW);
    expect(reduceBatch(current, missingRepository, LATER)).toBe(current);
  });
});

describe('batchNotices', () => {
  it('warns once per new validation failure, with the condition reason', () => {
    const failed = reduceBatch(undefined, missingRepository, NOW);
    expect(batchNotices(undefined, failed)).toEqual([
      { type: 'Warning', reason: 'RepositoryNotFound', message: 'Repository demo/local-repo does not exist.' },
      { type: 'Warning', reason: 'RepositoryNotFound', message: 'Repository demo/local-repo does not exist.' },
    ]);
    expect(batchNotices(failed, reduceBatch(failed, missingRepository, LATER))).toEqual([]);
    expect(batchNotices(failed, reduceBatch(failed, valid, LATER))).toEqual([]);
  });

  it('names the member in a member condition failure', () => {
    const lost: BatchValidated = { ...valid, memberConditions: [{ target: db, conditions: [{ type: 'BackupTargetFound', status: 'False', reason: 'TargetNotFound', message: 'AppBinding wordpress-mysql not found.' }] }] };
    expect(batchNotices(undefined, reduceBatch(undefined, lost, NOW))).toEqual([
      { type: 'Warning', reason: 'TargetNotFound', message: 'AppBinding/wordpress-mysql: AppBinding wordpress-mysql not found.' },
    ]);
  });
});

describe('workloadNotice', () => {
  const injected = (status: 'True' | 'False', message: string): MemberCondition => ({
    type: 'member-condition',
    batch,
    generation: 1,
    target: db,
    condition: { type: 'StashSidecarInjected', status, reason: status === 'True' ? 'SidecarInjected' : 'SidecarInjectionFailed', message },
  });

  it('announces a changed member condition on the workload, and stays quiet on a repeat', () => {
    const first = reduceBatch(undefined, injected('False', 'no container named app'), NOW);
    expect(workloadNotice(undefined, first, db, 'StashSidecarInjected')).toEqual({ type: 'Warning', reason: 'SidecarInjectionFailed', message: 'no container named app' });
    expect(workloadNotice(first, reduceBatch(first, injected('False', 'no container named app'), LATER), db, 'StashSidecarInjected')).toBeUndefined();
    const fixed = reduceBatch(first, injected('True', 'sidecar added'), LATER);
    expect(workloadNotice(first, fixed, db, 'StashSidecarInjected')).toEqual({ type: 'Normal', reason: 'SidecarInjected', message: 'sidecar added' });
  });
});

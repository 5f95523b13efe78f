import type { BackupSessionEvent } from '@restash/events';
import { hookOutcome } from './hook-outcome.js';

const session = { namespace: 'ns', name: 's-1', uid: 'u1' };
const target = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' };
const condition = (type: string, status: 'True' | 'False') => ({ type, status, reason: 'r', message: 'm', lastTransitionTime: '2026-01-01T00:00:00Z' });

describe('hookOutcome', () => {
  it('reads member hook conditions', () => {
    const event: BackupSessionEvent = { type: 'target-condition', session, target, condition: condition('PreBackupHookExecutionSucceeded', 'True') };
    expect(hookOutcome(event)).toEqual({ hook: 'preBackup', result: 'succeeded' });
    expect(hookOutcome({ ...event, condition: condition('PostBackupHookExecutionSucceeded', 'False') })).toEqual({ hook: 'postBackup', result: 'failed' });
  });

  it('reads global hook conditions', () => {
    const event: BackupSessionEvent = { type: 'session-condition', session, condition: condition('GlobalPreBackupHookSucceeded', 'False') };
    expect(hookOutcome(event)).toEqual({ hook: 'globalPreBackup', result: 'failed' });
    expect(hookOutcome({ ...event, condition: condition('GlobalPostRestoreHookSucceeded', 'True') })).toEqual({ hook: 'globalPostRestore', result: 'succeeded' });
  });

  it('ignores every other event and condition', () => {
    expect(hookOutcome({ type: 'target-condition', session, target, condition: condition('BackupExecutorEnsured', 'True') })).toBeUndefined();
    expect(hookOutcome({ type: 'session-finished', session, at: '2026-01-01T00:00:00Z' })).toBeUndefined();
  });
});

import type { RestoreBatchStatus } from '@restash/api';
import { restoreNotices } from './restore-notices.js';

const files = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' };
const running: RestoreBatchStatus = { phase: 'Running', members: [{ ref: files, totalHosts: 1, phase: 'Running' }] };

describe('restoreNotices', () => {
  it('announces the restore running once, and each host result', () => {
    expect(restoreNotices({ phase: 'Pending' }, running)).toEqual([{ type: 'Normal', reason: 'RestoreBatchRunning', message: 'Restore of 1 member(s) is running.' }]);
    const restored: RestoreBatchStatus = { ...running, members: [{ ...running.members![0]!, stats: [{ hostname: 'host-0', phase: 'Succeeded', duration: '2s' }] }] };
    expect(restoreNotices(running, restored)).toEqual([{ type: 'Normal', reason: 'HostRestoreSucceeded', message: 'Restore of host host-0 of PersistentVolumeClaim/files succeeded in 2s.' }]);
  });

  it('says what a failed hook said, and why the restore failed', () => {
    const hookFailed = 'global preRestore hook failed: GET http://127.0.0.1:1/fail returned 500: busy';
    const failed: RestoreBatchStatus = {
      ...running,
      phase: 'Failed',
      sessionDuration: '3s',
      conditions: [
        { type: 'GlobalPreRestoreHookSucceeded', status: 'False', reason: 'GlobalHookExecutionFailed', message: hookFailed },
        { type: 'RestoreExecutionFinished', status: 'True', reason: 'ExecutionFailed', message: hookFailed },
      ],
    };
    expect(restoreNotices(running, failed)).toEqual([
      { type: 'Warning', reason: 'GlobalHookExecutionFailed', message: hookFailed },
      { type: 'Warning', reason: 'RestoreBatchFailed', message: `Restore failed in 3s: ${hookFailed}` },
    ]);
  });

  it('names an invalid RestoreBatch’s cause', () => {
    const invalid: RestoreBatchStatus = { phase: 'Invalid', conditions: [{ type: 'RestoreExecutionFinished', status: 'True', reason: 'ValidationFailed', message: 'Repository demo/repo does not exist.' }] };
    expect(restoreNotices(undefined, invalid)).toEqual([{ type: 'Warning', reason: 'RestoreBatchInvalid', message: 'RestoreBatch is invalid: Repository demo/repo does not exist.' }]);
  });
});

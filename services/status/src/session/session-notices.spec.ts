import type { BackupSessionStatus } from '@restash/api';
import { sessionNotices } from './session-notices.js';

const db = { apiVersion: 'apps/v1', kind: 'AppBinding', name: 'db' };
const running: BackupSessionStatus = { phase: 'Running', targets: [{ ref: db, totalHosts: 1, phase: 'Pending' }] };
const failedHost = { hostname: 'host-0', phase: 'Failed' as const, duration: '1.2s', error: 'Access denied for user' };
const failed: BackupSessionStatus = {
  phase: 'Failed',
  sessionDuration: '40s',
  targets: [{ ref: db, totalHosts: 1, phase: 'Failed', stats: [failedHost] }],
};

describe('sessionNotices', () => {
  it('announces the session running once', () => {
    expect(sessionNotices({}, running)).toEqual([{ type: 'Normal', reason: 'BackupSessionRunning', message: 'Backup of 1 target(s) is running.' }]);
    expect(sessionNotices(running, running)).toEqual([]);
  });

  it('announces each new host result and the final phase with the cause', () => {
    expect(sessionNotices(running, failed)).toEqual([
      { type: 'Warning', reason: 'HostBackupFailed', message: 'Backup of host host-0 of AppBinding/db failed in 1.2s: Access denied for user' },
      { type: 'Warning', reason: 'BackupSessionFailed', message: 'Backup session failed in 40s: target(s) AppBinding/db failed.' },
    ]);
    expect(sessionNotices(failed, failed)).toEqual([]);
  });

  it('names the session-level error and the skip reason', () => {
    const aborted: BackupSessionStatus = {
      phase: 'Failed',
      conditions: [{ type: 'BackupExecutionFinished', status: 'True', reason: 'ExecutionFailed', message: 'global preBackup hook failed' }],
    };
    expect(sessionNotices(running, aborted)).toEqual([{ type: 'Warning', reason: 'BackupSessionFailed', message: 'Backup session failed: global preBackup hook failed' }]);
    const skipped: BackupSessionStatus = { phase: 'Skipped', conditions: [{ type: 'BackupSkipped', status: 'True', message: 'Previous BackupSession b-1 is Running.' }] };
    expect(sessionNotices(undefined, skipped)).toEqual([{ type: 'Normal', reason: 'BackupSessionSkipped', message: 'Previous BackupSession b-1 is Running.' }]);
  });
});

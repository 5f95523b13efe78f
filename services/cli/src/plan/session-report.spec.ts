import type { BackupBatch, BackupSession } from '@restash/api';
import { latestSessions, statusReport } from './session-report.js';

const now = new Date('2026-01-10T12:00:00Z');
const batch = {
  apiVersion: 'stash.appscode.com/v1beta1',
  kind: 'BackupBatch',
  metadata: { name: 'nightly', namespace: 'shop' },
  spec: { schedule: '0 2 * * *', repository: { name: 'repo' }, members: [] },
  status: { conditions: [{ type: 'ValidationPassed', status: 'True' }] },
} as unknown as BackupBatch;

function session(name: string, created: string, status: BackupSession['status']): BackupSession {
  return {
    apiVersion: 'stash.appscode.com/v1beta1',
    kind: 'BackupSession',
    metadata: { name, namespace: 'shop', creationTimestamp: created },
    spec: { invoker: { apiGroup: 'stash.appscode.com', kind: 'BackupBatch', name: 'nightly' } },
    ...(status && { status }),
  } as BackupSession;
}

const failed = session('nightly-2', '2026-01-10T11:55:00Z', {
  phase: 'Failed',
  sessionDuration: '12.5s',
  targets: [
    {
      ref: { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'db' },
      phase: 'Failed',
      totalHosts: 1,
      stats: [{ hostname: 'host-0', phase: 'Failed', duration: '2s', error: 'mariadb-dump: Access denied\nfor user' }],
    },
    {
      ref: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' },
      phase: 'Succeeded',
      totalHosts: 1,
      stats: [{ hostname: 'host-0', phase: 'Succeeded', duration: '1.2s', snapshots: [{ name: '1a2b3c4d', path: '/data' }] }],
    },
  ],
});
const running = session('nightly-3', '2026-01-10T11:59:30Z', {
  phase: 'Running',
  targets: [{ ref: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web' }, phase: 'Running', totalHosts: 2, stats: [{ hostname: 'host-1', phase: 'Succeeded', duration: '3s' }] }],
});
const old = session('nightly-1', '2026-01-09T02:00:00Z', { phase: 'Succeeded', sessionDuration: '1m2s', targets: [] });
const other = { ...session('weekly-1', '2026-01-10T11:59:59Z', undefined), spec: { invoker: { kind: 'BackupBatch', name: 'weekly' } } } as BackupSession;

describe('latestSessions', () => {
  it('keeps the batch’s sessions, newest first, up to the limit', () => {
    expect(latestSessions([old, failed, other, running], 'nightly', 2).map((s) => s.metadata.name)).toEqual(['nightly-3', 'nightly-2']);
  });
});

describe('statusReport', () => {
  it('prints the batch, its sessions and each member’s hosts as tables', () => {
    expect(statusReport(batch, [running, failed, old], now).table).toBe(
      [
        'BackupBatch shop/nightly   schedule: 0 2 * * *   repository: repo   order: Parallel   valid: yes',
        '',
        'SESSION     PHASE       DURATION   AGE   MEMBERS',
        'nightly-3   Running     -          30s   0/1 ok',
        'nightly-2   Failed      12.5s      5m    1/2 ok, 1 failed',
        'nightly-1   Succeeded   1m2s       34h   -',
        '',
        'SESSION     MEMBER                        HOST     PHASE       DURATION   SNAPSHOTS   ERROR',
        'nightly-3   StatefulSet/web               host-1   Succeeded   3s         -           -',
        'nightly-2   AppBinding/db                 host-0   Failed      2s         -           mariadb-dump: Access denied for user',
        'nightly-2   PersistentVolumeClaim/files   host-0   Succeeded   1.2s       1a2b3c4d    -',
      ].join('\n'),
    );
  });

  it('gives the same facts as data for json and yaml', () => {
    const { data } = statusReport(batch, [failed], now);
    expect(data).toEqual({
      batch: { namespace: 'shop', name: 'nightly', schedule: '0 2 * * *', paused: false, conditions: [{ type: 'ValidationPassed', status: 'True' }] },
      sessions: [
        expect.objectContaining({
          name: 'nightly-2',
          phase: 'Failed',
          duration: '12.5s',
          members: { succeeded: 1, failed: 1, total: 2 },
          hosts: [expect.objectContaining({ member: 'AppBinding/db', host: 'host-0', phase: 'Failed' }), expect.objectContaining({ member: 'PersistentVolumeClaim/files', snapshots: ['1a2b3c4d'] })],
        }),
      ],
    });
  });

  it('says so when the batch has no sessions yet', () => {
    expect(statusReport({ ...batch, spec: { ...batch.spec, paused: true }, status: {} } as BackupBatch, [], now).table).toBe(
      'BackupBatch shop/nightly   schedule: 0 2 * * * (paused)   repository: repo   order: Parallel\n\nno sessions yet',
    );
  });
});

import type { BackupSession } from '@restash/api';
import { reportedHosts } from './reported-hosts.js';

const session = (stats: Array<{ hostname: string; phase?: 'Succeeded' | 'Failed' }>): BackupSession => ({
  apiVersion: 'stash.appscode.com/v1beta1',
  kind: 'BackupSession',
  metadata: { name: 's-1', namespace: 'demo' },
  spec: { invoker: { kind: 'BackupBatch', name: 'b' } },
  status: {
    targets: [
      { ref: { apiVersion: 'v1', kind: 'AppBinding', name: 'db' }, stats: [{ hostname: 'host-0', phase: 'Failed' }] },
      { ref: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db' }, stats },
    ],
  },
});

describe('reportedHosts', () => {
  it('reads the hosts of one target that have a result', () => {
    const reported = reportedHosts(session([{ hostname: 'host-0', phase: 'Succeeded' }, { hostname: 'host-1' }, { hostname: 'host-2', phase: 'Failed' }]).status?.targets, { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db' });
    expect([...reported]).toEqual([['host-0', 'Succeeded'], ['host-2', 'Failed']]);
  });

  it('reads a RestoreBatch member the same way, leaving out hosts still running', () => {
    const members = [{ ref: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' }, stats: [{ hostname: 'host-0', phase: 'Running' }, { hostname: 'host-1', phase: 'Failed' }] }];
    expect([...reportedHosts(members, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' })]).toEqual([['host-1', 'Failed']]);
  });

  it('is empty before the target shows up', () => {
    expect(reportedHosts(session([]).status?.targets, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }).size).toBe(0);
  });
});

import type { WorkloadRestoreSpec } from '@restash/events';
import { hostRestoreRun } from './host-restore-run.js';

const spec: WorkloadRestoreSpec = {
  restore: { namespace: 'demo', name: 'restore-1', uid: 'r1' },
  target: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db' },
  repository: { ref: { namespace: 'demo', name: 'repo' }, path: 'statefulset/db', restic: { url: 'local:/r', redactedUrl: 'local:/r', password: 'pw', env: {} } },
  source: { type: 'files' },
  rules: [{ targetHosts: ['host-0'], sourceHost: 'host-1' }],
  natsUrl: 'nats://nats:4222',
};
const settings = { podName: 'db-2', nodeName: 'local', specFile: '/etc/restash/restore/restore.json', restoreUid: 'r1' };

describe('hostRestoreRun', () => {
  it('restores the pod’s own host, with a run id per RestoreBatch, member and host', () => {
    expect(hostRestoreRun(spec, settings)).toEqual({ ...spec, host: 'host-2', runId: 'r1-statefulset-db-host-2' });
  });

  it('refuses a spec written for another RestoreBatch than the pod template names', () => {
    expect(() => hostRestoreRun(spec, { ...settings, restoreUid: 'r0' })).toThrow('is for RestoreBatch restore-1 (uid r1), not uid r0');
  });

  it('refuses a pod that cannot tell its host', () => {
    expect(() => hostRestoreRun(spec, { ...settings, podName: 'db' })).toThrow('cannot tell which host pod db of StatefulSet db restores');
  });
});

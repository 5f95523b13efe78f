import type { TargetRef } from '@restash/api';
import { identityOf, type BackupSessionEvent } from '@restash/events';
import { KubeClient } from '@restash/kube';
import { eventually } from '../../support/eventually.js';
import { startService, type ServiceProcess } from '../../support/service-process.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import { afterCreation, counterValue, StatusFixtures } from './status-fixtures.js';

const TEST_TIMEOUT_MS = 30_000;
const NODES = 24;
const kube = new KubeClient();
const agents: TargetRef = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'log-agent' };
let namespace: string;
let fixtures: StatusFixtures;
let replicas: ServiceProcess[] = [];

beforeAll(async () => {
  namespace = await createTestNamespace(kube, 'status-replicas');
  fixtures = await StatusFixtures.open(kube, namespace);
  await fixtures.createBatch('agents-backup', 'repo');
  replicas = await Promise.all([startService('status'), startService('status')]);
}, TEST_TIMEOUT_MS);
afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await fixtures?.close();
  await deleteTestNamespace(kube, namespace);
});

const total = async (name: string, labels: Record<string, string>) =>
  (await Promise.all(replicas.map((replica) => counterValue(replica, name, labels)))).reduce((sum, value) => sum + value, 0);

describe('two status replicas on one session (optimistic concurrency)', () => {
  it('record every host once and finish the session once, whatever order the events come in', async () => {
    const session = await fixtures.createSession('agents-backup-1000', 'agents-backup');
    const id = identityOf(session);
    const hosts: BackupSessionEvent[] = Array.from({ length: NODES }, (_, i) => ({
      type: 'host-result',
      session: id,
      target: agents,
      finishedAt: afterCreation(session, 10 + i),
      result: { hostname: `node-${String(i).padStart(2, '0')}`, phase: 'Succeeded', duration: `${i + 1}s`, snapshots: [{ name: `snap${i}`, path: '/var/log' }] },
    }));
    // The finish and half the hosts overtake session-started, as redeliveries can make them.
    await fixtures.publishSessionEvents([
      { type: 'session-finished', session: id, at: afterCreation(session, 60) },
      ...hosts.slice(0, NODES / 2),
      { type: 'session-started', session: id, at: afterCreation(session, 1), targets: [{ ref: agents, totalHosts: NODES }] },
      ...hosts.slice(NODES / 2),
    ]);
    const done = await fixtures.waitForSession(session.metadata.name!, (s) => s.phase === 'Succeeded', 'Succeeded');
    expect(done.status?.sessionDuration).toBe('1m0s');
    expect(done.status?.targets).toEqual([
      { ref: agents, totalHosts: NODES, phase: 'Succeeded', stats: hosts.map((event) => (event.type === 'host-result' ? event.result : undefined)) },
    ]);
    // The handler that finished the session counts its event once its Events are recorded, just after the patch.
    await eventually(async () => (await total('restash_status_events_processed_total', { type: 'host-result' })) >= NODES, {
      timeoutMs: 5000,
      what: `${NODES} host results counted`,
    });
    expect(await total('restash_backup_sessions_total', { namespace, invoker: 'agents-backup', phase: 'Succeeded' })).toBe(1);
    const events = await eventually(async () => {
      const found = await fixtures.eventsAbout(session.metadata.uid!);
      return found.length === NODES + 2 ? found : undefined;
    }, { what: `${NODES + 2} Events` });
    expect(events.filter((e) => e.reason === 'HostBackupSucceeded' && e.count === 1)).toHaveLength(NODES);
    expect(events.filter((e) => e.reason === 'BackupSessionRunning' || e.reason === 'BackupSessionSucceeded').map((e) => e.count)).toEqual([1, 1]);
  }, TEST_TIMEOUT_MS);
});

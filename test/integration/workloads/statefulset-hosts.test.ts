import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { V1Pod } from '@kubernetes/client-node';
import { identityOf } from '@restash/events';
import { KubeClient } from '@restash/kube';
import { NatsConnectionHolder } from '@restash/messaging';
import { createLogger } from '@restash/observability';
import { batchSpec, createBackupFixture, createBatch, createSession, resticSnapshots, waitForFinalSession, type BackupFixture } from '../../support/backup-fixture.js';
import { eventually } from '../../support/eventually.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { isPodReady } from '../../support/pod-waits.js';
import { startService, type ServiceProcess } from '../../support/service-process.js';
import { deleteAgentConsumers } from '../../support/session-events.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import { createSleepingStatefulSet, requestBackupRun, seedClaim } from '../../support/workload-fixture.js';

const run = promisify(execFile);
const kube = new KubeClient();
const SERVICE_ENV = { RESTASH_IMAGE: 'restash:dev', AGENT_RESULT_POLL_MS: '250', AGENT_RESULT_TIMEOUT_SECONDS: '90' };
const REPLICAS = 3;

let namespace: string;
let fixture: BackupFixture;
let services: ServiceProcess[] = [];
let nats: NatsConnectionHolder;

/** The StatefulSet's pods once all of them run the stash sidecar. */
async function podsWithSidecar(): Promise<V1Pod[]> {
  return eventually(
    async () => {
      const pods = (await kube.core.listNamespacedPod({ namespace, labelSelector: 'app=db' })).items.filter((p) => !p.metadata?.deletionTimestamp);
      const serving = pods.filter((p) => isPodReady(p) && p.status?.containerStatuses?.some((s) => s.name === 'stash' && s.state?.running));
      return serving.length === REPLICAS ? serving : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 500, what: `${REPLICAS} db pods running the stash sidecar` },
  );
}

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'wl-sts');
  const started = Promise.all([startService('injector', SERVICE_ENV), startService('executor', SERVICE_ENV), startService('status')]);
  fixture = await createBackupFixture(kube, namespace);
  for (let ordinal = 0; ordinal < REPLICAS; ordinal++) seedClaim(namespace, `data-db-${ordinal}`, { [`ordinal-${ordinal}.txt`]: `written by db-${ordinal}\n` });
  services = await started;
  nats = await NatsConnectionHolder.open(process.env['NATS_URL']!, 'workloads-sts-test', createLogger({ service: 'workloads-test', level: 'silent' }));
}, 120_000);

afterAll(async () => {
  if (nats) await deleteAgentConsumers(nats, namespace);
  await nats?.close();
  await Promise.all(services.map((service) => service.stop()));
  await deleteTestNamespace(kube, namespace);
  await fixture?.cleanup();
});

describe('a StatefulSet with 3 replicas as a batch member', () => {
  it('gets its sidecar though created after the batch, and backs each pod up as its own host, host-0..2', async () => {
    await createBatch(kube, namespace, 'db-backup', batchSpec([], {
      members: [{ target: { alias: 'db', ref: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db' }, volumeMounts: [{ name: 'data', mountPath: '/data' }], paths: ['/data'] } }],
    }));
    await createSleepingStatefulSet(kube, namespace, 'db', REPLICAS);
    const pods = await podsWithSidecar();
    expect(pods.map((p) => p.metadata!.name).sort()).toEqual(['db-0', 'db-1', 'db-2']);

    const session = await createSession(kube, namespace, 'db-backup', 'db-backup-1');
    await requestBackupRun(nats, identityOf(session));
    const final = await waitForFinalSession(kube, namespace, 'db-backup-1', 120_000);
    const [target] = final.status!.targets!;
    expect(target!.stats!.map((s) => [s.hostname, s.error ?? s.phase, s.snapshots?.map((snapshot) => snapshot.path)]).sort()).toEqual([
      ['host-0', 'Succeeded', ['/data']],
      ['host-1', 'Succeeded', ['/data']],
      ['host-2', 'Succeeded', ['/data']],
    ]);
    expect(target).toMatchObject({ ref: { kind: 'StatefulSet', name: 'db' }, totalHosts: 3, phase: 'Succeeded' });
    expect(final.status?.phase).toBe('Succeeded');

    const snapshots = await resticSnapshots(fixture, 'statefulset/db');
    expect(snapshots.map((s) => s.hostname).sort()).toEqual(['host-0', 'host-1', 'host-2']);
    for (const snapshot of snapshots) {
      const { stdout } = await run('restic', ['--no-cache', '-r', `${fixture.repositoryDir}/statefulset/db`, 'ls', snapshot.id], { env: { ...process.env, RESTIC_PASSWORD: fixture.resticPassword } });
      const ordinal = snapshot.hostname.replace('host-', '');
      expect(stdout.split('\n').filter((line) => line.startsWith('/data/'))).toEqual([`/data/ordinal-${ordinal}.txt`]);
    }
  }, 180_000);
});

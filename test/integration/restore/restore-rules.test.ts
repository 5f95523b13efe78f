import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import type { RestoreBatch, RestoreBatchSpec, RestoreMember, RestoreRule } from '@restash/api';
import { KubeClient } from '@restash/kube';
import { NatsConnectionHolder } from '@restash/messaging';
import { createLogger } from '@restash/observability';
import { batchSpec, createBackupFixture, createBatch, createSession, waitForFinalSession, type BackupFixture } from '../../support/backup-fixture.js';
import { postgresSql } from '../../support/database-admin.js';
import { eventually } from '../../support/eventually.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { isPodReady } from '../../support/pod-waits.js';
import { startRestashServices, type RestashServices } from '../../support/restash-services.js';
import { createRestore, restoreIntervals, waitForFinalRestore } from '../../support/restore-fixture.js';
import { startService, type ServiceProcess } from '../../support/service-process.js';
import { deleteAgentConsumers } from '../../support/session-events.js';
import { stackDir } from '../../support/stack-env.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import { createSleepingStatefulSet, seedClaim } from '../../support/workload-fixture.js';

const kube = new KubeClient();
const SERVICE_ENV = { RESTASH_IMAGE: 'restash:dev', JOB_POLL_MS: '250', AGENT_RESULT_POLL_MS: '250', AGENT_RESULT_TIMEOUT_SECONDS: '90' };
const REPLICAS = 2;

let namespace: string;
let fixture: BackupFixture;
let services: RestashServices;
let injector: ServiceProcess;
let nats: NatsConnectionHolder;
let filesDir: string;

const volume = (claim: string) => join(stackDir, 'volumes', namespace, claim);
const files: RestoreMember = { target: { alias: 'files', ref: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' }, volumeMounts: [{ name: 'files', mountPath: '/data' }] } };
const db: RestoreMember = { target: { alias: 'db', ref: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db' }, volumeMounts: [{ name: 'data', mountPath: '/data' }] } };
const appBinding = (name: string): RestoreMember => ({ target: { alias: name, ref: { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name } } });
const withRules = (member: RestoreMember, rules: RestoreRule[]): RestoreMember => ({ ...member, target: { ...member.target, rules } });

async function restoreOf(name: string, spec: Partial<RestoreBatchSpec>): Promise<RestoreBatch> {
  await createRestore(kube, namespace, name, { repository: { name: 'local-repo' }, ...spec });
  return waitForFinalRestore(kube, namespace, name);
}

async function readyPods(what: string, accept: (pod: V1Pod) => boolean): Promise<V1Pod[]> {
  return eventually(async () => {
    const pods = (await kube.core.listNamespacedPod({ namespace, labelSelector: 'app=db' })).items.filter((p) => !p.metadata?.deletionTimestamp);
    return pods.length === REPLICAS && pods.every((pod) => isPodReady(pod) && accept(pod)) ? pods : undefined;
  }, { timeoutMs: 90_000, intervalMs: 500, what });
}

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'restore-rules');
  const started = Promise.all([startRestashServices({ executorEnv: SERVICE_ENV }), startService('injector', SERVICE_ENV)]);
  fixture = await createBackupFixture(kube, namespace);
  filesDir = volume('files');
  for (let ordinal = 0; ordinal < REPLICAS; ordinal++) seedClaim(namespace, `data-db-${ordinal}`, { [`ordinal-${ordinal}.txt`]: `written by db-${ordinal}\n` });
  [services, injector] = await started;
  nats = await NatsConnectionHolder.open(process.env['NATS_URL']!, 'restore-rules-test', createLogger({ service: 'restore-test', level: 'silent' }));
}, 120_000);

afterAll(async () => {
  if (nats) await deleteAgentConsumers(nats, namespace);
  await nats?.close();
  await Promise.all([services?.stop(), injector?.stop()]);
  await deleteTestNamespace(kube, namespace);
  await fixture?.cleanup();
});

describe('restore rules, snapshots and order', () => {
  it('backs up the databases, the volume and each StatefulSet pod as its own host', async () => {
    await createBatch(kube, namespace, 'all', batchSpec(['mariadb', 'postgres', 'files'], {
      members: [...batchSpec(['mariadb', 'postgres', 'files']).members!, { target: { ...db.target, paths: ['/data'] } }],
    }));
    await createSleepingStatefulSet(kube, namespace, 'db', REPLICAS);
    await readyPods('the db pods running their stash sidecar', (pod) => pod.status?.containerStatuses?.some((s) => s.name === 'stash' && s.state?.running) === true);
    await createSession(kube, namespace, 'all', 'all-1');
    const session = await waitForFinalSession(kube, namespace, 'all-1');
    expect(session.status?.targets?.map((t) => [t.ref.name, t.phase])).toEqual([['mariadb', 'Succeeded'], ['postgres', 'Succeeded'], ['files', 'Succeeded'], ['db', 'Succeeded']]);
  }, 180_000);

  it('restores one path only', async () => {
    rmSync(filesDir, { recursive: true, force: true });
    const restore = await restoreOf('one-path', { members: [withRules(files, [{ paths: ['/data/uploads'] }])] });
    expect(restore.status?.phase).toBe('Succeeded');
    expect(readFileSync(join(filesDir, 'uploads/a.txt'), 'utf8')).toBe(fixture.files['uploads/a.txt']);
    expect(readFileSync(join(filesDir, 'uploads/b.bin'), 'utf8')).toBe(fixture.files['uploads/b.bin']);
    expect(existsSync(join(filesDir, 'index.html'))).toBe(false);
  });

  it('says clearly in status when a snapshot does not exist, and restores nothing', async () => {
    const restore = await restoreOf('missing-snapshot', { members: [withRules(files, [{ snapshots: ['1234abcd'] }])] });
    expect(restore.status?.phase).toBe('Failed');
    const [member] = restore.status!.members!;
    expect(member).toMatchObject({ phase: 'Failed', stats: [{ hostname: 'host-0', phase: 'Failed', error: expect.stringMatching(/^snapshot 1234abcd not found in repository \S*persistentvolumeclaim\/files/) }] });
    expect(existsSync(join(filesDir, 'index.html'))).toBe(false);
  });

  it('ends Invalid, saying why, when the Repository does not exist or a target kind cannot be restored', async () => {
    expect((await restoreOf('invalid', { repository: { name: 'no-such-repo' }, members: [files, { target: { ref: { apiVersion: 'v1', kind: 'Pod', name: 'p' } } }] })).status?.phase).toBe('Invalid');
    // the verdict's conditions may be written just after the phase (the status service applies events concurrently)
    const restore = await eventually(async () => {
      const current = await waitForFinalRestore(kube, namespace, 'invalid');
      return current.status?.conditions?.length === 4 && current.status.members?.every((m) => m.conditions?.length) ? current : undefined;
    }, { what: 'the verdict of RestoreBatch invalid in its status' });
    expect(restore.status?.conditions?.map((c) => [c.type, c.status])).toEqual(expect.arrayContaining([['RepositoryFound', 'False'], ['ValidationPassed', 'False']]));
    expect(restore.status?.conditions?.find((c) => c.type === 'RepositoryFound')?.message).toBe(`Repository ${namespace}/no-such-repo does not exist.`);
    expect(restore.status?.members?.map((m) => m.conditions?.map((c) => [c.type, c.status]))).toEqual([[['RestoreTargetFound', 'True']], [['RestoreTargetFound', 'False']]]);
  });

  it('restores host-1’s snapshot into host-0 of a StatefulSet, through the stash-init container of each pod', async () => {
    rmSync(join(volume('data-db-0'), 'ordinal-0.txt'));
    const restore = await restoreOf('cross-host', { members: [withRules(db, [{ targetHosts: ['host-0'], sourceHost: 'host-1' }])] });
    expect(restore.status?.phase).toBe('Succeeded');
    expect(restore.status?.members?.[0]).toMatchObject({ totalHosts: 2, phase: 'Succeeded', stats: [{ hostname: 'host-0', phase: 'Succeeded' }, { hostname: 'host-1', phase: 'Succeeded' }] });
    expect(readFileSync(join(volume('data-db-0'), 'ordinal-1.txt'), 'utf8')).toBe('written by db-1\n');
    expect(existsSync(join(volume('data-db-0'), 'ordinal-0.txt'))).toBe(false);
    expect(readFileSync(join(volume('data-db-1'), 'ordinal-1.txt'), 'utf8')).toBe('written by db-1\n');
    await readyPods('the db pods without the stash-init container again', (pod) => !(pod.spec?.initContainers ?? []).some((c) => c.name === 'stash-init'));
  }, 180_000);

  it('restores Parallel members at the same time', async () => {
    await postgresSql('DELETE FROM posts', fixture.postgresDatabase);
    const restore = await restoreOf('parallel', { executionOrder: 'Parallel', members: [appBinding('mariadb'), appBinding('postgres'), files] });
    expect(restore.status?.phase).toBe('Succeeded');
    const intervals = await restoreIntervals(nats, restore.metadata.uid!);
    expect(intervals.map((i) => i.member).sort()).toEqual(['files', 'mariadb', 'postgres']);
    expect(Math.max(...intervals.map((i) => i.start))).toBeLessThan(Math.min(...intervals.map((i) => i.end)));
    expect(await postgresSql('SELECT count(*) FROM posts', fixture.postgresDatabase)).toBe('2');
    expect(readFileSync(join(filesDir, 'index.html'), 'utf8')).toBe(fixture.files['index.html']);
  }, 120_000);
});

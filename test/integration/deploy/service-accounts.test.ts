import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuthenticationV1Api, CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { RESOURCES, type BackupBatchStatus, type BackupSession } from '@restash/api';
import { apiErrorMessage, apiStatusCode, CustomResources, KubeClient } from '@restash/kube';
import { canI, describeQuestion, type AccessQuestion } from '../../support/access-review.js';
import {
  batchSpec, createBackupFixture, createBatch, createSession, resticSnapshots, waitForFinalSession, type BackupFixture,
} from '../../support/backup-fixture.js';
import { eventually } from '../../support/eventually.js';
import { renderChart } from '../../support/helm-chart.js';
import { kubectl } from '../../support/kubectl.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { createRestore, waitForFinalRestore } from '../../support/restore-fixture.js';
import type { Manifest } from '../../support/manifests.js';
import { execInPod } from '../../support/pod-exec.js';
import { isPodReady, waitForPod } from '../../support/pod-waits.js';
import { loadKubeconfigFile, writeServiceAccountKubeconfig } from '../../support/service-account-kubeconfig.js';
import { startService, type ServiceProcess } from '../../support/service-process.js';
import { makeTempDir, removeTempDir } from '../../support/temp-dir.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const kube = new KubeClient();
const SERVICES = ['scheduler', 'executor', 'status', 'injector'] as const;
type Service = (typeof SERVICES)[number];
const RBAC_KINDS = new Set(['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']);

let dir: string;
let releaseNamespace: string;
let appNamespace: string;
let release: string;
let rbacObjects: Manifest[] = [];
const kubeconfigs = {} as Record<Service, string>;
const configs = {} as Record<Service, KubeConfig>;
let fixture: BackupFixture;
const processes: ServiceProcess[] = [];

const serviceAccount = (service: Service) => `${release}-${service}`;

beforeAll(async () => {
  await requireLocalNode(kube);
  dir = await makeTempDir('sa-kubeconfigs');
  releaseNamespace = await createTestNamespace(kube, 'restash-sa');
  appNamespace = await createTestNamespace(kube, 'sa-app');
  release = `restash-${randomBytes(3).toString("hex")}`; // contains the chart name: objects are <release>-<service>

  // The chart's RBAC, exactly as rendered, installed into the release namespace.
  rbacObjects = (await renderChart({ release, namespace: releaseNamespace })).filter((object) => RBAC_KINDS.has(object.kind));
  const file = join(dir, 'rbac.json');
  await writeFile(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: rbacObjects }));
  const applied = await kubectl(['apply', '--server-side', '-f', file]);
  if (applied.code !== 0) throw new Error(`applying the chart's RBAC failed: ${applied.stderr}`);

  for (const service of SERVICES) {
    kubeconfigs[service] = await writeServiceAccountKubeconfig(kube, releaseNamespace, serviceAccount(service), dir);
    configs[service] = loadKubeconfigFile(kubeconfigs[service]);
  }
  fixture = await createBackupFixture(kube, appNamespace);

  // Each service authenticates only with its own ServiceAccount's token.
  const started = await Promise.all([
    startService('scheduler', { KUBECONFIG: kubeconfigs.scheduler, RESTASH_NAMESPACE: releaseNamespace, LEADER_LEASE_SECONDS: '3' }),
    startService('status', { KUBECONFIG: kubeconfigs.status }),
    startService('executor', { KUBECONFIG: kubeconfigs.executor, RESTASH_IMAGE: 'restash:dev', JOB_POLL_MS: '250' }),
    startService('executor', { KUBECONFIG: kubeconfigs.executor, RESTASH_IMAGE: 'restash:dev', JOB_POLL_MS: '250' }),
    startService('injector', { KUBECONFIG: kubeconfigs.injector, RESTASH_IMAGE: 'restash:dev' }),
  ]);
  processes.push(...started);
}, 180_000);

afterAll(async () => {
  await Promise.all(processes.map((service) => service.stop()));
  for (const object of rbacObjects.filter((o) => o.kind.startsWith('Cluster'))) {
    await kubectl(['delete', object.kind.toLowerCase(), object.metadata.name, '--ignore-not-found', '--wait=false']);
  }
  await deleteTestNamespace(kube, appNamespace);
  await deleteTestNamespace(kube, releaseNamespace);
  await fixture?.cleanup();
  await removeTempDir(dir);
});

/** A 403 from the API server when `call` is made. */
async function forbidden(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (error) {
    if (apiStatusCode(error) === 403) return apiErrorMessage(error);
    throw error;
  }
  throw new Error('the call was allowed');
}

function logsOf(): string {
  return processes.map((p) => p.output.join('')).join('');
}

describe("restash's services as their own ServiceAccounts, bound by the chart's RBAC", () => {
  it('authenticates each service as its ServiceAccount, and each is ready (informers listed and watching)', async () => {
    for (const service of SERVICES) {
      const review = await configs[service].makeApiClient(AuthenticationV1Api).createSelfSubjectReview({ body: {} });
      expect(review.status?.userInfo?.username).toBe(`system:serviceaccount:${releaseNamespace}:${serviceAccount(service)}`);
    }
    for (const service of processes) expect((await fetch(service.url('/readyz'))).status).toBe(200);
  });

  it('validates a batch and backs up a PVC and a database to Succeeded', async () => {
    await createBatch(kube, appNamespace, 'app', batchSpec(['mariadb', 'files'], { backupHistoryLimit: 3 }));
    const batches = new CustomResources<unknown, BackupBatchStatus>(kube, RESOURCES.backupBatch);
    await eventually(async () => (await batches.get(appNamespace, 'app')).status?.conditions?.some((c) => c.type === 'ValidationPassed' && c.status === 'True'), {
      timeoutMs: 30_000,
      what: 'BackupBatch app validated',
    });

    await createSession(kube, appNamespace, 'app', 'app-instant');
    const session = await waitForFinalSession(kube, appNamespace, 'app-instant');
    expect(session.status?.phase).toBe('Succeeded');
    expect(session.status?.targets?.map((t) => [t.ref.kind, t.phase])).toEqual([['AppBinding', 'Succeeded'], ['PersistentVolumeClaim', 'Succeeded']]);
    expect((await resticSnapshots(fixture, 'appbinding/mariadb')).map((s) => s.hostname)).toEqual(['host-0']);
    expect((await resticSnapshots(fixture, 'persistentvolumeclaim/files')).map((s) => s.paths)).toEqual([['/data']]);

    const repository = await new CustomResources(kube, RESOURCES.repository).get(appNamespace, 'local-repo');
    expect(repository.status).toEqual(expect.objectContaining({ snapshotCount: 2 }));
    const events = await kube.core.listNamespacedEvent({ namespace: appNamespace, fieldSelector: 'involvedObject.name=app-instant' });
    expect(events.items.map((e) => e.source?.component)).toContain('restash-status');
    expect(logsOf()).not.toMatch(/forbidden/i);
  }, 180_000);

  it('restores the PVC and the database of that backup to Succeeded', async () => {
    await createRestore(kube, appNamespace, 'app-restore', { repository: { name: 'local-repo' }, members: batchSpec(['mariadb', 'files']).members!.map(({ target }) => ({ target })) });
    const restore = await waitForFinalRestore(kube, appNamespace, 'app-restore');
    expect(restore.status?.members?.map((m) => [m.ref.kind, m.phase])).toEqual([['AppBinding', 'Succeeded'], ['PersistentVolumeClaim', 'Succeeded']]);
    expect(restore.status?.phase).toBe('Succeeded');
    expect(logsOf()).not.toMatch(/forbidden/i);
  }, 120_000);

  it('creates scheduled sessions as the scheduler (leader on its Lease in the release namespace)', async () => {
    await createBatch(kube, appNamespace, 'every-2s', batchSpec(['files'], { schedule: '@every 2s', backupHistoryLimit: 20 }));
    const sessions = new CustomResources(kube, RESOURCES.backupSession);
    const scheduled = (await eventually(async () => {
      const list = await sessions.list(appNamespace, { labelSelector: 'stash.appscode.com/invoker-name=every-2s' });
      return list.find((s) => /^every-2s-\d+$/.test(s.metadata.name!) && (s as BackupSession).status?.phase === 'Succeeded');
    }, { timeoutMs: 90_000, intervalMs: 500, what: 'a scheduled session of every-2s Succeeded' })) as BackupSession;
    expect(scheduled.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'BackupBatch', name: 'every-2s', blockOwnerDeletion: true });
    await new CustomResources(kube, RESOURCES.backupBatch).patch(appNamespace, 'every-2s', { spec: { paused: true } });

    const lease = await kube.coordination.readNamespacedLease({ namespace: releaseNamespace, name: 'restash-scheduler' });
    expect(lease.spec?.holderIdentity).toMatch(/^scheduler-test-/);
  }, 120_000);

  it('runs an exec hook in a pod (pods/exec over WebSocket needs get and create)', async () => {
    await kube.core.createNamespacedPod({
      namespace: appNamespace,
      body: { metadata: { name: 'hook-target' }, spec: { containers: [{ name: 'main', image: 'restash:dev', command: ['sleep', '3600'] }] } },
    });
    await waitForPod(kube, appNamespace, 'hook-target', isPodReady, 'Ready');
    const result = await execInPod(configs.executor, appNamespace, 'hook-target', 'main', ['sh', '-c', 'echo hooked']);
    expect(result.status.status).toBe('Success');
    expect(result.stdout).toBe('hooked\n');
    // Any other service is refused (the error comes from the ws library's realm: match its message).
    const outcome = await execInPod(configs.status, appNamespace, 'hook-target', 'main', ['true']).then(
      (result) => `ran: ${JSON.stringify(result.status)}`,
      (error: Error) => `refused: ${error.message}`,
    );
    expect(outcome).toBe('refused: Unexpected server response: 403');
  }, 60_000);

  it('denies every request outside a service’s role', async () => {
    const ns = appNamespace;
    const denied: Record<Service, AccessQuestion[]> = {
      scheduler: [
        { verb: 'patch', group: 'apps', resource: 'deployments', namespace: ns },
        { verb: 'create', group: 'batch', resource: 'jobs', namespace: ns },
        { verb: 'list', resource: 'secrets', namespace: ns },
        { verb: 'update', group: 'stash.appscode.com', resource: 'backupsessions/status', namespace: ns },
        { verb: 'delete', group: 'stash.appscode.com', resource: 'backupsessions', namespace: ns },
        { verb: 'update', group: 'coordination.k8s.io', resource: 'leases', namespace: releaseNamespace, name: 'other-lease' },
        { verb: 'get', group: 'coordination.k8s.io', resource: 'leases', namespace: ns, name: 'restash-scheduler' },
      ],
      status: [
        { verb: 'get', resource: 'secrets', namespace: ns },
        { verb: 'create', group: 'stash.appscode.com', resource: 'backupsessions', namespace: ns },
        { verb: 'update', group: 'stash.appscode.com', resource: 'backupbatches', namespace: ns },
        { verb: 'create', group: 'batch', resource: 'jobs', namespace: ns },
        { verb: 'patch', group: 'apps', resource: 'deployments', namespace: ns },
      ],
      executor: [
        { verb: 'patch', group: 'apps', resource: 'deployments', namespace: ns },
        { verb: 'list', resource: 'secrets', namespace: ns },
        { verb: 'delete', resource: 'secrets', namespace: ns },
        { verb: 'update', group: 'stash.appscode.com', resource: 'backupsessions/status', namespace: ns },
        { verb: 'create', group: 'stash.appscode.com', resource: 'backupsessions', namespace: ns },
        { verb: 'delete', group: 'stash.appscode.com', resource: 'backupbatches', namespace: ns },
        { verb: 'create', resource: 'pods', namespace: ns },
      ],
      injector: [
        { verb: 'create', group: 'batch', resource: 'jobs', namespace: ns },
        { verb: 'create', resource: 'pods/exec', namespace: ns },
        { verb: 'create', group: 'apps', resource: 'deployments', namespace: ns },
        { verb: 'delete', group: 'apps', resource: 'deployments', namespace: ns },
        { verb: 'update', group: 'stash.appscode.com', resource: 'backupsessions/status', namespace: ns },
        { verb: 'create', group: 'stash.appscode.com', resource: 'backupsessions', namespace: ns },
      ],
    };
    const allowed: Record<Service, AccessQuestion> = {
      scheduler: { verb: 'create', group: 'stash.appscode.com', resource: 'backupsessions', namespace: ns },
      status: { verb: 'update', group: 'stash.appscode.com', resource: 'backupsessions/status', namespace: ns },
      executor: { verb: 'create', group: 'batch', resource: 'jobs', namespace: ns },
      injector: { verb: 'patch', group: 'apps', resource: 'deployments', namespace: ns },
    };
    const wronglyAllowed: string[] = [];
    for (const service of SERVICES) {
      expect([service, await canI(configs[service], allowed[service])]).toEqual([service, true]);
      for (const question of denied[service]) {
        if (await canI(configs[service], question)) wronglyAllowed.push(`${service}: ${describeQuestion(question)}`);
      }
    }
    expect(wronglyAllowed).toEqual([]);

    // And as real calls: the API server answers 403.
    await kube.apps.createNamespacedDeployment({
      namespace: ns,
      body: {
        metadata: { name: 'web' },
        spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1' }] } } },
      },
    });
    const asScheduler = new KubeClient(configs.scheduler);
    expect(await forbidden(() => asScheduler.apps.patchNamespacedDeployment({ namespace: ns, name: 'web', body: [{ op: 'replace', path: '/spec/replicas', value: 3 }] }))).toMatch(
      /cannot patch resource "deployments"/,
    );
    const asStatus = configs.status.makeApiClient(CoreV1Api);
    expect(await forbidden(() => asStatus.readNamespacedSecret({ namespace: ns, name: 'repo-secret' }))).toMatch(/cannot get resource "secrets"/);
    const asExecutor = new CustomResources(new KubeClient(configs.executor), RESOURCES.backupBatch);
    expect(await forbidden(() => asExecutor.delete(ns, 'app'))).toMatch(/cannot delete resource "backupbatches"/);
  });
});

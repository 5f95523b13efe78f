import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { V1Deployment } from '@kubernetes/client-node';
import { RESOURCES, type BackupBatch, type BackupSessionSpec, type BackupSessionStatus } from '@restash/api';
import { identityOf } from '@restash/events';
import { CustomResources, isNotFound, KubeClient } from '@restash/kube';
import { NatsConnectionHolder } from '@restash/messaging';
import { createLogger } from '@restash/observability';
import { createBackupFixture, createSession, resticSnapshots, waitForFinalSession, type BackupFixture } from '../../support/backup-fixture.js';
import { eventually } from '../../support/eventually.js';
import { kubectl } from '../../support/kubectl.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { waitForReadyPods } from '../../support/pod-waits.js';
import { startService, type ServiceProcess } from '../../support/service-process.js';
import { stackDir } from '../../support/stack-env.js';
import { deleteAgentConsumers, sessionEvents } from '../../support/session-events.js';
import { makeTempDir, removeTempDir } from '../../support/temp-dir.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import { containerNames, kubectlApply, requestBackupRun, seedClaim, wordpressManifests, writeManifest, type WordpressManifests } from '../../support/workload-fixture.js';

const run = promisify(execFile);
const kube = new KubeClient();
const FILES = { 'index.php': '<?php echo "hello";\n', 'wp-content/uploads/2026/photo.txt': 'a photo\n', 'wp-config.php': '<?php // config\n' };
const WORDPRESS_PODS = 'app=wordpress,tier=frontend';
const SERVICE_ENV = { RESTASH_IMAGE: 'restash:dev', JOB_POLL_MS: '250', AGENT_RESULT_POLL_MS: '250', AGENT_RESULT_TIMEOUT_SECONDS: '90' };

let namespace: string;
let workDir: string;
let fixture: BackupFixture;
let wordpress: WordpressManifests;
let originalTemplate: V1Deployment['spec'];
let injector: ServiceProcess;
let others: ServiceProcess[] = [];
let nats: NatsConnectionHolder;

const sessions = new CustomResources<BackupSessionSpec, BackupSessionStatus>(kube, RESOURCES.backupSession);

async function kubectlOk(args: string[]): Promise<void> {
  const { code, stderr } = await kubectl(args);
  if (code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${stderr}`);
}

const readDeployment = () => kube.apps.readNamespacedDeployment({ namespace, name: 'wordpress' });
const stashContainer = (deployment: V1Deployment) => deployment.spec?.template.spec?.containers.find((c) => c.name === 'stash');

/** The WordPress batch as a user keeps it in a file; `members` defaults to the Deployment alone. */
function batchManifest(name: string, extra: Partial<BackupBatch['spec']> = {}) {
  return {
    apiVersion: RESOURCES.backupBatch.apiVersion,
    kind: RESOURCES.backupBatch.kind,
    metadata: { name, namespace },
    spec: {
      repository: { name: 'local-repo' },
      retentionPolicy: { name: 'keep-last-5', keepLast: 5, prune: true },
      members: [wordpressMember],
      ...extra,
    },
  };
}
const wordpressMember = {
  target: {
    alias: 'app',
    ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'wordpress' },
    volumeMounts: [{ name: 'wordpress-persistent-storage', mountPath: '/var/www/html' }],
    paths: ['/var/www/html'],
  },
};

/** The WordPress pod once it runs the sidecar (the local node runs restash's image as a process). */
async function sidecarPodReady(): Promise<void> {
  await eventually(
    async () => {
      const pods = await waitForReadyPods(kube, namespace, WORDPRESS_PODS, 1, 5000).catch(() => []);
      return pods.length === 1 && pods[0]!.status?.containerStatuses?.some((s) => s.name === 'stash' && s.state?.running) === true;
    },
    { timeoutMs: 60_000, intervalMs: 500, what: 'the WordPress pod running its stash sidecar' },
  );
}

/** The paths in one snapshot of the WordPress member's repository, as plain restic lists them. */
async function snapshotFiles(id: string): Promise<string[]> {
  const { stdout } = await run('restic', ['--no-cache', '-r', join(fixture.repositoryDir, 'deployment', 'wordpress'), 'ls', id], { env: { ...process.env, RESTIC_PASSWORD: fixture.resticPassword } });
  return stdout.split('\n').filter((line) => line.startsWith('/'));
}

async function backUp(batch: string, session: string) {
  const created = await createSession(kube, namespace, batch, session);
  await requestBackupRun(nats, identityOf(created));
  return { created, final: await waitForFinalSession(kube, namespace, session, 120_000) };
}

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'wl-wordpress');
  workDir = await makeTempDir('wl-wordpress');
  const started = Promise.all([
    startService('injector', SERVICE_ENV),
    startService('executor', SERVICE_ENV),
    startService('status'),
  ]);
  fixture = await createBackupFixture(kube, namespace);
  seedClaim(namespace, 'wordpress-pvc', FILES);
  wordpress = wordpressManifests(namespace, workDir);
  await kubectlApply(wordpress.file);
  await waitForReadyPods(kube, namespace, WORDPRESS_PODS, 1);
  originalTemplate = (await readDeployment()).spec;
  [injector, ...others] = await started;
  nats = await NatsConnectionHolder.open(process.env['NATS_URL']!, 'workloads-test', createLogger({ service: 'workloads-test', level: 'silent' }));
}, 120_000);

afterAll(async () => {
  if (nats) await deleteAgentConsumers(nats, namespace);
  await nats?.close();
  await Promise.all([injector, ...others].filter(Boolean).map((service) => service.stop()));
  await deleteTestNamespace(kube, namespace);
  await fixture?.cleanup();
  await removeTempDir(workDir);
});

describe('the seed’s WordPress Deployment as a batch member', () => {
  it('gets the stash sidecar with the member’s mounts read-only, and the sidecar backs the files up as host-0', async () => {
    // The rollout is held back so that the backup below starts while no pod has the sidecar yet.
    await kubectlOk(['rollout', 'pause', 'deployment/wordpress', '-n', namespace]);
    await kubectlApply(writeManifest(workDir, 'batch', [batchManifest('wordpress-backup')]));
    const deployment = await eventually(async () => {
      const current = await readDeployment();
      return stashContainer(current) ? current : undefined;
    }, { what: 'the stash container in the Deployment’s pod template' });
    const stash = stashContainer(deployment)!;
    expect(containerNames(deployment)).toEqual(['wordpress', 'stash']);
    expect(stash).toMatchObject({ image: 'restash:dev', args: ['agent'] });
    expect(stash.volumeMounts).toEqual(expect.arrayContaining([
      { name: 'wordpress-persistent-storage', mountPath: '/var/www/html', readOnly: true },
      { name: 'stash-tmp', mountPath: '/tmp' },
      { name: 'stash-repository', mountPath: '/etc/restash/repository', readOnly: true },
    ]));
    expect(deployment.spec?.template.spec?.containers[0]).toEqual(originalTemplate!.template.spec!.containers[0]);
    const secret = await kube.core.readNamespacedSecret({ namespace, name: 'stash-repository-deployment-wordpress' });
    expect(JSON.parse(Buffer.from(secret.data!['repository.json']!, 'base64').toString())).toMatchObject({ ref: { namespace, name: 'local-repo' }, path: 'deployment/wordpress' });

    // Backed up at once, as a user would (and `./dev demo` does): the template has the sidecar, no pod has it yet;
    // the member is not failed, its request waits for the new pod's agent.
    const pods = (await kube.core.listNamespacedPod({ namespace, labelSelector: WORDPRESS_PODS })).items;
    expect(pods.filter((pod) => pod.spec?.containers.some((c) => c.name === 'stash'))).toEqual([]);
    const backup = backUp('wordpress-backup', 'wordpress-backup-1');
    const ensured = await eventually(async () => (await sessions.get(namespace, 'wordpress-backup-1').catch(() => undefined))?.status?.targets?.[0]?.conditions?.find((c) => c.type === 'BackupExecutorEnsured'), {
      what: 'the executor’s verdict on the member',
    });
    expect(ensured).toMatchObject({ status: 'True' });
    await kubectlOk(['rollout', 'resume', 'deployment/wordpress', '-n', namespace]);
    const { final } = await backup;
    expect(final.status?.targets).toEqual([
      expect.objectContaining({
        ref: expect.objectContaining({ kind: 'Deployment', name: 'wordpress' }),
        totalHosts: 1,
        phase: 'Succeeded',
        stats: [expect.objectContaining({ hostname: 'host-0', phase: 'Succeeded', snapshots: [expect.objectContaining({ path: '/var/www/html' })] })],
      }),
    ]);
    expect(final.status?.phase).toBe('Succeeded');
    const snapshots = await resticSnapshots(fixture, 'deployment/wordpress');
    expect(snapshots.map((s) => [s.hostname, s.paths])).toEqual([['host-0', ['/var/www/html']]]);
    expect(await snapshotFiles(snapshots[0]!.id)).toEqual(expect.arrayContaining(['/var/www/html/index.php', '/var/www/html/wp-content/uploads/2026/photo.txt', '/var/www/html/wp-config.php']));
  }, 150_000);

  it('reports StashSidecarInjected on the member, and an Event on the Deployment (through the status service)', async () => {
    const condition = await eventually(async () => {
      const batch = (await new CustomResources(kube, RESOURCES.backupBatch).get(namespace, 'wordpress-backup')) as BackupBatch;
      const member = batch.status?.memberConditions?.find((m) => m.target.kind === 'Deployment' && m.target.name === 'wordpress');
      return member?.conditions?.find((c) => c.type === 'StashSidecarInjected');
    }, { what: 'StashSidecarInjected in the batch status' });
    expect(condition).toMatchObject({ status: 'True', reason: 'SidecarInjectionSucceeded', message: `stash sidecar injected into Deployment ${namespace}/wordpress` });
    const event = await eventually(async () => {
      const events = await kube.core.listNamespacedEvent({ namespace, fieldSelector: 'involvedObject.kind=Deployment,involvedObject.name=wordpress' });
      return events.items.find((e) => e.reason === 'SidecarInjectionSucceeded');
    }, { what: 'the SidecarInjectionSucceeded Event on the Deployment' });
    expect(event).toMatchObject({ type: 'Normal', message: condition!.message });
  }, 30_000);

  it('changes nothing when the same batch is applied twice and the injector restarts', async () => {
    const before = await readDeployment();
    const batchFile = writeManifest(workDir, 'batch', [batchManifest('wordpress-backup')]);
    await kubectlApply(batchFile);
    await kubectlApply(batchFile);
    await injector.stop();
    injector = await startService('injector', SERVICE_ENV); // ready once every workload was reconciled once
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = await readDeployment();
    expect(after.metadata?.generation).toBe(before.metadata?.generation);
    expect(after.metadata?.resourceVersion).toBe(before.metadata?.resourceVersion);
  }, 60_000);

  it('takes back exactly what it added when the batch is deleted: the user’s manifest shows no diff', async () => {
    await kubectl(['delete', 'backupbatch', 'wordpress-backup', '-n', namespace, '--wait=false']);
    const deployment = await eventually(async () => {
      const current = await readDeployment();
      return stashContainer(current) ? undefined : current;
    }, { what: 'the stash container gone from the pod template' });
    expect(containerNames(deployment)).toEqual(['wordpress']);
    expect(deployment.spec?.template.spec?.volumes?.map((v) => v.name)).toEqual(['wordpress-persistent-storage']);
    expect(deployment.spec?.template).toEqual(originalTemplate!.template);
    await eventually(async () => kube.core.readNamespacedSecret({ namespace, name: 'stash-repository-deployment-wordpress' }).then(() => false, (error: unknown) => isNotFound(error)), { what: 'the repository Secret deleted' });
    const diff = await kubectl(['diff', '-f', wordpress.file]);
    expect({ code: diff.code, diff: diff.stdout, stderr: diff.stderr }).toEqual({ code: 0, diff: '', stderr: '' });
  }, 60_000);

  it('runs a Sequential batch of the database and the Deployment one after the other, with the files member’s hooks in its pod', async () => {
    const since = new Date(Date.now() - 1000);
    const hooks = {
      preBackup: { exec: { command: ['sh', '-c', 'echo flushed > /var/www/html/pre-hook.txt'] } },
      postBackup: { exec: { command: ['sh', '-c', 'echo done > /var/www/html/post-hook.txt'] }, executionPolicy: 'OnSuccess' as const },
    };
    await kubectlApply(writeManifest(workDir, 'app-batch', [batchManifest('wordpress-app', {
      executionOrder: 'Sequential',
      members: [{ target: { alias: 'db', ref: { apiVersion: 'apps/v1', kind: 'AppBinding', name: 'mariadb' } }, task: { name: 'mysql-backup-8.0.14' } }, { ...wordpressMember, hooks }],
    })]));
    await eventually(async () => stashContainer(await readDeployment()), { what: 'the sidecar injected again' });
    await sidecarPodReady();
    const { created, final } = await backUp('wordpress-app', 'wordpress-app-1');
    expect(final.status?.targets?.map((t) => [t.ref.kind, t.totalHosts, t.phase, t.stats?.map((s) => s.error ?? s.phase)])).toEqual([
      ['AppBinding', 1, 'Succeeded', ['Succeeded']],
      ['Deployment', 1, 'Succeeded', ['Succeeded']],
    ]);
    expect(final.status?.phase).toBe('Succeeded');

    const events = await sessionEvents(nats, created.metadata.uid!, since);
    const seq = (match: (e: (typeof events)[number]['event']) => boolean) => events.find((stored) => match(stored.event))?.seq ?? Number.NaN;
    const databaseDone = seq((e) => e.type === 'host-result' && e.target.kind === 'AppBinding');
    const filesStarted = seq((e) => e.type === 'target-started' && e.target.kind === 'Deployment');
    const filesDone = seq((e) => e.type === 'host-result' && e.target.kind === 'Deployment');
    expect(databaseDone).toBeLessThan(filesStarted);
    expect(filesStarted).toBeLessThan(filesDone);
    expect((await resticSnapshots(fixture, 'appbinding/mariadb')).map((s) => s.paths)).toEqual([['/dumpfile.sql']]);
    const snapshots = await resticSnapshots(fixture, 'deployment/wordpress');
    expect(snapshots.map((s) => s.hostname)).toEqual(['host-0', 'host-0']);

    // the preBackup hook ran in the wordpress container before the backup, the postBackup hook after it
    expect(final.status?.targets?.[1]?.conditions?.map((c) => [c.type, c.status])).toEqual(expect.arrayContaining([
      ['PreBackupHookExecutionSucceeded', 'True'],
      ['PostBackupHookExecutionSucceeded', 'True'],
    ]));
    const listing = (await snapshotFiles(snapshots[1]!.id)).filter((path) => path.endsWith('-hook.txt'));
    expect(listing).toEqual(['/var/www/html/pre-hook.txt']);
    expect(readFileSync(join(stackDir, 'volumes', namespace, 'wordpress-pvc', 'post-hook.txt'), 'utf8')).toBe('done\n');
  }, 150_000);
});

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { V1Deployment } from '@kubernetes/client-node';
import { RESOURCES, type BackupBatch, type RestoreBatch, type RestoreBatchSpec, type RestoreMember } from '@restash/api';
import { KubeClient } from '@restash/kube';
import { NatsConnectionHolder } from '@restash/messaging';
import { createLogger } from '@restash/observability';
import { createBackupFixture, createSession, waitForFinalSession, type BackupFixture } from '../../support/backup-fixture.js';
import { mariadbSql } from '../../support/database-admin.js';
import { eventually } from '../../support/eventually.js';
import { fileTree } from '../../support/file-tree.js';
import { startHookServer, type HookServer } from '../../support/hook-server.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { isPodReady, waitForReadyPods } from '../../support/pod-waits.js';
import { startRestashServices, type RestashServices } from '../../support/restash-services.js';
import { createRestore, restoreIntervals, waitForFinalRestore } from '../../support/restore-fixture.js';
import { startService, type ServiceProcess } from '../../support/service-process.js';
import { deleteAgentConsumers } from '../../support/session-events.js';
import { stackDir } from '../../support/stack-env.js';
import { makeTempDir, removeTempDir } from '../../support/temp-dir.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import { kubectlApply, seedClaim, wordpressManifests, writeManifest } from '../../support/workload-fixture.js';

const kube = new KubeClient();
const SERVICE_ENV = { RESTASH_IMAGE: 'restash:dev', JOB_POLL_MS: '250', AGENT_RESULT_POLL_MS: '250', AGENT_RESULT_TIMEOUT_SECONDS: '90' };
const WORDPRESS_PODS = 'app=wordpress,tier=frontend';
const FILES = { 'index.php': '<?php echo "hello";\n', 'wp-content/uploads/2026/photo.txt': 'a photo\n', 'wp-config.php': '<?php // config\n', 'wp-content/themes/x/style.css': 'body{}\n' };

let namespace: string;
let workDir: string;
let fixture: BackupFixture;
let services: RestashServices;
let injector: ServiceProcess;
let nats: NatsConnectionHolder;
let hooks: HookServer;
let wordpressDir: string;

const mariadb = { target: { alias: 'db', ref: { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'mariadb' } } };
const wordpress = { target: { alias: 'site', ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'wordpress' }, volumeMounts: [{ name: 'wordpress-persistent-storage', mountPath: '/var/www/html' }] } };
const readDeployment = () => kube.apps.readNamespacedDeployment({ namespace, name: 'wordpress' });
const initContainers = (deployment: V1Deployment) => (deployment.spec?.template.spec?.initContainers ?? []).map((c) => c.name);

/** Every table of the fixture's MariaDB database with its rows' checksum. */
async function tableChecksums(): Promise<string> {
  const tables = (await mariadbSql('SHOW TABLES', fixture.mariadbDatabase)).split('\n').filter(Boolean);
  return tables.length ? mariadbSql(`CHECKSUM TABLE ${tables.map((t) => `\`${t}\``).join(', ')} EXTENDED`, fixture.mariadbDatabase) : '';
}

async function restoreOf(name: string, spec: Partial<RestoreBatchSpec>): Promise<RestoreBatch> {
  await createRestore(kube, namespace, name, { repository: { name: 'local-repo' }, ...spec });
  return waitForFinalRestore(kube, namespace, name);
}

const hook = (path: string) => ({ httpPost: { host: '127.0.0.1', port: hooks.port, path, body: path } });
const memberHooks = (name: string): RestoreMember['hooks'] => ({ preRestore: hook(`/${name}-pre`), postRestore: { ...hook(`/${name}-post`), executionPolicy: 'OnSuccess' } });

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'restore-app');
  workDir = await makeTempDir('restore-app');
  const started = Promise.all([startRestashServices({ executorEnv: SERVICE_ENV }), startService('injector', SERVICE_ENV), startHookServer('database is busy')]);
  fixture = await createBackupFixture(kube, namespace);
  await mariadbSql('CREATE TABLE comments (id INT PRIMARY KEY, post INT, body TEXT); INSERT INTO comments VALUES (1, 1, \'first!\'), (2, 2, \'nice\');', fixture.mariadbDatabase);
  seedClaim(namespace, 'wordpress-pvc', FILES);
  wordpressDir = join(stackDir, 'volumes', namespace, 'wordpress-pvc');
  await kubectlApply(wordpressManifests(namespace, workDir).file);
  await waitForReadyPods(kube, namespace, WORDPRESS_PODS, 1);
  [services, injector, hooks] = await started;
  nats = await NatsConnectionHolder.open(process.env['NATS_URL']!, 'restore-test', createLogger({ service: 'restore-test', level: 'silent' }));
}, 120_000);

afterAll(async () => {
  if (nats) await deleteAgentConsumers(nats, namespace);
  await nats?.close();
  await Promise.all([services?.stop(), injector?.stop(), hooks?.close()]);
  await deleteTestNamespace(kube, namespace);
  await fixture?.cleanup();
  await removeTempDir(workDir);
});

describe('restoring an application: MariaDB (a restore Job) and the WordPress Deployment (the stash-init container)', () => {
  let filesBefore: Record<string, string>;
  let tablesBefore: string;
  let templateBefore: V1Deployment['spec'];
  let restore: RestoreBatch;

  it('backs both up, with the stash sidecar for the Deployment', async () => {
    const batch: Pick<BackupBatch, 'metadata' | 'spec'> = {
      metadata: { name: 'app-backup', namespace },
      spec: { repository: { name: 'local-repo' }, retentionPolicy: { name: 'keep', keepLast: 5, prune: false }, members: [mariadb, { target: { ...wordpress.target, paths: ['/var/www/html'] } }] },
    };
    await kubectlApply(writeManifest(workDir, 'backup', [{ apiVersion: RESOURCES.backupBatch.apiVersion, kind: RESOURCES.backupBatch.kind, ...batch }]));
    await eventually(async () => {
      const pods = (await kube.core.listNamespacedPod({ namespace, labelSelector: WORDPRESS_PODS })).items.filter((p) => !p.metadata?.deletionTimestamp);
      return pods.length === 1 && isPodReady(pods[0]!) && pods[0]!.status?.containerStatuses?.some((s) => s.name === 'stash' && s.state?.running);
    }, { timeoutMs: 60_000, intervalMs: 500, what: 'the WordPress pod running its stash sidecar' });
    await createSession(kube, namespace, 'app-backup', 'app-backup-1');
    expect((await waitForFinalSession(kube, namespace, 'app-backup-1')).status?.phase).toBe('Succeeded');
    [filesBefore, tablesBefore, templateBefore] = [fileTree(wordpressDir), await tableChecksums(), (await readDeployment()).spec];
    expect(Object.keys(filesBefore)).toEqual(expect.arrayContaining(['index.php', 'wp-content/uploads/2026/photo.txt']));
    expect(tablesBefore.split('\n')).toHaveLength(2);
  }, 150_000);

  it('keeps the data as it is when the global preRestore hook fails, and says why in a condition and an Event', async () => {
    expect((await restoreOf('app-restore-blocked', { hooks: { preRestore: { httpGet: { host: '127.0.0.1', port: hooks.port, path: '/fail' } } }, members: [mariadb, wordpress] })).status?.phase).toBe('Failed');
    const failed = await eventually(async () => {
      const current = await waitForFinalRestore(kube, namespace, 'app-restore-blocked');
      return current.status?.conditions?.some((c) => c.type === 'GlobalPreRestoreHookSucceeded') ? current : undefined;
    }, { what: 'the hook condition of RestoreBatch app-restore-blocked' });
    const condition = failed.status?.conditions?.find((c) => c.type === 'GlobalPreRestoreHookSucceeded');
    expect(condition).toMatchObject({ status: 'False', reason: 'GlobalHookExecutionFailed', message: expect.stringContaining('returned 500: database is busy') });
    const event = await eventually(async () => {
      const events = await kube.core.listNamespacedEvent({ namespace, fieldSelector: `involvedObject.kind=RestoreBatch,involvedObject.name=app-restore-blocked` });
      return events.items.find((e) => e.reason === 'RestoreBatchFailed');
    }, { what: 'the RestoreBatchFailed Event' });
    expect(event?.message).toContain('global preRestore hook failed: GET http://127.0.0.1');
    expect(event?.message).toContain('database is busy');
    expect((failed.status?.members ?? []).flatMap((m) => m.stats ?? [])).toEqual([]);
    expect((await kube.batch.listNamespacedJob({ namespace, labelSelector: 'restash.dev/restore=app-restore-blocked' })).items).toEqual([]);
    expect(initContainers(await readDeployment())).toEqual([]);
    expect([fileTree(wordpressDir), await tableChecksums()]).toEqual([filesBefore, tablesBefore]);
  }, 60_000);

  it('restores both, in order, after they were wiped: the file tree is byte-identical and every table checksums the same', async () => {
    await mariadbSql('DROP TABLE posts; DROP TABLE comments;', fixture.mariadbDatabase);
    rmSync(join(wordpressDir, 'wp-content/uploads/2026/photo.txt'));
    rmSync(join(wordpressDir, 'wp-config.php'));
    writeFileSync(join(wordpressDir, 'index.php'), '<?php echo "defaced, and longer than before";\n');
    writeFileSync(join(wordpressDir, 'wp-content/themes/x/style.css'), 'x');
    expect(fileTree(wordpressDir)).not.toEqual(filesBefore);
    hooks.calls.length = 0;

    restore = await restoreOf('app-restore', {
      executionOrder: 'Sequential',
      hooks: { preRestore: hook('/global-pre'), postRestore: { ...hook('/global-post'), executionPolicy: 'Always' } },
      members: [{ ...mariadb, hooks: memberHooks('db') }, { ...wordpress, hooks: memberHooks('site') }],
    });
    expect(restore.status?.phase).toBe('Succeeded');
    // the last hook's condition may be written just after the phase (the status service applies events concurrently)
    restore = await eventually(async () => {
      const current = await waitForFinalRestore(kube, namespace, 'app-restore');
      return current.status?.conditions?.some((c) => c.type === 'GlobalPostRestoreHookSucceeded') && current.status.members?.[1]?.conditions?.some((c) => c.type === 'PostRestoreHookExecutionSucceeded') ? current : undefined;
    }, { what: 'every hook condition of RestoreBatch app-restore' });
    expect(restore.status?.sessionDuration).toMatch(/^(\d+m)?\d+(\.\d+)?s$/);
    expect(restore.status?.members?.map((m) => [m.ref.name, m.phase, m.totalHosts, m.stats?.map((s) => `${s.hostname}:${s.phase}`)])).toEqual([
      ['mariadb', 'Succeeded', 1, ['host-0:Succeeded']],
      ['wordpress', 'Succeeded', 1, ['host-0:Succeeded']],
    ]);
    const [db, site] = restore.status!.members!;
    expect(db!.conditions?.map((c) => [c.type, c.status])).toEqual(expect.arrayContaining([['RestoreTargetFound', 'True'], ['RestoreJobCreated', 'True'], ['PreRestoreHookExecutionSucceeded', 'True'], ['PostRestoreHookExecutionSucceeded', 'True']]));
    expect(site!.conditions?.map((c) => [c.type, c.status])).toEqual(expect.arrayContaining([['RestoreTargetFound', 'True'], ['StashInitContainerInjected', 'True'], ['PreRestoreHookExecutionSucceeded', 'True'], ['PostRestoreHookExecutionSucceeded', 'True']]));
    expect(fileTree(wordpressDir)).toEqual(filesBefore);
    expect(await tableChecksums()).toBe(tablesBefore);
  }, 180_000);

  it('ran global preRestore, each member’s pre hook, restore and post hook in order, then global postRestore', async () => {
    const at = (path: string) => hooks.calls.find((call) => call.path === path)?.at ?? Number.NaN;
    expect(hooks.calls.map((call) => call.path)).toEqual(['/global-pre', '/db-pre', '/db-post', '/site-pre', '/site-post', '/global-post']);
    const restored = await restoreIntervals(nats, restore.metadata.uid!);
    const interval = (member: string) => restored.find((r) => r.member === member)!;
    const sequence = [at('/global-pre'), at('/db-pre'), interval('mariadb').start, interval('mariadb').end, at('/db-post'), at('/site-pre'), interval('wordpress').start, interval('wordpress').end, at('/site-post'), at('/global-post')];
    expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
  });

  it('takes the stash-init container back once the RestoreBatch is final: the template is the one before, and stays put', async () => {
    const deployment = await eventually(async () => {
      const current = await readDeployment();
      return initContainers(current).length === 0 ? current : undefined;
    }, { timeoutMs: 30_000, what: 'the stash-init container gone from the pod template' });
    expect(deployment.spec?.template).toEqual(templateBefore!.template);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await readDeployment()).metadata?.generation).toBe(deployment.metadata?.generation);
    await expect(kube.core.readNamespacedSecret({ namespace, name: 'stash-restore-deployment-wordpress' })).rejects.toThrow();
  }, 60_000);
});

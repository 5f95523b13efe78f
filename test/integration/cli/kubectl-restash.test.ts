import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RESOURCES, type BackupBatch, type BackupSession, type RestoreBatch } from '@restash/api';
import { CustomResources, KubeClient } from '@restash/kube';
import { parse } from 'yaml';
import {
  batchSpec, createBackupFixture, createBatch, resticSnapshots, waitForFinalSession, type BackupFixture,
} from '../../support/backup-fixture.js';
import { restashCli } from '../../support/cli-process.js';
import { eventually } from '../../support/eventually.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { startRestashServices, type RestashServices } from '../../support/restash-services.js';
import { startRestServer, type RestServer } from '../../support/rest-server.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const run = promisify(execFile);
const kube = new KubeClient();
let namespace: string;
let fixture: BackupFixture;
let services: RestashServices;
let triggered: BackupSession;

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'cli');
  fixture = await createBackupFixture(kube, namespace);
  await createBatch(kube, namespace, 'app', batchSpec(['mariadb', 'files'], { schedule: '0 3 * * *', backupHistoryLimit: 5 }));
  services = await startRestashServices();
}, 120_000);

afterAll(async () => {
  await services?.stop();
  await deleteTestNamespace(kube, namespace);
  await fixture?.cleanup();
});

const cli = (...args: string[]) => restashCli([...args, '-n', namespace]);
const batches = () => new CustomResources(kube, RESOURCES.backupBatch);

describe('kubectl restash against the stack', () => {
  it('trigger: creates an instant BackupSession like Stash’s and prints its name', async () => {
    const result = await cli('trigger', 'app');
    expect(result).toEqual({ code: 0, stdout: expect.stringMatching(/^app-trigger-\d+\n$/), stderr: '' });
    const name = result.stdout.trim();
    const session = await new CustomResources(kube, RESOURCES.backupSession).get(namespace, name);
    expect(session.metadata.labels).toMatchObject({ 'stash.appscode.com/invoker-type': 'BackupBatch', 'stash.appscode.com/invoker-name': 'app' });
    expect(session.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'BackupBatch', name: 'app', controller: true })]);
    triggered = await waitForFinalSession(kube, namespace, name);
    expect(triggered.status?.phase).toBe('Succeeded');

    const again = await cli('trigger', 'app', '-o', 'json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ kind: 'BackupSession', metadata: { name: expect.stringMatching(/^app-trigger-\d+(-\d+)?$/) } });
    await waitForFinalSession(kube, namespace, JSON.parse(again.stdout).metadata.name);
  }, 180_000);

  it('status: the last sessions with phase and duration, each member and host, as a table or JSON', async () => {
    const table = await cli('status', 'app');
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toBe(`BackupBatch ${namespace}/app   schedule: 0 3 * * *   repository: local-repo   order: Parallel   valid: yes`);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${triggered.metadata.name}\\s+Succeeded\\s+\\S+s\\s+\\S+\\s+2/2 ok$`)));
    const hostRow = (member: string) => new RegExp(`^${triggered.metadata.name}\\s+${member}\\s+host-0\\s+Succeeded\\s+\\S+\\s+[0-9a-f]{8}\\s+-$`);
    expect(lines).toContainEqual(expect.stringMatching(hostRow('AppBinding/mariadb')));
    expect(lines).toContainEqual(expect.stringMatching(hostRow('PersistentVolumeClaim/files')));

    const json = JSON.parse((await cli('status', 'app', '-o', 'json', '--limit', '1')).stdout);
    expect(json.sessions).toHaveLength(1);
    expect(json.sessions[0]).toMatchObject({ phase: 'Succeeded', members: { succeeded: 2, failed: 0, total: 2 } });
  }, 30_000);

  it('pause / resume: set spec.paused', async () => {
    expect(await cli('pause', 'app')).toEqual({ code: 0, stdout: 'backupbatch/app paused\n', stderr: '' });
    expect(((await batches().get(namespace, 'app')) as BackupBatch).spec.paused).toBe(true);
    expect((await cli('status', 'app')).stdout).toContain('schedule: 0 3 * * * (paused)');
    expect(await cli('resume', 'app')).toEqual({ code: 0, stdout: 'backupbatch/app resumed\n', stderr: '' });
    expect(((await batches().get(namespace, 'app')) as BackupBatch).spec.paused).toBe(false);
  }, 30_000);

  it('snapshots: lists each member repository’s restic snapshots (local backend read at its host path)', async () => {
    const expected = {
      'appbinding/mariadb': await resticSnapshots(fixture, 'appbinding/mariadb'),
      'persistentvolumeclaim/files': await resticSnapshots(fixture, 'persistentvolumeclaim/files'),
    };
    const result = await cli('snapshots', 'local-repo');
    expect(result.code).toBe(0);
    const rows = result.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^MEMBER\s+ID\s+TIME\s+HOST\s+PATHS\s+NOTE$/);
    for (const [member, snapshots] of Object.entries(expected)) {
      expect(snapshots.length).toBeGreaterThanOrEqual(2);
      for (const snapshot of snapshots) expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^${member}\\s+${snapshot.short_id}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ\\s+host-0\\s+/`)));
    }
    const yaml = parse((await cli('snapshots', 'local-repo', '-o', 'yaml')).stdout) as Array<{ member: string; snapshots: Array<{ id: string }> }>;
    expect(yaml.map((m) => m.member)).toEqual(['appbinding/mariadb', 'persistentvolumeclaim/files']);
    expect(yaml[1]!.snapshots.map((s) => s.id)).toEqual(expected['persistentvolumeclaim/files'].map((s) => s.id));
  }, 30_000);

  it('unlock: removes the stale lock a killed restic left behind', async () => {
    const repository = join(fixture.repositoryDir, 'persistentvolumeclaim/files');
    const env = { ...process.env, RESTIC_REPOSITORY: repository, RESTIC_PASSWORD: fixture.resticPassword };
    const locks = async () => (await run('restic', ['--no-cache', 'list', 'locks', '--no-lock'], { env })).stdout.trim().split('\n').filter(Boolean);
    // A backup reading stdin holds its lock until stdin closes; SIGKILL leaves the lock file.
    const holder = spawn('restic', ['--no-cache', 'backup', '--stdin', '--stdin-filename', 'held'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
    await eventually(async () => (await locks()).length > 0, { timeoutMs: 20_000, what: 'restic holding a lock' });
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(await locks()).toHaveLength(1);

    const result = await cli('unlock', 'local-repo');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^persistentvolumeclaim\/files\s+stale locks removed$/m);
    expect(result.stdout).toMatch(/^appbinding\/mariadb\s+stale locks removed$/m);
    expect(await locks()).toEqual([]);
  }, 60_000);

  it('restore --dry-run: prints a RestoreBatch mirroring the members (latest, or the chosen snapshot); restore creates it', async () => {
    const [fileSnapshot] = await resticSnapshots(fixture, 'persistentvolumeclaim/files');
    const dryRun = await cli('restore', 'app', '--dry-run', '--snapshot', `files=${fileSnapshot!.short_id}`, '--name', 'app-restore-test');
    expect(dryRun.code).toBe(0);
    const manifest = parse(dryRun.stdout) as RestoreBatch;
    expect(manifest).toEqual({
      apiVersion: 'stash.appscode.com/v1beta1',
      kind: 'RestoreBatch',
      metadata: { name: 'app-restore-test', namespace, labels: { 'restash.dev/restored-from': 'app' } },
      spec: {
        repository: { name: 'local-repo' },
        // the API server's defaults of the batch, mirrored
        executionOrder: 'Parallel',
        driver: 'Restic',
        members: [
          {
            target: { alias: 'mariadb', ref: { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'mariadb' }, rules: [{ snapshots: ['latest'] }] },
            task: { name: 'mariadb-restore-10.11' },
          },
          {
            target: { alias: 'files', ref: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' }, volumeMounts: [{ name: 'files', mountPath: '/data' }], rules: [{ snapshots: [fileSnapshot!.short_id] }] },
          },
        ],
      },
    });
    const restores = new CustomResources(kube, RESOURCES.restoreBatch);
    expect(await restores.list(namespace)).toEqual([]);

    const created = await cli('restore', 'app', '--name', 'app-restore-test', '--snapshot', `files=${fileSnapshot!.short_id}`);
    expect(created).toEqual({ code: 0, stdout: 'restorebatch/app-restore-test created\n', stderr: '' });
    expect((await restores.get(namespace, 'app-restore-test')).spec).toEqual(manifest.spec);
  }, 30_000);

  it('snapshots: reads a REST backend directly, with the credentials of the Repository’s Secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'restash-cli-rest-'));
    const credentials = { username: 'restic', password: 'rest-secret' };
    let server: RestServer | undefined;
    try {
      server = await startRestServer(dir, credentials);
      await kube.core.createNamespacedSecret({
        namespace,
        body: { metadata: { name: 'rest-secret' }, stringData: { RESTIC_PASSWORD: 'pw', REST_SERVER_USERNAME: credentials.username, REST_SERVER_PASSWORD: credentials.password } },
      });
      await new CustomResources(kube, RESOURCES.repository).create({ metadata: { name: 'rest-repo', namespace }, spec: { backend: { rest: { url: server.url }, storageSecretName: 'rest-secret' } } });
      await createBatch(kube, namespace, 'offsite', batchSpec(['files'], { repository: { name: 'rest-repo' }, paused: true }));
      const url = new URL(server.url);
      url.username = credentials.username;
      url.password = credentials.password;
      const env = { ...process.env, RESTIC_REPOSITORY: `rest:${url.toString()}persistentvolumeclaim/files`, RESTIC_PASSWORD: 'pw' };
      await run('restic', ['--no-cache', 'init'], { env });
      await run('restic', ['--no-cache', 'backup', '--host', 'host-0', '/etc/hostname'], { env });

      const result = await cli('snapshots', 'rest-repo');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^persistentvolumeclaim\/files\s+[0-9a-f]{8}\s+\S+ \S+\s+host-0\s+\/etc\/hostname/m);
      expect(JSON.stringify(JSON.parse((await cli('snapshots', 'rest-repo', '-o', 'json')).stdout))).not.toContain(credentials.password);
    } finally {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('fails clearly: wrong usage exits 2, a missing object or an unreachable backend exits 1', async () => {
    expect(await restashCli(['frobnicate', 'app'])).toEqual({ code: 2, stdout: '', stderr: "error: unknown command \"frobnicate\"\nRun 'kubectl restash --help' for usage.\n" });
    expect(await cli('trigger')).toMatchObject({ code: 2, stderr: expect.stringContaining('trigger needs the name of a batch') });
    expect(await cli('restore', 'app', '--snapshot', '1a2b3c4d', '--dry-run')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('the batch has 2 members, each with its own repository: say whose snapshot 1a2b3c4d is with --snapshot MEMBER=1a2b3c4d (members: mariadb, files)'),
    });
    expect(await cli('status', 'nope')).toEqual({ code: 1, stdout: '', stderr: `error: BackupBatch ${namespace}/nope not found\n` });
    expect(await cli('trigger', 'app', '--kubeconfig', '/nonexistent')).toEqual({ code: 1, stdout: '', stderr: 'error: kubeconfig /nonexistent does not exist\n' });

    await new CustomResources(kube, RESOURCES.repository).create({
      metadata: { name: 'pvc-repo', namespace },
      spec: { backend: { local: { mountPath: '/safe/data', persistentVolumeClaim: { claimName: 'backups' } }, storageSecretName: 'repo-secret' } },
    });
    const unreachable = await cli('snapshots', 'pvc-repo');
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toBe(
      `error: Repository ${namespace}/pvc-repo keeps its data on a persistentVolumeClaim volume, mounted at /safe/data in restash's pods; restic cannot reach it from here. Run restic in a pod that mounts it, or use a remote backend (s3, gcs, azure, swift, b2, rest).\n`,
    );
  }, 30_000);
});

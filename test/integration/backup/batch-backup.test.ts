import { RESOURCES, type BackupSession, type Repository } from '@restash/api';
import { CustomResources, KubeClient } from '@restash/kube';
import {
  batchSpec, createBackupFixture, createBatch, createSession, resticSnapshots, waitForFinalSession, type BackupFixture,
} from '../../support/backup-fixture.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { startRestashServices, type RestashServices } from '../../support/restash-services.js';
import { startService } from '../../support/service-process.js';
import { eventually } from '../../support/eventually.js';
import { memberJobRuns } from '../../support/member-job-runs.js';
import { startHookServer } from '../../support/hook-server.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const kube = new KubeClient();
const GO_DURATION = /^(\d+h)?(\d+m)?(\d+(\.\d+)?(ms|s))$|^0s$/;
let namespace: string;
let fixture: BackupFixture;
let services: RestashServices;
/** Executors that learn a member Job's end only from their runner pod watch: the fallback poll is 10 minutes away. */
const WATCH_ONLY = { JOB_POLL_MS: '600000' };

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'backup');
  fixture = await createBackupFixture(kube, namespace);
  services = await startRestashServices({ executorEnv: WATCH_ONLY });
}, 120_000);

afterAll(async () => {
  await services?.stop();
  await deleteTestNamespace(kube, namespace);
  await fixture?.cleanup();
});

/** The member Jobs of a session, with when each ran (once every runner has ended). */
async function memberJobs(session: string): Promise<Array<{ member: string; start: number; end: number }>> {
  const runs = await eventually(async () => {
    const found = await memberJobRuns(kube, namespace, `restash.dev/session=${session}`);
    return found.every((run) => run.end !== undefined) ? found : undefined;
  }, { timeoutMs: 10_000, what: `the runners of ${session} ended` });
  return runs.map(({ member, start, end }) => ({ member, start, end: end! }));
}

async function runSession(batch: string, session: string): Promise<BackupSession> {
  await createSession(kube, namespace, batch, session);
  return waitForFinalSession(kube, namespace, session);
}

async function restartExecutors(env: Record<string, string>): Promise<void> {
  await Promise.all(services.executors.map((executor) => executor.stop()));
  services.executors = await Promise.all([1, 2].map(() => startService('executor', { RESTASH_IMAGE: 'restash:dev', ...WATCH_ONLY, ...env })));
}

describe('batch backup end to end (scheduler, two executors, status, real Jobs, restic, MariaDB, PostgreSQL)', () => {
  it('runs a Sequential batch one member after another and reports it as API.md says', async () => {
    await createBatch(kube, namespace, 'sequential', batchSpec(['mariadb', 'postgres', 'files'], { executionOrder: 'Sequential', backupHistoryLimit: 5 }));
    const session = await runSession('sequential', 'sequential-1');
    expect(session.status?.phase).toBe('Succeeded');

    const jobs = await memberJobs('sequential-1');
    expect(jobs.map((job) => job.member)).toEqual(['mariadb', 'postgres', 'files']);
    for (let i = 1; i < jobs.length; i++) expect(jobs[i]!.start).toBeGreaterThanOrEqual(jobs[i - 1]!.end);

    const snapshots = {
      mariadb: await resticSnapshots(fixture, 'appbinding/mariadb'),
      postgres: await resticSnapshots(fixture, 'appbinding/postgres'),
      files: await resticSnapshots(fixture, 'persistentvolumeclaim/files'),
    };
    expect(snapshots.mariadb.map((s) => [s.hostname, s.paths])).toEqual([['host-0', ['/dumpfile.sql']]]);
    expect(snapshots.postgres.map((s) => [s.hostname, s.paths])).toEqual([['host-0', ['/dumpfile.sql']]]);
    expect(snapshots.files.map((s) => [s.hostname, s.paths])).toEqual([['host-0', ['/data']]]);

    const status = session.status!;
    expect(status.sessionDuration).toMatch(GO_DURATION);
    expect(status.targets).toEqual([
      expect.objectContaining({ ref: expect.objectContaining({ kind: 'AppBinding', name: 'mariadb' }), totalHosts: 1, phase: 'Succeeded' }),
      expect.objectContaining({ ref: expect.objectContaining({ kind: 'AppBinding', name: 'postgres' }), totalHosts: 1, phase: 'Succeeded' }),
      expect.objectContaining({ ref: expect.objectContaining({ kind: 'PersistentVolumeClaim', name: 'files' }), totalHosts: 1, phase: 'Succeeded' }),
    ]);
    const filesHost = status.targets![2]!.stats![0]!;
    expect(filesHost).toEqual({
      hostname: 'host-0',
      phase: 'Succeeded',
      duration: expect.stringMatching(GO_DURATION),
      snapshots: [
        {
          name: snapshots.files[0]!.short_id,
          path: '/data',
          totalSize: expect.stringMatching(/^\d+(\.\d+)? (B|KiB|MiB)$/),
          uploaded: expect.stringMatching(/^\d+(\.\d+)? (B|KiB|MiB)$/),
          processingTime: expect.stringMatching(GO_DURATION),
          fileStats: { totalFiles: Object.keys(fixture.files).length, newFiles: expect.any(Number), modifiedFiles: expect.any(Number), unmodifiedFiles: expect.any(Number) },
        },
      ],
    });
    expect(status.targets![0]!.stats![0]!.snapshots![0]).toEqual(expect.objectContaining({ name: snapshots.mariadb[0]!.short_id, path: 'dumpfile.sql' }));

    const repository = (await new CustomResources(kube, RESOURCES.repository).get(namespace, 'local-repo')) as Repository;
    expect(repository.status).toEqual(expect.objectContaining({ snapshotCount: 3, totalSize: expect.stringMatching(/ (B|KiB|MiB)$/), lastBackupTime: expect.any(String) }));
  });

  it('runs Parallel members at the same time, and one at a time under a cluster-wide limit of 1', async () => {
    await createBatch(kube, namespace, 'parallel', batchSpec(['mariadb', 'postgres', 'files'], { executionOrder: 'Parallel', backupHistoryLimit: 5 }));
    expect((await runSession('parallel', 'parallel-1')).status?.phase).toBe('Succeeded');
    const together = await memberJobs('parallel-1');
    expect(Math.max(...together.map((job) => job.start))).toBeLessThan(Math.min(...together.map((job) => job.end)));

    await restartExecutors({ GLOBAL_MEMBER_CONCURRENCY: '1' });
    try {
      expect((await runSession('parallel', 'parallel-2')).status?.phase).toBe('Succeeded');
      const serial = await memberJobs('parallel-2');
      for (let i = 1; i < serial.length; i++) expect(serial[i]!.start).toBeGreaterThanOrEqual(serial[i - 1]!.end);
    } finally {
      await restartExecutors({});
    }
  }, 180_000);

  it('fails only the member whose database refuses the password, with the database’s own error', async () => {
    const secrets = kube.core;
    const original = await secrets.readNamespacedSecret({ namespace, name: 'mariadb-auth' });
    const withoutVersion = { ...original.metadata, resourceVersion: undefined };
    await secrets.replaceNamespacedSecret({ namespace, name: 'mariadb-auth', body: { ...original, metadata: withoutVersion, stringData: { password: 'not-the-password' } } });
    try {
      await createBatch(kube, namespace, 'wrong-password', batchSpec(['mariadb', 'files'], { backupHistoryLimit: 5 }));
      const session = await runSession('wrong-password', 'wrong-password-1');
      expect(session.status?.phase).toBe('Failed');
      const [mariadb, files] = session.status!.targets!;
      expect(mariadb).toEqual(expect.objectContaining({ phase: 'Failed' }));
      expect(mariadb!.stats![0]!.error).toMatch(/Access denied for user/);
      expect(mariadb!.stats![0]!.error).not.toContain('not-the-password');
      expect(files).toEqual(expect.objectContaining({ phase: 'Succeeded' }));
    } finally {
      await secrets.replaceNamespacedSecret({ namespace, name: 'mariadb-auth', body: { ...original, metadata: withoutVersion } });
    }
  });

  it('keeps the last 2 snapshots of each member over 4 sessions', async () => {
    await createBatch(kube, namespace, 'retention', batchSpec(['postgres', 'files'], { retentionPolicy: { name: 'keep-last-2', keepLast: 2, prune: true } }));
    for (const n of [1, 2, 3, 4]) expect((await runSession('retention', `retention-${n}`)).status?.phase).toBe('Succeeded');
    expect((await resticSnapshots(fixture, 'appbinding/postgres')).length).toBe(2);
    expect((await resticSnapshots(fixture, 'persistentvolumeclaim/files')).length).toBe(2);
  }, 180_000);

  it('skips a session while another session of the same batch runs, and runs instant sessions', async () => {
    const hooks = await startHookServer();
    hooks.setMode('/wait', 'hold');
    try {
      const spec = batchSpec(['postgres'], { hooks: { preBackup: { httpGet: { host: '127.0.0.1', port: hooks.port, path: '/wait' } } }, backupHistoryLimit: 5 });
      await createBatch(kube, namespace, 'overlap', spec);
      await createSession(kube, namespace, 'overlap', 'overlap-1');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await createSession(kube, namespace, 'overlap', 'overlap-2');
      const second = await waitForFinalSession(kube, namespace, 'overlap-2');
      expect(second.status?.phase).toBe('Skipped');
      expect(second.status?.conditions).toEqual(expect.arrayContaining([
        expect.objectContaining({ type: 'BackupSkipped', status: 'True', message: expect.stringContaining('overlap-1') }),
      ]));
      hooks.setMode('/wait', 'ok');
      expect((await waitForFinalSession(kube, namespace, 'overlap-1')).status?.phase).toBe('Succeeded');
    } finally {
      await hooks.close();
    }
  });
});


import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BackupBatchSpec, BackupSessionSpec, BackupSessionStatus, Handler } from '@restash/api';
import { RESOURCES } from '@restash/api';
import { CustomResources, KubeClient } from '@restash/kube';
import { batchSpec, createBackupFixture, createBatch, type BackupFixture } from '../../support/backup-fixture.js';
import { eventually } from '../../support/eventually.js';
import { startHookServer, type HookServer } from '../../support/hook-server.js';
import { kubectl } from '../../support/kubectl.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { dashboardQueries, dashboardVariableQueries, ruleQueries, withVariables, type MonitoringQuery } from '../../support/monitoring-queries.js';
import { startPrometheus, type PrometheusServer } from '../../support/prometheus-server.js';
import { startRestashServices, type RestashServices } from '../../support/restash-services.js';
import { createRestore, waitForFinalRestore } from '../../support/restore-fixture.js';
import { findSecretLeaks, podLogs, type NamedSecret } from '../../support/secret-leaks.js';
import { startService, type ServiceProcess } from '../../support/service-process.js';
import { repoRoot } from '../../support/stack-env.js';
import { makeTempDir, removeTempDir } from '../../support/temp-dir.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import { kubectlApply, wordpressManifests, writeManifest } from '../../support/workload-fixture.js';

const run = promisify(execFile);
const kube = new KubeClient();
const DASHBOARDS = ['restash-overview.json', 'restash-operations.json'].map((name) => join(repoRoot, 'deploy/grafana', name));
const ALERT_RULES = join(repoRoot, 'deploy/prometheus/restash-alerts.yaml');
const SCHEDULE_SECONDS = 6;
const BATCH = 'nightly';

let namespace: string;
let workDir: string;
let fixture: BackupFixture;
let hooks: HookServer;
let services: RestashServices;
let injector: ServiceProcess;
let prometheus: PrometheusServer;
const secrets: NamedSecret[] = [];

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'obs');
  workDir = await makeTempDir('obs');
  fixture = await createBackupFixture(kube, namespace);
  hooks = await startHookServer();
  [services, injector] = await Promise.all([
    startRestashServices({ executorEnv: { GLOBAL_MEMBER_CONCURRENCY: '1' } }),
    startService('injector', { RESTASH_IMAGE: 'restash:dev' }),
  ]);
  const target = (service: ServiceProcess) => `127.0.0.1:${service.port}`;
  prometheus = await startPrometheus({
    jobs: {
      'restash-scheduler': [target(services.scheduler)],
      'restash-status': [target(services.status)],
      'restash-executor': services.executors.map(target),
      'restash-injector': [target(injector)],
    },
    ruleFiles: [ALERT_RULES],
  });
  secrets.push(...(await runSecrets()));
}, 120_000);

afterAll(async () => {
  if (namespace) await stopBackups();
  await hooks?.close();
  await prometheus?.stop();
  await Promise.all([services?.stop(), injector?.stop()]);
  await deleteTestNamespace(kube, namespace);
  await fixture?.cleanup();
  await removeTempDir(workDir);
});

/** Held hooks fail, no slot is due any more and every session has ended, so no run outlives the test (nor writes into the repository). */
async function stopBackups(): Promise<void> {
  hooks?.setMode('/member', 'fail');
  for (const batch of [BATCH, 'competing']) await kubectl(['patch', 'backupbatch', batch, '-n', namespace, '--type', 'merge', '-p', JSON.stringify({ spec: { paused: true } })]);
  const sessions = new CustomResources<BackupSessionSpec, BackupSessionStatus>(kube, RESOURCES.backupSession);
  const ended = (phase: string | undefined) => ['Succeeded', 'Failed', 'Skipped'].includes(phase ?? '');
  await eventually(async () => (await sessions.list(namespace)).every((session) => ended(session.status?.phase)), { timeoutMs: 90_000, intervalMs: 500, what: 'every session ended' }).catch(() => undefined);
}

/** The secrets the runs handle: the repository password, the database's, the wrong one the test sets, Redis'. */
async function runSecrets(): Promise<NamedSecret[]> {
  const auth = await kube.core.readNamespacedSecret({ namespace, name: 'mariadb-auth' });
  const redis = decodeURIComponent(new URL(process.env['REDIS_URL']!).password);
  return [
    { name: 'RESTIC_PASSWORD', value: fixture.resticPassword },
    { name: 'MariaDB password', value: Buffer.from(auth.data!['password']!, 'base64').toString() },
    { name: 'wrong MariaDB password', value: `wrong-${randomBytes(8).toString('hex')}` },
    ...(redis ? [{ name: 'Redis password (REDIS_URL)', value: redis }] : []),
  ];
}

const httpGet = (path: string): Handler => ({ httpGet: { host: '127.0.0.1', port: hooks.port, path } });

/** A scheduled batch of a volume (whose preBackup hook the test steers) and a database, with a global hook too. */
function scheduledBatch(): BackupBatchSpec {
  const spec = batchSpec(['files', 'mariadb'], { schedule: `@every ${SCHEDULE_SECONDS}s`, executionOrder: 'Parallel', backupHistoryLimit: 10, hooks: { preBackup: httpGet('/global') } });
  const [files, ...others] = spec.members ?? [];
  return { ...spec, members: [{ ...files!, hooks: { preBackup: httpGet('/member') } }, ...others] };
}

/** Waits until the query gives a series; returns the moment it did (seconds since the epoch). */
async function untilQuery(expr: string, what: string, timeoutMs = 120_000): Promise<number> {
  return eventually(async () => {
    const at = Date.now() / 1000;
    return (await prometheus.query(expr, at)).length > 0 && at;
  }, { timeoutMs, intervalMs: 1000, what });
}

const sessionsOf = (phase: string) => `sum(restash_backup_sessions_total{namespace="${namespace}", invoker="${BATCH}", phase="${phase}"})`;

/** The workload member the injector patches (its sidecar is what the injector's metrics count). */
async function injectSidecar(): Promise<void> {
  const wordpress = wordpressManifests(namespace, workDir);
  await kubectlApply(wordpress.file);
  const member = {
    target: { alias: 'app', ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'wordpress' }, volumeMounts: [{ name: 'wordpress-persistent-storage', mountPath: '/var/www/html' }], paths: ['/var/www/html'] },
  };
  const batch = { apiVersion: RESOURCES.backupBatch.apiVersion, kind: RESOURCES.backupBatch.kind, metadata: { name: 'app', namespace }, spec: { repository: { name: 'local-repo' }, retentionPolicy: { name: 'keep-last-5', keepLast: 5, prune: true }, members: [member] } };
  await kubectlApply(writeManifest(workDir, 'app-batch', [batch]));
  await untilQuery('restash_injector_patches_total{kind="Deployment", result="applied"} > 0', 'the injector patching the Deployment', 60_000);
}

/** Successful sessions, each member showing its progress (BackupProgress) at 100%. */
async function backUpSuccessfully(): Promise<void> {
  await createBatch(kube, namespace, BATCH, scheduledBatch());
  await untilQuery(`${sessionsOf('Succeeded')} >= 2`, 'two successful scheduled sessions');
  const sessions = new CustomResources<BackupSessionSpec, BackupSessionStatus>(kube, RESOURCES.backupSession);
  const progress = await eventually(async () => {
    const succeeded = (await sessions.list(namespace)).filter((session) => session.metadata.labels?.['stash.appscode.com/invoker-name'] === BATCH && session.status?.phase === 'Succeeded');
    return succeeded.map((session) => (session.status?.targets ?? []).map((target) => `${target.ref.kind}: ${target.conditions?.find((c) => c.type === 'BackupProgress')?.message}`)).find((members) => members.every((member) => member.endsWith('100% done')));
  }, { timeoutMs: 30_000, intervalMs: 500, what: 'a succeeded session with every member’s BackupProgress at 100%' });
  expect(progress).toEqual(['PersistentVolumeClaim: host-0: 100% done', 'AppBinding: host-0: 100% done']);
}

/** The batch paused with no session running, so no prune competes for the repository while a restore reads it. */
async function pauseBatch(paused: boolean): Promise<void> {
  const patched = await kubectl(['patch', 'backupbatch', BATCH, '-n', namespace, '--type', 'merge', '-p', JSON.stringify({ spec: { paused } })]);
  expect(patched.code).toBe(0);
  if (paused) await untilQuery(`absent(restash_backup_oldest_session_age_seconds{namespace="${namespace}", invoker="${BATCH}"})`, 'no session of the batch running', 60_000);
}

/** A RestoreBatch of the database from its latest snapshot (a restore Job), which must succeed. */
async function restoreTheBackup(): Promise<void> {
  await pauseBatch(true);
  const db = { target: { alias: 'db', ref: { apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name: 'mariadb' } } };
  await createRestore(kube, namespace, 'restore-db', { repository: { name: 'local-repo' }, members: [db] });
  expect((await waitForFinalRestore(kube, namespace, 'restore-db')).status?.phase).toBe('Succeeded');
  await untilQuery(`restash_restore_batches{namespace="${namespace}", phase="Succeeded"} > 0`, 'the succeeded RestoreBatch in the metrics', 30_000);
  await untilQuery(`restash_member_runs_total{operation="restore", namespace="${namespace}", invoker="restore-db", kind="AppBinding", result="Succeeded"} > 0`, 'the restore member run in the metrics', 30_000);
  await pauseBatch(false);
}

/** Sessions that fail: the database refuses the password and the volume's preBackup hook answers 500. */
async function failBackups(): Promise<void> {
  const wrong = secrets.find((secret) => secret.name === 'wrong MariaDB password')!.value;
  const original = await kube.core.readNamespacedSecret({ namespace, name: 'mariadb-auth' });
  await kube.core.replaceNamespacedSecret({ namespace, name: 'mariadb-auth', body: { ...original, metadata: { ...original.metadata, resourceVersion: undefined }, stringData: { password: wrong } } });
  hooks.setMode('/member', 'fail');
  await untilQuery(`${sessionsOf('Failed')} >= 2`, 'two failed scheduled sessions');
  await eventually(async () => (await prometheus.alerts()).some((alert) => alert.labels['alertname'] === 'RestashBackupFailed' && alert.labels['invoker'] === BATCH && alert.state === 'firing'), {
    timeoutMs: 30_000,
    intervalMs: 1000,
    what: 'RestashBackupFailed firing for the batch',
  });
}

/**
 * Sessions held Running by the volume's hook: a second scheduled batch with the same hook competes
 * for the one cluster-wide member slot, so one member holds it while another waits. Returns the
 * moment a session of the batch had run past two schedule intervals with a member run waiting.
 */
async function holdSessions(): Promise<number> {
  hooks.setMode('/member', 'hold');
  const competing = batchSpec(['files'], { schedule: `@every ${SCHEDULE_SECONDS}s`, backupHistoryLimit: 10 });
  await createBatch(kube, namespace, 'competing', { ...competing, members: competing.members!.map((member) => ({ ...member, hooks: { preBackup: httpGet('/member') } })) });
  const stuck = ruleQueries(ALERT_RULES).find((rule) => rule.alert === 'RestashBackupSessionStuck')!;
  const stuckBatch = `(${stuck.expr.trim()}) and on (namespace, invoker) restash_backup_batch_schedule_interval_seconds{namespace="${namespace}", invoker="${BATCH}"}`;
  return untilQuery(`${stuckBatch} and on () (max(restash_queue_jobs{state="waiting"}) > 0)`, 'a session Running past two schedule intervals while a member run waits', 120_000);
}

/** The queries that give no series, or only NaN (a panel that would stay empty), at the moment `at`, with what they gave. */
async function emptyQueries(queries: MonitoringQuery[], at: number): Promise<string[]> {
  const empty: string[] = [];
  for (const { source, expr } of queries) {
    const samples = await prometheus.query(expr, at).catch((error: Error) => [{ metric: { error: error.message }, value: Number.NaN }]);
    if (!samples.some((sample) => Number.isFinite(sample.value))) empty.push(`${source}: ${expr} → ${JSON.stringify(samples)}`);
  }
  return empty;
}

describe('restash observed by a real Prometheus: metrics, dashboards, alerts, logs', () => {
  it('has alert rules promtool accepts', async () => {
    const { stdout } = await run('promtool', ['check', 'rules', ALERT_RULES]);
    expect(stdout).toContain('SUCCESS: 5 rules found');
  });

  it('packs the dashboards as ConfigMaps for Grafana’s sidecar, in step with the JSON and accepted by the API server', async () => {
    const { stdout } = await run(process.execPath, [join(repoRoot, 'deploy/grafana/configmaps.mjs'), 'check']);
    expect(stdout).toContain('up to date');
    const applied = await kubectl(['apply', '--dry-run=server', '-n', namespace, '-f', join(repoRoot, 'deploy/grafana/configmaps.yaml')]);
    expect({ code: applied.code, stderr: applied.stderr }).toEqual({ code: 0, stderr: '' });
    expect(applied.stdout).toContain('configmap/restash-dashboard-overview created (server dry run)');
  });

  it('shows a batch backing up, restoring, failing and getting stuck on every dashboard panel and alert rule', async () => {
    const started = Date.now();
    await injectSidecar();
    await backUpSuccessfully();
    await restoreTheBackup();
    await injector.stop(); // a service down, for the RestashServiceDown rule
    await failBackups();
    const at = await holdSessions(); // every panel and rule is evaluated at this moment


    const window = `${Math.ceil(at - started / 1000) + 30}s`;
    const variables = { namespace, __range: window, __rate_interval: window };
    const panels = DASHBOARDS.flatMap(dashboardQueries).map((query) => ({ ...query, expr: withVariables(query.expr, variables) }));
    const rules = ruleQueries(ALERT_RULES);
    expect(panels.length).toBeGreaterThanOrEqual(30);
    expect(rules.map((rule) => rule.alert)).toEqual(['RestashBackupFailed', 'RestashBackupNotRecent', 'RestashBackupSessionStuck', 'RestashQueueBacklog', 'RestashServiceDown']);
    expect(await emptyQueries([...panels, ...rules], at)).toEqual([]);
    for (const variable of DASHBOARDS.flatMap(dashboardVariableQueries)) {
      expect(await prometheus.labelValues(variable.label, variable.metric)).toContain(namespace);
    }
  }, 420_000);

  it('keeps the secrets of those runs out of every service log line and pod log', () => {
    const serviceLogs = new Map([services.scheduler, services.status, ...services.executors, injector].map((service) => [`${service.name}:${service.port}`, service.output.join('')]));
    const pods = podLogs(namespace);
    expect(pods.size).toBeGreaterThanOrEqual(4);
    for (const text of serviceLogs.values()) expect(text.length).toBeGreaterThan(0);
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    expect(findSecretLeaks(new Map([...serviceLogs, ...pods]), secrets)).toEqual([]);
  });
});

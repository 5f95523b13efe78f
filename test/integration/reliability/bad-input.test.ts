import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CoreV1Event } from '@kubernetes/client-node';
import {
  RESOURCES, type BackupBatch, type BackupBatchSpec, type BackupBatchStatus, type BackupMember, type BackupSession, type Condition, type RepositorySpec,
} from '@restash/api';
import { SUBJECTS } from '@restash/events';
import { apiErrorMessage, CustomResources, KubeClient } from '@restash/kube';
import { JetStreamPublisher, NatsConnectionHolder } from '@restash/messaging';
import { createLogger } from '@restash/observability';
import {
  batchSpec, createAppBinding, createBackupFixture, createBatch, createSession, waitForFinalSession, type BackupFixture,
} from '../../support/backup-fixture.js';
import { startBlackHoleServer, type BlackHoleServer } from '../../support/black-hole-server.js';
import { deadLettersSince } from '../../support/dead-letters.js';
import { eventually } from '../../support/eventually.js';
import { freePort } from '../../support/free-port.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { startRestashServices, type RestashServices } from '../../support/restash-services.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const run = promisify(execFile);
const kube = new KubeClient();
const batches = new CustomResources<BackupBatchSpec, BackupBatchStatus>(kube, RESOURCES.backupBatch);
const repositories = new CustomResources<RepositorySpec>(kube, RESOURCES.repository);
// Known before the cases are built: a hook endpoint that never answers, a port nothing listens on, and a second namespace.
const blackHole: BlackHoleServer = await startBlackHoleServer();
const closedPort = await freePort();
// Realistic passwords: every secret value is scrubbed from messages, so a common word would blank out unrelated text.
const appPassword = randomBytes(9).toString('hex');
const otherNamespace = `bad-input-other-${randomBytes(3).toString('hex')}`;
let namespace: string;
let fixture: BackupFixture;
let services: RestashServices;
let nats: NatsConnectionHolder;
let wrongPasswordDir: string;
/** What each bad input was told, for the summary. */
const told: string[] = [];

const appBindingRef = (name: string) => ({ apiVersion: 'appcatalog.appscode.com/v1alpha1', kind: 'AppBinding', name });
const filesMember = (overrides: Partial<BackupMember['target']> = {}): BackupMember => ({ ...batchSpec(['files']).members![0]!, target: { ...batchSpec(['files']).members![0]!.target, ...overrides } });
const databaseMember = (name: string): BackupMember => ({ target: { alias: name, ref: appBindingRef(name) }, task: { name: 'mariadb-backup-10.11' } });
const closedPortHook = { httpGet: { host: '127.0.0.1', port: closedPort, path: '/ready' } };

/** A Repository on its own backend, with a Secret of its own (or none). */
async function createRepository(name: string, spec: Partial<RepositorySpec['backend']>, secret: Record<string, string> | undefined, ns = namespace, usagePolicy?: RepositorySpec['usagePolicy']): Promise<void> {
  if (secret) await kube.core.createNamespacedSecret({ namespace: ns, body: { metadata: { name: `${name}-secret` }, stringData: secret } });
  const backend = { ...(secret && { storageSecretName: `${name}-secret` }), ...spec } as RepositorySpec['backend'];
  await repositories.create({ metadata: { name, namespace: ns }, spec: { backend, ...(usagePolicy && { usagePolicy }) } });
}

const localBackend = (dir: string) => ({ local: { mountPath: '/safe/data', hostPath: { path: dir } } });

/** A bad BackupBatch and the condition (and Warning Event with its reason) it must get. */
interface VerdictCase {
  name: string;
  batch: string;
  spec: Partial<BackupBatchSpec>;
  condition: { type: string; reason: string; message: RegExp; member?: string };
}

/** A bad run and what its instant BackupSession must say: in a target's host error, or in a session condition. */
interface RunCase {
  name: string;
  batch: string;
  spec?: Partial<BackupBatchSpec>;
  /** Where the reason shows: the failed host of this target, or a session-level condition type. */
  reasonIn: { target: string } | { condition: string };
  message: RegExp;
}

const members = (...list: BackupMember[]) => ({ members: list });

const VERDICT_CASES: VerdictCase[] = [
  { name: 'a cron expression out of range', batch: 'cron-range', spec: { schedule: '61 * * * *' }, condition: { type: 'ValidationPassed', reason: 'ResourceValidationFailed', message: /spec\.schedule: invalid cron expression "61 \* \* \* \*"/ } },
  { name: 'a schedule that is not cron', batch: 'cron-words', spec: { schedule: 'every morning' }, condition: { type: 'ValidationPassed', reason: 'ResourceValidationFailed', message: /spec\.schedule: .*every morning/ } },
  { name: 'an unknown target kind', batch: 'kind-cronjob', spec: members({ target: { ref: { apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly' } } }), condition: { type: 'ValidationPassed', reason: 'ResourceValidationFailed', message: /CronJob is not supported/ } },
  { name: 'an unknown target kind (member condition)', batch: 'kind-member', spec: members({ target: { ref: { apiVersion: 'v1', kind: 'ConfigMap', name: 'settings' } } }), condition: { type: 'BackupTargetFound', reason: 'UnsupportedTargetKind', message: /Kind ConfigMap cannot be backed up/, member: 'settings' } },
  { name: 'a Deployment that does not exist', batch: 'missing-deployment', spec: members({ target: { ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ghost' }, paths: ['/data'] } }), condition: { type: 'BackupTargetFound', reason: 'TargetNotAvailable', message: /Deployment .+\/ghost does not exist/, member: 'ghost' } },
  { name: 'a PVC that does not exist', batch: 'missing-pvc', spec: members(filesMember({ ref: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'no-claim' } })), condition: { type: 'BackupTargetFound', reason: 'TargetNotAvailable', message: /PersistentVolumeClaim .+\/no-claim does not exist/, member: 'no-claim' } },
  { name: 'an AppBinding that does not exist', batch: 'missing-appbinding', spec: members(databaseMember('no-db')), condition: { type: 'BackupTargetFound', reason: 'TargetNotAvailable', message: /AppBinding .+\/no-db does not exist/, member: 'no-db' } },
  { name: 'a Repository that does not exist', batch: 'missing-repository', spec: { repository: { name: 'nowhere' } }, condition: { type: 'RepositoryFound', reason: 'RepositoryNotAvailable', message: /Repository .+\/nowhere does not exist/ } },
  { name: 'a Repository of another namespace that does not allow it', batch: 'foreign-repository', spec: { repository: { name: 'foreign', namespace: otherNamespace } }, condition: { type: 'RepositoryFound', reason: 'RepositoryNotAllowed', message: /Repository .+\/foreign may not be used from namespace .+: its usagePolicy\.allowedNamespaces\.from is Same/ } },
  { name: 'a Repository whose namespace selector does not match', batch: 'selector-repository', spec: { repository: { name: 'selective', namespace: otherNamespace } }, condition: { type: 'RepositoryFound', reason: 'RepositoryNotAllowed', message: /Repository .+\/selective may not be used .+selector does not match/ } },
  { name: 'a backend Secret that does not exist', batch: 'missing-secret', spec: { repository: { name: 'secretless' } }, condition: { type: 'BackendSecretFound', reason: 'BackendSecretNotAvailable', message: /Backend Secret .+\/absent-secret does not exist/ } },
  { name: 'a backend Secret without RESTIC_PASSWORD', batch: 'no-password', spec: { repository: { name: 'passwordless' } }, condition: { type: 'BackendSecretFound', reason: 'ResticPasswordMissing', message: /has no RESTIC_PASSWORD/ } },
  { name: 'a Repository without storageSecretName', batch: 'no-secret-name', spec: { repository: { name: 'unnamed-secret' } }, condition: { type: 'BackendSecretFound', reason: 'BackendSecretNotAvailable', message: /sets no spec\.backend\.storageSecretName/ } },
  { name: 'two members with one alias', batch: 'duplicate-alias', spec: members(filesMember(), filesMember()), condition: { type: 'ValidationPassed', reason: 'ResourceValidationFailed', message: /"files" is already the alias of spec\.members\[0\]/ } },
  { name: 'no members', batch: 'no-members', spec: members(), condition: { type: 'ValidationPassed', reason: 'ResourceValidationFailed', message: /spec\.members is empty/ } },
  { name: 'dependsOn an alias no member has', batch: 'unknown-dependency', spec: members({ ...filesMember(), dependsOn: ['nobody'] }), condition: { type: 'ValidationPassed', reason: 'ResourceValidationFailed', message: /no member has the alias "nobody"/ } },
  { name: 'members depending on each other', batch: 'dependency-cycle', spec: members({ ...databaseMember('mariadb'), dependsOn: ['files'] }, { ...filesMember(), dependsOn: ['mariadb'] }), condition: { type: 'ValidationPassed', reason: 'ResourceValidationFailed', message: /in a cycle/ } },
  { name: 'the VolumeSnapshotter driver', batch: 'volume-snapshotter', spec: { driver: 'VolumeSnapshotter' }, condition: { type: 'ValidationPassed', reason: 'Unsupported', message: /VolumeSnapshotter is not supported/ } },
  { name: 'a name too long for the sessions’ labels', batch: `long-${'x'.repeat(60)}`, spec: {}, condition: { type: 'ValidationPassed', reason: 'ResourceValidationFailed', message: /at most 63 characters/ } },
];

const RUN_CASES: RunCase[] = [
  { name: 'a wrong restic password', batch: 'wrong-restic-password', spec: { repository: { name: 'wrong-password' }, ...members(filesMember()) }, reasonIn: { target: 'files' }, message: /wrong password/ },
  { name: 'an unreachable backend', batch: 'unreachable-backend', spec: { repository: { name: 'unreachable' }, ...members(filesMember()) }, reasonIn: { target: 'files' }, message: /connection refused/i },
  { name: 'a member hook URL nothing listens on', batch: 'bad-hook-url', spec: members({ ...filesMember(), hooks: { preBackup: closedPortHook } }), reasonIn: { target: 'files' }, message: /preBackup hook failed: GET http:\/\/127\.0\.0\.1:\d+\/ready failed: .*(refused|ECONNREFUSED)/i },
  { name: 'a member hook that never answers', batch: 'hook-timeout', spec: members({ ...filesMember(), hooks: { preBackup: { httpGet: { host: '127.0.0.1', port: blackHole.port, path: '/' } } } }), reasonIn: { target: 'files' }, message: /preBackup hook.*(timed out|timeout|aborted)/i },
  { name: 'a path that does not exist', batch: 'missing-path', spec: members(filesMember({ paths: ['/data/no-such-dir'] })), reasonIn: { target: 'files' }, message: /no-such-dir.*(does not exist|no such file)/i },
  { name: 'a database that refuses the connection', batch: 'refusing-database', spec: members(databaseMember('refusing')), reasonIn: { target: 'refusing' }, message: /Can't connect|refused/i },
  { name: 'a wrong database password', batch: 'wrong-db-password', spec: members(databaseMember('wrong-auth')), reasonIn: { target: 'wrong-auth' }, message: /Access denied/ },
  { name: 'an AppBinding whose Secret does not exist', batch: 'appbinding-no-secret', spec: members(databaseMember('secretless-db')), reasonIn: { target: 'secretless-db' }, message: /Secret .+\/secretless-db-missing not found/ },
  { name: 'an AppBinding of an engine restash cannot dump', batch: 'unknown-engine', spec: members({ target: { alias: 'mongo', ref: appBindingRef('mongo') }, task: { name: 'mongodb-backup-6' } }), reasonIn: { target: 'mongo' }, message: /AppBinding type "mongodb" is not a supported database/ },
  { name: 'a global preBackup hook that fails', batch: 'global-hook', spec: { hooks: { preBackup: closedPortHook }, ...members(filesMember()) }, reasonIn: { condition: 'GlobalPreBackupHookSucceeded' }, message: /global preBackup hook failed: GET .* failed: .*(refused|ECONNREFUSED)/i },
  { name: 'an instant session of a BackupBatch that does not exist', batch: 'no-such-batch', reasonIn: { condition: 'BackupExecutionFinished' }, message: /BackupBatch .+\/no-such-batch not found/ },
];

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'bad-input');
  await kube.core.createNamespace({ body: { metadata: { name: otherNamespace, labels: { 'restash.dev/test': 'bad-input' } } } });
  [fixture, services] = await Promise.all([createBackupFixture(kube, namespace), startRestashServices()]);
  nats = await NatsConnectionHolder.open(process.env['NATS_URL']!, 'bad-input-test', createLogger({ service: 'bad-input-test', level: 'silent' }));

  const mariadb = new URL(process.env['MARIADB_URL']!);
  wrongPasswordDir = mkdtempSync(join(tmpdir(), 'restash-wrong-password-'));
  await run('restic', ['init', '-r', join(wrongPasswordDir, 'persistentvolumeclaim', 'files')], { env: { ...process.env, RESTIC_PASSWORD: 'the-password-it-was-made-with' } });
  await Promise.all([
    createRepository('foreign', localBackend(fixture.repositoryDir), { RESTIC_PASSWORD: 'x' }, otherNamespace),
    createRepository('selective', localBackend(fixture.repositoryDir), { RESTIC_PASSWORD: 'x' }, otherNamespace, { allowedNamespaces: { from: 'Selector', selector: { matchLabels: { team: 'payments' } } } }),
    createRepository('secretless', { ...localBackend(fixture.repositoryDir), storageSecretName: 'absent-secret' }, undefined),
    createRepository('passwordless', localBackend(fixture.repositoryDir), { AWS_ACCESS_KEY_ID: 'not-a-password' }),
    createRepository('unnamed-secret', localBackend(fixture.repositoryDir), undefined),
    createRepository('wrong-password', localBackend(wrongPasswordDir), { RESTIC_PASSWORD: 'not-the-password' }),
    createRepository('unreachable', { rest: { url: `http://127.0.0.1:${closedPort}/` } }, { RESTIC_PASSWORD: 'x' }),
    createAppBinding(kube, namespace, 'refusing', 'mariadb', `mysql://127.0.0.1:${closedPort}/app`, 'app', appPassword),
    createAppBinding(kube, namespace, 'wrong-auth', 'mariadb', `mysql://${mariadb.hostname}:${mariadb.port}/${fixture.mariadbDatabase}`, 'root', 'not-the-root-password'),
    createAppBinding(kube, namespace, 'mongo', 'mongodb', 'mongodb://127.0.0.1:27017/app', 'app', appPassword),
  ]);
  await new CustomResources(kube, RESOURCES.appBinding).create({
    metadata: { name: 'secretless-db', namespace },
    spec: { type: 'mariadb', clientConfig: { url: `mysql://${mariadb.hostname}:${mariadb.port}/app` }, secret: { name: 'secretless-db-missing' } },
  });
}, 180_000);

afterAll(async () => {
  await services?.stop();
  await nats?.close();
  await blackHole.close();
  await Promise.all([deleteTestNamespace(kube, namespace), deleteTestNamespace(kube, otherNamespace)]);
  await fixture?.cleanup();
  if (wrongPasswordDir) rmSync(wrongPasswordDir, { recursive: true, force: true });
});

async function eventsOn(kind: string, name: string): Promise<CoreV1Event[]> {
  return (await kube.core.listNamespacedEvent({ namespace, fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}` })).items;
}

function conditionOf(batch: BackupBatch, c: VerdictCase['condition']): Condition | undefined {
  const list = c.member ? batch.status?.memberConditions?.find((m) => m.target.name === c.member)?.conditions : batch.status?.conditions;
  return list?.find((condition) => condition.type === c.type);
}

function runReason(session: BackupSession, where: RunCase['reasonIn']): string | undefined {
  if ('condition' in where) return session.status?.conditions?.find((c) => c.type === where.condition)?.message;
  const target = session.status?.targets?.find((t) => t.ref.name === where.target);
  return target?.stats?.find((host) => host.phase === 'Failed')?.error;
}

/** The API server's answer to creating a BackupBatch with `spec` (empty when it accepted it). */
async function apiRefusal(name: string, spec: object): Promise<string> {
  try {
    await batches.create({ metadata: { name, namespace }, spec: spec as BackupBatchSpec });
    return '';
  } catch (error) {
    return apiErrorMessage(error);
  }
}

describe('bad input: each mistake is named on the right object, nothing crashes, nothing retries, nothing else is disturbed', () => {
  it.each(VERDICT_CASES.map((c) => [c.name, c] as const))('a BackupBatch with %s gets a False condition and a Warning Event saying so', async (_name, c) => {
    await createBatch(kube, namespace, c.batch, { ...batchSpec(['files']), schedule: '@every 5s', ...c.spec });
    const batch = await eventually(async () => {
      const current = (await batches.get(namespace, c.batch)) as BackupBatch;
      return conditionOf(current, c.condition)?.status === 'False' ? current : undefined;
    }, { timeoutMs: 20_000, intervalMs: 250, what: `${c.condition.type} False on ${c.batch}` });
    const condition = conditionOf(batch, c.condition)!;
    told.push(`BackupBatch ${c.batch}: ${condition.type}=False ${condition.reason}: ${condition.message}`);
    expect([condition.reason, condition.message]).toEqual([c.condition.reason, expect.stringMatching(c.condition.message)]);
    const events = await eventually(async () => {
      const found = (await eventsOn('BackupBatch', c.batch)).filter((e) => e.type === 'Warning' && e.reason === c.condition.reason);
      return found.length > 0 ? found : undefined;
    }, { timeoutMs: 10_000, what: `a Warning Event ${c.condition.reason} on ${c.batch}` });
    expect(events.map((e) => e.message).join('\n')).toMatch(c.condition.message);
    expect(batch.status?.conditions?.find((cond) => cond.type === 'ScheduleRegistered')?.status).toBe('False');
  });

  it.each(RUN_CASES.map((c) => [c.name, c] as const))('a session with %s ends Failed, the reason in its status and a Warning Event', async (_name, c) => {
    if (c.spec) await createBatch(kube, namespace, c.batch, { ...batchSpec(['files']), ...c.spec });
    const session = await createSession(kube, namespace, c.batch, `${c.batch}-now`).then(() => waitForFinalSession(kube, namespace, `${c.batch}-now`, 90_000));
    expect(session.status?.phase).toBe('Failed');
    told.push(`BackupSession ${c.batch}-now: Failed: ${runReason(session, c.reasonIn)}`);
    expect(runReason(session, c.reasonIn)).toMatch(c.message);
    const events = await eventually(async () => {
      const found = (await eventsOn('BackupSession', `${c.batch}-now`)).filter((e) => e.type === 'Warning');
      return found.length > 0 ? found : undefined;
    }, { timeoutMs: 10_000, what: `a Warning Event on ${c.batch}-now` });
    expect(events.map((e) => e.message).join('\n')).toMatch(c.message);
  }, 120_000);

  it.each([
    ['an unknown executionOrder', { ...batchSpec(['files']), executionOrder: 'Random' }, /executionOrder: Unsupported value: "Random"/],
    ['a repository without a name', { ...batchSpec(['files']), repository: {} }, /spec\.repository\.name: Required value/],
    ['a count that is not a number', { ...batchSpec(['files']), backupHistoryLimit: 'five' }, /backupHistoryLimit: Invalid value: "string"/],
    ['a timeOut that is not a duration', { ...batchSpec(['files']), timeOut: 'soon' }, /timeOut: Invalid value: "soon"/],
    ['a member without a target', { ...batchSpec([]), members: [{ task: { name: 'mariadb-backup-10.11' } }] }, /spec\.members\[0\]\.target: Required value/],
  ] as const)('the API server refuses a BackupBatch with %s, saying which field', async (_name, spec, message) => {
    const refusal = await apiRefusal(`refused-${Math.random().toString(36).slice(2, 8)}`, spec);
    told.push(`API server: ${refusal}`);
    expect(refusal).toMatch(message);
  });

  it('dead-letters malformed, invalid and oversized run requests once each, and ignores one for a session that is gone', async () => {
    const since = new Date();
    const publisher = new JetStreamPublisher(nats);
    await nats.jetstream.publish(SUBJECTS.backupRun, 'not json {', { msgID: `bad-json-${namespace}` });
    await publisher.publish(SUBJECTS.backupRun, { kind: 'BackupSession', object: { namespace } }, `bad-shape-${namespace}`);
    await publisher.publish(SUBJECTS.backupRun, { kind: 'BackupSession', padding: 'x'.repeat(400 * 1024) }, `bad-size-${namespace}`);
    await publisher.publish(SUBJECTS.sessionStatus, { type: 'host-result', session: namespace }, `bad-status-${namespace}`);
    const gone = await createSession(kube, namespace, 'no-members', 'deleted-before-run');
    await new CustomResources(kube, RESOURCES.backupSession).delete(namespace, 'deleted-before-run');
    await publisher.publish(SUBJECTS.backupRun, { kind: 'BackupSession', object: { namespace, name: gone.metadata.name!, uid: gone.metadata.uid! }, requestedAt: new Date().toISOString() }, `gone-${namespace}`);

    const letters = await eventually(async () => {
      const found = (await deadLettersSince(nats, since)).filter((l) => l.data.includes(namespace) || l.data.startsWith('not json') || l.error.includes('byte limit'));
      return found.length >= 4 ? found : undefined;
    }, { timeoutMs: 20_000, what: 'four dead letters' });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const final = (await deadLettersSince(nats, since)).filter((l) => l.data.includes(namespace) || l.data.startsWith('not json') || l.error.includes('byte limit'));
    expect(final.length).toBe(letters.length);
    expect(final.map((l) => [l.subject, l.deliveries])).toEqual(expect.arrayContaining([[SUBJECTS.backupRun, 1], [SUBJECTS.sessionStatus, 1]]));
    expect(final.map((l) => l.error).join('\n')).toMatch(/message body is not JSON/);
    expect(final.map((l) => l.error).join('\n')).toMatch(/over the 262144 byte limit/);
    expect(final.some((l) => l.data.includes('deleted-before-run'))).toBe(false);
    expect((await kube.batch.listNamespacedJob({ namespace, labelSelector: 'restash.dev/session=deleted-before-run' })).items).toEqual([]);
  });

  it('leaves everything else alone: a good batch still backs up, no service crashed or retried in a storm', async () => {
    await createBatch(kube, namespace, 'control', batchSpec(['mariadb', 'files']));
    const session = await createSession(kube, namespace, 'control', 'control-now').then(() => waitForFinalSession(kube, namespace, 'control-now'));
    expect(session.status?.phase).toBe('Succeeded');
    const processes = [services.scheduler, services.status, ...services.executors];
    expect(processes.map((p) => [p.name, p.child.exitCode])).toEqual(processes.map((p) => [p.name, null]));
    for (const p of processes) expect((await fetch(p.url('/healthz'))).ok).toBe(true);
    const logs = processes.map((p) => p.output.join('')).join('');
    expect(logs.match(/"msg":"message handler failed; will retry"/g) ?? []).toEqual([]);
    expect(logs.match(/"msg":"queue job failed"/g) ?? []).toEqual([]);
    // Each bad batch was told once per distinct problem, not over and over (Events are counted, not repeated).
    for (const c of VERDICT_CASES) {
      const warnings = (await eventsOn('BackupBatch', c.batch)).filter((e) => e.type === 'Warning');
      expect([c.batch, warnings.reduce((sum, e) => sum + (e.count ?? 1), 0)]).toEqual([c.batch, expect.any(Number)]);
      expect(warnings.reduce((sum, e) => sum + (e.count ?? 1), 0)).toBeLessThanOrEqual(4);
    }
    const tried = VERDICT_CASES.length + RUN_CASES.length + 5 + 5;
    console.log(`bad input: what each was told:\n${told.join('\n')}`);
    console.log(`bad input: ${tried} bad inputs tried (${VERDICT_CASES.length} batch verdicts, ${RUN_CASES.length} failing runs, 5 API refusals, 5 bad messages); services crashed: 0; retries: 0; the control session ${session.status?.phase}`);
    expect(tried).toBeGreaterThanOrEqual(30);
  }, 120_000);
});

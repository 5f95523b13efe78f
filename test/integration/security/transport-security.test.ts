import { readFileSync, rmSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import type { V1Job } from '@kubernetes/client-node';
import { KubeClient } from '@restash/kube';
import { batchSpec, createBackupFixture, createBatch, createSession, resticSnapshots, waitForFinalSession, type BackupFixture } from '../../support/backup-fixture.js';
import { eventually } from '../../support/eventually.js';
import { requireLocalNode } from '../../support/local-node-ready.js';
import { createRestore, waitForFinalRestore } from '../../support/restore-fixture.js';
import { startRestashServices, type RestashServices } from '../../support/restash-services.js';
import { findSecretLeaks, podLogs, type NamedSecret } from '../../support/secret-leaks.js';
import { startSecureTransports, type SecureTransports } from '../../support/secure-transports.js';
import { waitForSidecarPod } from '../../support/pod-waits.js';
import { spawnService, startService, type ServiceProcess } from '../../support/service-process.js';
import { stackDir } from '../../support/stack-env.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';
import { createSleepingDeployment, seedClaim, sleepingDeploymentMember } from '../../support/workload-fixture.js';

const kube = new KubeClient();
let namespace: string;
let fixture: BackupFixture;
let transports: SecureTransports;
let services: RestashServices | undefined;
let injector: ServiceProcess | undefined;
/** Services a refusal test started: their output is checked for leaks too. */
const refused: ServiceProcess[] = [];

beforeAll(async () => {
  await requireLocalNode(kube);
  namespace = await createTestNamespace(kube, 'transport');
  fixture = await createBackupFixture(kube, namespace);
  await createSleepingDeployment(kube, namespace, 'notes');
  seedClaim(namespace, 'notes', { 'notes.txt': 'remember the milk\n' });
  transports = await startSecureTransports();
  [services, injector] = await Promise.all([
    startRestashServices({ executors: 1, env: transports.serviceEnv(), executorEnv: { AGENT_RESULT_POLL_MS: '250', AGENT_RESULT_TIMEOUT_SECONDS: '90' } }),
    startService('injector', { ...transports.serviceEnv(), RESTASH_IMAGE: 'restash:dev' }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([services?.stop(), injector?.stop()]);
  await Promise.all(refused.map((service) => service.stop()));
  await deleteTestNamespace(kube, namespace);
  await fixture?.cleanup();
  await transports?.stop();
});

const secrets = (): NamedSecret[] => [
  { name: 'NATS password', value: transports.nats.password },
  { name: 'Redis password', value: transports.redis.password },
  { name: 'Redis default password', value: transports.redis.defaultPassword },
];

/** Starts a service against the secure transports with some settings changed, not waiting for readiness. */
async function startMisconfigured(name: string, overrides: Record<string, string>): Promise<ServiceProcess> {
  const service = await spawnService(name, { ...transports.serviceEnv(), ...overrides });
  refused.push(service);
  return service;
}

/** Whether the service's /readyz answers OK (a service that is not listening is not ready either). */
async function isReady(service: ServiceProcess): Promise<boolean> {
  return fetch(service.url('/readyz')).then((response) => response.ok, () => false);
}

describe('transport security: NATS over mutual TLS with user/password, Redis over mutual TLS with an ACL user', () => {
  it('runs a BackupSession end to end: services, the stash sidecar and the member Job pod reach NATS over TLS with credentials from Secrets', async () => {
    await createBatch(kube, namespace, 'secure', { ...batchSpec([]), members: [sleepingDeploymentMember('notes'), ...batchSpec(['files']).members!], executionOrder: 'Sequential' });
    const pod = await waitForSidecarPod(kube, namespace, 'app=notes');
    const stash = pod.spec!.containers.find((c) => c.name === 'stash')!;
    const repositorySecret = 'stash-repository-deployment-notes';
    expect(stash.env).toEqual(expect.arrayContaining([
      { name: 'NATS_URL', value: transports.nats.url },
      { name: 'NATS_PASSWORD', valueFrom: { secretKeyRef: { name: repositorySecret, key: 'nats-password', optional: true } } },
      { name: 'NATS_TLS_CA_FILE', value: '/etc/restash/repository/nats-ca.crt' },
    ]));
    expect(JSON.stringify(pod)).not.toContain(transports.nats.password);

    await createSession(kube, namespace, 'secure', 'secure-1');
    const session = await waitForFinalSession(kube, namespace, 'secure-1', 150_000);
    expect(session.status?.phase).toBe('Succeeded');
    // the agent and the Job's runner published their host results (with stats) over TLS: nothing else reports them
    expect(session.status?.targets?.map((target) => target.stats?.[0])).toEqual([
      expect.objectContaining({ hostname: 'host-0', phase: 'Succeeded' }),
      expect.objectContaining({ hostname: 'host-0', phase: 'Succeeded' }),
    ]);
    expect((await resticSnapshots(fixture, 'deployment/notes')).map((s) => s.paths)).toEqual([['/data']]);
    expect((await resticSnapshots(fixture, 'persistentvolumeclaim/files')).map((s) => s.paths)).toEqual([['/data']]);

    const [job] = (await kube.batch.listNamespacedJob({ namespace, labelSelector: 'restash.dev/session=secure-1' })).items as V1Job[];
    const container = job!.spec!.template.spec!.containers[0]!;
    const jobName = job!.metadata!.name!;
    expect(container.env).toEqual(expect.arrayContaining([
      { name: 'NATS_USER', valueFrom: { secretKeyRef: { name: jobName, key: 'nats-user' } } },
      { name: 'NATS_PASSWORD', valueFrom: { secretKeyRef: { name: jobName, key: 'nats-password' } } },
      { name: 'NATS_TLS_CA_FILE', value: '/etc/restash/nats/nats-ca.crt' },
      { name: 'NATS_TLS_CERT_FILE', value: '/etc/restash/nats/nats-client.crt' },
      { name: 'NATS_TLS_KEY_FILE', value: '/etc/restash/nats/nats-client.key' },
    ]));
    expect(JSON.stringify(job)).not.toContain(transports.nats.password);
    const runSecret = await kube.core.readNamespacedSecret({ namespace, name: jobName });
    expect(Buffer.from(runSecret.data!['nats-password']!, 'base64').toString()).toBe(transports.nats.password);
    const spec = JSON.parse(Buffer.from(runSecret.data!['run.json']!, 'base64').toString()) as { natsUrl: string };
    expect(spec.natsUrl).toBe(transports.nats.url);
  }, 240_000);

  it('restores through the same transports: the restore Job and the stash-init container reach NATS over TLS', async () => {
    const volume = (claim: string, file: string) => join(stackDir, 'volumes', namespace, claim, file);
    rmSync(volume('notes', 'notes.txt'));
    rmSync(volume('files', 'index.html'));
    const mount = (name: string) => ({ volumeMounts: [{ name, mountPath: '/data' }] });
    await createRestore(kube, namespace, 'secure-restore', {
      repository: { name: 'local-repo' },
      members: [
        { target: { alias: 'notes', ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'notes' }, ...mount('notes') } },
        { target: { alias: 'files', ref: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'files' }, ...mount('files') } },
      ],
    });
    const restore = await waitForFinalRestore(kube, namespace, 'secure-restore');
    expect(restore.status?.phase).toBe('Succeeded');
    expect(readFileSync(volume('notes', 'notes.txt'), 'utf8')).toBe('remember the milk\n');
    expect(readFileSync(volume('files', 'index.html'), 'utf8')).toBe(fixture.files['index.html']);
  }, 240_000);

  it('refuses a plaintext client on both servers', async () => {
    // a client that does not start TLS gets NATS's refusal and nothing from Redis's TLS port
    const natsReply = await plaintextExchange(transports.nats.port, 'CONNECT {"verbose":false}\r\nPING\r\n');
    expect(natsReply).not.toContain('PONG');
    const redisReply = await plaintextExchange(transports.redis.port, `AUTH ${transports.redis.username} ${transports.redis.password}\r\nPING\r\n`);
    expect(redisReply).not.toContain('+PONG');

    // restash without the CA cannot trust the server: it stops with one clear line
    const untrusted = await startMisconfigured('status', { NATS_TLS_CA_FILE: '' });
    expect(await untrusted.exited).toBe(1);
    expect(untrusted.output.join('')).toMatch(/status cannot start: TLS with NATS at tls:\/\/127\.0\.0\.1:\d+ failed: .*certificate/);

    // a plaintext Redis URL against the TLS-only port never becomes ready
    const plainRedis = await startMisconfigured('executor', { REDIS_URL: `redis://127.0.0.1:${transports.redis.port}`, REDIS_TLS_CA_FILE: '', REDIS_TLS_CERT_FILE: '', REDIS_TLS_KEY_FILE: '' });
    await eventually(async () => /Redis at redis:\/\/127\.0\.0\.1:\d+\/? is not reachable/.test(plainRedis.output.join('')), { timeoutMs: 30_000, what: 'the executor reports Redis unreachable' });
    expect(await isReady(plainRedis)).toBe(false);
  }, 90_000);

  it('refuses a wrong NATS password: the service stops with a clear error that does not print the password', async () => {
    const wrong = 'wrong-nats-password-123';
    const service = await startMisconfigured('scheduler', { NATS_PASSWORD: wrong });
    expect(await service.exited).toBe(1);
    const output = service.output.join('');
    expect(output).toMatch(/scheduler cannot start: NATS at tls:\/\/127\.0\.0\.1:\d+ refused the credentials: Authorization Violation \(NATS_USER=restash \/ NATS_PASSWORD\)/);
    expect(output).not.toContain(wrong);
    expect(await isReady(service)).toBe(false);
  }, 60_000);

  it('refuses a wrong Redis password: the executor is not ready and says why without the password', async () => {
    const wrong = 'wrong-redis-password-123';
    const executor = await startMisconfigured('executor', { REDIS_PASSWORD: wrong });
    await eventually(async () => /refused the credentials: WRONGPASS/.test(executor.output.join('')), { timeoutMs: 30_000, what: 'the executor reports WRONGPASS' });
    const readyz = await eventually(async () => {
      const response = await fetch(executor.url('/readyz'));
      return response.status === 503 ? ((await response.json()) as { checks: Record<string, { ok: boolean; error?: string }> }) : undefined;
    }, { what: 'the executor answers /readyz with 503' }).catch((error: Error) => {
      throw new Error(`${error.message}\n${executor.output.join('')}`);
    });
    expect(readyz.checks['redis']).toEqual({ ok: false, error: expect.stringMatching(/Redis at rediss:\/\/127\.0\.0\.1:\d+\/? refused the credentials: WRONGPASS .*\(check REDIS_USERNAME=restash and REDIS_PASSWORD\)/) });
    expect(readyz.checks['nats']).toEqual({ ok: true });
    expect(executor.output.join('')).not.toContain(wrong);
  }, 60_000);

  it('names a missing TLS file at startup', async () => {
    const service = await startMisconfigured('status', { NATS_TLS_CA_FILE: '/nonexistent/ca.crt' });
    expect(await service.exited).toBe(1);
    expect(service.output.join('')).toContain('status cannot start: NATS_TLS_CA_FILE=/nonexistent/ca.crt cannot be read (ENOENT)');
  }, 30_000);

  it('never writes the passwords into a service log, a pod log or a status', async () => {
    const outputs = [...(services ? [services.scheduler, services.status, ...services.executors] : []), ...(injector ? [injector] : []), ...refused];
    const logs = new Map<string, string>([
      ...outputs.map((service, i): [string, string] => [`${service.name}#${i}`, service.output.join('')]),
      ...podLogs(namespace),
    ]);
    expect(logs.size).toBeGreaterThan(4);
    const statuses = await kube.customObjects.listNamespacedCustomObject({ group: 'stash.appscode.com', version: 'v1beta1', namespace, plural: 'backupsessions' });
    const batches = await kube.customObjects.listNamespacedCustomObject({ group: 'stash.appscode.com', version: 'v1beta1', namespace, plural: 'backupbatches' });
    const restores = await kube.customObjects.listNamespacedCustomObject({ group: 'stash.appscode.com', version: 'v1beta1', namespace, plural: 'restorebatches' });
    const events = await kube.core.listNamespacedEvent({ namespace });
    logs.set('RestoreBatch status', JSON.stringify(restores));
    logs.set('BackupSession status', JSON.stringify(statuses));
    logs.set('BackupBatch status', JSON.stringify(batches));
    logs.set('Events', JSON.stringify(events.items.map((event) => event.message)));
    expect(findSecretLeaks(logs, secrets())).toEqual([]);
  });
});

/** Speaks plain TCP to a port and returns what came back before the server closed or went quiet. */
function plaintextExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = netConnect({ host: '127.0.0.1', port }, () => socket.write(text));
    const done = () => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('close', done);
    socket.once('error', done);
    setTimeout(done, 3000).unref();
  });
}
